#!/usr/bin/env bash
# Benchmark of `claude-usage-tracker status --json` against the loopback test server (scenario ok):
# median wall time and peak resident memory over N runs, beside curl fetching the same paths from
# the same server in the same run (one curl process, one connection, like ours), then the test
# suite's total time.
#
# Usage: bench/status.sh                 (N=50 runs; BUILD_DIR=build; SKIP_CTEST=1 skips the suite)
# Targets: median within 1.5x of curl's, peak RSS <= 20 MB.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
runs="${N:-50}"
program="$build/claude-usage-tracker"
server="$build/tests/test_https_server"

# `claude-usage-tracker` is the small front people run; it execs claude-usage-tracker-full for status.
if [ ! -x "$program" ] || [ ! -x "$program-full" ] || [ ! -x "$server" ]; then
  cmake -S "$root" -B "$build" >/dev/null
  cmake --build "$build" -j2 --target claude-usage-tracker test_https_server >/dev/null
fi
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (Debian package: time)" >&2; exit 1; }
command -v curl >/dev/null || { echo "error: curl is missing (Debian package: curl)" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$server" --scenario ok --port-file "$work/port" --ca-out "$work/ca.pem" --log "$work/requests" \
  --max-seconds 600 >/dev/null &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "error: test_https_server did not start" >&2; exit 1; }
port="$(cat "$work/port")"

# An obviously fake key: the test server's `ok` scenario accepts any.
(umask 077 && printf 'sk-ant-sid01-BENCHKEY_abc123xyz\n' >"$work/key")
mkdir -p "$work/home"
cmd=("$program" status --json --api-base "https://127.0.0.1:$port" --ca-file "$work/ca.pem"
     --key-file "$work/key" --config-dir "$work/config" --state-dir "$work/state")
export HOME="$work/home"

# One run first: it must succeed (and it writes settings.json, as every later run would find it).
"${cmd[@]}" >"$work/first.json"
grep -q '"ok":true' "$work/first.json" || { echo "error: status failed: $(cat "$work/first.json")" >&2; exit 1; }

# The reference: curl asks for the paths that first run asked for, with the same cookie and CA.
mapfile -t paths < <(awk '$2 == "GET" { print $3 }' "$work/requests")
[ ${#paths[@]} -gt 0 ] || { echo "error: the server logged no request" >&2; exit 1; }
curl_cmd=(curl -sf --cacert "$work/ca.pem" -H "Cookie: sessionKey=$(cat "$work/key")")
for p in "${paths[@]}"; do curl_cmd+=("https://127.0.0.1:$port$p" -o /dev/null); done
"${curl_cmd[@]}" || { echo "error: curl could not fetch ${paths[*]}" >&2; exit 1; }

# Wall time of "$@" over $runs runs from bash's own clock (no extra process per run), one line of
# milliseconds per run in the file $1.
time_runs() {
  local out="$1" start end
  shift
  : >"$out"
  for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    "$@" >/dev/null || true
    end=$EPOCHREALTIME
    echo "$start $end" | awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' >>"$out"
  done
}
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Interleaved in blocks so a change of load on the machine hits both alike.
: >"$work/ms.all"; : >"$work/curl-ms.all"
block=$(( runs / 5 > 0 ? runs / 5 : 1 ))
saved_runs=$runs; runs=$block
for _ in $(seq $(( (saved_runs + block - 1) / block ))); do
  time_runs "$work/ms" "${cmd[@]}"; cat "$work/ms" >>"$work/ms.all"
  time_runs "$work/curl-ms" "${curl_cmd[@]}"; cat "$work/curl-ms" >>"$work/curl-ms.all"
done
runs=$saved_runs
mv "$work/ms.all" "$work/ms"; mv "$work/curl-ms.all" "$work/curl-ms"
# Peak RSS in separate runs under GNU time, so its own start-up does not count in the wall time.
: >"$work/kb"
for _ in $(seq "$runs"); do /usr/bin/time -f %M -a -o "$work/kb" "${cmd[@]}" >/dev/null; done

median_ms="$(median "$work/ms")"
curl_ms="$(median "$work/curl-ms")"
ratio="$(awk -v a="$median_ms" -v b="$curl_ms" 'BEGIN { printf "%.2f", a / b }')"
: >"$work/curl-kb"
for _ in $(seq 10); do /usr/bin/time -f %M -a -o "$work/curl-kb" "${curl_cmd[@]}"; done
curl_peak_kb="$(sort -n "$work/curl-kb" | tail -1)"
min_ms="$(sort -n "$work/ms" | head -1)"
max_ms="$(sort -n "$work/ms" | tail -1)"
peak_kb="$(sort -n "$work/kb" | tail -1)"
peak_mib="$(awk -v kb="$peak_kb" 'BEGIN { printf "%.1f", kb / 1024 }')"
peak_mb="$(awk -v kb="$peak_kb" 'BEGIN { printf "%.1f", kb * 1.024 / 1000 }')"

# Without --ca-file the program trusts only the system store, which does not know the test CA: each
# run ends in `tls` after loading the system's CAs and verifying, which is the cost of the default
# path that no local server can show otherwise.
time_runs "$work/default-ms" "$program" status --json --api-base "https://127.0.0.1:$port" --key-file "$work/key" \
  --config-dir "$work/config" --state-dir "$work/state"

echo "status --json, $runs runs against test_https_server --scenario ok on 127.0.0.1 ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
echo "  median wall time: ${median_ms} ms   (min ${min_ms}, max ${max_ms})"
echo "  curl, same paths: ${curl_ms} ms median (${paths[*]}); ours/curl = ${ratio} (target <= 1.5)"
echo "  peak RSS:         ${peak_mib} MiB = ${peak_mb} MB ($peak_kb KiB; target <= 20 MB; curl: $curl_peak_kb KiB)"
echo "  system CA store:  $(median "$work/default-ms") ms median without --ca-file (ends in tls: the test CA is not in it)"

if [ "${SKIP_CTEST:-0}" != 1 ]; then
  if (cd "$build" && ctest >"$work/ctest.log" 2>&1); then result=passed; else result=FAILED; fi
  total="$(grep -o 'Total Test time (real) = *[0-9.]* sec' "$work/ctest.log" | grep -o '[0-9.]* sec' || true)"
  summary="$(grep -E 'tests passed|tests failed' "$work/ctest.log" || true)"
  echo "  test suite:       ${total:-?} (ctest, $result: $summary)"
fi
