#!/bin/sh
# Start at login through the command line, under Wine, on the Wine prefix's own per-user Run key
# (tests/platform/windows.cmake): autostart_test.sh EXE
# on writes the value "Claude Usage Tracker" = the quoted path of the program (read back with
# `wine reg query`), status names it, a moved program is named and `on` points the value back here,
# off removes it. The value is removed on any exit, so the prefix never starts the widget by itself.
set -eu
exe=$1
runkey='HKCU\Software\Microsoft\Windows\CurrentVersion\Run'
name='Claude Usage Tracker'
entry='HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run value "Claude Usage Tracker"'
fail() { printf 'FAIL (autostart): %s\n' "$*" >&2; exit 1; }
trap 'wine reg delete "$runkey" /v "$name" /f >/dev/null 2>&1 || true' EXIT
run() { wine "$exe" autostart "$@" 2>&1 | tr -d '\r'; }
query() { wine reg query "$runkey" /v "$name" 2>/dev/null | tr -d '\r' | sed -n "s/^ *$name *REG_SZ *//p"; }
program=$(wine winepath -w "$exe" 2>/dev/null | tr -d '\r')
[ -n "$program" ] || fail "winepath gave no Windows path for $exe"

wine reg delete "$runkey" /v "$name" /f >/dev/null 2>&1 || true
run status | grep -qxF "off: the widget does not start at login (no $entry)" || fail "status before on: $(run status)"
out=$(run on)
# The program runs from its build folder, which both messages say.
[ "$out" = "Wrote $entry: the widget starts at login ($program), from the build folder." ] || fail "on: $out"
[ "$(query)" = "\"$program\"" ] || fail "the Run value holds '$(query)', not the quoted program path"
run status | grep -qxF "on: $entry starts $program at login (a build folder)" || fail "status after on: $(run status)"

# A moved program: status names it and says how to point the entry here; on does.
wine reg add "$runkey" /v "$name" /t REG_SZ /d '"C:\Old\claude-usage-tracker.exe"' /f >/dev/null 2>&1
run status | grep -qF "on: $entry starts C:\\Old\\claude-usage-tracker.exe at login" ||
  fail "status of a moved program: $(run status)"
run status | grep -qF "That is not this program ($program)" || fail "no hint for a moved program: $(run status)"
run on >/dev/null
[ "$(query)" = "\"$program\"" ] || fail "on did not point the moved entry here: $(query)"

out=$(run off)
[ "$out" = "Removed $entry; the widget no longer starts at login." ] || fail "off: $out"
[ -z "$(query)" ] || fail "the Run value is still there after off"
run off | grep -q 'nothing changed' || fail "off twice"
echo "ok: autostart"
