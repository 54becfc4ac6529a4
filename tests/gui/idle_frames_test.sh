#!/usr/bin/env bash
# A widget with data and no input draws at most 3 frames in an idle minute. Counted from --stats:
# the frames of a run that idles a full minute, less those of an otherwise identical run that does
# not (start-up and shutdown), so no timing is asserted.
source "$(dirname "$0")/lib.sh"

frames_after() {
  local idle=$1
  start_widget --demo --stats
  wait_for_window
  sleep 2
  sleep "$idle"
  kill -TERM "$widget_pid"
  wait_exit "$widget_pid" 10
  [ "$exit_code" -eq 0 ] || fail "exit code $exit_code"
  sed -n 's/^stats: frames=\([0-9]*\) .*/\1/p' "$work/widget.err"
}

base=$(frames_after 0)
idle=$(frames_after 60)
echo "frames: start-up and shutdown $base, with an idle minute $idle"
[ -n "$base" ] && [ -n "$idle" ] || fail "no stats line"
[ $((idle - base)) -le 3 ] || fail "$((idle - base)) frames in an idle minute"
grep '^stats:' "$work/widget.err"
echo PASS
