#!/usr/bin/env bash
# Configures and builds everything into build/ (plugin, runtime, example,
# tests, benchmarks). Used by the scripts below; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > build.log 2>&1 || { cat build.log; exit 1; }
cmake --build build --parallel "$(nproc)"
