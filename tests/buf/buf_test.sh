#!/usr/bin/env bash
# The buf integration tests (docs/reference/integration.md), run by CTest (tests/CMakeLists.txt):
#
#   buf_test.sh MODE SOURCE_DIR WORK_DIR PROTOC PLUGIN
#
#   generate  `buf generate` with the repository's buf.gen.yaml, pointed at
#             PLUGIN (and PROTOC for the builtin C++ generator), writes the
#             files `protoc --cpp_out --cpp-svc_out` writes for the same protos:
#             the same set; our plugin's byte for byte; protoc's .pb.h/.pb.cc
#             byte for byte as protoc writes them from a descriptor set (from
#             the .proto sources they differ only in json_name, see below).
#             The v1-format template tests/buf/buf.gen.v1.yaml that docs/guide.md
#             shows writes the same as buf.gen.yaml.
#   lint      `buf lint` passes on the repository's buf.yaml.
#   split     buf.gen.yaml without `strategy: all` (buf's per-directory
#             default splits the example's chain): the output says
#             `strategy: all` (buf sends no compiler_version, so the advice
#             names buf; after a protoc run it names protoc only).
#
# The buf CLI is .tools/node_modules/.bin/buf (scripts/setup.sh installs it)
# or `buf` on PATH; without it the test fails and says so.
set -euo pipefail

mode=$1 source_dir=$2 work_dir=$3 protoc=$4 plugin=$5

fail() { echo "FAIL: $*" >&2; exit 1; }

buf="$source_dir/.tools/node_modules/.bin/buf"
if [ ! -x "$buf" ]; then
  buf=$(command -v buf || true)
  [ -n "$buf" ] || fail "the buf CLI is not installed: run scripts/setup.sh" \
    "(it installs @bufbuild/buf into $source_dir/.tools/)"
fi
echo "buf $("$buf" --version) at $buf"

rm -rf "$work_dir"
mkdir -p "$work_dir"
# Keep buf's cache out of the home directory; nothing here needs the network.
export BUF_CACHE_DIR="$work_dir/cache"

# The repository's buf.gen.yaml with the build tree's plugin and protoc and an
# output directory in WORK_DIR; with `strategy: all` dropped when $1 is "split".
make_template() {
  local template="$work_dir/buf.gen.yaml" out=$2
  sed -e "s|^\(  - local: \)build/protoc-gen-cpp-svc\$|\1$plugin|" \
      -e "s|^\(  - protoc_builtin: cpp\)\$|\1\n    protoc_path: $protoc|" \
      -e "s|^\(    out: \)out\$|\1$out|" \
      "$source_dir/buf.gen.yaml" > "$template"
  grep -qF -- "- local: $plugin" "$template" || fail "buf.gen.yaml: no '- local: build/protoc-gen-cpp-svc' entry"
  grep -qF -- "protoc_path: $protoc" "$template" || fail "buf.gen.yaml: no '- protoc_builtin: cpp' entry"
  [ "$(grep -cF -- "out: $out" "$template")" = 2 ] || fail "buf.gen.yaml: expected two 'out: out' entries"
  grep -q '^    strategy: all$' "$template" || fail "buf.gen.yaml: the plugin entry lacks 'strategy: all'"
  if [ "$1" = split ]; then
    sed -i '/^    strategy: all$/d' "$template"
  fi
  echo "$template"
}

cd "$source_dir"
case "$mode" in
  generate)
    template=$(make_template all "$work_dir/buf")
    "$buf" generate --template "$template" || fail "buf generate failed"

    # protoc from the .proto sources, as README.md's quick start runs it.
    protos=(acme/people/v1/people.proto acme/people/v2/people.proto acme/people/private/people.proto)
    mkdir "$work_dir/protoc"
    "$protoc" -I proto -I examples/people/proto \
      --plugin=protoc-gen-cpp-svc="$plugin" \
      --cpp_out="$work_dir/protoc" --cpp-svc_out="$work_dir/protoc" \
      "${protos[@]}" || fail "protoc failed"
    # protoc from a descriptor set of the same protos, which is how buf runs
    # protoc's builtin generators (protoc_builtin): there protoc cannot tell a
    # default json_name from an explicit one and writes json_name into the
    # .pb.h comments and the embedded descriptors (protobuf issues 5587, 6175).
    mkdir "$work_dir/protoc-set"
    "$protoc" -I proto -I examples/people/proto --include_imports --include_source_info \
      -o "$work_dir/set.binpb" "${protos[@]}" || fail "protoc -o failed"
    "$protoc" --descriptor_set_in="$work_dir/set.binpb" \
      --plugin=protoc-gen-cpp-svc="$plugin" \
      --cpp_out="$work_dir/protoc-set" --cpp-svc_out="$work_dir/protoc-set" \
      "${protos[@]}" || fail "protoc --descriptor_set_in failed"

    for file in acme/people/v1/people.pb.h acme/people/private/people.pb.cc \
                acme/people/v1/people.svc.h acme/people/v2/people.svc.testing.h \
                acme/people/private/people.svc.h; do
      [ -s "$work_dir/protoc/$file" ] || fail "protoc did not write $file"
    done
    (cd "$work_dir/buf" && find . -type f | sort) > "$work_dir/buf.files"
    (cd "$work_dir/protoc" && find . -type f | sort) > "$work_dir/protoc.files"
    diff -u "$work_dir/protoc.files" "$work_dir/buf.files" \
      || fail "buf generate wrote other files than protoc (- protoc, + buf)"
    # Our plugin's files: byte for byte what protoc's run of it wrote.
    diff -r -x '*.pb.h' -x '*.pb.cc' "$work_dir/protoc" "$work_dir/buf" > "$work_dir/plugin.diff" \
      || { head -n 100 "$work_dir/plugin.diff"; fail "the plugin wrote different contents under buf and protoc"; }
    # Every file, protoc's .pb.h/.pb.cc included: byte for byte what protoc
    # writes from the descriptor set.
    diff -r "$work_dir/protoc-set" "$work_dir/buf" > "$work_dir/contents.diff" \
      || { head -n 100 "$work_dir/contents.diff"; fail "buf generate and protoc (from a descriptor set) wrote different contents"; }
    echo "buf generate and protoc wrote the same $(wc -l < "$work_dir/buf.files") files"

    # The v1-format template docs/guide.md shows writes the same.
    sed -e "s|^\(    path: \)build/protoc-gen-cpp-svc\$|\1$plugin|" \
        -e "s|^\(  - plugin: cpp\)\$|\1\n    protoc_path: $protoc|" \
        -e "s|^\(    out: \)out\$|\1$work_dir/buf-v1|" \
        "$source_dir/tests/buf/buf.gen.v1.yaml" > "$work_dir/buf.gen.v1.yaml"
    [ "$(grep -cF -e "path: $plugin" -e "protoc_path: $protoc" -e "out: $work_dir/buf-v1" \
         "$work_dir/buf.gen.v1.yaml")" = 4 ] || fail "tests/buf/buf.gen.v1.yaml: unexpected shape"
    "$buf" generate --template "$work_dir/buf.gen.v1.yaml" examples/people/proto \
      || fail "buf generate (v1 template) failed"
    diff -r "$work_dir/buf" "$work_dir/buf-v1" > "$work_dir/v1.diff" \
      || { head -n 100 "$work_dir/v1.diff"; fail "the v1 template wrote other files or contents than buf.gen.yaml"; }
    echo "the v1 template writes the same"
    ;;
  lint)
    "$buf" lint || fail "buf lint reported problems (fix them, or except them in buf.yaml saying why)"
    echo "buf lint: no problems"
    ;;
  split)
    template=$(make_template split "$work_dir/buf")
    status=0
    "$buf" generate --template "$template" > "$work_dir/output.txt" 2>&1 || status=$?
    cat "$work_dir/output.txt"
    echo "(buf generate exited with $status)"
    grep -qF 'strategy: all' "$work_dir/output.txt" \
      || fail "buf generate with the per-directory strategy did not mention 'strategy: all'"
    ;;
  *)
    fail "unknown mode $mode"
    ;;
esac
