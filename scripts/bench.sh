#!/usr/bin/env bash
# Runs every benchmark (Google Benchmark) and summarises them against their
# baselines from the same run (docs/benchmarks.md):
#   build/bench/cppsvc_bench         validators, converters, the chain
#   build/bench/cppsvc_events_bench  event envelopes (prints its own ratios too)
#   build/bench/cppsvc_plugin_bench  the plugin executable on synthetic trees
# Each writes DIR/<name>.json (Google Benchmark's JSON); then
# scripts/bench-summary.py prints the table of ratios and writes DIR/summary.md.
#
#   scripts/bench.sh [--out DIR] [--compare OLD_DIR] [--plot] [benchmark options]
#
#   --out DIR          where the JSON goes (default bench-results/, gitignored)
#   --compare OLD_DIR  also compare with a previous run's DIR (DIR/compare.md):
#                      each figure and ratio, the change, >10% flagged
#   --plot             draw docs/benchmarks/plugin-scaling.png from this run
#                      (scripts/bench-plot.py, gnuplot)
# Other arguments go to every binary, e.g.
#   scripts/bench.sh --benchmark_repetitions=3 --benchmark_report_aggregates_only=true
#   scripts/bench.sh --benchmark_filter=Plugin   (only the binaries with a match report)
# CPPSVC_BENCH_LARGE=1 adds 16 and 32 domains to the plugin benchmark.
# A default run takes about two minutes on 2 shared cores (the plugin
# benchmark under one); with CPPSVC_BENCH_LARGE=1 and 3 repetitions, about ten.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-results
compare=()
plot=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --compare) compare=(--compare "$2"); shift 2 ;;
    --plot) plot=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ ${#compare[@]} -gt 0 ] && [ "$(realpath -m "${compare[1]}")" = "$(realpath -m "$out")" ]; then
  echo "bench: --compare $out would be overwritten by this run; copy it first, e.g." >&2
  echo "  cp -r $out $out.before && scripts/bench.sh --compare $out.before" >&2
  exit 2
fi
binaries=(cppsvc_bench cppsvc_events_bench cppsvc_plugin_bench)

scripts/setup.sh
# Configure as scripts/build.sh does, but build only the benchmarks (and the
# plugin they measure).
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > build.log 2>&1 ||
    { cat build.log; exit 1; }
fi
cmake --build build --parallel "$(nproc)" --target "${binaries[@]}"

mkdir -p "$out"
for binary in "${binaries[@]}"; do
  echo "== $binary"
  "build/bench/$binary" --benchmark_out="$out/$binary.json" --benchmark_out_format=json "${args[@]}"
done
python3 scripts/bench-summary.py "$out" "${compare[@]}"
if [ "$plot" = 1 ]; then
  python3 scripts/bench-plot.py "$out/cppsvc_plugin_bench.json"
fi
