#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, loopback HTTPS, processes, and the
# real-window tests under Xvfb). Arguments go to ctest (for example: scripts/test.sh -L unit).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" test
CUT_BUILD_TESTS=ON "$root/scripts/build.sh"
cd "${BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)" "$@"
