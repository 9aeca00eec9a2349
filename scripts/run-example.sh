#!/usr/bin/env bash
# The main job: generate C++ for the example trees with the real protoc and our
# plugin, build it, and run the two example programs: the people service
# (validation, every version served from one private implementation) and the
# user events (produced in v1, upcast to v2, shown in each sink's form).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
echo
echo "== protoc --cpp-svc_out wrote, for examples/people/proto:"
(cd build/examples/cppsvc_gen/people_example && find . -name '*.svc.*' | sort | sed 's|^\./|   |')
echo
build/examples/people_example
echo
echo "== protoc --cpp-svc_out wrote, for examples/events/proto:"
(cd build/examples/cppsvc_gen/events_example && find . -name '*.svc.*' | sort | sed 's|^\./|   |')
build/examples/events_example
