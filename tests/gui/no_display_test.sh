#!/usr/bin/env bash
# With no display the widget says so, points to `claude-usage-tracker status`, and exits non-zero
# without crashing (no signal, no core dump).
source "$(dirname "$0")/lib.sh"

set +e
env -u DISPLAY -u WAYLAND_DISPLAY "$CUT_BINARY" $(widget_args) --demo >"$work/out" 2>"$work/err"
code=$?
set -e
cat "$work/err"
[ "$code" -ne 0 ] || fail "exit code 0 without a display"
[ "$code" -lt 128 ] || fail "killed by signal $((code - 128))"
grep -q "claude-usage-tracker status" "$work/err" || fail "the message does not name the status command"
echo PASS
