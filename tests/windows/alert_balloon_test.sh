#!/bin/sh
# The widget's alert reaching the Windows notification area, under Wine (tests/platform/windows.cmake):
#   alert_balloon_test.sh EXE HELPER SERVER_DIR WORK
# The loopback test server plays claude.ai refusing the key (scenario expired). windows_helper starts
# the widget, reads the balloon the shell shows (its text, from the shell's tooltip), then closes the
# widget as Windows does (WM_CLOSE). The alert must be that balloon, not the footer fallback, and the
# icon must go when the widget quits. The key appears in no output.
set -eu
exe=$1 helper=$2 server_dir=$3 work=$4
key="sk-ant-sid01-WINALERTKEY_$$"
fail() { printf 'FAIL (alert balloon): %s\n' "$*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/config" "$work/state"
port=$(sed -n 's/^expired \([0-9]*\)$/\1/p' "$server_dir/ports")
[ -n "$port" ] || fail "no port for scenario expired in $server_dir/ports"
printf '%s\n' "$key" >"$work/key"

set +e
wine "$helper" widget-balloon 30000 "$exe" --key-file "Z:$work/key" --config-dir "Z:$work/config" \
  --state-dir "Z:$work/state" --api-base "https://localhost:$port" >"$work/out.crlf" 2>"$work/err"
code=$?
tr -d '\r' <"$work/out.crlf" >"$work/out"
set -e
cat "$work/out"
[ $code -ne 1 ] || fail "no balloon showed; the widget said: $(cat "$work/err")"
[ $code -eq 0 ] || fail "exit $code: $(cat "$work/out" "$work/err")"
grep -qxF 'balloon: Usage is no longer updated. Paste a new session key in the widget.' "$work/out" ||
  fail "not the expired-key alert: $(cat "$work/out")"
! grep -q 'notifications unavailable' "$work/err" || fail "the alert went to the footer: $(cat "$work/err")"
grep -qxF 'after quit: no balloon' "$work/out" || fail "the balloon stayed after the widget quit"
! grep -q "$key" "$work/out" "$work/err" || fail "the key appears in the output"
echo "ok: alert balloon"
