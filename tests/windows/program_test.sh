#!/bin/sh
# claude-usage-tracker.exe under Wine, as people use it (tests/windows.cmake):
#   program_test.sh EXE SERVER_DIR FIXTURES WORK PROBE CASE
# CASE: status (status --json against the Linux test_https_server on https://localhost, trusted in
# the Wine prefix), set_key (a pasted key checked with the server and written to the key file),
# statusline (Claude Code's input on stdin, one line out), screenshot (the demo widget drawn under
# Xvfb and saved, read by the Linux build's png_probe, PROBE). Every case also checks the key never reaches stdout, stderr or a URL.
set -eu
exe=$1 server_dir=$2 fixtures=$3 work=$4 probe=$5 case=$6
key="sk-ant-sid01-WINTESTKEY_$$"
fail() { echo "FAIL ($case): $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/config" "$work/state"
port=$(sed -n 's/^ok \([0-9]*\)$/\1/p' "$server_dir/ports")
[ -n "$port" ] || fail "no port for scenario ok in $server_dir/ports"
run() { wine "$exe" "$@" --key-file "Z:$work/key" --config-dir "Z:$work/config" --state-dir "Z:$work/state"; }
no_key_in() { for f in "$@"; do ! grep -q "$key" "$f" || fail "the key appears in $(basename "$f")"; done; }

case $case in
status)
  printf '%s\n' "$key" >"$work/key"
  set +e
  run status --json --api-base "https://localhost:$port" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  [ $code -eq 0 ] || fail "exit $code: $(cat "$work/err")"
  grep -q '"id":"five_hour","label":"Session (5h)","used_percent":' "$work/out" || fail "no session limit in: $(cat "$work/out")"
  grep -q '"pace":' "$work/out" || fail "no pace in: $(cat "$work/out")"
  no_key_in "$work/out" "$work/err"
  # The key went in the Cookie header only: never in a request target.
  ! cut -f1 "$server_dir/requests.log" | grep -q "$key" || fail "the key appears in a URL"
  [ -f "$work/state/usage-cache.json" ] || fail "no usage cache written"
  no_key_in "$work/state/usage-cache.json"
  ;;
set_key)
  set +e
  printf '  "%s"  \n' "$key" | run set-key --api-base "https://localhost:$port" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  [ $code -eq 0 ] || fail "exit $code: $(cat "$work/out" "$work/err")"
  [ "$(cat "$work/key")" = "$key" ] || fail "the key file holds something else than the pasted key, trimmed"
  no_key_in "$work/out" "$work/err"
  ;;
statusline)
  set +e
  NO_COLOR=1 COLUMNS=120 run statusline <"$fixtures/statusline_input.json" >"$work/out" 2>"$work/err"
  code=$?
  set -e
  [ $code -eq 0 ] || fail "exit $code: $(cat "$work/err")"
  [ "$(wc -l <"$work/out")" -le 1 ] || fail "more than one line: $(cat "$work/out")"
  grep -q '%' "$work/out" || fail "no percent in: $(cat "$work/out")"
  ! grep -q "$(printf '\r')" "$work/out" || fail "a carriage return in the line"
  ;;
screenshot)
  [ -n "${DISPLAY:-}" ] || fail "needs an X server (DISPLAY)"
  run --demo --frames 30 --screenshot "Z:$work/shot.png" >"$work/out" 2>"$work/err" || fail "exit $?: $(cat "$work/err")"
  [ -s "$work/shot.png" ] || fail "no screenshot"
    # The same reading of the picture as the Linux screenshot test: each gauge in its colour band,
  # in row order (session 38 % green, weekly 74 % amber, Opus 93 % red), over an opaque panel.
  "$probe" "$work/shot.png" >"$work/probe" || fail "unreadable screenshot"
  cat "$work/probe"
  read -r _ width height <<EOT
$(grep '^size ' "$work/probe")
EOT
  read -r _ opaque <<EOT
$(grep '^opaque ' "$work/probe")
EOT
  [ "$opaque" -gt $((width * height / 2)) ] || fail "the panel is missing ($opaque opaque pixels)"
  last_y=-1
  for band in green amber red; do
    read -r _ count _ y <<EOT
$(grep "^$band " "$work/probe")
EOT
    [ "${count:-0}" -ge 40 ] || fail "too few $band pixels (${count:-0})"
    [ "$y" -gt "$last_y" ] || fail "the $band row is above the row before it"
    last_y=$y
  done
  ;;
*) fail "unknown case" ;;
esac
echo "ok: $case"
