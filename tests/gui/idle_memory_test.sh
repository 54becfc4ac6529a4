#!/usr/bin/env bash
# The idle widget gives back what building its shaders took. Mesa's GLSL compiler keeps about 6 MB
# of built-in functions from the first compile until the program releases it; the widget does so
# after ImGui's shaders are linked, and again after the gauge-ring shader, which is built later,
# the first time compact mode is drawn. Measured as private (anonymous) resident memory against a
# bare GLFW + OpenGL window on the same X server, so the driver's own share cancels out: without
# the releases the widget is about 10 MB above the bare window, with them about 4 (full) and 5.5
# (compact). File-backed pages (the libraries' code) are not counted here: bench/widget_idle.sh
# reports the whole resident size.
source "$(dirname "$0")/lib.sh"

limit_kb=$((8 * 1024))
anon_kb() { awk '/^RssAnon:/ { print $2 }' "/proc/$1/status"; }

"$CUT_BARE_WINDOW" >"$work/bare.out" &
bare_pid=$!
widget_pids+=("$bare_pid")
for _ in $(seq 1 100); do grep -q ready "$work/bare.out" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$work/bare.out" || fail "the bare window did not start"
sleep 1
bare=$(anon_kb "$bare_pid")
kill -TERM "$bare_pid"

start_widget --demo
wait_for_window
sleep 2
full=$(anon_kb "$widget_pid")
echo "anonymous resident memory: bare window ${bare} kB, widget ${full} kB"
[ $((full - bare)) -le "$limit_kb" ] ||
  fail "the idle widget holds $(((full - bare) / 1024)) MB more private memory than a bare window"

# Compact mode builds the ring shader now, after the first release.
window_geometry
xdotool mousemove $((win_x + win_w / 2)) $((win_y + 8)) click --repeat 2 --delay 80 1
for _ in $(seq 1 50); do
  window_geometry
  [ "$win_w" -lt 150 ] && break
  sleep 0.1
done
[ "$win_w" -lt 150 ] || fail "a double-click did not switch to compact mode (${win_w} px wide)"
sleep 2
compact=$(anon_kb "$widget_pid")
echo "after switching to compact mode: widget ${compact} kB"
grep -q "ring shader unavailable" "$work/widget.err" && fail "the ring shader did not build: $(cat "$work/widget.err")"
[ $((compact - bare)) -le "$limit_kb" ] ||
  fail "after building the ring shader the widget holds $(((compact - bare) / 1024)) MB more private memory than a bare window"
echo PASS
