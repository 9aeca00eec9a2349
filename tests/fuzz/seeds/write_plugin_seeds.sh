#!/usr/bin/env bash
# Writes the plugin_fuzzer's seeds: the CodeGeneratorRequests protoc sends
# protoc-gen-cpp-svc for the repository's protos, captured by a stand-in
# plugin, one file each, into tests/fuzz/corpus/plugin/ (or $1).
#   tests/fuzz/seeds/write_plugin_seeds.sh [out-dir]
# Run again when the protos change; the files are committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$(realpath -m "${1:-$root/tests/fuzz/corpus/plugin}")"
mkdir -p "$out"
work=$(mktemp -d /tmp/cppsvc-seeds.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Saves the request, answers with an empty response that supports proto3
# optional (field 2 = 1) so protoc accepts it.
cat > "$work/protoc-gen-capture" <<'SH'
#!/bin/sh
cat > "$CPPSVC_SEED_FILE"
printf '\020\001'
SH
chmod +x "$work/protoc-gen-capture"

people="$root/examples/people/proto"
protos="$root/tests/protos"
# seed <name> <parameter> <import dir> <proto>...
seed() {
  local name="$1" parameter="$2" dir="$3"
  shift 3
  CPPSVC_SEED_FILE="$out/$name.bin" protoc -I "$root/proto" -I "$dir" \
    "--plugin=protoc-gen-capture=$work/protoc-gen-capture" \
    "--capture_out=$work" "--capture_opt=$parameter" "$@"
}
p=(acme/people/v1/people.proto acme/people/v2/people.proto acme/people/private/people.proto)
seed people "" "$people" "${p[@]}"
seed people-grpc "grpc=true" "$people" "${p[@]}"
seed people-lint "lint=error,lint_prefix=acme" "$people" "${p[@]}"
seed people-v1-alone "" "$people" acme/people/v1/people.proto
seed people-v2-private "grpc=true,lint=off" "$people" acme/people/v2/people.proto acme/people/private/people.proto
seed people-private-package "private_package=acme.people.private" "$people" "${p[@]}"
seed rules "" "$protos/rules" acme/rules/v1/rules.proto
seed keywords "" "$protos/keywords" kw/v1/keywords.proto kw/private/keywords.proto
seed shapes "grpc=true" "$protos/chain" acme/shapes/v1/shapes.proto acme/shapes/v2/shapes.proto \
  acme/shapes/private/shapes.proto
seed broken "" "$protos/bad" broken/v1/broken.proto broken/v2/broken.proto broken/private/broken.proto
seed broken-v1-v2 "lint=warn" "$protos/bad" broken/v1/broken.proto broken/v2/broken.proto
seed bad-parameter "grpc=maybe,nonsense" "$protos/chain" acme/shapes/v1/shapes.proto \
  acme/shapes/v2/shapes.proto acme/shapes/private/shapes.proto
events="$root/examples/events/proto"
seed events "" "$events" acme/events/options.proto acme/user/v1/user.proto acme/user/v2/user.proto
# Three versions of events importing the example's options: two import dirs.
CPPSVC_SEED_FILE="$out/events-orders.bin" protoc -I "$root/proto" -I "$events" -I "$protos/events" \
  "--plugin=protoc-gen-capture=$work/protoc-gen-capture" "--capture_out=$work" \
  acme/orders/v1/orders.proto acme/orders/v2/orders.proto acme/orders/v3/orders.proto
ls -l "$out" | tail -n +2 | awk '{ print "  " $5 "\t" $9 }'
