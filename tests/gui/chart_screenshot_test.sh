#!/usr/bin/env bash
# With "show charts" on, each row draws its window's chart from the recorded history: a session
# seeded with three hours of rising readings (and Claude Code's 42.3 % now) shows its chart under
# the row, with the projection to the reset (amber-orange) where, without charts, nothing is amber.
# The screenshot is kept as $CUT_CHART_PNG when that is set, to look at.
source "$(dirname "$0")/lib.sh"

front="$(dirname "$CUT_BINARY")/claude-usage-tracker"
fixture="$(dirname "$0")/../fixtures/statusline_input.json"
now=$(date +%s)
reset=$((now + 7200))  # the 5-hour window began three hours ago
sed -E "s/\"resets_at\": [0-9]+/\"resets_at\": $reset/g" "$fixture" >"$work/stdin.json"

"$CUT_HISTORY_SEED" "$work/state" five_hour "$reset" \
  $((now - 10200)) 2 $((now - 9000)) 8 $((now - 7200)) 15 $((now - 5400)) 24 \
  $((now - 3600)) 31 $((now - 1800)) 37 $((now - 600)) 40 $((now - 300)) 41 ||
  fail "could not seed the history"
# shellcheck disable=SC2046
"$front" statusline $(widget_args) <"$work/stdin.json" >/dev/null || fail "the status line failed"

shoot() {  # shoot NAME: a screenshot and the drawn items of the widget with the current settings
  # shellcheck disable=SC2046
  CUT_TEST_ITEMS_FILE="$work/$1.items" "$CUT_BINARY" $(widget_args) --frames 3 \
    --screenshot "$work/$1.png" 2>"$work/err" || fail "the widget failed: $(cat "$work/err")"
  "$CUT_PROBE" "$work/$1.png" >"$work/$1.probe" || fail "unreadable screenshot"
  cat "$work/$1.probe"
}

mkdir -p "$work/config"
shoot plain
echo '{"show_charts": true}' >"$work/config/settings.json"
shoot charts
[ -n "${CUT_CHART_PNG:-}" ] && cp "$work/charts.png" "$CUT_CHART_PNG"

grep -q ' chart five_hour$' "$work/charts.items" || fail "no session chart drawn: $(cat "$work/charts.items")"
! grep -q ' chart ' "$work/plain.items" || fail "a chart was drawn with charts off"
read -r _ _ plain_height < <(grep '^size ' "$work/plain.probe")
read -r _ _ charts_height < <(grep '^size ' "$work/charts.probe")
[ "$charts_height" -gt $((plain_height + 60)) ] ||
  fail "the charts did not make room (${plain_height} → ${charts_height} px)"
read -r _ plain_amber _ _ < <(grep '^amber ' "$work/plain.probe")
read -r _ amber _ amber_top < <(grep '^amber ' "$work/charts.probe")
[ "$plain_amber" -eq 0 ] || fail "amber pixels without a chart ($plain_amber)"
[ "$amber" -ge 20 ] || fail "no projection line in the chart ($amber amber pixels)"
# The session chart sits under the session row and above the weekly one (screen coordinates).
label_y=$(awk '$0 ~ / Session \(5h\)$/ { print $2; exit }' "$work/charts.items")
chart_y=$(awk '$0 ~ / chart five_hour$/ { print $2; exit }' "$work/charts.items")
weekly_y=$(awk '$0 ~ / Weekly \(all models\)$/ { print $2; exit }' "$work/charts.items")
[ "$label_y" -lt "$chart_y" ] && [ "$chart_y" -lt "$weekly_y" ] ||
  fail "the session chart is out of place: label y=$label_y, chart y=$chart_y, weekly y=$weekly_y"
echo PASS
