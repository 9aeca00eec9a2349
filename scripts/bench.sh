#!/usr/bin/env bash
# Runs the benchmarks (Google Benchmark): validators and converters
# (build/bench/cppsvc_bench), then event envelopes
# (build/bench/cppsvc_events_bench, which prints its ratios at the end).
# Extra arguments go to both binaries, e.g.
#   scripts/bench.sh --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
build/bench/cppsvc_bench "$@"
build/bench/cppsvc_events_bench "$@"
