#!/usr/bin/env bash
# The shared usage cache in both directions with a running widget, against the loopback HTTPS
# server playing claude.ai:
#  1. after its fetch the widget writes the cache: claude.ai readings and the organization;
#  2. a newer reading from Claude Code (the real status line, run beside it) reaches the window
#     within seconds, well before the next poll (60 s away): the file-change notice works;
#  3. the settings panel's button installs the status line in $CLAUDE_CONFIG_DIR, pointing at the
#     front binary, and removes it again.
source "$(dirname "$0")/lib.sh"
export CUT_TEST_ITEMS_FILE="$work/items"
export CLAUDE_CONFIG_DIR="$work/claude"
front="$(dirname "$CUT_BINARY")/claude-usage-tracker"
key="sk-ant-sid01-TESTKEY_abc123xyz"

printf '%s\n' "$key" >"$work/expected_key"
cp "$work/expected_key" "$work/key"
chmod 600 "$work/key"
start_server ok "$work/port" --expect-key-file "$work/expected_key" --max-seconds 120


# 1. The widget fetches and records what it fetched.
start_widget --api-base "https://127.0.0.1:$(cat "$work/port")" --ca-file "$work/ca.pem" --timeout 10
wait_for_window
cache="$work/state/usage-cache.json"
for _ in $(seq 1 100); do grep -q '"claude.ai"' "$cache" 2>/dev/null && break; sleep 0.1; done
grep -q '"source": "claude.ai"' "$cache" || fail "the widget wrote no claude.ai reading: $(cat "$cache" 2>&1)"
grep -q '"organization": "' "$cache" || fail "the cache holds no organization"
[ "$(stat -c %a "$cache")" = 600 ] || fail "cache mode $(stat -c %a "$cache")"
! grep -q "$key" "$cache" || fail "the key is in the cache"
echo "PASS the widget wrote the cache"

# 2. Claude Code reports 97 % for the session; the widget shows it at once.
now=$(date +%s)
printf '{"rate_limits": {"five_hour": {"used_percentage": 97, "resets_at": %d}}}' $((now + 3600)) |
  "$front" statusline --state-dir "$work/state" --config-dir "$work/config" --key-file "$work/key" >/dev/null
wait_drawn "97%"
wait_drawn "via Claude Code · updated just now"
echo "PASS a status line's reading reached the running widget"

# 3. Install from the settings panel, then remove.
# Ctrl+comma opens the settings (the menu's Settings… does the same; the menu test covers it).
xdotool windowactivate --sync "$window_id" 2>/dev/null || true
sleep 0.2
press ctrl+comma
sleep 0.5
click_item "Behaviour"
click_item "Install status line in Claude Code"
for _ in $(seq 1 50); do [ -f "$CLAUDE_CONFIG_DIR/settings.json" ] && break; sleep 0.1; done
[ -f "$CLAUDE_CONFIG_DIR/settings.json" ] || fail "no settings.json; drawn: $(drawn)"
grep -qF "\"command\": \"$front statusline\"" "$CLAUDE_CONFIG_DIR/settings.json" ||
  fail "the status line does not run the front binary: $(cat "$CLAUDE_CONFIG_DIR/settings.json")"
wait_drawn "Remove status line from Claude Code"
sleep 0.6  # past the double-click time: the same spot is clicked again
click_item "Remove status line from Claude Code"
for _ in $(seq 1 50); do grep -q statusLine "$CLAUDE_CONFIG_DIR/settings.json" || break; sleep 0.1; done
! grep -q statusLine "$CLAUDE_CONFIG_DIR/settings.json" || fail "the status line was not removed"
wait_drawn "Install status line in Claude Code"
echo PASS
