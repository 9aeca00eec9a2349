#!/usr/bin/env bash
# Checks that the project's own C++ sources follow .clang-format (Google
# style), or with --fix rewrites them. The files are git's tracked .cc and .h
# files, except what is not ours to format: expected generated code
# (tests/golden/), and test inputs kept as found (corpus, cases, expected
# outputs). Part of the test command (scripts/test.sh, stage 1).
#
#   scripts/check-format.sh          list the files that differ; fail if any
#   scripts/check-format.sh --fix    format them in place
set -euo pipefail
cd "$(dirname "$0")/.."
fix=0
case "${1:-}" in
  --fix) fix=1 ;;
  "") ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  *) echo "check-format: unknown option $1 (try --help)" >&2; exit 2 ;;
esac
format=clang-format-14
command -v "$format" >/dev/null || format=clang-format

mapfile -t files < <(git ls-files '*.cc' '*.h' | grep -v -e '^tests/golden/' \
  -e '/expected/' -e '/cases/' -e '/corpus/')
if [ "$fix" = 1 ]; then
  "$format" -i --style=file "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi
differ=()
for file in "${files[@]}"; do
  "$format" --style=file "$file" | cmp -s - "$file" || differ+=("$file")
done
if [ ${#differ[@]} -gt 0 ]; then
  printf 'check-format: not formatted: %s\n' "${differ[@]}" >&2
  echo "check-format: ${#differ[@]} of ${#files[@]} files differ; run scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
