#!/usr/bin/env bash
# "Start at login" in the settings panel writes and removes the XDG autostart entry at once, and
# what the checkbox shows is read from that entry: a change made with `autostart off` from a
# terminal shows in the open panel. From the build folder the panel says so.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
export XDG_CONFIG_HOME="$work/xdg"
front="$(dirname "$CUT_BINARY")/claude-usage-tracker"
entry="$XDG_CONFIG_HOME/autostart/claude-usage-tracker.desktop"
has() { cut -d' ' -f6- "$work/items" 2>/dev/null | grep -qF -- "$1"; }
# wait_drawn TEXT: moves the pointer over the widget (a frame is drawn on input) until TEXT shows.
wait_drawn() {
  for i in $(seq 1 50); do
    has "$1" && return 0
    window_geometry
    xdotool mousemove $((win_x + 4 + i % 2)) $((win_y + win_h - 4))
    sleep 0.1
  done
  fail "'$1' never drawn; drawn: $(cut -d' ' -f6- "$work/items" | tr '\n' '|')"
}

start_widget --demo
wait_for_window
open_menu
click_item "Settings…"
click_item "Behaviour"
wait_drawn "Would start $front (the build folder's program, not an installed one)"
click_item "Start at login: off"
for _ in $(seq 1 50); do [ -f "$entry" ] && break; sleep 0.1; done
[ -f "$entry" ] || fail "the checkbox wrote no entry"
grep -qxF "Exec=\"$front\"" "$entry" || fail "the entry does not start the front: $(grep Exec "$entry")"
wait_drawn "Start at login: on"
echo "PASS the checkbox wrote the entry"

"$front" autostart off >/dev/null
wait_drawn "Start at login: off"
echo "PASS the panel shows what the entry says"

sleep 0.6  # past the double-click time: the same spot is clicked again
click_item "Start at login: off"
wait_drawn "Start at login: on"
[ -f "$entry" ] || fail "no entry after the second click"
sleep 0.6
click_item "Start at login: on"
for _ in $(seq 1 50); do [ -f "$entry" ] || break; sleep 0.1; done
[ ! -e "$entry" ] || fail "unchecking left the entry"
wait_drawn "Start at login: off"
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 10
echo PASS
