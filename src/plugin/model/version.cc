#include "plugin/model/version.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace cppsvc::plugin {
namespace {

constexpr uint64_t kMaxNumber = 2147483647;  // buf parses numbers as int32

// Consumes a positive decimal number (leading zeros allowed, as buf allows
// them) that fits buf's range.
bool ConsumeNumber(absl::string_view& text, uint32_t& number) {
  size_t digits = 0;
  uint64_t value = 0;
  while (digits < text.size() && absl::ascii_isdigit(text[digits])) {
    value = value * 10 + static_cast<uint64_t>(text[digits] - '0');
    if (value > kMaxNumber) return false;
    ++digits;
  }
  if (digits == 0 || value == 0) return false;
  number = static_cast<uint32_t>(value);
  text.remove_prefix(digits);
  return true;
}

// `alpha[<M>]` or `beta[<M>]`, and nothing after it.
bool ConsumeStage(absl::string_view text, Version& version) {
  if (absl::ConsumePrefix(&text, "alpha")) {
    version.stage = Version::Stage::kAlpha;
  } else if (absl::ConsumePrefix(&text, "beta")) {
    version.stage = Version::Stage::kBeta;
  } else {
    return false;
  }
  return text.empty() || (ConsumeNumber(text, version.stage_number) && text.empty());
}

}  // namespace

std::optional<Version> ParseVersion(absl::string_view segment) {
  if (!absl::ConsumePrefix(&segment, "v")) return std::nullopt;
  Version version;
  if (!ConsumeNumber(segment, version.major)) return std::nullopt;
  if (segment.empty()) return version;
  if (absl::ConsumePrefix(&segment, "test")) {
    version.stage = Version::Stage::kTest;
    version.test_suffix = std::string(segment);
    return version;
  }
  if (absl::ConsumePrefix(&segment, "p") && !ConsumeNumber(segment, version.point)) {
    return std::nullopt;
  }
  if (!ConsumeStage(segment, version)) return std::nullopt;
  return version;
}

}  // namespace cppsvc::plugin
