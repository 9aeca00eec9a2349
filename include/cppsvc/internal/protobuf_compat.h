// The runtime's differences between the protobuf versions it builds with
// (3.21 as in Debian bookworm, up to 31). Internal: not part of the API.
//
// - util::Status is absl::Status since protobuf 22 (its own class before).
// - JsonPrintOptions::always_print_primitive_fields was renamed
//   always_print_fields_with_no_presence in protobuf 26.
// - DescriptorPool::ErrorCollector reports through RecordError/RecordWarning
//   (absl::string_view) since protobuf 26, AddError/AddWarning before.
// - The UTF-8 check protobuf's parser applies to string fields is
//   utf8_range's since protobuf 22, internal::IsStructurallyValidUTF8 before.
#ifndef CPPSVC_INTERNAL_PROTOBUF_COMPAT_H_
#define CPPSVC_INTERNAL_PROTOBUF_COMPAT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "cppsvc/internal/protobuf_version.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#if CPPSVC_PROTOBUF_VERSION >= 4022000
#include "utf8_validity.h"
#else
#include "google/protobuf/stubs/common.h"
#endif

namespace cppsvc::internal::protobuf_compat {

#if CPPSVC_PROTOBUF_VERSION >= 4022000
using JsonStatus = ::absl::Status;
inline std::string StatusText(const JsonStatus& status) { return std::string(status.message()); }
#else
using JsonStatus = ::google::protobuf::util::Status;
inline std::string StatusText(const JsonStatus& status) { return status.message().ToString(); }
#endif

// True when `text` is well-formed UTF-8 by the check protobuf's parser applies
// to string fields (no overlong forms, surrogates or code points past
// U+10FFFF). `text` is shorter than 2 GiB.
inline bool IsValidUtf8(absl::string_view text) {
#if CPPSVC_PROTOBUF_VERSION >= 4022000
  return ::utf8_range::IsStructurallyValid(text);
#else
  return ::google::protobuf::internal::IsStructurallyValidUTF8(text.data(),
                                                               static_cast<int>(text.size()));
#endif
}

// Prints fields without presence even when they hold their default value.
inline void PrintDefaults(::google::protobuf::util::JsonPrintOptions& options, bool on) {
#if CPPSVC_PROTOBUF_VERSION >= 5026000
  options.always_print_fields_with_no_presence = on;
#else
  options.always_print_primitive_fields = on;
#endif
}

// A DescriptorPool error collector written once: subclasses implement
// OnError (warnings are dropped, as by protobuf's default collector).
class DescriptorErrors : public ::google::protobuf::DescriptorPool::ErrorCollector {
 public:
  virtual void OnError(absl::string_view filename, absl::string_view element_name,
                       absl::string_view message) = 0;

#if CPPSVC_PROTOBUF_VERSION >= 5026000
  void RecordError(absl::string_view filename, absl::string_view element_name,
                   const ::google::protobuf::Message*, ErrorLocation,
                   absl::string_view message) override {
    OnError(filename, element_name, message);
  }
#else
  void AddError(const std::string& filename, const std::string& element_name,
                const ::google::protobuf::Message*, ErrorLocation,
                const std::string& message) override {
    OnError(filename, element_name, message);
  }
#endif
};

}  // namespace cppsvc::internal::protobuf_compat

#endif  // CPPSVC_INTERNAL_PROTOBUF_COMPAT_H_
