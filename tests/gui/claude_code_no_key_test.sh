#!/usr/bin/env bash
# With no key file, the numbers Claude Code hands the status line reach the widget through the
# shared cache: the real front binary's `statusline` writes the cache from the shared stdin fixture,
# then the widget (same --state-dir, no key) draws the session at 42.3 % and the weekly window at
# 18 % in green, names Claude Code in its footer, and does not open on the key entry.
source "$(dirname "$0")/lib.sh"

front="$(dirname "$CUT_BINARY")/claude-usage-tracker"
[ -x "$front" ] || fail "no front binary at $front"
fixture="$(dirname "$0")/../fixtures/statusline_input.json"

# The fixture's reset times are fixed; on a machine whose clock has passed them, hand the status
# line the same numbers with reset times two hours ahead instead.
now=$(date +%s)
input="$work/stdin.json"
if [ "$(grep -o '"resets_at": [0-9]*' "$fixture" | awk '{ print $2 }' | sort -n | head -n1)" -gt "$now" ]; then
  cp "$fixture" "$input"
else
  later=$((now + 7200))
  sed -E "s/\"resets_at\": [0-9]+/\"resets_at\": $later/g" "$fixture" >"$input"
fi

# shellcheck disable=SC2046
"$front" statusline $(widget_args) <"$input" >"$work/line" || fail "the status line failed"
grep -q '42%' "$work/line" || fail "the status line did not show 42%: $(cat "$work/line")"
[ -s "$work/state/usage-cache.json" ] || fail "the status line wrote no cache"
[ ! -e "$work/key" ] || fail "a key file exists"

export CUT_TEST_ITEMS_FILE="$work/items"
# shellcheck disable=SC2046
"$CUT_BINARY" $(widget_args) --frames 3 --screenshot "$work/shot.png" 2>"$work/err" ||
  fail "the widget failed: $(cat "$work/err")"
[ -s "$work/shot.png" ] || fail "no screenshot written"
drawn=$(cut -d' ' -f6- "$work/items")
echo "$drawn"

has() { grep -qxF -- "$1" <<<"$drawn"; }
has "Session (5h)" || fail "no session row"
has "42.3%" || fail "the session row does not show 42.3%"
has "18%" || fail "the weekly row does not show 18%"
# The percent follows its own row's label, in display order.
session_y=$(awk '$0 ~ / Session \(5h\)$/ { print $2; exit }' "$work/items")
weekly_y=$(awk '$0 ~ / 18%$/ { print $2; exit }' "$work/items")
pct42_y=$(awk '$0 ~ / 42\.3%$/ { print $2; exit }' "$work/items")
[ "$session_y" -le "$pct42_y" ] && [ "$pct42_y" -lt "$weekly_y" ] ||
  fail "rows out of order: session label y=$session_y, 42.3% y=$pct42_y, 18% y=$weekly_y"
grep -q '^via Claude Code · updated ' <<<"$drawn" || fail "the footer does not name Claude Code"
has "From Claude Code — add a session key for per-model limits and extra usage" ||
  fail "the footer does not offer adding a key"
! has "Session key field" || fail "the widget opened on the key entry although it had numbers"
! grep -q "No session key" <<<"$drawn" || fail "the footer still says there is no key"

# Both gauges are green (42.3 % and 18 % are under the amber threshold); nothing is amber or red.
"$CUT_PROBE" "$work/shot.png" >"$work/probe" || fail "unreadable screenshot"
cat "$work/probe"
read -r _ green _ _ < <(grep '^green ' "$work/probe")
read -r _ amber _ _ < <(grep '^amber ' "$work/probe")
read -r _ red _ _ < <(grep '^red ' "$work/probe")
[ "$green" -ge 80 ] || fail "too few green gauge pixels ($green)"
[ "$amber" -eq 0 ] && [ "$red" -eq 0 ] || fail "amber ($amber) or red ($red) pixels with 42.3% and 18%"
echo PASS
