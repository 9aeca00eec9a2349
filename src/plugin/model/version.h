// Version segments of proto packages and their order.
//
// The last segment of a versioned package is `v<N>`, `v<N>alpha<M>`,
// `v<N>beta<M>` (buf's style) or a date `v<YYYYMMDD>`. Versions order
// numerically: v9 < v10, v1alpha1 < v1beta1 < v1 < v2alpha1. (protoc-gen-go-svc
// compared strings and so took v9 for newer than v10.)
#ifndef CPPSVC_PLUGIN_MODEL_VERSION_H_
#define CPPSVC_PLUGIN_MODEL_VERSION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "absl/strings/string_view.h"

namespace cppsvc::plugin {

struct Version {
  enum class Stage { kAlpha = 0, kBeta = 1, kStable = 2 };

  uint64_t major = 0;
  Stage stage = Stage::kStable;
  uint64_t stage_number = 0;  // the M of alpha<M> / beta<M>
  bool is_date = false;       // v<YYYYMMDD>

  friend bool operator<(const Version& a, const Version& b) {
    return std::make_tuple(a.major, a.stage, a.stage_number) <
           std::make_tuple(b.major, b.stage, b.stage_number);
  }
  friend bool operator==(const Version& a, const Version& b) {
    return !(a < b) && !(b < a);
  }
};

// Parses a package's last segment; nullopt when it is not a version.
std::optional<Version> ParseVersion(absl::string_view segment);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_VERSION_H_
