#!/usr/bin/env bash
# Configures and builds into build/ (or $BUILD_DIR). CI=true turns warnings into errors.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} -DCUT_WERROR=$werror >/dev/null
cmake --build "$build" -j "$(nproc)"
