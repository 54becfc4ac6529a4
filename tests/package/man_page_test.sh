#!/usr/bin/env bash
# The manual page names every command and every option that --help lists.
# Usage: man_page_test.sh PROGRAM MAN_SOURCE
set -euo pipefail
program=$1 page=$2
# roff writes a hyphen as \-; read the page as text.
text=$(sed 's/\\-/-/g' "$page")
help=$("$program" --help)
missing=()
for option in $(grep -oE -- '(^|[ |[])--?[a-z][a-z-]*' <<<"$help" | tr -d ' |[' | sort -u); do
  grep -qF -- "$option" <<<"$text" || missing+=("$option")
done
for command in $(sed -n 's/^  claude-usage-tracker \([a-z][a-z-]*\).*/\1/p' <<<"$help" | sort -u); do
  grep -qE "^\.(B|BR|TP) $command( |\$)" <<<"$text" || missing+=("$command")
done
for kind in $(sed -n 's/^  [0-9]\+  \([a-z_]\+\)$/\1/p' <<<"$help"); do
  grep -qw -- "$kind" <<<"$text" || missing+=("exit code $kind")
done
[ ${#missing[@]} -eq 0 ] || { echo "FAIL: the man page misses: ${missing[*]}" >&2; exit 1; }
echo "PASS: $(wc -w <<<"$help") words of --help checked"
