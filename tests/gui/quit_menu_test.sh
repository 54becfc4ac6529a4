#!/usr/bin/env bash
# Right-click the widget, choose Quit in its menu: the widget exits 0 and saves its settings.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"

start_widget --demo
wait_for_window
sleep 0.3
open_menu
click_item "Quit"
wait_exit "$widget_pid" 10
[ "$exit_code" -eq 0 ] || fail "exit code $exit_code after Quit: $(cat "$work/widget.err")"
[ -s "$work/config/settings.json" ] || fail "settings were not saved on Quit"
echo PASS
