#!/usr/bin/env bash
# A click whose press and release reach the widget together, as a touchpad tap sends them, still
# does what it says at once: "Settings…" in the right-click menu opens the panel with no further
# input. ImGui acts on such a click a frame after the event that woke the widget, so the widget
# must keep drawing after it rather than sleep with the menu still on screen.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"

start_widget --demo
wait_for_window
sleep 0.3
for attempt in 1 2 3 4 5 6; do
  open_menu
  item_center "Settings…"
  xdotool mousemove "$item_x" "$item_y"
  sleep 0.3
  # One xdotool call sends both in one go, so the widget receives them in one batch.
  xdotool mousedown 1 mouseup 1
  opened=false
  for _ in $(seq 1 20); do
    grep -q "^[0-9 -]*Session key field$" "$CUT_TEST_ITEMS_FILE" && { opened=true; break; }
    sleep 0.1
  done
  $opened || fail "attempt $attempt: a tap on Settings… left the panel closed until the next input"
  press Escape
  wait_gone "Session key field"
done
echo PASS
