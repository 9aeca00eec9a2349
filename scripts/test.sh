#!/usr/bin/env bash
# Sets up, builds and runs every test (CTest prints the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
