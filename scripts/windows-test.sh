#!/usr/bin/env bash
# Builds for Windows and runs the Windows suites under Wine (arguments go to ctest). Wine's
# prefix lives in the build folder. Wine's services inherit the output pipe of whoever starts Wine
# first, and ctest waits on that pipe until they exit (seconds per test, or for ever): so the
# wineserver and the prefix are started here, output to /dev/null, before ctest, and stopped after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-$root/build-windows}
"$root/scripts/install-deps.sh" windows

# Started before the build too: listing the net suite's cases runs it under Wine after linking.
export WINEPREFIX=$BUILD_DIR/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$WINEPREFIX"
stop_wine() { wineserver -k >/dev/null 2>&1 || true; }
trap stop_wine EXIT
stop_wine  # a server left by an earlier run would still hold the old pipe
wineserver -p >/dev/null 2>&1
wine cmd /c exit >/dev/null 2>&1 </dev/null
"$root/scripts/windows-build.sh"

# Suites that open a window need an X server; start Xvfb only when none is given.
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'stop_wine; kill "$xvfb_pid" 2>/dev/null || true' EXIT
  export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1
fi

cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)" "$@"
