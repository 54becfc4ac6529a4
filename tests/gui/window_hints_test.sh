#!/usr/bin/env bash
# What the window manager is told: the title, no decorations, always on top, kept out of the
# taskbar and pager, and our icon (64x64).
source "$(dirname "$0")/lib.sh"

start_widget --demo
wait_for_window
sleep 0.3
xprop -id "$window_id" >"$work/xprop"
grep -E '^(WM_NAME|_NET_WM_STATE|_MOTIF_WM_HINTS|WM_CLASS)' "$work/xprop" || true

grep -q '^WM_NAME(.*) = "Claude Usage Tracker"' "$work/xprop" || fail "wrong title"
state=$(grep '^_NET_WM_STATE(ATOM)' "$work/xprop" || true)
for atom in _NET_WM_STATE_ABOVE _NET_WM_STATE_SKIP_TASKBAR _NET_WM_STATE_SKIP_PAGER; do
  [[ "$state" == *"$atom"* ]] || fail "$atom missing from: $state"
done
# Motif hints: flags 2 (decorations given), decorations 0.
grep -Eq '^_MOTIF_WM_HINTS\(_MOTIF_WM_HINTS\) = 0x2, 0x0, 0x0' "$work/xprop" || fail "the window is decorated"
grep -A1 '^_NET_WM_ICON(CARDINAL)' "$work/xprop" | grep -q 'Icon (64 x 64)' || fail "no 64x64 icon"
echo PASS
