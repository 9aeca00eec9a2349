#!/usr/bin/env bash
# Installs every Debian package the project needs, and the buf CLI (npm package
# @bufbuild/buf, pinned) into .tools/ in the repository. Idempotent: when all
# are present it changes nothing; otherwise it runs `apt-get update` first.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git
  # The consumer tests build with make and pkg-config (tests/consumer).
  make pkg-config
  protobuf-compiler libprotobuf-dev libprotoc-dev
  libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libgrpc++-dev protobuf-compiler-grpc
  # clang++ builds the sanitizer + libFuzzer configuration (scripts/test-sanitizers.sh)
  # and compiles the edge-case corpus a second time; llvm gives llvm-symbolizer.
  clang libclang-rt-14-dev llvm
  # scripts/check-format.sh (stage 1 of the test command) checks .clang-format.
  clang-format
  # The event-envelope interop tests decode and write envelopes with Debian's
  # Python protobuf (run with /usr/bin/python3, not whatever python3 is on PATH).
  python3 python3-protobuf
  # scripts/bench-plot.py draws docs/benchmarks/plugin-scaling.png with gnuplot.
  gnuplot-nox
)
# npm installs buf (below); the machine may already have Node.js from elsewhere.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
else
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The buf CLI (buf.yaml, buf.gen.yaml; the Buf tests), as the current user,
# into .tools/node_modules/.bin/buf (gitignored). Needs only the npm registry.
buf_version=1.75.0
tools="$(cd "$(dirname "$0")/.." && pwd)/.tools"
if [ "$("$tools/node_modules/.bin/buf" --version 2>/dev/null || true)" = "$buf_version" ]; then
  echo "setup: buf $buf_version present"
else
  echo "setup: installing buf $buf_version into .tools/"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@bufbuild/buf@$buf_version"
fi

# The Node packages of the event interop tests (@bufbuild/protobuf and
# protoc-gen-es), pinned, into the same .tools/.
"$(dirname "$0")/setup-node-tools.sh"
