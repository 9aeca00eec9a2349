#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer into
# build-asan/ and runs the tests (the consumer tests, which rebuild the
# project twice, only with --all).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCPPSVC_SANITIZE=ON \
  -DCPPSVC_BUILD_BENCHMARKS=OFF > build-asan.log 2>&1 || { cat build-asan.log; exit 1; }
cmake --build build-asan --parallel "$(nproc)"
exclude=(-E Consumer)
if [ "${1:-}" = "--all" ]; then exclude=(); fi
ctest --test-dir build-asan --output-on-failure --parallel "$(nproc)" "${exclude[@]}"
