#!/usr/bin/env bash
# `cmake --install` into a temporary DESTDIR lays out exactly these files with these modes, the
# desktop entry passes desktop-file-validate, and the installed front runs the full program beside
# it (found relative to itself, so the prefix does not matter).
# Usage: install_tree_test.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

DESTDIR="$work/root" cmake --install "$build" --prefix /opt/cut >/dev/null
root="$work/root/opt/cut"

expected="$work/expected"
{
  for p in $CUT_PROGRAMS; do echo "755 bin/$p"; done
  echo "644 share/applications/claude-usage-tracker.desktop"
  echo "644 share/doc/claude-usage-tracker/SECURITY.md"
  echo "644 share/doc/claude-usage-tracker/changelog.Debian.gz"
  echo "644 share/lintian/overrides/claude-usage-tracker"
  echo "644 share/doc/claude-usage-tracker/copyright"
  for s in 16 22 24 32 48 64 128 256; do echo "644 share/icons/hicolor/${s}x${s}/apps/claude-usage-tracker.png"; done
  echo "644 share/icons/hicolor/scalable/apps/claude-usage-tracker.svg"
  echo "644 share/man/man1/claude-usage-tracker.1.gz"
} | sort -k2 >"$expected"
(cd "$root" && find . -type f -printf '%m %P\n' | sort -k2) >"$work/actual"
diff -u "$expected" "$work/actual" || fail "the installed files or their modes differ (above)"
[ -z "$(find "$root" -type l)" ] || fail "the install holds symlinks"

desktop-file-validate "$root/share/applications/claude-usage-tracker.desktop" || fail "desktop-file-validate"
for s in 16 48 256; do
  file "$root/share/icons/hicolor/${s}x${s}/apps/claude-usage-tracker.png" | grep -q "PNG image data, $s x $s" \
    || fail "the ${s}px icon is not a ${s}x${s} PNG"
done
zcat "$root/share/man/man1/claude-usage-tracker.1.gz" | grep -q '^\.TH CLAUDE-USAGE-TRACKER 1' || fail "man page"

# The installed front hands a command it does not run itself to the full program beside it.
out=$(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$root/bin/claude-usage-tracker" autostart status)
case $out in off:*) ;; *) fail "installed front did not reach the full program: $out" ;; esac
"$root/bin/claude-usage-tracker" --version | grep -q '^claude-usage-tracker [0-9]' || fail "--version"
echo PASS
