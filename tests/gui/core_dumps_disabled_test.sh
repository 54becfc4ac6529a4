#!/usr/bin/env bash
# The key lives in the memory of the widget and of `status`: neither may leave a core file behind.
# Both run with a core size limit of 0 (and are not dumpable), checked on the live processes.
source "$(dirname "$0")/lib.sh"

# Start them allowed to dump core, so the limit they end up with is one they set themselves.
ulimit -S -c unlimited 2>/dev/null || ulimit -S -c 1048576 || fail "cannot raise the core size limit to test it"
[ "$(ulimit -c)" != 0 ] || fail "the core size limit could not be raised for the test"

core_limit() {  # the soft and hard "Max core file size" of a process, e.g. "0 0"
  awk '/^Max core file size/ { print $5, $6 }' "/proc/$1/limits"
}

# The widget.
start_widget --demo
wait_for_window
limit=$(core_limit "$widget_pid")
[ "$limit" = "0 0" ] || fail "the widget's core size limit is '$limit', not '0 0'"
kill -TERM "$widget_pid"
wait_exit "$widget_pid" 10

# `status`, caught while it waits on a server that never answers.
start_server hang "$work/port" --max-seconds 60
printf 'sk-ant-sid01-TESTKEY_abc123xyz\n' >"$work/key"
chmod 600 "$work/key"
# shellcheck disable=SC2046
"$CUT_BINARY" status $(widget_args) --api-base "https://127.0.0.1:$(cat "$work/port")" \
  --ca-file "$work/ca.pem" --timeout 30 >/dev/null 2>&1 &
status_pid=$!
widget_pids+=("$status_pid")
limit=""
for _ in $(seq 1 50); do  # the front program hands over to the fetch program in the same process
  limit=$(core_limit "$status_pid" 2>/dev/null || true)
  [ "$limit" = "0 0" ] && break
  sleep 0.1
done
[ "$limit" = "0 0" ] || fail "status's core size limit is '$limit', not '0 0'"
echo PASS
