#!/usr/bin/env bash
# With no notification service on the session bus, an alert shows in the widget instead: the footer
# names it (the limit and the percent) and the border is tinted red until it is clicked; why it could
# not be sent is logged once. The settings panel's "Send a test notification" says why not; once a
# service is there it sends, and the unseen alert stays until clicked. The screenshot is kept as
# $CUT_ALERT_PNG when that is set, to look at.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
key="sk-ant-sid01-TESTKEY_abc123xyz"

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no session bus: run under dbus-run-session"
printf '%s\n' "$key" >"$work/key"
chmod 600 "$work/key"
start_server alert_steps "$work/port" --max-seconds 120

widget() {
  start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10
  wait_for_window
}

# 50 %, then 80 %: the second crosses 75 % with nobody on the bus to show it.
widget
wait_drawn "50%"
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 15
widget
wait_drawn "Alert: Session (5h) at 80%"
wait_drawn "alert border"
sleep 0.5  # the frame after the layout settled
import -window "$window_id" "$work/alert.png" || fail "could not take a screenshot"
[ -n "${CUT_ALERT_PNG:-}" ] && cp "$work/alert.png" "$CUT_ALERT_PNG"
"$CUT_PROBE" "$work/alert.png" >"$work/alert.probe" || fail "unreadable screenshot"
read -r _ _ edge_red < <(grep '^edge red ' "$work/alert.probe")
[ "$edge_red" -ge 100 ] || fail "the border is not tinted ($edge_red red edge pixels): $(cat "$work/alert.probe")"
echo "PASS the footer names the alert and the border is tinted"

# The test button, with nobody on the bus: it says why.
xdotool windowactivate --sync "$window_id" 2>/dev/null || true
sleep 0.2
press ctrl+comma
sleep 0.5
click_item "Alerts"
click_item "Send a test notification"
wait_drawn "Not sent: no notification service on the session bus."
echo "PASS the test button says why nothing was sent"

# A service arrives: the test is sent, and the unseen alert is still there.
"$CUT_NOTIFICATION_SERVICE" "$work/notes" &
widget_pids+=("$!")
for _ in $(seq 1 100); do [ -f "$work/notes.ready" ] && break; sleep 0.1; done
[ -f "$work/notes.ready" ] || fail "the notification service stand-in did not start"
sleep 0.6  # past the double-click time: the same spot is clicked again
click_item "Send a test notification"
wait_drawn "Sent to the notification service."
grep -q "^Claude Usage Tracker: test notification	" "$work/notes" || fail "no test Notify: $(cat "$work/notes")"
wait_drawn "Alert: Session (5h) at 80%"
wait_drawn "alert border"
echo "PASS the test button sends once a service is there, and the unseen alert stays"

sleep 0.6
click_item "Alert: Session (5h) at 80%"
wait_gone "alert border"
wait_gone "Alert: Session (5h) at 80%"
[ "$(wc -l <"$work/notes")" = 1 ] || fail "the alert was sent after all: $(cat "$work/notes")"
reasons=$(grep -c "no notification service on the session bus" "$work/widget.err" || true)
[ "$reasons" = 1 ] || fail "the missing service was logged $reasons times: $(cat "$work/widget.err")"
! grep -qF "$key" "$work/widget.err" || fail "the key is in the log"
echo PASS
