#include "plugin/parameters.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cppsvc::plugin {
namespace {

bool IsIdentifier(absl::string_view part) {
  if (part.empty() || absl::ascii_isdigit(part[0])) return false;
  for (char c : part) {
    if (!absl::ascii_isalnum(c) && c != '_') return false;
  }
  return true;
}

bool IsPackageName(absl::string_view name) {
  for (absl::string_view part : absl::StrSplit(name, '.')) {
    if (!IsIdentifier(part)) return false;
  }
  return true;
}

absl::Status Apply(absl::string_view key, absl::string_view value,
                   Parameters& parameters) {
  if (key == "private_package") {
    if (!IsPackageName(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter private_package: \"", value,
          "\" is not a full proto package name (e.g. acme.people.private)"));
    }
    parameters.private_packages.insert(std::string(value));
    return absl::OkStatus();
  }
  if (key == "grpc") {
    if (value != "true" && value != "false") {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter grpc: \"", value, "\" is not true or false"));
    }
    parameters.grpc = value == "true";
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown parameter \"", key,
                   "\" (known parameters: grpc, private_package)"));
}

}  // namespace

absl::StatusOr<Parameters> ParseParameters(absl::string_view text) {
  Parameters parameters;
  for (absl::string_view item : absl::StrSplit(text, ',', absl::SkipEmpty())) {
    item = absl::StripAsciiWhitespace(item);
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(item, absl::MaxSplits('=', 1));
    if (item.find('=') == absl::string_view::npos || kv.second.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter \"", item, "\" needs a value, as key=value"));
    }
    absl::Status status = Apply(kv.first, kv.second, parameters);
    if (!status.ok()) return status;
  }
  return parameters;
}

}  // namespace cppsvc::plugin
