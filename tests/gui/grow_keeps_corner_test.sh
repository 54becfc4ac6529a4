#!/usr/bin/env bash
# Under a window manager (openbox), opening the settings panel grows the widget away from the corner
# it is anchored to, and closing it shrinks it back into that corner: the anchored edges do not move
# and nothing ends up off the screen. The window manager applies a resize after the widget asks for
# it, so the widget must place itself for the size it asked for, not the size it reads back.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"

read -r screen_w screen_h < <(xdotool getdisplaygeometry)

# wait_height_change HEIGHT: waits until the window is no longer HEIGHT tall, then lets it settle.
wait_height_change() {
  for _ in $(seq 1 50); do
    window_geometry
    [ "$win_h" -ne "$1" ] && break
    sleep 0.1
  done
  [ "$win_h" -ne "$1" ] || fail "the window stayed ${1} px tall"
  sleep 1
  window_geometry
}

# check_corner CORNER: top_right keeps the right and top edges, bottom_right the right and bottom.
check_corner() {
  local corner=$1
  start_widget --demo
  wait_for_window
  sleep 0.5
  window_geometry
  local right=$((win_x + win_w)) top=$win_y bottom=$((win_y + win_h)) height=$win_h
  echo "$corner: ${win_x},${win_y} ${win_w}x${win_h}"

  open_menu
  click_item "Settings…"
  xdotool mousemove 1 1
  wait_height_change "$height"
  echo "  panel open: ${win_x},${win_y} ${win_w}x${win_h}"
  [ $((win_x + win_w)) -eq "$right" ] || fail "$corner: the right edge moved from $right to $((win_x + win_w))"
  [ "$win_x" -ge 0 ] && [ $((win_x + win_w)) -le "$screen_w" ] && [ "$win_y" -ge 0 ] &&
    [ $((win_y + win_h)) -le "$screen_h" ] || fail "$corner: the grown window leaves the screen"
  if [ "$corner" = top_right ]; then
    [ "$win_y" -eq "$top" ] || fail "$corner: the top edge moved from $top to $win_y"
  else
    [ $((win_y + win_h)) -eq "$bottom" ] || fail "$corner: the bottom edge moved from $bottom to $((win_y + win_h))"
  fi

  local open_height=$win_h
  press Escape
  wait_height_change "$open_height"
  echo "  panel closed: ${win_x},${win_y} ${win_w}x${win_h}"
  [ $((win_x + win_w)) -eq "$right" ] && [ "$win_y" -eq "$top" ] && [ $((win_y + win_h)) -eq "$bottom" ] ||
    fail "$corner: closing the panel did not bring the window back to its corner"
  kill -TERM "$widget_pid"
  wait_exit "$widget_pid" 10
}

check_corner top_right
mkdir -p "$work/config"
echo '{"placement": {"monitor": "", "anchor": "bottom_right", "offset_x": 8, "offset_y": 8}}' \
  >"$work/config/settings.json"
check_corner bottom_right
echo PASS
