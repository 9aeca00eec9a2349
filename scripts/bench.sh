#!/usr/bin/env bash
# Runs the benchmarks (Google Benchmark). Extra arguments go to the benchmark
# binary, e.g. scripts/bench.sh --benchmark_repetitions=5
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
build/bench/cppsvc_bench "$@"
