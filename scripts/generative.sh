#!/usr/bin/env bash
# Long generative campaigns: random valid proto trees through the real protoc,
# the plugin and g++ (-Wall -Wextra -Werror), e.g.
#
#   scripts/generative.sh --trees 500 --seed 1000 --jobs 1
#   scripts/generative.sh --trees 200 --seed 1 --size medium --features all --clang
#
# Options are tests/generative/run.py's (--help): --features ci (default: all
# but the classes in tests/generative/known-failures.txt), all, safe,
# dangerous or a list; --size tiny|small|medium (default small). Failing trees
# are printed with the command that reproduces them and kept under
# tests/generative/regressions/<seed>/ (commit one as a regression case: CTest
# re-checks it). The summary line gives trees, files compiled and failures.
# Builds the plugin first if build/ lacks it (scripts/build.sh configures).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -x build/protoc-gen-cpp-svc || ! -f build/gen/gen/svc/annotations.pb.h ]]; then
  [[ -f build/build.ninja ]] || scripts/build.sh
  cmake --build build --target protoc-gen-cpp-svc
fi
exec /usr/bin/python3 tests/generative/run.py --keep tests/generative/regressions "$@"
