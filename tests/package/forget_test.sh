#!/usr/bin/env bash
# `forget` against a temporary home holding the program's files, unrelated files beside them and a
# Claude Code settings file with a status line of the user's own: after listing and asking, only the
# program's files go and the user's status line comes back.
# Usage: forget_test.sh PROGRAM
set -euo pipefail
program=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-forget.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_STATE_HOME="$work/home/.local/state"
export CLAUDE_CONFIG_DIR="$HOME/.claude"
config="$XDG_CONFIG_HOME/claude-usage-tracker" state="$XDG_STATE_HOME/claude-usage-tracker"
mkdir -p "$config" "$state" "$CLAUDE_CONFIG_DIR"

# The program's own files, made by the program where it can.
printf 'sk-ant-sid01-TESTKEY_abc123xyz\n' | "$program" set-key --no-verify >/dev/null
printf '{"opacity": 0.5}\n' >"$config/settings.json"
printf 'broken' >"$config/settings.json.bad"
printf '{}' >"$state/usage-cache.json"
printf '{"statusLine":{"type":"command","command":"my-own-line"},"theme":"dark"}\n' \
  >"$CLAUDE_CONFIG_DIR/settings.json"
"$program" install-statusline >/dev/null
"$program" autostart on >/dev/null
# Unrelated files, beside and inside the program's folders.
printf 'mine' >"$config/notes.txt"
printf 'mine' >"$state/other.json"
printf 'mine' >"$XDG_CONFIG_HOME/autostart/someone-else.desktop"
printf 'mine' >"$HOME/.bashrc"
find "$HOME" -type f | sort >"$work/before"

# Answering no removes nothing.
if echo n | "$program" forget >"$work/out"; then fail "a 'no' answer exited 0"; fi
grep -q "Nothing was removed" "$work/out" || fail "no answer: $(cat "$work/out")"
grep -qF "$HOME/.claude-session-key" "$work/out" || fail "the list does not name the key file"
grep -qF "status line" "$work/out" || fail "the list does not name the status line"
find "$HOME" -type f | sort | diff -u "$work/before" - || fail "'no' changed files"

"$program" forget --yes >"$work/out" || fail "forget --yes: $(cat "$work/out")"
for gone in "$HOME/.claude-session-key" "$config/settings.json" "$config/settings.json.bad" \
            "$state/usage-cache.json" "$state/statusline-previous.json" \
            "$XDG_CONFIG_HOME/autostart/claude-usage-tracker.desktop"; do
  [ ! -e "$gone" ] || fail "$gone is still there"
done
for kept in "$config/notes.txt" "$state/other.json" "$XDG_CONFIG_HOME/autostart/someone-else.desktop" \
            "$HOME/.bashrc"; do
  [ "$(cat "$kept")" = mine ] || fail "$kept was touched"
done
grep -q '"command": *"my-own-line"' "$CLAUDE_CONFIG_DIR/settings.json" || fail "the user's status line is not back"
grep -q '"theme": *"dark"' "$CLAUDE_CONFIG_DIR/settings.json" || fail "Claude Code's other settings changed"
"$program" forget --yes | grep -q "no files of yours" || fail "a second forget found something"

# A key path that is a symlink is not the program's file: it stays, and so does its target.
printf 'target' >"$work/elsewhere"
ln -s "$work/elsewhere" "$HOME/.claude-session-key"
"$program" forget --yes >/dev/null
[ -L "$HOME/.claude-session-key" ] && [ "$(cat "$work/elsewhere")" = target ] || fail "a symlinked key was removed"
echo PASS
