#!/usr/bin/env bash
# `autostart on|off|status` round-trips through the XDG autostart entry: on writes a valid desktop
# entry (0644) starting the front binary, status reads it back, off removes it, and an entry the
# program did not write is never changed.
# Usage: autostart_test.sh PROGRAM
set -euo pipefail
program=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-autostart.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export HOME="$work/home" XDG_CONFIG_HOME="$work/config home"
entry="$XDG_CONFIG_HOME/autostart/claude-usage-tracker.desktop"
run() { "$program" "$@"; }

run autostart status | grep -q '^off:' || fail "status before on"
run autostart on >"$work/out" || fail "on: $(cat "$work/out")"
[ -f "$entry" ] || fail "on wrote no $entry"
[ "$(stat -c %a "$entry")" = 644 ] || fail "entry mode $(stat -c %a "$entry")"
desktop-file-validate "$entry" || fail "desktop-file-validate"
front=$(readlink -f "$program")
grep -qxF "Exec=\"$front\"" "$entry" || fail "Exec does not start $front: $(grep Exec "$entry")"
run autostart status | grep -qF "on: $entry starts $front" || fail "status after on: $(run autostart status)"
run autostart on >/dev/null || fail "on twice"
# An entry of ours that starts a moved program: status names it and says how to point it here.
sed -i 's|^Exec=.*|Exec="/opt/old place/claude-usage-tracker"|' "$entry"
run autostart status | grep -qF "That is not this program ($front)" || fail "no hint for a moved program: $(run autostart status)"
run autostart on >/dev/null
grep -qxF "Exec=\"$front\"" "$entry" || fail "on did not point the moved entry here: $(grep Exec "$entry")"
run autostart status | grep -q 'not this program' && fail "the hint stays after on"
run autostart off | grep -q '^Removed' || fail "off"
[ ! -e "$entry" ] || fail "off left the entry"
run autostart off | grep -q 'nothing changed' || fail "off twice"

# Someone else's entry of the same name: reported, never replaced or removed.
printf '[Desktop Entry]\nType=Application\nName=Mine\nExec=/usr/local/bin/mine\n' >"$entry"
cp "$entry" "$work/theirs"
run autostart status | grep -q 'not written by this program' || fail "status of a foreign entry"
if run autostart off 2>"$work/err"; then fail "off removed a foreign entry"; fi
if run autostart on 2>>"$work/err"; then fail "on replaced a foreign entry"; fi
grep -q 'not written by this program' "$work/err" || fail "no reason given: $(cat "$work/err")"
cmp -s "$entry" "$work/theirs" || fail "the foreign entry changed"

if run autostart 2>/dev/null; then fail "autostart without on/off/status was accepted"; fi
echo PASS
