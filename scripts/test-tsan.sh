#!/usr/bin/env bash
# ThreadSanitizer over the runtime's concurrent paths: builds with clang++ and
# -fsanitize=thread (CPPSVC_TSAN=ON) into build-tsan/, then runs the tests
# that start threads: one Registry and one Decoder shared by many threads,
# packing and unpacking at once, the first use of the generated defaults
# racing on every thread (each test in its own process, so first use is
# first), one service chain called from many threads, and the id generator;
# and a canary, a deliberate race in our own code that must be reported.
# Any report fails the run (halt_on_error). Debian's protobuf and abseil are
# not instrumented: tests/tsan-suppressions.txt lists what that needs, and why.
#
#   scripts/test-tsan.sh             build the test targets, run them
#   scripts/test-tsan.sh --all       build everything, run every test but
#                                    the label consumer (much slower)
#
# See docs/reliability/threads.md for the last result.
set -euo pipefail
cd "$(dirname "$0")/.."
all=0
while [ $# -gt 0 ]; do
  case "$1" in
    --all) all=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-tsan: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
scripts/setup.sh >/dev/null

build=build-tsan
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DCPPSVC_TSAN=ON -DCPPSVC_BUILD_BENCHMARKS=OFF -DCPPSVC_BUILD_EXAMPLES=OFF \
  > "$build.log" 2>&1 || { cat "$build.log"; exit 1; }

# The tests with threads, and the suites they live in (single gtests of larger
# suites, so selected by name; no label covers just them).
targets=(cppsvc_events_tests cppsvc_generated_tests cppsvc_events_runtime_tests
         cppsvc_tsan_canary_tests)
tests='Concurrency|NewEventId.IsUniqueAcrossThreads|TsanCanary'
if [ "$all" = 1 ]; then
  targets=()
  tests='.'
fi
cmake --build "$build" --parallel "$(nproc)" ${targets[@]:+--target "${targets[@]}"}

export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan-suppressions.txt${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" -R "$tests" -LE '^consumer$'
