#!/usr/bin/env bash
# The key entry as a person uses it, against the loopback HTTPS server playing claude.ai:
#  1. no key yet: the widget opens on the key field with focus; typing a key and pressing Enter tests
#     it and creates the key file, mode 0600, holding exactly that key (and a newline);
#  2. with that key saved, a key the server refuses shows an error and leaves the file untouched.
# The test keys are short and obviously fake.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
good_key="sk-ant-sid01-TESTKEY_abc123xyz"
bad_key="sk-ant-sid01-TESTKEY_wrong987"

printf '%s\n' "$good_key" >"$work/expected_key"
start_server ok "$work/port" --expect-key-file "$work/expected_key" --log "$work/requests" --max-seconds 120
server=(--api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10)

# 1. First run: type the key and press Enter.
start_widget "${server[@]}"
wait_for_window
item_center "Session key field"
sleep 0.3
xdotool type --delay 30 "$good_key"
press Return
for _ in $(seq 1 100); do [ -f "$work/key" ] && break; sleep 0.1; done
[ -f "$work/key" ] || fail "no key file after Enter; drawn: $(cut -d' ' -f6- "$work/items" | tr '\n' '|')"
[ "$(stat -c %a "$work/key")" = 600 ] || fail "key file mode $(stat -c %a "$work/key")"
[ "$(cat "$work/key")" = "$good_key" ] || fail "key file holds something else"
[ "$(wc -c <"$work/key")" -eq $((${#good_key} + 1)) ] || fail "key file is not exactly the key and a newline"
! grep -q "$good_key" "$work/widget.err" "$work/widget.out" || fail "the key appeared in the widget's output"
# The organization the key sees is remembered, as set-key does (the fixture's first one).
for _ in $(seq 1 50); do grep -q '5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10' "$work/config/settings.json" 2>/dev/null && break; sleep 0.1; done
grep -q '"organization_uuid": "5b0e7c1a-4d2f-4b8e-9a61-0c3f2d7e9a10"' "$work/config/settings.json" ||
  fail "the organization was not remembered: $(cat "$work/config/settings.json" 2>/dev/null)"
echo "PASS good key saved"

# 2. Open the settings from the right-click menu, type a key the server refuses, Test and save.
cp -p "$work/key" "$work/key.before"
open_menu
click_item "Settings…"
click_item "Session key field"
sleep 0.2
xdotool type --delay 30 "$bad_key"
click_item "Test and save"
for _ in $(seq 1 100); do
  grep -q "Key expired or signed out" "$work/items" 2>/dev/null && break
  sleep 0.1
done
grep -q "Key expired or signed out" "$work/items" ||
  fail "no error shown; drawn: $(cut -d' ' -f6- "$work/items" | tr '\n' '|')"
grep -q "sessionKey=$bad_key" "$work/requests" || fail "the refused key never reached the server"
cmp -s "$work/key" "$work/key.before" || fail "the key file changed after a failed test"
[ "$(stat -c %a "$work/key")" = 600 ] || fail "key file mode changed"
! grep -q "$bad_key" "$work/widget.err" "$work/widget.out" || fail "the key appeared in the widget's output"
echo "PASS bad key left the file alone"
