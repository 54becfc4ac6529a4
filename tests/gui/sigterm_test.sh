#!/usr/bin/env bash
# SIGTERM and SIGINT end the widget like Quit: exit 0, settings saved, the stats line printed, with
# the time to the first frame shown (a shown window has had one, so it is a count, never -1).
source "$(dirname "$0")/lib.sh"

for signal in TERM INT; do
  rm -rf "$work/config"
  start_widget --demo --stats
  wait_for_window
  sleep 0.3
  kill -"$signal" "$widget_pid"
  wait_exit "$widget_pid" 10
  [ "$exit_code" -eq 0 ] || fail "SIG$signal: exit code $exit_code, stderr: $(cat "$work/widget.err")"
  [ -s "$work/config/settings.json" ] || fail "SIG$signal: settings were not saved"
  grep -Eq '^stats: frames=[0-9]+ wakeups=[0-9]+ cpu_seconds=[0-9]+\.[0-9]{3} uptime_seconds=[0-9]+\.[0-9] first_frame_ms=[0-9]+$' \
    "$work/widget.err" || fail "SIG$signal: no stats line in: $(cat "$work/widget.err")"
  echo "PASS SIG$signal"
done
