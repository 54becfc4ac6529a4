#!/usr/bin/env bash
# The widget's resident memory with its notifier connected to a session bus, beside the same widget
# before it ever notified and the triangle window (the memory target's reference):
#   - a private session bus (dbus-run-session) with the stand-in notification service on it
#   - the widget (--demo, no network), VmRSS 2 s after its window shows; then "Send a test
#     notification" pressed in its settings panel (the notifier's worker connects and sends), the
#     panel closed, VmRSS again 2 s later
# Usage: bench/widget_alerts.sh [BUILD_DIR]   (needs claude-usage-tracker-full,
#        bench/bench_shader_window and tests/test_notification_service built). Results go to stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
if [ -z "${DISPLAY:-}" ] || [ -z "${CUT_BENCH_INNER:-}" ]; then
  CUT_BENCH_INNER=1 exec "$root/tests/gui/with_display.sh" -- dbus-run-session -- "$0" "$build"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-bench.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
args=(--config-dir "$work/config" --state-dir "$work/state" --key-file "$work/key")
rss_of() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
export CUT_TEST_ITEMS_FILE="$work/items"
# item TEXT: the centre of the drawn item with exactly TEXT, in screen pixels (5 s at most).
item() {
  for _ in $(seq 1 50); do
    local at
    at=$(awk -v t="$1" '{ x0 = $1; y0 = $2; x1 = $3; y1 = $4; $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, "");
                          if ($0 == t) { print int((x0 + x1) / 2), int((y0 + y1) / 2); exit } }' "$work/items" 2>/dev/null)
    [ -n "$at" ] && { echo "$at"; return 0; }
    sleep 0.1
  done
  echo "no item '$1'" >&2
  exit 1
}
click() { read -r x y < <(item "$1"); xdotool mousemove "$x" "$y"; sleep 0.15; xdotool click 1; sleep 0.6; }

"$build/tests/test_notification_service" "$work/notes" &
pids+=("$!")
for _ in $(seq 1 100); do [ -f "$work/notes.ready" ] && break; sleep 0.1; done

"$build/claude-usage-tracker-full" "${args[@]}" --demo 2>"$work/err" &
pid=$!
pids+=("$pid")
for _ in $(seq 1 100); do xdotool search --onlyvisible --name '^Claude Usage Tracker$' >/dev/null 2>&1 && break; sleep 0.1; done
window=$(xdotool search --onlyvisible --name '^Claude Usage Tracker$' | head -n1)
sleep 2
before=$(rss_of "$pid")
xdotool windowactivate --sync "$window" 2>/dev/null || true
sleep 0.2
xdotool keydown ctrl+comma; sleep 0.05; xdotool keyup ctrl+comma
sleep 0.5
click "Alerts"
click "Send a test notification"
item "Sent to the notification service." >/dev/null
xdotool keydown ctrl+comma; sleep 0.05; xdotool keyup ctrl+comma
sleep 2
after=$(rss_of "$pid")
kill -TERM "$pid"
wait "$pid"
kill -TERM "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
echo "notifications recorded by the service: $(wc -l <"$work/notes")"
echo "widget VmRSS (--demo) before notifying: $before MB; notifier connected, after a test notification: $after MB"
"$build/bench/bench_shader_window" >"$work/shader.out" &
spid=$!
pids+=("$spid")
for _ in $(seq 1 100); do grep -q ready "$work/shader.out" 2>/dev/null && break; sleep 0.05; done
sleep 2
shader=$(rss_of "$spid")
kill -TERM "$spid"
wait "$spid" || true
echo "triangle window (one GLSL program) VmRSS: $shader MB"
awk -v a="$after" -v b="$shader" 'BEGIN { printf "difference (widget with notifier - triangle window): %.1f MB\n", a - b }'
