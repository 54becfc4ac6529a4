#!/usr/bin/env bash
# Installs what is missing, builds, and starts the widget. Arguments go to the program
# (for example: scripts/run.sh --demo).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" build
"$root/scripts/build.sh"
exec "${BUILD_DIR:-$root/build}/claude-usage-tracker" "$@"
