#!/usr/bin/env bash
# One tree of the real-world corpus through the real protoc:
#
#   run_tree.sh --out DIR --protoc P --plugin X --annotations DIR
#               --root DIR [--root DIR...]         import dirs; protos are under the first
#               [--protos "a.proto b.proto"]       default: every *.proto under the first root
#               [--option key=value]...            --cpp-svc_opt
#               [--expect-stderr FILE]             default: stderr must be empty
#               [--expect-fail]                    the run must be rejected (protoc exits non-zero)
#               [--cxx COMPILER]...                compilers for the generated code
#               [--include DIR]...                 include dirs for compiling (runtime headers)
#               [--strong-imports]                 read `import weak` as `import` (below)
#
# protoc runs with --cpp_out and --cpp-svc_out into a fresh DIR. Its stderr
# must equal the expected text exactly (warnings and located diagnostics
# included). On success every generated C++ source of ours (every *.cc in DIR
# but protoc's *.pb.cc, found by glob so that the test does not depend on how
# output files are named) is compiled with -Wall -Wextra -Werror by each
# compiler, -fsyntax-only: these trees check that the output compiles; the
# trees whose behaviour is tested are built and run by CMake targets.
set -euo pipefail

out="" protoc="" plugin="" annotations="" protos="" expect_stderr="" expect_fail=0 strong=0
roots=() options=() compilers=() includes=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --protoc) protoc="$2"; shift 2 ;;
    --plugin) plugin="$2"; shift 2 ;;
    --annotations) annotations="$2"; shift 2 ;;
    --root) roots+=("$2"); shift 2 ;;
    --protos) protos="$2"; shift 2 ;;
    --option) options+=("$2"); shift 2 ;;
    --expect-stderr) expect_stderr="$2"; shift 2 ;;
    --expect-fail) expect_fail=1; shift ;;
    --cxx) compilers+=("$2"); shift 2 ;;
    --include) includes+=("$2"); shift 2 ;;
    --strong-imports) strong=1; shift ;;
    *) echo "run_tree.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n "$out" && -n "$protoc" && -n "$plugin" && -n "$annotations" && ${#roots[@]} -gt 0 ]] || {
  echo "run_tree.sh: --out, --protoc, --plugin, --annotations and --root are required" >&2; exit 2; }

if [[ -z "$protos" ]]; then
  protos=$(cd "${roots[0]}" && find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')
fi

rm -rf "$out"
mkdir -p "$out"
# protobuf 3.21's C++ generator (--cpp_out) aborts on `import weak`
# (`CHECK failed: !options_.opensource_runtime`: weak imports exist only in
# Google's internal runtime). For trees that use them (containerd), protoc
# reads a copy of the roots with plain imports; the files are otherwise
# unchanged and keep their names.
if [[ $strong -eq 1 ]]; then
  copies=()
  for i in "${!roots[@]}"; do
    copy="$out/.strong/$i"
    mkdir -p "$copy"
    cp -R "${roots[$i]}/." "$copy/"
    find "$copy" -name '*.proto' -exec sed -i 's/^import weak "/import "/' {} +
    copies+=("$copy")
  done
  roots=("${copies[@]}")
fi
import_args=()
for root in "${roots[@]}"; do import_args+=(-I "$root"); done
import_args+=(-I "$annotations")
opt_arg=""
if [[ ${#options[@]} -gt 0 ]]; then
  opt_arg=$(IFS=,; echo "${options[*]}")
fi

status=0
# shellcheck disable=SC2086  # $protos is a list of relative paths
"$protoc" "${import_args[@]}" "--plugin=protoc-gen-cpp-svc=$plugin" \
  --cpp_out="$out" --cpp-svc_out="$out" ${opt_arg:+"--cpp-svc_opt=$opt_arg"} \
  $protos 2> "$out/stderr.txt" || status=$?

expected=/dev/null
[[ -n "$expect_stderr" ]] && expected="$expect_stderr"
if ! diff -u "$expected" "$out/stderr.txt"; then
  echo "FAIL: protoc's stderr differs from ${expect_stderr:-(empty)} (- expected, + actual)" >&2
  exit 1
fi
if [[ $expect_fail -eq 1 ]]; then
  if [[ $status -eq 0 ]]; then
    echo "FAIL: the run was expected to be rejected, but protoc exited 0" >&2
    exit 1
  fi
  echo "rejected as expected (exit $status)"
  exit 0
fi
if [[ $status -ne 0 ]]; then
  echo "FAIL: protoc exited $status" >&2
  exit 1
fi

# protobuf 3.21 writes `namespace private` for a package segment that is a
# C++ keyword; fix its output as cppsvc_generate does.
mapfile -t pb_files < <(find "$out" -name '*.pb.h' -o -name '*.pb.cc' | LC_ALL=C sort)
if [[ ${#pb_files[@]} -gt 0 ]]; then
  cmake -DKEYWORDS=private "-DFILES=$(IFS='|'; echo "${pb_files[*]}")" \
    -P "$(dirname "$0")/../../cmake/CppSvcFixKeywordNamespaces.cmake"
fi

mapfile -t sources < <(find "$out" -name '*.cc' ! -name '*.pb.cc' | LC_ALL=C sort)
if [[ ${#sources[@]} -eq 0 ]]; then
  echo "FAIL: the plugin generated no C++ source" >&2
  exit 1
fi
include_args=(-I "$out")
for dir in "${includes[@]}"; do include_args+=(-I "$dir"); done
failed=0
for cxx in "${compilers[@]}"; do
  echo "$cxx: ${#sources[@]} generated sources"
  # Two at a time: the CI machines have two cores.
  if ! printf '%s\0' "${sources[@]}" |
      xargs -0 -n 1 -P 2 "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror \
        "${include_args[@]}"; then
    echo "FAIL: generated code does not compile cleanly with $cxx" >&2
    failed=1
  fi
done
exit $failed
