#!/usr/bin/env bash
# Editions against proto3 (tests/editions/CMakeLists.txt), run by CTest:
#
#   editions_test.sh WORK PROTOC PLUGIN ANNOTATIONS_DIR PROTO3_DIR EDITIONS_DIR \
#                    PROTO3_PROGRAM EDITIONS_PROGRAM
#
# 1. Every file of EDITIONS_DIR declares edition 2023 (and none proto3).
# 2. The plugin's output for EDITIONS_DIR is byte-identical to its output
#    for PROTO3_DIR.
# 3. With the presence feature left at edition 2023's default (explicit
#    presence) the output differs: the plugin reads the resolved features.
# 4. The two example programs print exactly the same, but for the marker
#    protobuf puts in front of debug strings, which it varies from run to
#    run on purpose (e.g. "goo.gle/debugstr  ").
set -euo pipefail
work=$1 protoc=$2 plugin=$3 annotations=$4 proto3=$5 editions=$6 program3=$7 program_ed=$8
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
files=(acme/people/v1/people.proto acme/people/v2/people.proto acme/people/private/people.proto)

for f in "${files[@]}"; do
  grep -q '^edition = "2023";' "$editions/$f" || fail "$editions/$f does not declare edition 2023"
  ! grep -q 'syntax = ' "$editions/$f" || fail "$editions/$f still declares a syntax"
done

generate() {  # generate <proto root> <out dir>
  mkdir -p "$2"
  "$protoc" -I "$1" -I "$annotations" "--plugin=protoc-gen-cpp-svc=$plugin" \
    "--cpp-svc_out=$2" "${files[@]/#/$1/}" || fail "protoc on $1"
}
generate "$proto3" "$work/proto3"
generate "$editions" "$work/editions"
count=$(find "$work/proto3" -type f | wc -l)
[ "$count" -gt 0 ] || fail "the plugin wrote nothing"
diff -r "$work/proto3" "$work/editions" || fail "edition 2023 output differs from proto3's"
echo "plugin output: $count files, identical"

mkdir -p "$work/explicit"
for f in "${files[@]}"; do
  mkdir -p "$(dirname "$work/explicit/$f")"
  sed 's/ option features.field_presence = IMPLICIT;//' "$editions/$f" > "$work/explicit/$f"
done
generate "$work/explicit" "$work/explicit-out"
if diff -rq "$work/proto3" "$work/explicit-out" > /dev/null; then
  fail "explicit presence (edition 2023's default) generated the same code as proto3's implicit"
fi
echo "explicit presence: output differs, as it must"

unmark() { sed -E 's#goo\.gle/debug[a-z]* +##g'; }
"$program3" | unmark > "$work/proto3.out" || fail "$program3 failed"
"$program_ed" | unmark > "$work/editions.out" || fail "$program_ed failed"
[ -s "$work/proto3.out" ] || fail "the example printed nothing"
diff "$work/proto3.out" "$work/editions.out" || fail "the programs' outputs differ"
echo "example programs: $(wc -l < "$work/proto3.out") lines, identical"
