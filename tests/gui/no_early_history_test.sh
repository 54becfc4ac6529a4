#!/usr/bin/env bash
# The widget creates no file it has nothing to put in: before its first reading (claude.ai not
# answering yet) the state folder holds no history and no alert record; the first reading brings both.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
key="sk-ant-sid01-TESTKEY_abc123xyz"
printf '%s\n' "$key" >"$work/key"
chmod 600 "$work/key"

serve() {  # serve SCENARIO: the loopback server, its port in $work/port
  rm -f "$work/port"
  start_server "$1" "$work/port" --max-seconds 60
}

serve hang
start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 30
wait_for_window
item_center "Claude usage"  # a frame was drawn: start-up is over
sleep 1
[ ! -e "$work/state/history.sqlite" ] || fail "history.sqlite exists before any reading: $(ls -la "$work/state")"
[ ! -e "$work/state/alerts.json" ] || fail "alerts.json exists before any reading"
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 15
echo "PASS nothing recorded, nothing created"

serve ok
start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10
wait_for_window
for _ in $(seq 1 100); do [ -e "$work/state/history.sqlite" ] && break; sleep 0.1; done
[ -e "$work/state/history.sqlite" ] || fail "the first reading created no history"
echo PASS
