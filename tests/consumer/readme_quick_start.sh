#!/usr/bin/env bash
# tests/consumer/readme_quick_start.sh <source dir> <build dir> <work dir>
#
# Runs the README's "Quick start with protoc" command exactly as written, in
# an empty <work dir> that looks like the repository root (proto/ and
# examples/ linked from <source dir>, build/ from <build dir>), with protoc
# from PATH; then checks that it wrote protoc's and our headers into out/.
# CTest Consumer.ReadmeQuickStart.
set -euo pipefail
src=$1 build=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work"
ln -s "$src/proto" proto
ln -s "$src/examples" examples
ln -s "$build" build
awk '/^## Quick start with protoc/ { section = 1 }
     section && /^```sh/ { block = 1; next }
     block && /^```/ { exit }
     block' "$src/README.md" > quick_start.sh
if [[ ! -s quick_start.sh ]]; then
  echo "no sh block under '## Quick start with protoc' in $src/README.md" >&2
  exit 1
fi
cat quick_start.sh
bash -eu quick_start.sh
test -f out/acme/people/v1/people.pb.h || { echo "out/acme/people/v1/people.pb.h is missing" >&2; exit 1; }
svc_headers=$(find out/acme/people -name '*.svc.h' | sort)
if [[ -z "$svc_headers" ]]; then
  echo "no .svc.h under out/acme/people" >&2
  exit 1
fi
echo "$svc_headers"
