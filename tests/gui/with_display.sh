#!/usr/bin/env bash
# Runs a command against a private X server: Xvfb on a free display (chosen by Xvfb itself through
# -displayfd), optionally the openbox window manager, Mesa's software OpenGL. Everything started here
# is stopped when the command ends, however it ends.
#
# Usage: with_display.sh [--wm] [--size WxH] -- command [args...]
set -euo pipefail

wm=false
size=1280x800
while [ $# -gt 0 ]; do
  case "$1" in
    --wm) wm=true; shift ;;
    --size) size=$2; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [--wm] [--size WxH] -- command [args...]" >&2; exit 2; }

workdir=$(mktemp -d "${TMPDIR:-/tmp}/cut-display.XXXXXX")
xvfb_pid=""
wm_pid=""
cleanup() {
  local code=$?
  for pid in $wm_pid $xvfb_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $wm_pid $xvfb_pid; do
    # Give each a moment, then make sure.
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$workdir"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Xvfb writes the display number it picked to the fd given with -displayfd once it accepts clients.
mkfifo "$workdir/displayfd"
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$workdir/displayfd" \
  >"$workdir/xvfb.log" 2>&1 &
xvfb_pid=$!
display=""
if ! read -r -t 10 display <"$workdir/displayfd" || [ -z "$display" ]; then
  echo "with_display.sh: Xvfb did not start:" >&2
  cat "$workdir/xvfb.log" >&2
  exit 1
fi
export DISPLAY=":$display"
export LIBGL_ALWAYS_SOFTWARE=1

if $wm; then
  openbox --sm-disable >"$workdir/openbox.log" 2>&1 &
  wm_pid=$!
  # openbox is ready once it has claimed the screen's window-manager selection.
  for _ in $(seq 1 50); do
    if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id'; then break; fi
    sleep 0.1
  done
fi

# Not exec: the traps must run after the command.
set +e
"$@"
code=$?
set -e
exit $code
