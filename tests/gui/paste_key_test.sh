#!/usr/bin/env bash
# A person copies the whole Cookie header from the browser's developer tools, with other cookies
# and quotes around the key, and presses the key entry's Paste button, then Enter: the widget reads
# the real X clipboard, sends claude.ai only the key, and the key file holds exactly the key.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
key="sk-ant-sid01-TESTKEY_pasted42"

printf '%s\n' "$key" >"$work/expected_key"
start_server ok "$work/port" --expect-key-file "$work/expected_key" --log "$work/requests" --max-seconds 120

printf ' Cookie: theme=dark; sessionKey="%s"; lang=en-GB \n' "$key" |
  "$CUT_CLIPBOARD_OWNER" >"$work/clipboard.out" &
widget_pids+=("$!")
for _ in $(seq 1 50); do grep -q ready "$work/clipboard.out" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$work/clipboard.out" || fail "nothing owns the clipboard"

start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10
wait_for_window
click_item "Paste"
sleep 0.3
press Return
for _ in $(seq 1 100); do [ -f "$work/key" ] && break; sleep 0.1; done
[ -f "$work/key" ] || fail "no key file after Paste and Enter; drawn: $(cut -d' ' -f6- "$work/items" | tr '\n' '|')"
[ "$(stat -c %a "$work/key")" = 600 ] || fail "key file mode $(stat -c %a "$work/key")"
[ "$(cat "$work/key")" = "$key" ] || fail "the key file holds something other than the key"
[ "$(wc -c <"$work/key")" -eq $((${#key} + 1)) ] || fail "key file is not exactly the key and a newline"
grep -q "sessionKey=$key" "$work/requests" || fail "the server never saw the key"
! grep -q "theme=dark\|lang=en" "$work/requests" || fail "the other cookies were sent to claude.ai"
! grep -q "$key" "$work/widget.err" "$work/widget.out" || fail "the key appeared in the widget's output"
echo PASS
