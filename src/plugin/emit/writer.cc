#include "plugin/emit/writer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace cppsvc::plugin {
namespace {

std::vector<absl::string_view> Dedent(absl::string_view text) {
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && absl::StripAsciiWhitespace(lines.front()).empty()) {
    lines.erase(lines.begin());
  }
  if (!lines.empty() && absl::StripAsciiWhitespace(lines.back()).empty()) {
    lines.pop_back();
  }
  size_t indent = std::string::npos;
  for (absl::string_view line : lines) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    indent = std::min(indent, line.find_first_not_of(' '));
  }
  for (absl::string_view& line : lines) {
    line = line.size() >= indent ? line.substr(indent)
                                 : absl::StripLeadingAsciiWhitespace(line);
  }
  return lines;
}

const std::string& Lookup(const Vars& vars, absl::string_view name) {
  for (const auto& [key, value] : vars) {
    if (key == name) return value;
  }
  std::fprintf(stderr, "protoc-gen-cpp-svc: template variable $%s$ unset\n",
               std::string(name).c_str());
  std::abort();
}

// Replaces every $var$ of one line.
std::string Substitute(absl::string_view line, const Vars& vars) {
  std::string out;
  while (true) {
    const size_t open = line.find('$');
    if (open == absl::string_view::npos) break;
    const size_t close = line.find('$', open + 1);
    if (close == absl::string_view::npos) break;
    out.append(line.data(), open);
    const absl::string_view name = line.substr(open + 1, close - open - 1);
    out += name.empty() ? "$" : Lookup(vars, name);
    line.remove_prefix(close + 1);
  }
  out.append(line.data(), line.size());
  return out;
}

// The variable name when `line` is only whitespace and one `$var$`.
absl::string_view LoneVariable(absl::string_view line) {
  absl::string_view stripped = absl::StripAsciiWhitespace(line);
  if (stripped.size() < 3 || stripped.front() != '$' || stripped.back() != '$') {
    return {};
  }
  absl::string_view name = stripped.substr(1, stripped.size() - 2);
  return name.find('$') == absl::string_view::npos ? name : absl::string_view();
}

}  // namespace

std::string Render(absl::string_view text, const Vars& vars) {
  std::string out;
  for (absl::string_view line : Dedent(text)) {
    const absl::string_view lone = LoneVariable(line);
    if (!lone.empty()) {
      const std::string indent(line.find('$'), ' ');
      absl::string_view value = Lookup(vars, lone);
      if (absl::EndsWith(value, "\n")) value.remove_suffix(1);
      if (value.empty()) continue;
      for (absl::string_view part : absl::StrSplit(value, '\n')) {
        if (part.empty()) {
          out += '\n';
        } else {
          absl::StrAppend(&out, indent, part, "\n");
        }
      }
      continue;
    }
    std::string rendered = Substitute(line, vars);
    absl::StripTrailingAsciiWhitespace(&rendered);
    absl::StrAppend(&out, rendered, "\n");
  }
  return out;
}

std::string JoinBlocks(const std::vector<std::string>& blocks) {
  std::vector<absl::string_view> parts;
  for (const std::string& block : blocks) {
    if (!block.empty()) parts.push_back(block);
  }
  return absl::StrJoin(parts, "\n");
}

}  // namespace cppsvc::plugin
