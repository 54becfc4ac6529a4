#!/usr/bin/env bash
# Desktop alerts end to end, on a private session bus (dbus-run-session) where the stand-in
# notification service records every Notify. The loopback server plays claude.ai reading the session
# at 50, 80 and 92 %, then once at 0 % with the same reset time (a phantom reset), then 92 % again.
# Each widget run here fetches once and quits (SIGTERM), so every step is also a restart on the same
# state folder:
#   50 %  → nothing;   80 % → one Notify naming the session and 80 %;   92 % → one naming 92 %;
#   0 %   → nothing (a phantom reset is not a fresh window);   92 % again → nothing (no repeat).
# Then claude.ai refuses the key: one notification that it expired, none on the next restart.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
key="sk-ant-sid01-TESTKEY_abc123xyz"

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no session bus: run under dbus-run-session"
"$CUT_NOTIFICATION_SERVICE" "$work/notes" &
widget_pids+=("$!")
for _ in $(seq 1 100); do [ -f "$work/notes.ready" ] && break; sleep 0.1; done
[ -f "$work/notes.ready" ] || fail "the notification service stand-in did not start"

printf '%s\n' "$key" >"$work/key"
chmod 600 "$work/key"
start_server alert_steps "$work/port" --max-seconds 120

notes() { [ -f "$work/notes" ] && wc -l <"$work/notes" || echo 0; }

# step PERCENT: one widget run that fetches once, shows PERCENT for the session, and quits.
step() {
  rm -f "$work/items"
  start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10
  wait_for_window
  local shown=""
  for _ in $(seq 1 100); do
    # The item drawn after the session's label is its percent.
    shown=$(awk '$0 ~ / Session \(5h\)$/ { getline; print $6; exit }' "$work/items" 2>/dev/null || true)
    [ "$shown" = "$1" ] && break
    sleep 0.1
  done
  [ "$shown" = "$1" ] || fail "the session never read $1; drawn: $(drawn)"
  kill -TERM "$widget_pid"
  wait_exit "$widget_pid" 15
  [ "$exit_code" = 0 ] || fail "the widget exited $exit_code: $(cat "$work/widget.err")"
  cat "$work/widget.err" >>"$work/all.err"
}

step "50%"
[ "$(notes)" = 0 ] || fail "50 % notified: $(cat "$work/notes")"
step "80%"
[ "$(notes)" = 1 ] || fail "80 % gave $(notes) notifications: $(cat "$work/notes" 2>&1)"
step "92%"
[ "$(notes)" = 2 ] || fail "92 % gave $(($(notes) - 1)) more notifications: $(cat "$work/notes" 2>&1)"
echo "PASS one notification per threshold"
step "0%"
[ "$(notes)" = 2 ] || fail "the phantom reset notified: $(cat "$work/notes")"
echo "PASS a phantom reset notifies nothing"
step "92%"
[ "$(notes)" = 2 ] || fail "a restart repeated an alert: $(cat "$work/notes")"
echo "PASS a restart repeats nothing"

# claude.ai refuses the key: one notification that it expired, and none again on a restart.
start_server expired "$work/port.expired" --max-seconds 120
refused() {
  rm -f "$work/items"
  start_widget --api-base "https://127.0.0.1:$(cat "$work/port.expired")" --ca-file "$work/ca.pem" --timeout 10
  wait_for_window
  for _ in $(seq 1 100); do
    cut -d' ' -f6- "$work/items" 2>/dev/null | grep -qx "Key expired .*" && break
    sleep 0.1
  done
  cut -d' ' -f6- "$work/items" | grep -qx "Key expired .*" || fail "no expired key shown; drawn: $(drawn)"
  kill -TERM "$widget_pid"
  wait_exit "$widget_pid" 15
  cat "$work/widget.err" >>"$work/all.err"
}
refused
[ "$(notes)" = 3 ] || fail "an expired key gave $(($(notes) - 2)) notifications: $(cat "$work/notes")"
sed -n 3p "$work/notes" | grep -q "^Claude session key expired	" || fail "third notification: $(sed -n 3p "$work/notes")"
refused
[ "$(notes)" = 3 ] || fail "a restart repeated the expired key: $(cat "$work/notes")"
echo "PASS an expired key notifies once"

summary1=$(sed -n 1p "$work/notes" | cut -f1)
summary2=$(sed -n 2p "$work/notes" | cut -f1)
[ "$summary1" = "Session (5h) at 80%" ] || fail "first notification: $(sed -n 1p "$work/notes")"
[ "$summary2" = "Session (5h) at 92%" ] || fail "second notification: $(sed -n 2p "$work/notes")"
sed -n 1p "$work/notes" | cut -f2 | grep -q "passed 75%" || fail "the body does not name 75 %: $(sed -n 1p "$work/notes")"
sed -n 2p "$work/notes" | cut -f2 | grep -q "passed 90%" || fail "the body does not name 90 %: $(sed -n 2p "$work/notes")"
! grep -qF "$key" "$work/notes" "$work/all.err" "$work/state/alerts.json" || fail "the key left the key file"
[ "$(stat -c %a "$work/state/alerts.json")" = 600 ] || fail "alerts.json mode $(stat -c %a "$work/state/alerts.json")"
! grep -q "notifications unavailable" "$work/all.err" || fail "a working service was reported missing: $(cat "$work/all.err")"
echo PASS
