#!/usr/bin/env bash
# Sets up, builds and runs every test: the README's test command, and CI's
# (.ci/run). Two stages:
#   1. the format check (scripts/check-format.sh) and the documentation's links
#      (scripts/check-doc-links.py), then the plain suite: gcc,
#      RelWithDebInfo, build/, CTest; then the core
#      suites again against protobuf 31.1 and Abseil 20250127.1 built from
#      third_party/deps (scripts/test-protobuf-current.sh, build-pb31/; the
#      dependencies are built once per machine into a cache outside the
#      clone, see scripts/build-deps.sh);
#   2. the sanitizer suite (scripts/test-sanitizers.sh: clang++, ASan + LSan +
#      UBSan, build-asan/, CTest without the labels consumer, generative, realworld),
#      the threaded tests under ThreadSanitizer (scripts/test-tsan.sh,
#      build-tsan/) and a bounded libFuzzer run of every tests/fuzz target
#      (scripts/fuzz.sh --time, default 60 s each; CPPSVC_FUZZ_SECONDS
#      overrides).
#
#   scripts/test.sh            both stages
#   scripts/test.sh --quick    stage 1's plain suite only (local use)
#
# Stage 2 runs only when stage 1 passed. See docs/reliability/fuzz-sanitizers-load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "test: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
# Each stage line says when it started, the wall seconds so far and the CPU
# time (user, system) of everything run so far: CI's time budget.
# (`times` must run in this shell, not in a $(...) subshell, to see them.)
stage() {
  local cpu
  cpu=$(mktemp)
  times > "$cpu"
  echo; echo "== test: $* ($(date +%T), ${SECONDS}s in, cpu $(tail -1 "$cpu"))"
  rm -f "$cpu"
}

stage "1/2 plain suite (build/)"
scripts/setup.sh
scripts/check-format.sh
python3 scripts/check-doc-links.py
scripts/build.sh
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
if [ "$quick" = 1 ]; then exit 0; fi
stage "1/2 core suites against protobuf 31.1 and Abseil 20250127.1 (build-pb31/)"
scripts/test-protobuf-current.sh

stage "2/2 sanitizer suite (build-asan/)"
scripts/test-sanitizers.sh
stage "2/2 threaded tests under ThreadSanitizer (build-tsan/)"
scripts/test-tsan.sh
stage "2/2 fuzzing, ${CPPSVC_FUZZ_SECONDS:-60} s per target"
scripts/fuzz.sh --time "${CPPSVC_FUZZ_SECONDS:-60}"
stage "done"
