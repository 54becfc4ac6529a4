#!/usr/bin/env bash
# A settings file that cannot be read is kept as settings.json.bad, and the widget, which a desktop
# menu starts with nobody reading its stderr, says so in its footer over the numbers until the
# person clicks the line away. The same goes for a setting it cannot save.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
line="A problem with a file — hover to read, click to dismiss"

mkdir -p "$work/config"
printf '{"opacity": 0.5, "refresh_interval_seconds": ' >"$work/config/settings.json"
cp "$work/config/settings.json" "$work/original"
start_widget --demo
wait_for_window
item_center "$line"
grep -q "^[0-9 -]*Session (5h)$" "$work/items" || fail "the numbers are not drawn beside the notice"
cmp -s "$work/config/settings.json.bad" "$work/original" || fail "the unreadable file was not kept byte for byte"
grep -q "settings.json.bad" "$work/widget.err" || fail "stderr does not name the kept copy"

click_item "$line"
wait_gone "$line"
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 10
echo "PASS unreadable file"

# A settings folder that is a file: nothing can be read from it or saved into it (even as root).
touch "$work/not-a-folder"
"$CUT_BINARY" --config-dir "$work/not-a-folder" --state-dir "$work/state" --key-file "$work/key" --demo \
  >"$work/widget.out" 2>"$work/widget.err" &
widget_pid=$!
widget_pids+=("$widget_pid")
wait_for_window
click_item "$line"
wait_gone "$line"
open_menu
click_item "Always on top"
item_center "$line"
grep -Eq "(cannot write|refusing to use) .*not-a-folder" "$work/widget.err" || fail "stderr does not say the save failed"
echo "PASS unsaved setting"
