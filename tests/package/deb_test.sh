#!/usr/bin/env bash
# `cpack -G DEB` makes a package whose control data names the run-time libraries the binaries link
# (computed by dpkg-shlibdeps, no -dev package), a description, maintainer and section, and whose
# contents are the installed files owned by root; lintian finds no error in it. With
# CUT_KEEP_DEB=PATH the package is copied there (for the fresh-root check).
# Usage: deb_test.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/cut-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail cpack; }
deb=$(ls "$work"/claude-usage-tracker_*.deb)
info=$(dpkg-deb --info "$deb")
echo "$info" | sed -n '/^ Architecture:/,$p'
depends=$(sed -n 's/^ Depends: //p' <<<"$info")
for lib in libc6 libcurl4 libglfw3 libopengl0 libx11-6 libstdc++6; do
  case ", $depends," in *", $lib "* | *", $lib,"*) ;; *) fail "Depends misses $lib: $depends" ;; esac
done
! grep -qE -- '-dev( |,|$)' <<<"$depends" || fail "Depends names a -dev package: $depends"
grep -q '^ Section: utils$' <<<"$info" || fail "Section"
grep -q '^ Maintainer: .*<.*@.*>$' <<<"$info" || fail "Maintainer"
grep -q '^ Description: always-on-top widget' <<<"$info" || fail "Description"

contents=$(dpkg-deb --contents "$deb")
for path in usr/bin/claude-usage-tracker usr/share/applications/claude-usage-tracker.desktop \
            usr/share/icons/hicolor/256x256/apps/claude-usage-tracker.png \
            usr/share/man/man1/claude-usage-tracker.1.gz usr/share/doc/claude-usage-tracker/copyright; do
  grep -qE " \./$path$" <<<"$contents" || fail "the package lacks /$path"
done
! grep -vE '^[-drwx]{10} root/root .* \./(usr/.*)?$' <<<"$contents" || fail "an entry outside /usr or not root's (above)"

if command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" >"$work/lintian" 2>&1 || true
  cat "$work/lintian"
  ! grep -q '^E:' "$work/lintian" || fail "lintian reports errors (above)"
fi
[ -z "${CUT_KEEP_DEB:-}" ] || cp "$deb" "$CUT_KEEP_DEB"
echo PASS
