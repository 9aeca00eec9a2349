#!/usr/bin/env bash
# One direction of the envelope interop tests (docs/reference/events.md): WRITER writes the
# cases of cases.json as envelope bytes, READER decodes them and checks every
# field. WRITER and READER are cpp, python or node.
#
# usage: run.sh WRITER READER WORK_DIR PROTOC PROTO_DIR EVENTS_PROTO_DIR CPP_INTEROP TOOLS_DIR
#   CPP_INTEROP  the cppsvc_events_interop binary
#   TOOLS_DIR    .tools/ of scripts/setup-node-tools.sh (node_modules with
#                @bufbuild/protobuf and @bufbuild/protoc-gen-es)
# A missing interpreter or package fails the test, saying what to install:
# these tests are never skipped silently.
set -euo pipefail
writer=$1 reader=$2 work=$3 protoc=$4 proto_dir=$5 events_proto_dir=$6 cpp=$7 tools=$8
here="$(cd "$(dirname "$0")" && pwd)"
cases="$here/cases.json"
python=/usr/bin/python3  # Debian's, with python3-protobuf (not a pyenv shim on PATH)
protos=(cppsvc/events/envelope.proto gen/svc/annotations.proto
        acme/events/options.proto acme/user/v1/user.proto)

rm -rf "$work" && mkdir -p "$work/bytes"

fail() { echo "interop: $*" >&2; exit 1; }

setup_python() {
  [ -x "$python" ] || fail "$python not found: install python3 (scripts/setup.sh)"
  "$python" -c 'import google.protobuf' 2>/dev/null ||
    fail "$python has no google.protobuf: install python3-protobuf (scripts/setup.sh)"
  mkdir -p "$work/gen-py"
  "$protoc" -I "$proto_dir" -I "$events_proto_dir" --python_out="$work/gen-py" "${protos[@]}"
}

setup_node() {
  command -v node >/dev/null || fail "node not found: install nodejs (scripts/setup.sh)"
  local plugin="$tools/node_modules/.bin/protoc-gen-es"
  [ -x "$plugin" ] && [ -d "$tools/node_modules/@bufbuild/protobuf" ] ||
    fail "@bufbuild/protobuf and @bufbuild/protoc-gen-es not in $tools/node_modules: run scripts/setup-node-tools.sh"
  mkdir -p "$work/node/gen"
  ln -sfn "$tools/node_modules" "$work/node/node_modules"
  echo '{"type": "module"}' > "$work/node/package.json"
  cp "$here/interop.mjs" "$work/node/interop.mjs"
  "$protoc" --plugin=protoc-gen-es="$plugin" --es_out="$work/node/gen" \
    --es_opt=target=js,import_extension=js -I "$proto_dir" -I "$events_proto_dir" "${protos[@]}"
}

run() {  # run SIDE MODE
  case $1 in
    cpp) "$cpp" "$2" "$cases" "$work/bytes" ;;
    python) "$python" "$here/interop.py" "$2" "$cases" "$work/bytes" "$work/gen-py" ;;
    node) node "$work/node/interop.mjs" "$2" "$cases" "$work/bytes" "$work/node/gen" ;;
    *) fail "unknown side $1" ;;
  esac
}

for side in "$writer" "$reader"; do
  case $side in python) setup_python ;; node) setup_node ;; esac
done
run "$writer" write
run "$reader" read
