#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan; a build folder of its own) and runs
# each on its seed corpus plus fresh inputs for the given number of seconds (default 60).
#   scripts/fuzz.sh [seconds-per-target] [target...]
# New interesting inputs go to build-fuzz/corpus/<target>/ (the committed seeds stay as they are).
# A crash stops with the input saved as build-fuzz/crashes/<target>/crash-*; once fixed, copy it
# into tests/fuzz/corpus/<target>/ so it is replayed on every run. Prints executions per target.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_usage_body fuzz_organizations fuzz_statusline_input fuzz_usage_cache
                                    fuzz_settings fuzz_claude_code_settings fuzz_times fuzz_key_paste)

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (Debian package clang)" >&2; exit 1; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -DCUT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in "${targets[@]}"; do
  work="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$work" "$crashes"
  log="$build/$target.log"
  if "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$crashes/" -print_final_stats=1 "$work" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    printf '%-28s %12s executions in %ss\n' "$target" "${runs:-?}" "$seconds"
  else
    status=1
    echo "fuzz.sh: $target failed; the input is in $crashes, the log in $log:" >&2
    grep -m 20 -E 'ERROR|runtime error|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
  fi
done
exit $status
