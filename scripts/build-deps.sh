#!/usr/bin/env bash
# Builds the vendored Abseil and protobuf (third_party/deps/) once per machine
# into a cache directory outside the clone, keyed by the archives' hashes, and
# prints the install prefix on stdout (progress goes to stderr).
#
#   scripts/build-deps.sh            build if needed, print the prefix
#   scripts/build-deps.sh --print    print the prefix only (no build)
#
# Cache: ${CPPSVC_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cppsvc-deps}/<key>/
# where <key> is the first 12 hex digits of sha256(third_party/deps/SHA256SUMS).
# <key>/prefix/ is the install prefix; <key>/stamp is written only after both
# installs succeeded, so an interrupted build is redone from scratch next time.
#
# Flags: CPPSVC_DEPS_CXXFLAGS (default -O1 -DNDEBUG, no -g: a cold build is
# the long part of the protobuf-current test stage, about 17 min on 2 cores;
# -O1 rather than -O0 keeps protoc fast for the suites' many protoc runs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deps="$root/third_party/deps"
cache="${CPPSVC_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cppsvc-deps}"
key="$(sha256sum "$deps/SHA256SUMS" | cut -c1-12)"
dir="$cache/$key"
prefix="$dir/prefix"
if [[ "${1:-}" == "--print" ]]; then echo "$prefix"; exit 0; fi

if [[ -f "$dir/stamp" ]]; then
  echo "build-deps: cached in $dir" >&2
  echo "$prefix"
  exit 0
fi

(cd "$deps" && sha256sum --quiet -c SHA256SUMS) >&2 || {
  echo "build-deps: hash mismatch in $deps" >&2; exit 1; }

absl=abseil-cpp-20250127.1
pb=protobuf-31.1
flags="${CPPSVC_DEPS_CXXFLAGS:--O1 -DNDEBUG}"
jobs="$(nproc)"
start=$SECONDS
rm -rf "$dir"
mkdir -p "$dir/src"
echo "build-deps: building $absl and $pb into $dir ($flags, $jobs jobs)" >&2
tar -C "$dir/src" -xJf "$deps/$absl.tar.xz"
tar -C "$dir/src" -xJf "$deps/$pb.tar.xz"
log="$dir/build.log"
run() { "$@" >> "$log" 2>&1 || { tail -50 "$log" >&2; echo "build-deps: failed, log: $log" >&2; exit 1; }; }

common=(-G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=$flags"
  "-DCMAKE_C_FLAGS_RELEASE=$flags" -DCMAKE_CXX_STANDARD=17
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON "-DCMAKE_INSTALL_PREFIX=$prefix"
  -DCMAKE_INSTALL_LIBDIR=lib)
run cmake -S "$dir/src/$absl" -B "$dir/build-absl" "${common[@]}" \
  -DABSL_PROPAGATE_CXX_STD=ON -DBUILD_TESTING=OFF
run cmake --build "$dir/build-absl" --parallel "$jobs"
run cmake --install "$dir/build-absl"
echo "build-deps: Abseil installed after $((SECONDS - start)) s" >&2
run cmake -S "$dir/src/$pb" -B "$dir/build-pb" "${common[@]}" \
  "-DCMAKE_PREFIX_PATH=$prefix" -Dprotobuf_ABSL_PROVIDER=package \
  -Dprotobuf_LOCAL_DEPENDENCIES_ONLY=ON -Dprotobuf_BUILD_TESTS=OFF \
  -Dprotobuf_BUILD_CONFORMANCE=OFF -Dprotobuf_BUILD_EXAMPLES=OFF \
  -Dprotobuf_BUILD_LIBUPB=ON
run cmake --build "$dir/build-pb" --parallel "$jobs"
run cmake --install "$dir/build-pb"
# Sources and object files are not needed once installed.
rm -rf "$dir/src" "$dir/build-absl" "$dir/build-pb"
echo "$flags, $((SECONDS - start)) s" > "$dir/stamp"
echo "build-deps: done in $((SECONDS - start)) s" >&2
echo "$prefix"
