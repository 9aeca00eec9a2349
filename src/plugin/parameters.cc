#include "plugin/parameters.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
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
    return absl::InvalidArgumentError(
        absl::StrCat("parameter ", key, ": \"", value, "\" is not true or false"));
  }
  out = value == "true";
  return absl::OkStatus();
}

constexpr absl::string_view kKnown =
    "known parameters: grpc, lint, lint_prefix, lint_self_contained, "
    "private_package, warnings";

// Parameters of the Go plugins (protoc-gen-go-svc's `verbose`; protogen's
// `paths`, `module`, `annotate_code` and `M<file>=<package>` mappings; older
// protoc-gen-go's `plugins`, `import_path`, `import_prefix`). They say how Go
// output is laid out, which means nothing for C++ output.
bool IsGoParameter(absl::string_view key) {
  return key == "verbose" || key == "paths" || key == "module" || key == "annotate_code" ||
         key == "plugins" || key == "import_path" || key == "import_prefix" ||
         (!key.empty() && key[0] == 'M');
}

bool IsKnown(absl::string_view key) {
  return key == "private_package" || key == "grpc" || key == "lint" || key == "lint_prefix" ||
         key == "lint_self_contained" || key == "warnings";
}

absl::Status Apply(absl::string_view key, absl::string_view value, Parameters& parameters) {
  if (key == "private_package") {
    if (!IsPackageName(value)) {
      return absl::InvalidArgumentError(
          absl::StrCat("parameter private_package: \"", value,
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
      return absl::InvalidArgumentError(
          absl::StrCat("parameter lint: \"", value, "\" is not off, warn or error"));
    }
    return absl::OkStatus();
  }
  if (key == "lint_prefix") {
    if (!IsPackageName(value)) {
      return absl::InvalidArgumentError(absl::StrCat("parameter lint_prefix: \"", value,
                                                     "\" is not a package prefix (e.g. acme)"));
    }
    parameters.lint_prefix = std::string(value);
    return absl::OkStatus();
  }
  if (key == "lint_self_contained") {
    return ParseBool(key, value, parameters.lint_self_contained);
  }
  // warnings
  if (value != "on" && value != "off") {
    return absl::InvalidArgumentError(
        absl::StrCat("parameter warnings: \"", value, "\" is not on or off"));
  }
  parameters.warnings = value == "on";
  return absl::OkStatus();
}

std::string UnknownProblem(const std::vector<std::string>& unknown) {
  return absl::StrCat(unknown.size() == 1 ? "unknown parameter " : "unknown parameters ",
                      absl::StrJoin(unknown, ", ",
                                    [](std::string* out, const std::string& key) {
                                      absl::StrAppend(out, "\"", key, "\"");
                                    }),
                      " (", kKnown, ")");
}

}  // namespace

absl::StatusOr<Parameters> ParseParameters(absl::string_view text) {
  Parameters parameters;
  std::vector<std::string> problems;
  std::vector<std::string> unknown;
  size_t unknown_position = 0;                            // where the unknown-keys line goes
  std::map<std::string, std::string, std::less<>> given;  // key -> first item
  for (absl::string_view item : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    item = absl::StripAsciiWhitespace(item);
    const size_t eq = item.find('=');
    const absl::string_view key = absl::StripAsciiWhitespace(item.substr(0, eq));
    const absl::string_view value = eq == absl::string_view::npos
                                        ? absl::string_view()
                                        : absl::StripAsciiWhitespace(item.substr(eq + 1));
    const std::string normal =
        eq == absl::string_view::npos ? std::string(key) : absl::StrCat(key, "=", value);
    if (key.empty()) {
      problems.push_back(absl::StrCat("parameter \"", item, "\" has no key, as key=value"));
    } else if (IsGoParameter(key)) {
      parameters.ignored.push_back(normal);
    } else if (!IsKnown(key)) {
      if (unknown.empty()) unknown_position = problems.size();
      unknown.push_back(std::string(key));
    } else if (value.empty()) {
      problems.push_back(absl::StrCat("parameter \"", key, "\" needs a value, as key=value"));
    } else if (auto [first, inserted] = given.emplace(key, normal);
               !inserted && key != "private_package") {
      problems.push_back(absl::StrCat("parameter ", key, " is given twice (", first->second,
                                      ", then ", normal, "); give it once"));
    } else if (absl::Status status = Apply(key, value, parameters); !status.ok()) {
      problems.push_back(std::string(status.message()));
    }
  }
  if (!unknown.empty()) {
    problems.insert(problems.begin() + unknown_position, UnknownProblem(unknown));
  }
  if (parameters.lint == Parameters::Lint::kOff) {
    for (const char* key : {"lint_prefix", "lint_self_contained"}) {
      if (given.count(key) == 0) continue;
      problems.push_back(absl::StrCat("parameter ", key,
                                      " applies only with lint=warn or lint=error (without "
                                      "one the layout is not checked)"));
    }
  }
  if (problems.empty()) return parameters;
  if (problems.size() == 1) return absl::InvalidArgumentError(problems.front());
  return absl::InvalidArgumentError(absl::StrCat(problems.size(), " problems in the parameters:\n",
                                                 absl::StrJoin(problems, "\n")));
}

}  // namespace cppsvc::plugin
