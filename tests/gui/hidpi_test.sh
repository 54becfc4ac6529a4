#!/usr/bin/env bash
# Content scale: with the X resource Xft.dpi at 192 (what a HiDPI desktop sets) GLFW reports a content
# scale of 2, and the widget draws at twice the size, fonts rasterised for it, colours in place.
source "$(dirname "$0")/lib.sh"

"$CUT_BINARY" $(widget_args) --demo --frames 3 --screenshot "$work/scale1.png" 2>"$work/err" || fail "$(cat "$work/err")"
xprop -root -f RESOURCE_MANAGER 8s -set RESOURCE_MANAGER "Xft.dpi:	192"
"$CUT_BINARY" $(widget_args) --demo --frames 3 --screenshot "$work/scale2.png" 2>"$work/err" || fail "$(cat "$work/err")"
xprop -root -remove RESOURCE_MANAGER

read -r _ w1 h1 < <("$CUT_PROBE" "$work/scale1.png" | grep '^size ')
"$CUT_PROBE" "$work/scale2.png" >"$work/probe2"
read -r _ w2 h2 < <(grep '^size ' "$work/probe2")
echo "scale 1: ${w1}x${h1}, scale 2: ${w2}x${h2}"
[ $((w2 - 2 * w1)) -ge -4 ] && [ $((w2 - 2 * w1)) -le 4 ] || fail "width at scale 2 is $w2, not about 2 x $w1"
[ $((h2 - 2 * h1)) -ge -8 ] && [ $((h2 - 2 * h1)) -le 8 ] || fail "height at scale 2 is $h2, not about 2 x $h1"
read -r _ _ _ green_y < <(grep '^green ' "$work/probe2")
read -r _ _ _ amber_y < <(grep '^amber ' "$work/probe2")
read -r _ _ _ red_y < <(grep '^red ' "$work/probe2")
[ "$green_y" -ge 0 ] && [ "$green_y" -lt "$amber_y" ] && [ "$amber_y" -lt "$red_y" ] ||
  fail "colour rows out of order at scale 2"
echo PASS
