// Helpers that only generated validators use. Not part of the public API:
// they may change with any runtime version.
#ifndef CPPSVC_INTERNAL_VALIDATE_SUPPORT_H_
#define CPPSVC_INTERNAL_VALIDATE_SUPPORT_H_

#include <initializer_list>

#include "absl/strings/string_view.h"

namespace cppsvc {
namespace internal {

template <typename T>
struct Identity {
  using type = T;
};

// True when `value` equals one of `allowed`. The list lives on the stack: no
// allocation. T is given explicitly by generated code (absl::string_view for
// string and bytes fields, so no std::string is built).
template <typename T>
bool IsIn(const typename Identity<T>::type& value,
          std::initializer_list<typename Identity<T>::type> allowed) {
  for (const auto& candidate : allowed) {
    if (value == candidate) return true;
  }
  return false;
}

}  // namespace internal
}  // namespace cppsvc

#endif  // CPPSVC_INTERNAL_VALIDATE_SUPPORT_H_
