#!/usr/bin/env bash
# The Windows program's status line under Wine, beside Wine starting an empty static program (what
# any program pays there), both with a warm wineserver:
#   N runs of `claude-usage-tracker.exe statusline` (stripped, as shipped) reading Claude Code's
#   input from tests/fixtures/statusline_input.json, and N runs of an empty main() built with the
#   same toolchain; median, min and max wall time of each, and the file sizes.
# Usage: [N=15] bench/windows_statusline.sh [BUILD_DIR]   (default build-windows, built by
#        scripts/windows-build.sh). Wine's start-up, not the program, is most of each figure; real
#        Windows starts a process in a few milliseconds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build-windows}" && pwd)
runs=${N:-15}
work=$(mktemp -d)
export WINEPREFIX=$build/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/state"
x86_64-w64-mingw32-strip -o "$work/cut.exe" "$build/claude-usage-tracker.exe"
printf 'int main(void) { return 0; }\n' >"$work/empty.c"
x86_64-w64-mingw32-gcc-posix -O2 -static -o "$work/empty.exe" "$work/empty.c"
wineserver -p >/dev/null 2>&1
wine cmd /c exit >/dev/null 2>&1 </dev/null

time_runs() {
  local i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    NO_COLOR=1 wine "$@" <"$root/tests/fixtures/statusline_input.json" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  done | sort -n | awk '{a[NR] = $1} END {printf "median %d ms, min %d, max %d", a[int((NR + 1) / 2)], a[1], a[NR]}'
}
echo "empty static program:  $(time_runs "$work/empty.exe")"
echo "status line:           $(time_runs "$work/cut.exe" statusline --config-dir "Z:$work/config" \
  --state-dir "Z:$work/state")"
echo "claude-usage-tracker.exe: $(stat -c %s "$build/claude-usage-tracker.exe") bytes as built," \
  "$(stat -c %s "$work/cut.exe") stripped (the same for a Release build, which links with -s)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
