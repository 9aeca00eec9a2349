#!/usr/bin/env bash
# The sanitizer suite: builds everything with clang++ and AddressSanitizer +
# LeakSanitizer + UndefinedBehaviorSanitizer (-fno-sanitize-recover=all: any
# finding fails the test) into build-asan/, together with the libFuzzer
# targets (CPPSVC_FUZZ=ON), and runs CTest there.
#
#   scripts/test-sanitizers.sh             every test but the labels consumer,
#                                          generative and realworld
#   scripts/test-sanitizers.sh --all       also those (consumer rebuilds the
#                                          project under the sanitizers: slow)
#   scripts/test-sanitizers.sh --build-only [target...]
#                                          configure and build only (all, or
#                                          the named targets; scripts/fuzz.sh)
#
# Fuzzing itself is scripts/fuzz.sh, in the same build directory;
# scripts/test.sh runs this and a bounded fuzz run after the plain suite.
# Environment: CPPSVC_ASAN_BUILD_TYPE (default Debug, compiled at -O1).
# See docs/reliability/fuzz-sanitizers-load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
all=0
build_only=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --all) all=1; shift ;;
    --build-only) build_only=1; shift; targets=("$@"); break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-sanitizers: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
scripts/setup.sh >/dev/null

build=build-asan
# A build-asan/ configured by an older gcc-based version of this script (or
# with another compiler) is started afresh: CMake cannot switch compilers.
if [ -f "$build/CMakeCache.txt" ] &&
   ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$build/CMakeCache.txt"; then
  echo "test-sanitizers: $build/ was configured with another compiler; starting it afresh"
  rm -rf "$build"
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE="${CPPSVC_ASAN_BUILD_TYPE:-Debug}" -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DCPPSVC_SANITIZE=ON -DCPPSVC_FUZZ=ON -DCPPSVC_BUILD_BENCHMARKS=OFF \
  > "$build.log" 2>&1 || { cat "$build.log"; exit 1; }
cmake --build "$build" --parallel "$(nproc)" ${targets[@]:+--target "${targets[@]}"}
if [ "$build_only" = 1 ]; then exit 0; fi

# LeakSanitizer is on by default in ASan on x86_64 Linux; say so anyway, and
# make every report fatal with a symbolized stack.
export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# The labels generative and realworld (trees through protoc and the compiler:
# mostly compiling) and consumer run in stage 1; here they would add minutes of
# compiling for little: --all includes them.
exclude=(-LE '^(consumer|generative|realworld)$')
if [ "$all" = 1 ]; then exclude=(); fi
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" "${exclude[@]}"
