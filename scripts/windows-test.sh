#!/usr/bin/env bash
# Builds for Windows and runs the Windows suites under Wine (arguments go to ctest). Wine's
# prefix lives in the build folder. Wine's services inherit the output pipe of whoever starts Wine
# first, and ctest waits on that pipe until they exit (seconds per test, or for ever): so the
# wineserver and the prefix are started here, output to /dev/null, before ctest, and stopped after.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-$root/build-windows}
# The test mode's packages include the Windows ones, and what builds the two Linux programs of this
# tree that the Windows tests use: the loopback HTTPS server (playing claude.ai) and the PNG reader.
"$root/scripts/install-deps.sh" test
for host_target in test_https_server gui_png_probe; do
  BUILD_DIR=$root/build CUT_BUILD_TESTS=ON TARGET=$host_target "$root/scripts/build.sh" >/dev/null
done

# Suites that open a window need an X server; start Xvfb only when none is given, on a free display,
# before Wine starts, and wait until it takes connections: a window opened earlier fails.
xvfb_pid=
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null; then
  n=90
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  export DISPLAY=:$n LIBGL_ALWAYS_SOFTWARE=1
fi

# Started before the build too: listing the net suite's cases runs it under Wine after linking.
export WINEPREFIX=$BUILD_DIR/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$WINEPREFIX"
stop_wine() { wineserver -k >/dev/null 2>&1 || true; }
trap 'stop_wine; if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi' EXIT
stop_wine  # a server left by an earlier run would still hold the old pipe
wineserver -p >/dev/null 2>&1
# Making the prefix (wineboot, several seconds) overlaps building the dependencies; the build itself
# waits for it, as it runs Wine.
wine cmd /c exit >/dev/null 2>&1 </dev/null &
prefix_pid=$!
"$root/scripts/windows-deps.sh"
wait "$prefix_pid"
CUT_WINE_RUNNING=1 "$root/scripts/windows-build.sh"
built_at=$SECONDS

cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)" "$@"
# What the Windows part cost, for CI's log: the budget is five minutes on a machine with the packages.
echo "windows-test.sh: ${built_at} s to set up and build, $((SECONDS - built_at)) s of tests under Wine"
