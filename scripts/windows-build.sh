#!/usr/bin/env bash
# Cross-builds for Windows into build-windows/ (or $BUILD_DIR): the dependencies first
# (scripts/windows-deps.sh, quick once built), then everything with the mingw-w64 toolchain.
# CI=true turns warnings into errors; TARGET builds one target instead of everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export BUILD_DIR=${BUILD_DIR:-$root/build-windows}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
"$root/scripts/windows-deps.sh"
# The toolchain is read only when the build folder is made; naming it again draws a warning.
toolchain=()
[ -f "$BUILD_DIR/CMakeCache.txt" ] || toolchain=(--toolchain "$root/cmake/toolchains/mingw-w64-x86_64.cmake")
cmake -S "$root" -B "$BUILD_DIR" "${toolchain[@]}" \
  -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} -DCUT_WERROR=$werror "${launcher[@]}" >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" ${TARGET:+--target "$TARGET"}
