#!/usr/bin/env bash
# The protobuf-current stage of the test command: builds and tests against
# protobuf 31.1 and Abseil 20250127.1 (third_party/deps), where the plain
# suite uses the distribution's protobuf 3.21.
#
#   scripts/test-protobuf-current.sh [extra cmake arguments]
#
# 1. scripts/build-deps.sh: builds the vendored sources once per machine into
#    a cache outside the clone (about 17 min cold on 2 cores; a few seconds
#    when cached; see that script for the cache's location).
# 2. Configures build-pb31/ with CMAKE_PREFIX_PATH=<that prefix> (so
#    find_package(Protobuf CONFIG) finds it first) and without gRPC (Debian's
#    is built against 3.21 and cannot be mixed with 31), and builds the
#    plugin, the runtime, the examples and the core suites: unit and model,
#    golden, diagnostics (real protoc), generated code, events, corpus, the
#    gRPC emitter's text, and editions (tests/editions).
# 3. Checks that no object was compiled against the distribution's protobuf
#    headers (/usr/include/google): a header missing from the prefix must
#    fail the build, not be picked up from there.
# 4. Runs those suites with CTest. The gRPC binding tests, the Python interop
#    tests (protoc 31's Python code needs a matching Python runtime) and the
#    installed-package, buf, real-world and generative suites stay on the
#    plain stage.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
prefix="$(scripts/build-deps.sh)"
echo "protobuf-current: dependencies ready after $((SECONDS - start)) s ($prefix)"

launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-pb31 -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_PREFIX_PATH=$prefix" -DCMAKE_DISABLE_FIND_PACKAGE_gRPC=ON \
  -DCPPSVC_BUILD_BENCHMARKS=OFF "${launcher[@]}" "$@" > build-pb31.log 2>&1 ||
  { cat build-pb31.log; exit 1; }
grep -q "^-- protobuf 31\." build-pb31.log ||
  { cat build-pb31.log; echo "protobuf-current: protobuf 31 was not found in $prefix" >&2; exit 1; }

targets=(protoc-gen-cpp-svc cppsvc_validation cppsvc_events cppsvc_testing people_example events_example
  cppsvc_unit_tests cppsvc_golden_tests cppsvc_golden_cases cppsvc_protoc_tests
  cppsvc_diagnostics_cases cppsvc_generated_tests
  cppsvc_grpc_emitter_tests cppsvc_events_tests cppsvc_events_dropped_tests
  cppsvc_events_runtime_tests cppsvc_corpus_tests people_example_editions)
cmake --build build-pb31 --parallel "$(nproc)" --target "${targets[@]}"
echo "protobuf-current: built after $((SECONDS - start)) s"

mixed="$(ninja -C build-pb31 -t deps |
  awk '/^[^ ]/ { target = $1 } /^ *\/usr\/include\/google\// { print target, $1 }')"
if [ -n "$mixed" ]; then
  echo "$mixed" | head -20
  echo "protobuf-current: these objects include the distribution's protobuf headers" >&2
  exit 1
fi

# Everything built above; the rest is the plain stage's (NOT_BUILT: the
# suites not built here). Diagnostics.hostile_utf8 cannot run here: protoc 31
# itself aborts (a CHECK in command_line_interface.cc) on a string option
# holding invalid UTF-8, before any plugin runs; protoc 3.21 passes it on and
# the plugin rejects it, as the plain stage checks.
ctest --test-dir build-pb31 --output-on-failure -j "$(nproc)" \
  -E '_NOT_BUILT$|^Consumer\.|^buf_|^EventsInterop\.|^realworld|^Generative\.|^Fuzz\.|^Diagnostics\.hostile_utf8$'
echo "protobuf-current: passed after $((SECONDS - start)) s"
