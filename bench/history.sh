#!/usr/bin/env bash
# The usage history's budgets: 35 simulated days at a 30 s refresh (every reading changed, the worst
# case), then the size on disk, the time to open it and load the last 7 days (what the widget
# draws), and the status line's median wall time with history recording on.
# Usage: bench/history.sh [RUNS] [BUILD_DIR]     (defaults: 100, build)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-100}"
build="${2:-build}"
bench="$PWD/$build/bench/bench_history"
program="$PWD/$build/claude-usage-tracker"
[ -x "$bench" ] && [ -x "$program" ] || { echo "error: build first (cmake --build $build)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bench" fill "$work/state"
"$bench" load "$work/state" 21
# Two inputs that differ in the session percent: alternating them makes every run a changed reading.
input="$PWD/tests/fixtures/statusline_input.json"
sed 's/"used_percentage": 42.3/"used_percentage": 43.1/' "$input" > "$work/changed.json"
"$bench" statusline "$program" "$work/state" "$runs" "$input" "$work/changed.json"
