#!/usr/bin/env bash
# One widget per user: a second launch with the same state folder says the first is running, asks
# it to come forward and exits 0; the first keeps running.
source "$(dirname "$0")/lib.sh"

start_widget --demo
first=$widget_pid
wait_for_window

set +e
"$CUT_BINARY" $(widget_args) --demo >"$work/second.out" 2>"$work/second.err"
code=$?
set -e
[ "$code" -eq 0 ] || fail "the second launch exited $code: $(cat "$work/second.err")"
grep -q "already running" "$work/second.out" || fail "the second launch did not say so: $(cat "$work/second.out")"
sleep 0.3
kill -0 "$first" 2>/dev/null || fail "the first widget went away"
[ "$(xdotool search --onlyvisible --name '^Claude Usage Tracker$' | wc -l)" -eq 1 ] || fail "more than one window"

# A one-shot render (--frames) is not an instance: it runs beside the widget.
"$CUT_BINARY" $(widget_args) --demo --frames 2 --screenshot "$work/beside.png" 2>"$work/beside.err" ||
  fail "a --frames run beside the widget failed: $(cat "$work/beside.err")"
[ -s "$work/beside.png" ] || fail "the --frames run beside the widget wrote no screenshot"

# Once the first has gone, a new launch is the first again (no stale lock or socket in the way).
kill -TERM "$first"
wait_exit "$first" 10
[ "$exit_code" -eq 0 ] || fail "the first widget exited $exit_code"
start_widget --demo
wait_for_window
echo PASS
