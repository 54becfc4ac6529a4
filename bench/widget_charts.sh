#!/usr/bin/env bash
# The widget with a loaded history and every chart open, beside the bare GLFW window:
#   - resident memory (VmRSS) of the idle widget and of bench_bare_window
#   - one idle minute with no input: CPU seconds and frames drawn
# The history holds a session window of 3 hours at a 30 s refresh (seeded through the program's own
# recordHistory, tests/gui/history_seed.cpp); the numbers come from Claude Code's status line
# through the cache (no key, so nothing touches the network).
# Usage: bench/widget_charts.sh [BUILD_DIR]   (needs claude-usage-tracker-full, claude-usage-tracker,
#        bench/bench_bare_window, bench/bench_shader_window and tests/gui/gui_history_seed built). Results go to stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
if [ -z "${DISPLAY:-}" ] || [ -z "${CUT_BENCH_INNER:-}" ]; then
  CUT_BENCH_INNER=1 exec "$root/tests/gui/with_display.sh" -- "$0" "$build"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-bench.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
args=(--config-dir "$work/config" --state-dir "$work/state" --key-file "$work/key")
ticks=$(getconf CLK_TCK)
cpu_of() { awk -v t="$ticks" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$1/stat"; }
rss_of() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

now=$(date +%s)
reset=$((now + 7200))
seed=()
for i in $(seq 360 -1 1); do seed+=($((now - i * 30)) "$(awk -v i="$i" 'BEGIN { printf "%.1f", (360 - i) * 0.115 }')"); done
"$build/tests/gui/gui_history_seed" "$work/state" five_hour "$reset" "${seed[@]}"
sed -E "s/\"resets_at\": [0-9]+/\"resets_at\": $reset/g" "$root/tests/fixtures/statusline_input.json" |
  "$build/claude-usage-tracker" statusline "${args[@]}" >/dev/null
mkdir -p "$work/config"
echo '{"show_charts": true}' >"$work/config/settings.json"
echo "history: $(du -k "$work/state/history.sqlite" | cut -f1) kB, 361 session readings"

run() {  # run SECONDS: sets frames, cpu, rss of an idle widget
  "$build/claude-usage-tracker-full" "${args[@]}" --stats 2>"$work/stats" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do xdotool search --onlyvisible --name '^Claude Usage Tracker$' >/dev/null 2>&1 && break; sleep 0.1; done
  sleep 2
  local c0
  c0=$(cpu_of "$pid")
  sleep "$1"
  cpu=$(awk -v a="$c0" -v b="$(cpu_of "$pid")" 'BEGIN { printf "%.3f", b - a }')
  rss=$(rss_of "$pid")
  kill -TERM "$pid"
  wait "$pid"
  frames=$(sed -n 's/^stats: frames=\([0-9]*\) .*/\1/p' "$work/stats")
}
run 0
base=$frames
run 60
echo "idle minute, history loaded, charts open: cpu_seconds=$cpu frames=$((frames - base))"
echo "widget VmRSS (charts open): $rss MB"
echo '{"show_charts": false}' >"$work/config/settings.json"
run 0
echo "widget VmRSS (history loaded, charts closed): $rss MB"
window_rss() {  # window_rss NAME PROGRAM: VmRSS of a bench window 2 s after its frame
  "$2" >"$work/$1.out" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do grep -q ready "$work/$1.out" 2>/dev/null && break; sleep 0.05; done
  sleep 2
  echo "$1 VmRSS: $(rss_of "$pid") MB"
  kill -TERM "$pid"
  wait "$pid" || true
}
window_rss "bare GLFW window" "$build/bench/bench_bare_window"
window_rss "triangle window (one GLSL program)" "$build/bench/bench_shader_window"
