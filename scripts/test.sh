#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, loopback HTTPS, processes, and the
# real-window tests under Xvfb), then the Windows build's suites under Wine (scripts/windows-test.sh).
# Arguments go to the Linux ctest alone (for example: scripts/test.sh -L unit), and then the Windows
# suites are left out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" test
CUT_BUILD_TESTS=ON "$root/scripts/build.sh"
(cd "${BUILD_DIR:-$root/build}" && ctest --output-on-failure -j "$(nproc)" "$@")
[ $# -eq 0 ] || exit 0
BUILD_DIR= "$root/scripts/windows-test.sh"
