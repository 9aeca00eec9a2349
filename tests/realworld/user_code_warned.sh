#!/usr/bin/env bash
# user_code_warned.sh OUT_DIR USER_CC INCLUDE... --cxx COMPILER...
#
# A user's translation unit: every header the plugin generated in OUT_DIR
# (found by glob, whatever their names), then USER_CC, which uses deprecated
# elements. Generated code silences deprecation warnings only between its own
# push and pop, so each compiler must still reject USER_CC with
# -Werror=deprecated-declarations, naming the deprecated element; and the
# headers alone must compile cleanly (the failure is the user's code's).
set -euo pipefail
out="$1" user="$2"; shift 2
includes=() compilers=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == --cxx ]]; then compilers+=("$2"); shift 2; else includes+=(-I "$1"); shift; fi
done
tu="$out/user_code.cc"
headers_only="$out/headers_only.cc"
: > "$headers_only"
while IFS= read -r header; do
  echo "#include \"${header#"$out/"}\"" >> "$headers_only"
done < <(find "$out" -name '*.h' ! -name '*.pb.h' | LC_ALL=C sort)
{ cat "$headers_only"; echo "#line 1 \"$(basename "$user")\""; cat "$user"; } > "$tu"
status=0
for cxx in "${compilers[@]}"; do
  "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I "$out" "${includes[@]}" \
    "$headers_only" || { echo "FAIL: $cxx: the generated headers alone do not compile" >&2; status=1; }
  if "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Werror=deprecated-declarations \
      -I "$out" "${includes[@]}" "$tu" 2> "$out/user_code.$(basename "$cxx").txt"; then
    echo "FAIL: $cxx accepted deprecated uses in user code: a generated header leaks its suppression" >&2
    status=1
  elif ! grep -q "deprecated_user.cc:.*old_code.*deprecated" "$out/user_code.$(basename "$cxx").txt"; then
    cat "$out/user_code.$(basename "$cxx").txt" >&2
    echo "FAIL: $cxx failed, but not on the deprecated field in user code" >&2
    status=1
  else
    echo "$cxx: user code warned: $(grep -m1 "deprecated_user.cc:[0-9]" "$out/user_code.$(basename "$cxx").txt")"
  fi
done
exit $status
