#!/usr/bin/env bash
# Installs what is missing, builds, and starts the widget. Arguments go to the program
# (for example: scripts/run.sh --demo). Only what running needs: the test suites are not configured
# in a new build folder (scripts/test.sh turns them on) and only the two programs are built.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
"$root/scripts/install-deps.sh" build
[ -f "$build/CMakeCache.txt" ] || export CUT_BUILD_TESTS=OFF
TARGET=claude-usage-tracker "$root/scripts/build.sh"
exec "$build/claude-usage-tracker" "$@"
