#!/usr/bin/env bash
# Bounded libFuzzer runs of the targets in tests/fuzz/ (every
# tests/fuzz/<name>_fuzzer.cc, seeds in tests/fuzz/corpus/<name>/), built with
# clang++, ASan + LSan + UBSan and -fsanitize=fuzzer in build-asan/ (by
# scripts/test-sanitizers.sh --build-only).
#
#   scripts/fuzz.sh [--time SECONDS] [--merge] [target...]
#
#   --time S   seconds per target (default 60); a longer run is the same
#              command with a bigger --time (e.g. --time 3600)
#   --merge    afterwards, add the inputs that found new coverage to
#              tests/fuzz/corpus/<name>/ (libFuzzer -merge=1; review, commit)
#   target     plugin, message, ... (default: all of tests/fuzz/*_fuzzer.cc)
#
# Each target runs on a copy of its seeds and of tests/fuzz/regressions/<name>/
# in build-asan/fuzz/<name>/, with -timeout=25 (a slower input is a hang) and
# -rss_limit_mb=2560; its log is build-asan/fuzz/<name>/fuzz.log. A crash,
# hang, leak or sanitizer report leaves the input in
# build-asan/fuzz/<name>/artifacts/ and fails the script (after the other
# targets ran). Minimise one with
#   build-asan/tests/fuzz/<name>_fuzzer -minimize_crash=1 -runs=10000 <input>
# and keep it as tests/fuzz/regressions/<name>/<bug>.bin (or under open/
# until it is fixed: CTest's Fuzz.<name>.regressions runs the directory).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=60
merge=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds="$2"; shift 2 ;;
    --merge) merge=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) targets+=("${1%_fuzzer}"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  for source in tests/fuzz/*_fuzzer.cc; do
    name=$(basename "$source" .cc)
    targets+=("${name%_fuzzer}")
  done
fi
for name in "${targets[@]}"; do
  if [ ! -f "tests/fuzz/${name}_fuzzer.cc" ]; then
    echo "fuzz: no tests/fuzz/${name}_fuzzer.cc" >&2
    exit 2
  fi
done

scripts/test-sanitizers.sh --build-only "${targets[@]/%/_fuzzer}"

export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
failed=()
summary=()
for name in "${targets[@]}"; do
  work="$root/build-asan/fuzz/$name"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  seeds=0
  for dir in "tests/fuzz/corpus/$name" "tests/fuzz/regressions/$name" "tests/fuzz/regressions/$name/open"; do
    if [ -d "$dir" ]; then
      find "$dir" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$work/corpus/" \;
    fi
  done
  seeds=$(find "$work/corpus" -type f | wc -l)
  options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1
           -artifact_prefix="$work/artifacts/")
  if [ -f "tests/fuzz/$name.dict" ]; then options+=(-dict="$root/tests/fuzz/$name.dict"); fi
  echo "fuzz: $name for ${seconds}s on $seeds seeds (log: build-asan/fuzz/$name/fuzz.log)"
  start=$(date +%s)
  status=0
  "build-asan/tests/fuzz/${name}_fuzzer" "${options[@]}" "$work/corpus" > "$work/fuzz.log" 2>&1 || status=$?
  elapsed=$(( $(date +%s) - start ))
  final_stat() { sed -n "s/^stat::$1: *//p" "$work/fuzz.log" | tail -1; }
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$work/fuzz.log" | tail -1 |
              grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' || true)
  line="$name: $(final_stat number_of_executed_units) execs in ${elapsed}s ($(final_stat average_exec_per_sec)/s), $done_line, new units $(final_stat new_units_added), peak rss $(final_stat peak_rss_mb) MB"
  summary+=("$line")
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    echo "fuzz: $name FAILED (exit $status); the end of its log:" >&2
    tail -60 "$work/fuzz.log" >&2
    ls -l "$work/artifacts" >&2
  fi
  if [ "$merge" = 1 ] && [ "$status" -eq 0 ]; then
    mkdir -p "tests/fuzz/corpus/$name"
    before=$(find "tests/fuzz/corpus/$name" -type f | wc -l)
    "build-asan/tests/fuzz/${name}_fuzzer" -merge=1 -timeout=25 -rss_limit_mb=2560 \
      "tests/fuzz/corpus/$name" "$work/corpus" > "$work/merge.log" 2>&1
    after=$(find "tests/fuzz/corpus/$name" -type f | wc -l)
    echo "fuzz: $name: merged $((after - before)) inputs into tests/fuzz/corpus/$name/ (now $after)"
  fi
done
echo "fuzz: summary (libFuzzer's final stats)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in build-asan/fuzz/<name>/artifacts/)" >&2
  exit 1
fi
