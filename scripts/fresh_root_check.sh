#!/usr/bin/env bash
# Installs the .deb into a fresh Debian 12 root (debootstrap minbase: none of the build
# dependencies), runs the installed program there, then purges the package and checks that none of
# its files remain. Needs root (chroot, mounts) and the network (the Debian mirror of this machine's
# /etc/apt/sources.list*).
# Usage: scripts/fresh_root_check.sh PACKAGE.deb CACHE_DIR
#   CACHE_DIR keeps the debootstrap root as a tarball between runs (delete it to start afresh).
set -euo pipefail
deb=$(readlink -f "$1")
cache=$(mkdir -p "$2" && cd "$2" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root for debootstrap and chroot" >&2; exit 77; }
command -v debootstrap >/dev/null || { echo "error: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
fail() { echo "FAIL: $*" >&2; exit 1; }

mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)\/\?$/\1/p; s/^deb \(http[^ ]*debian\)\/\? bookworm .*/\1/p' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null || true)
mirror=${mirror%%$'\n'*}
mirror=${mirror:-http://deb.debian.org/debian}
tarball="$cache/bookworm-minbase.tar"

root=$(mktemp -d "${TMPDIR:-/tmp}/cut-fresh-root.XXXXXX")
chmod 755 "$root"  # apt downloads as _apt, which must reach /var/lib/apt inside
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT

started=$(date +%s)
if [ ! -f "$tarball" ]; then
  echo "debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log"; fail "debootstrap"; }
  tar -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
else
  tar -C "$root" -xf "$tarball"
fi
echo "root ready in $(($(date +%s) - started)) s"

for m in proc dev dev/pts; do
  mkdir -p "$root/$m"
  case $m in proc) mount -t proc proc "$root/proc" ;; *) mount --bind "/$m" "$root/$m" ;; esac
  mounted+=("$root/$m")
done
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/package.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive "$@"; }

in_root apt-get update -qq
# What apt pulls in for the package alone: run-time libraries, never a -dev package or compiler.
in_root apt-get install -y -qq --no-install-recommends /tmp/package.deb >"$root/tmp/install.log" 2>&1 \
  || { cat "$root/tmp/install.log"; fail "apt-get install ./package.deb"; }
pulled=$(sed -n 's/^Setting up \([^:( ]*\).*/\1/p' "$root/tmp/install.log" | sort)
echo "apt-get install pulled $(wc -l <<<"$pulled") packages"
if grep -E -- '-dev$|^(gcc|g\+\+|cmake|make|pkg-config)' <<<"$pulled"; then fail "build dependencies were pulled in"; fi
in_root dpkg -L claude-usage-tracker | sort >"$root/tmp/files"

in_root claude-usage-tracker --version | grep -q '^claude-usage-tracker ' || fail "--version"
set +e
json=$(in_root claude-usage-tracker status --json)
code=$?
set -e
[ "$code" -ne 0 ] && grep -q '"no_key"' <<<"$json" || fail "status --json without a key: exit $code, $json"

in_root apt-get install -y -qq --no-install-recommends xvfb >/dev/null 2>&1 || fail "installing xvfb for the check"
in_root sh -c 'Xvfb :77 -screen 0 1024x768x24 -nolisten tcp >/tmp/xvfb.log 2>&1 & x=$!
  for i in $(seq 50); do [ -e /tmp/.X11-unix/X77 ] && break; sleep 0.1; done
  DISPLAY=:77 claude-usage-tracker --demo --frames 3 --screenshot /tmp/widget.png; code=$?
  kill $x; exit $code' || fail "the demo widget under Xvfb"
head -c 8 "$root/tmp/widget.png" | od -An -c | grep -q 'P   N   G' || fail "no PNG screenshot"

in_root apt-get purge -y -qq claude-usage-tracker >/dev/null 2>&1 || fail "apt-get purge"
left=$(while read -r f; do
  if [ -L "$root$f" ] || { [ -e "$root$f" ] && [ ! -d "$root$f" ]; }; then echo "$f"; fi
done <"$root/tmp/files")
[ -z "$left" ] || fail "files of the package remain after purge: $left"
echo "PASS: fresh root check in $(($(date +%s) - started)) s"
