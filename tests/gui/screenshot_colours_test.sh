#!/usr/bin/env bash
# The screenshot of the demo snapshot shows each gauge in its colour band, in row order: session
# (38 %, green) above weekly (74 %, amber) above Opus (93 %, red); each colour first appears in its
# own row (extra usage, lower down, is green again). Run once with the ring shader and
# once with CUT_NO_SHADERS=1 (the ImDrawList fallback): both must look right.
source "$(dirname "$0")/lib.sh"

"$CUT_BINARY" $(widget_args) --demo --frames 3 --screenshot "$work/shot.png" 2>"$work/err" ||
  fail "the widget failed: $(cat "$work/err")"
[ -s "$work/shot.png" ] || fail "no screenshot written"
"$CUT_PROBE" "$work/shot.png" >"$work/probe" || fail "unreadable screenshot"
cat "$work/probe"

read -r _ width height < <(grep '^size ' "$work/probe")
read -r _ green _ green_y < <(grep '^green ' "$work/probe")
read -r _ amber _ amber_y < <(grep '^amber ' "$work/probe")
read -r _ red _ red_y < <(grep '^red ' "$work/probe")
read -r _ opaque < <(grep '^opaque ' "$work/probe")

[ "$width" -ge 120 ] && [ "$height" -ge 60 ] || fail "the window is only ${width}x${height}"
# The panel covers most of the window.
[ "$opaque" -gt $((width * height / 2)) ] || fail "the panel is missing ($opaque opaque pixels)"
for band in green amber red; do
  [ "${!band}" -ge 40 ] || fail "too few $band pixels (${!band})"
done
[ "$green_y" -lt "$amber_y" ] && [ "$amber_y" -lt "$red_y" ] ||
  fail "colour rows out of order: green y=$green_y, amber y=$amber_y, red y=$red_y"
echo PASS full

# Compact mode: the session ring (green at 38 %) is what the shader or the fallback draws.
mkdir -p "$work/config"
echo '{"compact": true}' >"$work/config/settings.json"
"$CUT_BINARY" $(widget_args) --demo --frames 3 --screenshot "$work/compact.png" 2>"$work/err" ||
  fail "the widget failed in compact mode: $(cat "$work/err")"
"$CUT_PROBE" "$work/compact.png" >"$work/probe" || fail "unreadable compact screenshot"
cat "$work/probe"
read -r _ green _ < <(grep '^green ' "$work/probe")
read -r _ amber _ < <(grep '^amber ' "$work/probe")
read -r _ cwidth cheight < <(grep '^size ' "$work/probe")
[ "$cwidth" -lt "$width" ] || fail "compact mode is not smaller (${cwidth} wide, full ${width})"
[ "$green" -ge 40 ] || fail "the compact session ring has too few green pixels ($green)"
[ "$amber" -ge 20 ] || fail "the compact weekly arc has too few amber pixels ($amber)"
# The shader is built when the first ring is drawn, so compact mode is where it is tried.
if [ -n "${CUT_NO_SHADERS:-}" ]; then
  ! grep -q "ring shader unavailable" "$work/err" || fail "the shader was tried although disabled"
else
  ! grep -q "ring shader unavailable" "$work/err" || fail "the ring shader did not build: $(cat "$work/err")"
fi
echo PASS compact
