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

absl::Status ParseBool(absl::string_view key, absl::string_view value, bool& out) {
  if (value != "true" && value != "false") {
    return absl::InvalidArgumentError(absl::StrCat(
        "parameter ", key, ": \"", value, "\" is not true or false"));
  }
  out = value == "true";
  return absl::OkStatus();
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
  if (key == "grpc") return ParseBool(key, value, parameters.grpc);
  if (key == "lint") {
    if (value == "off") {
      parameters.lint = Parameters::Lint::kOff;
    } else if (value == "warn") {
      parameters.lint = Parameters::Lint::kWarn;
    } else if (value == "error") {
      parameters.lint = Parameters::Lint::kError;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter lint: \"", value, "\" is not off, warn or error"));
    }
    return absl::OkStatus();
  }
  if (key == "lint_prefix") {
    if (!IsPackageName(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "parameter lint_prefix: \"", value, "\" is not a package prefix (e.g. acme)"));
    }
    parameters.lint_prefix = std::string(value);
    return absl::OkStatus();
  }
  if (key == "lint_self_contained") {
    return ParseBool(key, value, parameters.lint_self_contained);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown parameter \"", key,
      "\" (known parameters: grpc, lint, lint_prefix, lint_self_contained, "
      "private_package)"));
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
