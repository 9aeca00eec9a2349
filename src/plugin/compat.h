// The plugin's differences between the protobuf versions it builds with
// (3.21 as in Debian bookworm, up to 31): everything else in the plugin is
// written against the API both have.
//
// - Descriptor accessors return absl::string_view since protobuf 30 (a
//   const std::string& before): call sites take absl::string_view or copy
//   with std::string(...), which is valid on both, so nothing here.
// - compiler::cpp::ResolveKeyword is declared only in helpers.h, which
//   Debian's 3.21 package cannot include; its parameter became
//   absl::string_view in protobuf 22. CppKeywordEscaped() wraps it.
// - Editions: protobuf 27 and later let a plugin declare the editions it
//   supports (the response's supported_features and edition range).
#ifndef CPPSVC_PLUGIN_COMPAT_H_
#define CPPSVC_PLUGIN_COMPAT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "cppsvc/internal/protobuf_version.h"
#include "google/protobuf/compiler/plugin.pb.h"
#include "google/protobuf/descriptor.h"

#if CPPSVC_PROTOBUF_VERSION >= 4022000
namespace google::protobuf::compiler::cpp {
std::string ResolveKeyword(absl::string_view name);
}  // namespace google::protobuf::compiler::cpp
#else
namespace google::protobuf::compiler::cpp {
std::string ResolveKeyword(const std::string& name);
}  // namespace google::protobuf::compiler::cpp
#endif

namespace cppsvc::plugin::compat {

// `name` with a `_` appended when it is a C++ keyword, as protobuf's C++
// generator escapes identifiers (its own keyword list: 3.21's or newer).
inline std::string CppKeywordEscaped(absl::string_view name) {
  return ::google::protobuf::compiler::cpp::ResolveKeyword(std::string(name));
}

// Whether a oneof is the synthetic one of a proto3 `optional` field
// (OneofDescriptor::is_synthetic() is private since protobuf 26): its one
// field has no real oneof, on every version.
inline bool IsSyntheticOneof(const ::google::protobuf::OneofDescriptor* oneof) {
  return oneof->field_count() == 1 && oneof->field(0)->real_containing_oneof() == nullptr;
}

// Editions support: from protobuf 27 on, protoc runs a plugin on
// `edition = "2023"` files only when the plugin declares it. The model reads
// presence, enum closedness and UTF-8 checking from descriptor APIs that
// resolve features (has_presence(), ...), so editions need nothing else.
// The same range as numbers, for the response written by hand
// (response_stream.cc: CodeGeneratorResponse.minimum_edition/maximum_edition).
#if CPPSVC_PROTOBUF_VERSION >= 5027000
inline constexpr bool kSupportsEditions = true;
inline constexpr int32_t kMinimumEdition = ::google::protobuf::Edition::EDITION_PROTO2;
inline constexpr int32_t kMaximumEdition = ::google::protobuf::Edition::EDITION_2023;
inline constexpr uint64_t kEditionsFeature =
    ::google::protobuf::compiler::CodeGeneratorResponse::FEATURE_SUPPORTS_EDITIONS;
inline constexpr int kMinimumEditionField =
    ::google::protobuf::compiler::CodeGeneratorResponse::kMinimumEditionFieldNumber;
inline constexpr int kMaximumEditionField =
    ::google::protobuf::compiler::CodeGeneratorResponse::kMaximumEditionFieldNumber;
#else
inline constexpr bool kSupportsEditions = false;
inline constexpr int32_t kMinimumEdition = 0;
inline constexpr int32_t kMaximumEdition = 0;
inline constexpr uint64_t kEditionsFeature = 0;
inline constexpr int kMinimumEditionField = 0;  // not in this version's response
inline constexpr int kMaximumEditionField = 0;
#endif

}  // namespace cppsvc::plugin::compat

#endif  // CPPSVC_PLUGIN_COMPAT_H_
