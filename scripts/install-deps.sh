#!/usr/bin/env bash
# Installs the Debian 12 packages this project builds and tests with, skipping what is present.
# Usage: scripts/install-deps.sh [build|test|windows]
#   test adds the X server, window manager and tools, and the Windows cross-build's packages;
#   windows adds only those: mingw-w64, Wine, dpkg-dev (for apt-get source), tclsh (SQLite's build)
#   and Ninja (which keeps both cores compiling across the cross-build's targets; make idles between).
set -euo pipefail

build_pkgs=(build-essential cmake pkg-config libglfw3-dev libcurl4-openssl-dev nlohmann-json3-dev
            libstb-dev libimgui-dev libx11-dev libsystemd-dev libsqlite3-dev fonts-inter libgl1-mesa-dri python3)
test_pkgs=(doctest-dev libcpp-httplib-dev libssl-dev openssl xvfb xauth openbox xdotool imagemagick
           x11-utils mesa-utils dbus-x11 dbus-daemon procps time desktop-file-utils lintian debootstrap file
           clang libclang-rt-14-dev)
windows_pkgs=(g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 wine wine64
              dpkg-dev tcl nlohmann-json3-dev doctest-dev libstb-dev cmake ninja-build)

case "${1:-build}" in
  build) want=("${build_pkgs[@]}") ;;
  test) want=("${build_pkgs[@]}" "${test_pkgs[@]}" "${windows_pkgs[@]}") ;;
  windows) want=("${windows_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|windows]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
