# Shared by the GUI tests (sourced). Each test gets a fresh folder for settings, state and the key
# file, and every widget it starts is stopped when the test ends.
#
# The test's environment provides CUT_BINARY (the program) and CUT_PROBE (gui_png_probe); the
# display comes from with_display.sh.
set -euo pipefail

work=$(mktemp -d "${TMPDIR:-/tmp}/cut-gui.XXXXXX")
widget_pids=()
cleanup_widgets() {
  local code=$?
  for pid in "${widget_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  exit "$code"
}
trap cleanup_widgets EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The widget's own options for this test's folders.
widget_args() {
  echo --config-dir "$work/config" --state-dir "$work/state" --key-file "$work/key"
}

# start_widget [args...]: runs the widget in the background; its pid lands in $widget_pid and its
# stderr in $work/widget.err.
start_widget() {
  # shellcheck disable=SC2046
  "$CUT_BINARY" $(widget_args) "$@" >"$work/widget.out" 2>"$work/widget.err" &
  widget_pid=$!
  widget_pids+=("$widget_pid")
}

# start_server SCENARIO PORT_FILE [server options...]: the loopback HTTPS server playing claude.ai,
# its CA written to $work/ca.pem and its stderr to $work/server.err; returns once it listens, with
# its port in PORT_FILE. Stopped with the test's widgets.
start_server() {
  local scenario=$1 port_file=$2
  shift 2
  "$CUT_HTTPS_SERVER" --scenario "$scenario" --port-file "$port_file" --ca-out "$work/ca.pem" "$@" \
    >/dev/null 2>"$work/server.err" &
  widget_pids+=("$!")
  for _ in $(seq 1 100); do [ -s "$port_file" ] && break; sleep 0.1; done
  [ -s "$port_file" ] || fail "the test server ($scenario) did not start: $(cat "$work/server.err")"
}

# What the widget drew, one item a line in $CUT_TEST_ITEMS_FILE ($work/items in the tests that set
# it): drawn prints their texts joined by '|'; wait_drawn TEXT waits until an item with exactly TEXT
# is drawn (10 s at most).
drawn() { cut -d' ' -f6- "$work/items" 2>/dev/null | tr '\n' '|'; }
wait_drawn() {
  for _ in $(seq 1 100); do
    cut -d' ' -f6- "$work/items" 2>/dev/null | grep -qxF -- "$1" && return 0
    sleep 0.1
  done
  fail "'$1' never drawn; drawn: $(drawn)"
}

# wait_for_window: sets $window_id once the widget's window is mapped (10 s at most).
wait_for_window() {
  window_id=""
  for _ in $(seq 1 100); do
    window_id=$(xdotool search --onlyvisible --name '^Claude Usage Tracker$' 2>/dev/null | head -n1 || true)
    [ -n "$window_id" ] && return 0
    kill -0 "$widget_pid" 2>/dev/null || fail "the widget exited before showing a window: $(cat "$work/widget.err")"
    sleep 0.1
  done
  fail "no window titled 'Claude Usage Tracker' appeared"
}

# window_geometry: sets win_x win_y win_w win_h from the X server.
window_geometry() {
  eval "$(xdotool getwindowgeometry --shell "$window_id")"
  win_x=$X win_y=$Y win_w=$WIDTH win_h=$HEIGHT
}

# wait_exit PID SECONDS: waits for the widget to end; sets $exit_code (fails on timeout).
wait_exit() {
  local pid=$1 limit=$2
  for _ in $(seq 1 $((limit * 10))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      set +e
      wait "$pid"
      exit_code=$?
      set -e
      return 0
    fi
    sleep 0.1
  done
  fail "the widget did not exit within ${limit}s"
}

# press KEY...: a key press held ~50 ms, because ImGui 1.86's GLFW backend samples key state.
press() {
  xdotool keydown "$@"
  sleep 0.05
  xdotool keyup "$@"
}

# item_center TEXT: sets item_x item_y to the centre of the first drawn item whose text is exactly
# TEXT, from the list the widget writes to $CUT_TEST_ITEMS_FILE after each frame (5 s at most).
item_center() {
  local want=$1
  for _ in $(seq 1 50); do
    if [ -f "$CUT_TEST_ITEMS_FILE" ]; then
      local line
      line=$(awk -v t="$want" '{ x0 = $1; y0 = $2; x1 = $3; y1 = $4; $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, "");
                                 if ($0 == t) { print int((x0 + x1) / 2), int((y0 + y1) / 2); exit } }' \
             "$CUT_TEST_ITEMS_FILE")
      if [ -n "$line" ]; then
        read -r item_x item_y <<<"$line"
        return 0
      fi
    fi
    sleep 0.1
  done
  fail "no item '$want' on screen; drawn: $(cut -d' ' -f6- "$CUT_TEST_ITEMS_FILE" 2>/dev/null | tr '\n' '|')"
}

# open_menu: right-clicks the panel's top padding, away from any control, as a person opens the
# widget's menu.
open_menu() {
  window_geometry
  xdotool mousemove $((win_x + win_w / 2)) $((win_y + 6))
  sleep 0.1
  xdotool click 3
}

# wait_gone TEXT: waits until no drawn item holds exactly TEXT (3 s at most); fails otherwise.
wait_gone() {
  for _ in $(seq 1 30); do
    grep -qxF "$1" <(cut -d' ' -f6- "$CUT_TEST_ITEMS_FILE") || return 0
    sleep 0.1
  done
  fail "'$1' is still drawn"
}

# click_item TEXT: waits until the item stays put (a menu opening grows the window, which moves
# with its anchored corner), moves the pointer onto it, then clicks it like a person.
click_item() {
  local last=""
  for _ in $(seq 1 20); do
    item_center "$1"
    [ "$last" = "$item_x $item_y" ] && break
    last="$item_x $item_y"
    sleep 0.3
  done
  xdotool mousemove "$item_x" "$item_y"
  sleep 0.15
  xdotool click 1
}
