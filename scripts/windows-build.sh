#!/usr/bin/env bash
# Cross-builds for Windows into build-windows/ (or $BUILD_DIR): the dependencies first
# (scripts/windows-deps.sh, quick once built), then everything with the mingw-w64 toolchain.
# CI=true turns warnings into errors; TARGET builds one target instead of everything.
# Release at -O2 by default (CMake's Release for GCC is -O3): the .exe people run, and the one the
# tests run. No debug information: nothing on Windows reads it (crashes leave no dump, see
# SECURITY.md), and it would make the compile half again as long and the .exe fifteen times larger;
# the symbol table is stripped at link (-s) for the same reason. The program's libraries and the
# Windows suites compile in unity batches (CUT_UNITY_BUILD in CMakeLists.txt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-$root/build-windows}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
"$root/scripts/windows-deps.sh"
# The toolchain and the generator are read only when the build folder is made; naming the toolchain
# again draws a warning, and a folder made with another generator keeps it. Ninja keeps both cores
# compiling across targets, where make leaves one idle while a target links.
new_folder=()
[ -f "$BUILD_DIR/CMakeCache.txt" ] || new_folder=(-G Ninja --toolchain "$root/cmake/toolchains/mingw-w64-x86_64.cmake")
cmake -S "$root" -B "$BUILD_DIR" "${new_folder[@]}" \
  -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release} "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" \
  "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" -DCMAKE_EXE_LINKER_FLAGS_RELEASE=-s \
  -DCUT_UNITY_BUILD=ON -DCUT_WERROR=$werror "${launcher[@]}" >/dev/null
# The build runs Wine once: listing the net suite's cases after linking them. Wine's services inherit
# the output pipe of whoever starts Wine first, and CMake waits on that pipe until they exit (over a
# minute); so unless the caller runs Wine already (windows-test.sh does), a quiet server for the
# build's prefix is started first and stopped after.
if [ -z "${CUT_WINE_RUNNING:-}" ] && command -v wine >/dev/null; then
  export WINEPREFIX=$BUILD_DIR/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  mkdir -p "$WINEPREFIX"
  wineserver -k >/dev/null 2>&1 || true
  wineserver -p >/dev/null 2>&1
  trap 'wineserver -k >/dev/null 2>&1 || true' EXIT
  wine cmd /c exit >/dev/null 2>&1 </dev/null
fi
cmake --build "$BUILD_DIR" -j "$(nproc)" ${TARGET:+--target "$TARGET"}
