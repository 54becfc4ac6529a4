#!/usr/bin/env bash
# Configures and builds into build/ (or $BUILD_DIR). CI=true turns warnings into errors.
# CUT_BUILD_TESTS=ON|OFF sets whether the test suites are configured (unset: as the build folder
# already has it, ON for a new one); TARGET builds one target instead of everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
tests=()
[ -n "${CUT_BUILD_TESTS:-}" ] && tests=(-DCUT_BUILD_TESTS="$CUT_BUILD_TESTS")
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} -DCUT_WERROR=$werror "${tests[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" ${TARGET:+--target "$TARGET"}
