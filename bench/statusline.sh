#!/usr/bin/env bash
# Median wall time of one status-line render with a warm cache: ours against ccstatusline (npm),
# in one run, on the same stdin (tests/fixtures/statusline_input.json), interleaved run by run.
# Usage: bench/statusline.sh [RUNS] [BUILD_DIR]     (defaults: 200, build)
# Writes bench/RESULTS-statusline.md. Needs node/npm for ccstatusline (installed into bench/.npm).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
build="${2:-build}"
program="$PWD/$build/claude-usage-tracker"
input="$PWD/tests/fixtures/statusline_input.json"
[ -x "$program" ] || { echo "error: $program not found; build first (scripts/build.sh)" >&2; exit 1; }

if [ ! -x bench/.npm/node_modules/.bin/ccstatusline ]; then
  npm install --silent --prefix bench/.npm ccstatusline >/dev/null
fi
ccstatusline="$PWD/bench/.npm/node_modules/.bin/ccstatusline"
ccversion=$(node -p "require('$PWD/bench/.npm/node_modules/ccstatusline/package.json').version")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
c++ -O2 -std=c++20 -o "$work/bin/spawn_timer" bench/spawn_timer.cpp

# Both run with the same empty HOME and folders, so neither reads the user's settings or key;
# ours gets its cache warmed by a first render (which writes the rate_limits it is given).
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_STATE_HOME="$work/home/.local/state"
mkdir -p "$HOME"
"$program" statusline < "$input" > /dev/null
"$ccstatusline" < "$input" > /dev/null 2>&1

result=$("$work/bin/spawn_timer" "$runs" "$input" ours "$program statusline" ccstatusline "node $ccstatusline")
ours=$(awk '$1=="ours"{print $2}' <<<"$result")
theirs=$(awk '$1=="ccstatusline"{print $2}' <<<"$result")
ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN{printf "%.1f", a/b}')
load=$(cut -d' ' -f1-3 /proc/loadavg)

echo "$result" | awk '{printf "%-13s median %7.3f ms   p10 %7.3f   p90 %7.3f\n", $1, $2, $3, $4}'
echo "ccstatusline / ours: ${ratio}x"

cat > bench/RESULTS-statusline.md <<MD
# Status line: time per render

\`bench/statusline.sh $runs\` on $(date -u +%Y-%m-%d), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),
load average at the end: $load. Same stdin (\`tests/fixtures/statusline_input.json\`), same working
folder (a git checkout), $runs runs each, interleaved, warm cache; wall time from spawn to exit.

| program | median ms | p10 ms | p90 ms |
|---|---|---|---|
$(echo "$result" | awk '{printf "| %s | %.3f | %.3f | %.3f |\n", ($1=="ours" ? "claude-usage-tracker statusline" : "ccstatusline '"$ccversion"' (node '"$(node --version)"')"), $2, $3, $4}')

ccstatusline takes **${ratio}x** as long as ours per render (target for ours: median ≤ 3 ms).
MD
echo "wrote bench/RESULTS-statusline.md"
