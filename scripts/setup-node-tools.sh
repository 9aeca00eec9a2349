#!/usr/bin/env bash
# The Node packages of the event-envelope interop tests (tests/events/interop),
# pinned, into .tools/node_modules (gitignored), next to buf:
#   @bufbuild/protobuf      the runtime the Node side decodes and writes with
#   @bufbuild/protoc-gen-es its code generator, run by the same protoc (3.21)
# 2.12.1 is the newest release that supports Node 20 (2.14+ need Node 22).
# Idempotent; needs npm and the npm registry only. Called by scripts/setup.sh.
set -euo pipefail
es_version=2.12.1
tools="$(cd "$(dirname "$0")/.." && pwd)/.tools"
installed() {
  node -e "process.stdout.write(require('$tools/node_modules/$1/package.json').version)" 2>/dev/null || true
}
if [ "$(installed @bufbuild/protobuf)" = "$es_version" ] &&
   [ "$(installed @bufbuild/protoc-gen-es)" = "$es_version" ]; then
  echo "setup: @bufbuild/protobuf and @bufbuild/protoc-gen-es $es_version present"
else
  echo "setup: installing @bufbuild/protobuf and @bufbuild/protoc-gen-es $es_version into .tools/"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error --save-exact \
    "@bufbuild/protobuf@$es_version" "@bufbuild/protoc-gen-es@$es_version"
fi
