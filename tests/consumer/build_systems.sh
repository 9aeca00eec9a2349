#!/usr/bin/env bash
# tests/consumer/build_systems.sh <mode> <pkgconfig dir> <work dir> [<buf>]
#
# Builds a consumer project in <work dir> (emptied first; outside the source
# tree) against the package installed by CTest Consumer.Install, found only
# through pkg-config (<prefix>/lib/pkgconfig/cppsvc.pc), and runs it. Modes:
#   pkgconfig  pkgconfig/main.cc compiled and linked with nothing but
#              `pkg-config --cflags --libs cppsvc`, and
#              pkgconfig/testing_main.cc with `... cppsvc-testing`.
#   makefile   shop/Makefile: protoc once per .proto (pattern rule).
#   buf        buf/buf.yaml + buf.gen.yaml: `buf generate` twice, once for
#              shop/common and once for shop/orders, with the installed
#              annotations linked into the workspace; then built with
#              pkg-config's flags.
# The shop programs check that validating an Order applies the rule of Money,
# which another run generated. CXX picks the compiler (default c++);
# CPPSVC_CONSUMER_FLAGS are added to every compile and link (the sanitizer
# flags when the installed runtime was built with them).
set -euo pipefail
mode=$1 pc_dir=$2 work=$3 buf=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
CXX=${CXX:-c++}
export PKG_CONFIG_PATH="$pc_dir"
# Only the installed cppsvc.pc, never one from the system's search path.
pc_file=$(pkg-config --path cppsvc 2>/dev/null || true)
if [[ "$(readlink -f "$pc_file")" != "$(readlink -f "$pc_dir/cppsvc.pc")" ]]; then
  echo "pkg-config cppsvc resolves to '$pc_file', not $pc_dir/cppsvc.pc" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work"
cd "$work"
read -r -a cflags <<< "$(pkg-config --cflags cppsvc)"
read -r -a libs <<< "$(pkg-config --libs cppsvc)"
read -r -a extra <<< "${CPPSVC_CONSUMER_FLAGS:-}"
plain=(-std=c++17 -O1 "${extra[@]}")
strict=("${plain[@]}" -Wall -Wextra -Werror)

case "$mode" in
  pkgconfig)
    plugin=$(pkg-config --variable=protoc_gen_cpp_svc cppsvc)
    proto_dir=$(pkg-config --variable=protodir cppsvc)
    [[ -x "$plugin" ]] || { echo "protoc_gen_cpp_svc=$plugin is not an executable" >&2; exit 1; }
    [[ -f "$proto_dir/gen/svc/annotations.proto" ]] ||
      { echo "protodir=$proto_dir has no gen/svc/annotations.proto" >&2; exit 1; }
    # The test helpers are a library of their own, out of cppsvc.pc.
    if [[ " ${libs[*]} " == *cppsvc_testing* ]]; then
      echo "pkg-config --libs cppsvc links the test helpers: ${libs[*]}" >&2
      exit 1
    fi
    read -r -a testing_flags <<< "$(pkg-config --cflags --libs cppsvc-testing)"
    set -x
    "$CXX" "${strict[@]}" "$here/pkgconfig/main.cc" -o runtime_user "${cflags[@]}" "${libs[@]}"
    ./runtime_user
    "$CXX" "${strict[@]}" "$here/pkgconfig/testing_main.cc" -o testing_user "${testing_flags[@]}"
    ./testing_user
    ;;
  makefile)
    make -f "$here/shop/Makefile" -j2 CXX="$CXX" CXXFLAGS="-O1 ${extra[*]}" \
      LDFLAGS="${extra[*]}" 2>&1 | tee make.log
    runs=$(grep -c -- '--cpp-svc_out=gen' make.log || true)
    if [[ "$runs" != 2 ]]; then
      echo "expected 2 protoc runs (one per .proto), saw $runs" >&2
      exit 1
    fi
    ./shop_orders
    ;;
  buf)
    [[ -n "$buf" && -x "$buf" ]] || { echo "buf CLI not found ('$buf'): run scripts/setup.sh" >&2; exit 1; }
    cp "$here/buf/buf.yaml" "$here/buf/buf.gen.yaml" .
    mkdir proto
    (cd "$here/shop" && find shop -name '*.proto' -exec cp --parents {} "$work/proto" \;)
    ln -s "$(pkg-config --variable=protodir cppsvc)" cppsvc
    PATH="$(dirname "$(pkg-config --variable=protoc_gen_cpp_svc cppsvc)"):$PATH"
    set -x
    "$buf" generate --path proto/shop/common
    "$buf" generate --path proto/shop/orders
    # Ours (and main.cc) warning-free; protoc's without the warnings.
    objects=()
    for source in "$here/shop/main.cc" $(find out -name '*.cc' | sort); do
      object="obj/$(basename "$(dirname "$source")")_$(basename "$source" .cc).o"
      flags=("${plain[@]}")
      [[ "$source" == *.pb.cc ]] || flags=("${strict[@]}")
      mkdir -p obj
      "$CXX" "${flags[@]}" -Iout "${cflags[@]}" -c "$source" -o "$object"
      objects+=("$object")
    done
    "$CXX" "${extra[@]}" "${objects[@]}" -o shop_orders "${libs[@]}"
    ./shop_orders
    ;;
  *)
    echo "unknown mode '$mode'" >&2
    exit 2
    ;;
esac
