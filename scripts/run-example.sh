#!/usr/bin/env bash
# The main job: generate C++ for the example tree with the real protoc and our
# plugin, build it, and run the program that validates good and bad requests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
echo
echo "== protoc --cpp-svc_out wrote, for examples/people/proto:"
(cd build/examples/cppsvc_gen/people_example && find . \( -name '*.svc.*' -o -name '*.chain.*' \) | sort | sed 's|^\./|   |')
echo
build/examples/people_example
