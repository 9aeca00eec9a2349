#include "plugin/model/version.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"

namespace cppsvc::plugin {
namespace {

// Consumes a decimal number without leading zeros (buf's rule; `v0` is
// allowed) into `number`, and its digit count into `digits`.
bool ConsumeNumber(absl::string_view& text, uint64_t& number,
                   size_t& digits) {
  digits = 0;
  while (digits < text.size() && absl::ascii_isdigit(text[digits])) ++digits;
  if (digits == 0 || digits > 18) return false;
  if (digits > 1 && text[0] == '0') return false;
  if (!absl::SimpleAtoi(text.substr(0, digits), &number)) return false;
  text.remove_prefix(digits);
  return true;
}

}  // namespace

std::optional<Version> ParseVersion(absl::string_view segment) {
  if (!absl::ConsumePrefix(&segment, "v")) return std::nullopt;
  Version version;
  size_t digits = 0;
  if (!ConsumeNumber(segment, version.major, digits)) return std::nullopt;
  version.is_date = digits == 8;
  if (segment.empty()) return version;
  if (version.is_date) return std::nullopt;  // no alpha/beta on dates
  if (absl::ConsumePrefix(&segment, "alpha")) {
    version.stage = Version::Stage::kAlpha;
  } else if (absl::ConsumePrefix(&segment, "beta")) {
    version.stage = Version::Stage::kBeta;
  } else {
    return std::nullopt;
  }
  if (!ConsumeNumber(segment, version.stage_number, digits)) return std::nullopt;
  if (!segment.empty()) return std::nullopt;
  return version;
}

}  // namespace cppsvc::plugin
