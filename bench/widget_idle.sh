#!/usr/bin/env bash
# What the widget costs on this machine, under Xvfb with Mesa's software OpenGL (llvmpipe):
#   - start to first frame: first_frame_ms from `--demo --frames 1 --stats`, median of 9, beside the
#     bare window's own first frame and the wall time from start to exit
#   - idle: CPU seconds and frames in one idle minute with data (--demo), no input
#   - resident memory (VmRSS, VmHWM) of the idle widget and of a bare GLFW + OpenGL 3.3 window (the
#     baseline of the memory target), and of a window that draws one triangle with one GLSL program (informative)
# Usage: bench/widget_idle.sh [BUILD_DIR]   (default build/; needs claude-usage-tracker and
#        bench/bench_bare_window and bench/bench_shader_window built). Results go to stdout; bench/RESULTS.md keeps them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
if [ -z "${DISPLAY:-}" ] || [ -z "${CUT_BENCH_INNER:-}" ]; then
  CUT_BENCH_INNER=1 exec "$root/tests/gui/with_display.sh" -- "$0" "$build"
fi

bin="$build/claude-usage-tracker"
bare="$build/bench/bench_bare_window"
shader="$build/bench/bench_shader_window"
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-bench.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
args=(--config-dir "$work/config" --state-dir "$work/state" --key-file "$work/key")
ticks=$(getconf CLK_TCK)

cpu_seconds_of() {  # utime + stime of a live process, from /proc
  awk -v t="$ticks" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$1/stat"
}
mappings_of() {  # resident kB per mapped file ([heap], [anon], a library's name), from smaps
  awk '/^[0-9a-f]+-[0-9a-f]+ / { name = $6; if (name == "") name = "[anon]"; sub(/.*\//, "", name) }
       /^Rss:/ { kb[name] += $2 } END { for (n in kb) print n, kb[n] }' "/proc/$1/smaps"
}
mem_of() {  # "VmRSS VmHWM" in MB
  awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%.1f %.1f", r / 1024, h / 1024 }' "/proc/$1/status"
}
wait_window() {
  for _ in $(seq 1 100); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "no window $1" >&2
  exit 1
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "renderer: $(glxinfo -B 2>/dev/null | sed -n 's/^ *OpenGL renderer string: //p')"

# Start to first frame: the process's own count, from the kernel's start of the process to the
# return of the first swap into the shown window (--stats' first_frame_ms; bench_bare_window prints
# the same for its one frame). Runs alternate between the two, so both see the same machine load.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
bare_ready() {  # waits for a bench window's "ready" line; prints it
  for _ in $(seq 1 100); do grep -q ready "$1" 2>/dev/null && break; sleep 0.05; done
  cat "$1"
}
bench_first() {  # runs a bench window until its first frame; prints its first_frame_ms
  "$1" >"$work/bench-first.out" &
  local pid=$!
  pids+=("$pid")
  bare_ready "$work/bench-first.out" | sed -n 's/.*first_frame_ms=\([0-9-]*\).*/\1/p'
  kill -TERM "$pid"
  wait "$pid" || true
}
firsts=()
walls=()
bare_firsts=()
shader_firsts=()
for _ in $(seq 1 9); do
  start=$(date +%s%N)
  "$bin" "${args[@]}" --demo --frames 1 --stats 2>"$work/first.err"
  end=$(date +%s%N)
  walls+=($(((end - start) / 1000000)))
  firsts+=($(sed -n 's/^stats: .* first_frame_ms=\([0-9-]*\).*/\1/p' "$work/first.err"))
  bare_firsts+=($(bench_first "$bare"))
  shader_firsts+=($(bench_first "$shader"))
done
# A first start ever: Mesa's on-disk shader cache is empty, so llvmpipe compiles everything.
colds=()
for _ in 1 2 3; do
  MESA_SHADER_CACHE_DIR=$(mktemp -d "$work/mesa-cache.XXXXXX") "$bin" "${args[@]}" --demo --frames 1 --stats \
    2>"$work/first.err"
  colds+=($(sed -n 's/^stats: .* first_frame_ms=\([0-9-]*\).*/\1/p' "$work/first.err"))
done
echo "start to first frame (--demo, first_frame_ms, ms): median $(median "${firsts[@]}") (runs: ${firsts[*]})"
echo "  bare window, start to first frame (ms): median $(median "${bare_firsts[@]}") (runs: ${bare_firsts[*]})"
echo "  shader window, start to first frame (ms): median $(median "${shader_firsts[@]}") (runs: ${shader_firsts[*]})"
echo "  widget with an empty Mesa shader cache (ms): median $(median "${colds[@]}") (runs: ${colds[*]})"
echo "  --demo --frames 1 wall time, start to exit (ms): median $(median "${walls[@]}")"

# Idle minute: the frames of a run idling 60 s less those of a run that stops at once.
idle_run() {
  local idle=$1
  "$bin" "${args[@]}" --demo --stats 2>"$work/stats" &
  local pid=$!
  pids+=("$pid")
  wait_window '^Claude Usage Tracker$'
  sleep 2
  local cpu0 cpu1
  cpu0=$(cpu_seconds_of "$pid")
  sleep "$idle"
  cpu1=$(cpu_seconds_of "$pid")
  mem=$(mem_of "$pid")
  mappings_of "$pid" >"$work/maps.widget"
  kill -TERM "$pid"
  wait "$pid"
  frames=$(sed -n 's/^stats: frames=\([0-9]*\) .*/\1/p' "$work/stats")
  idle_cpu=$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.3f", b - a }')
}
idle_run 0
base_frames=$frames
idle_run 60
echo "idle minute (--demo, no input): cpu_seconds=$idle_cpu frames=$((frames - base_frames))"
echo "  last stats line: $(grep '^stats:' "$work/stats")"
read -r rss hwm <<<"$mem"
echo "widget memory (idle): VmRSS ${rss} MB, VmHWM ${hwm} MB"

# measure_window NAME PROGRAM: starts a bench window, waits for its frame and 2 s more, and leaves
# "VmRSS VmHWM" in NAME_mem and its mappings in $work/maps.NAME.
measure_window() {
  "$2" >"$work/$1.out" &
  local pid=$!
  pids+=("$pid")
  bare_ready "$work/$1.out" >/dev/null
  sleep 2
  printf -v "$1_mem" '%s' "$(mem_of "$pid")"
  mappings_of "$pid" >"$work/maps.$1"
  kill -TERM "$pid"
  wait "$pid" || true
}

# The bare window, the baseline of the memory target.
measure_window bare "$bare"
read -r bare_rss bare_hwm <<<"$bare_mem"
echo "bare GLFW + OpenGL 3.3 window: VmRSS ${bare_rss} MB, VmHWM ${bare_hwm} MB"
awk -v a="$rss" -v b="$bare_rss" 'BEGIN { printf "difference (widget - bare), VmRSS: %.1f MB\n", a - b }'

# The shader window: the bare window plus one GLSL program and one drawn triangle (informative).
measure_window shader "$shader"
read -r shader_rss shader_hwm <<<"$shader_mem"
echo "shader window (one GLSL program, one triangle): VmRSS ${shader_rss} MB, VmHWM ${shader_hwm} MB"
awk -v a="$rss" -v b="$shader_rss" 'BEGIN { printf "difference (widget - shader window), VmRSS: %.1f MB\n", a - b }'

# Where the difference lies: resident MB per mapping, largest widget - bare difference first.
echo "resident MB by mapping (bare, shader window, widget; rows that differ by 0.1 MB or more):"
awk 'FNR == 1 { f++ } { kb[$1, f] = $2; names[$1] = 1 }
     END {
       for (n in names) {
         d = (kb[n, 3] - kb[n, 1]) / 1024
         s = (kb[n, 2] - kb[n, 1]) / 1024
         if (d >= 0.1 || d <= -0.1 || s >= 0.1 || s <= -0.1)
           printf "%+6.1f  %6.1f %6.1f %6.1f  %s\n", d, kb[n, 1] / 1024, kb[n, 2] / 1024, kb[n, 3] / 1024, n
       }
     }' "$work/maps.bare" "$work/maps.shader" "$work/maps.widget" | sort -rn | sed 's/^/  /'
