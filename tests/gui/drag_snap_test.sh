#!/usr/bin/env bash
# Under a window manager (openbox), a person drags the widget by its background to near the
# bottom-right corner and lets go: it snaps into the corner with the margin, and after a restart it
# comes back to the same corner.
source "$(dirname "$0")/lib.sh"

read -r screen_w screen_h < <(xdotool getdisplaygeometry)
margin=8

start_widget --demo
wait_for_window
sleep 0.5
window_geometry
echo "start: ${win_x},${win_y} ${win_w}x${win_h} on ${screen_w}x${screen_h}"

# Grab the panel's top padding, away from any control, and drag in a few steps so it looks like a
# hand: the drop leaves the window 15 px from both edges of the screen.
grab_x=$((win_x + win_w / 2))
grab_y=$((win_y + 4))
drop_x=$((screen_w - 15 - win_w + win_w / 2))
drop_y=$((screen_h - 15 - win_h + 4))
xdotool mousemove "$grab_x" "$grab_y"
sleep 0.1
xdotool mousedown 1
sleep 0.1
for step in 1 2 3 4 5; do
  xdotool mousemove $((grab_x + (drop_x - grab_x) * step / 5)) $((grab_y + (drop_y - grab_y) * step / 5))
  sleep 0.1
done
sleep 0.2
xdotool mouseup 1
sleep 1

window_geometry
echo "after drop: ${win_x},${win_y}"
want_x=$((screen_w - win_w - margin))
want_y=$((screen_h - win_h - margin))
[ "$win_x" -eq "$want_x" ] && [ "$win_y" -eq "$want_y" ] ||
  fail "expected the bottom-right corner at ${want_x},${want_y}, got ${win_x},${win_y}"

# Quit cleanly (SIGTERM saves settings), start again: same corner.
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 10
[ "$exit_code" -eq 0 ] || fail "exit code $exit_code after SIGTERM"
grep -q bottom_right "$work/config/settings.json" || grep -q '"anchor": *4' "$work/config/settings.json" ||
  fail "placement not saved: $(cat "$work/config/settings.json")"

start_widget --demo
wait_for_window
sleep 0.5
window_geometry
echo "after restart: ${win_x},${win_y}"
[ "$win_x" -eq "$want_x" ] && [ "$win_y" -eq "$want_y" ] ||
  fail "after a restart expected ${want_x},${want_y}, got ${win_x},${win_y}"
echo PASS
