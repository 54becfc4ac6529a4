#!/usr/bin/env bash
# A key file others could read is tightened to 0600 by the widget's first poll, and the widget, which
# a desktop menu starts with nobody reading its stderr, says so in its footer (SECURITY.md promises
# a warning). The numbers are drawn beside the notice.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
key="sk-ant-sid01-TESTKEY_abc123xyz"
line="A problem with a file — hover to read, click to dismiss"

printf '%s\n' "$key" >"$work/expected_key"
start_server ok "$work/port" --expect-key-file "$work/expected_key" --max-seconds 120

printf '%s\n' "$key" >"$work/key"
chmod 0644 "$work/key"
start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10
wait_for_window
item_center "$line"
[ "$(stat -c %a "$work/key")" = "600" ] || fail "the key file was not tightened to 0600"
for _ in $(seq 1 100); do grep -q "Session (5h)" "$work/items" && break; sleep 0.1; done
grep -q "Session (5h)" "$work/items" || fail "the numbers are not drawn beside the notice"
click_item "$line"
wait_gone "$line"
echo "PASS loose key file named in the footer"
