#include "plugin/emit/writer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
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
    line = line.size() >= indent ? line.substr(indent) : absl::StripLeadingAsciiWhitespace(line);
  }
  return lines;
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

// A template split once into what rendering needs: for each line, either a
// lone variable (a block, indented as a whole) or literal text and variables
// alternating. Views point into the template's text, a string literal.
struct Piece {
  absl::string_view text;  // literal text, or the variable's name
  bool variable;
};
struct Line {
  size_t lone_indent = std::string::npos;  // set for a lone-variable line
  std::vector<Piece> pieces;
};
using Prepared = std::vector<Line>;

Prepared Prepare(absl::string_view text) {
  Prepared prepared;
  for (absl::string_view line : Dedent(text)) {
    Line out;
    const absl::string_view lone = LoneVariable(line);
    if (!lone.empty()) {
      out.lone_indent = line.find('$');
      out.pieces.push_back({lone, true});
      prepared.push_back(std::move(out));
      continue;
    }
    while (true) {
      const size_t open = line.find('$');
      if (open == absl::string_view::npos) break;
      const size_t close = line.find('$', open + 1);
      if (close == absl::string_view::npos) break;
      if (open > 0) out.pieces.push_back({line.substr(0, open), false});
      const absl::string_view name = line.substr(open + 1, close - open - 1);
      // `$$` is a literal dollar sign.
      out.pieces.push_back(name.empty() ? Piece{"$", false} : Piece{name, true});
      line.remove_prefix(close + 1);
    }
    if (!line.empty()) out.pieces.push_back({line, false});
    prepared.push_back(std::move(out));
  }
  return prepared;
}

// Templates are string literals used many times (once per message, field,
// method): each is prepared on first use and kept for the run. The plugin is
// single-threaded.
const Prepared& PreparedTemplate(const char* text) {
  static auto* cache = new absl::flat_hash_map<const char*, std::unique_ptr<Prepared>>();
  std::unique_ptr<Prepared>& entry = (*cache)[text];
  if (entry == nullptr) entry = std::make_unique<Prepared>(Prepare(text));
  return *entry;
}

absl::string_view Lookup(const Vars& vars, absl::string_view name) {
  for (const auto& [key, value] : vars) {
    if (key == name) return value;
  }
  std::fprintf(stderr, "protoc-gen-cpp-svc: template variable $%s$ unset\n",
               std::string(name).c_str());
  std::abort();
}

// Appends `value`, a block of lines, each non-empty one indented by `indent`.
void AppendBlock(absl::string_view value, size_t indent, std::string& out) {
  if (!value.empty() && value.back() == '\n') value.remove_suffix(1);
  if (value.empty()) return;
  for (absl::string_view part : absl::StrSplit(value, '\n')) {
    if (!part.empty()) {
      out.append(indent, ' ');
      out.append(part.data(), part.size());
    }
    out += '\n';
  }
}

}  // namespace

std::string Render(const char* text, const Vars& vars) {
  std::string out;
  for (const Line& line : PreparedTemplate(text)) {
    if (line.lone_indent != std::string::npos) {
      AppendBlock(Lookup(vars, line.pieces.front().text), line.lone_indent, out);
      continue;
    }
    const size_t start = out.size();
    for (const Piece& piece : line.pieces) {
      const absl::string_view value = piece.variable ? Lookup(vars, piece.text) : piece.text;
      out.append(value.data(), value.size());
    }
    // No trailing whitespace, even where a variable at the end was empty.
    while (out.size() > start && absl::ascii_isspace(static_cast<unsigned char>(out.back()))) {
      out.pop_back();
    }
    out += '\n';
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
