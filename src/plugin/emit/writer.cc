#include "plugin/emit/writer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
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
    line = line.size() >= indent ? line.substr(indent) : absl::StripLeadingAsciiWhitespace(line);
  }
  return lines;
}

[[noreturn]] void TemplateBug(absl::string_view what, absl::string_view name) {
  std::fprintf(stderr, "protoc-gen-cpp-svc: template %s $%s$\n", std::string(what).c_str(),
               std::string(name).c_str());
  std::abort();
}

bool IsMarker(absl::string_view name) {
  return !name.empty() && (name.front() == '#' || name.front() == '^' || name.front() == '/');
}

// The variable name when `line` is only whitespace and one `$var$`.
absl::string_view LoneVariable(absl::string_view line) {
  absl::string_view stripped = absl::StripAsciiWhitespace(line);
  if (stripped.size() < 3 || stripped.front() != '$' || stripped.back() != '$') {
    return {};
  }
  absl::string_view name = stripped.substr(1, stripped.size() - 2);
  if (IsMarker(name)) return {};
  return name.find('$') == absl::string_view::npos ? name : absl::string_view();
}

// A template split once into what rendering needs: for each line, either a
// lone variable (a block, indented as a whole) or literal text, variables and
// section markers in order. Views point into the template's text, a string
// literal.
struct Piece {
  enum class Kind { kText, kVariable, kOpen, kOpenInverted, kClose };
  absl::string_view text;  // literal text, or the variable's name
  Kind kind;
};
struct Line {
  size_t lone_indent = std::string::npos;  // set for a lone-variable line
  bool has_marker = false;                 // removed when left blank
  std::vector<Piece> pieces;
};
using Prepared = std::vector<Line>;

Piece PieceOf(absl::string_view name) {
  // `$$` is a literal dollar sign.
  if (name.empty()) return {"$", Piece::Kind::kText};
  switch (name.front()) {
    case '#':
      return {name.substr(1), Piece::Kind::kOpen};
    case '^':
      return {name.substr(1), Piece::Kind::kOpenInverted};
    case '/':
      return {name.substr(1), Piece::Kind::kClose};
    default:
      return {name, Piece::Kind::kVariable};
  }
}

Line PrepareLine(absl::string_view line, std::vector<absl::string_view>& open_sections) {
  Line out;
  const absl::string_view lone = LoneVariable(line);
  if (!lone.empty()) {
    out.lone_indent = line.find('$');
    out.pieces.push_back({lone, Piece::Kind::kVariable});
    return out;
  }
  while (true) {
    const size_t open = line.find('$');
    if (open == absl::string_view::npos) break;
    const size_t close = line.find('$', open + 1);
    if (close == absl::string_view::npos) break;
    if (open > 0) out.pieces.push_back({line.substr(0, open), Piece::Kind::kText});
    const Piece piece = PieceOf(line.substr(open + 1, close - open - 1));
    if (piece.kind == Piece::Kind::kOpen || piece.kind == Piece::Kind::kOpenInverted) {
      open_sections.push_back(piece.text);
    } else if (piece.kind == Piece::Kind::kClose) {
      if (open_sections.empty() || open_sections.back() != piece.text) {
        TemplateBug("section closed but not open:", piece.text);
      }
      open_sections.pop_back();
    }
    out.has_marker |= piece.kind != Piece::Kind::kText && piece.kind != Piece::Kind::kVariable;
    out.pieces.push_back(piece);
    line.remove_prefix(close + 1);
  }
  if (!line.empty()) out.pieces.push_back({line, Piece::Kind::kText});
  return out;
}

Prepared Prepare(absl::string_view text) {
  Prepared prepared;
  std::vector<absl::string_view> open_sections;
  for (absl::string_view line : Dedent(text)) {
    prepared.push_back(PrepareLine(line, open_sections));
  }
  if (!open_sections.empty()) TemplateBug("section not closed:", open_sections.back());
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
  TemplateBug("variable unset:", name);
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

// Appends `value` within a line at `column`: a value of several lines
// continues on each following line at that column, so a list passed in
// joined by ",\n" lines up under its first element.
void AppendInline(absl::string_view value, size_t column, std::string& out) {
  bool first = true;
  for (absl::string_view part : absl::StrSplit(value, '\n')) {
    if (!first) {
      out += '\n';
      if (!part.empty()) out.append(column, ' ');
    }
    out.append(part.data(), part.size());
    first = false;
  }
}

// Whether text is written at this point: every enclosing section is shown.
class SectionState {
 public:
  bool shown() const { return hidden_ == 0; }

  void Enter(const Piece& marker, const Vars& vars) {
    const bool empty = Lookup(vars, marker.text).empty();
    const bool show = marker.kind == Piece::Kind::kOpen ? !empty : empty;
    stack_.push_back(show);
    if (!show) ++hidden_;
  }

  void Leave() {
    if (!stack_.back()) --hidden_;
    stack_.pop_back();
  }

 private:
  std::vector<bool> stack_;
  int hidden_ = 0;
};

// Appends one line of text, variables and markers; a line with a marker that
// is left blank is not written at all.
void AppendLine(const Line& line, const Vars& vars, SectionState& sections, std::string& out) {
  const size_t start = out.size();
  bool written = sections.shown();
  for (const Piece& piece : line.pieces) {
    switch (piece.kind) {
      case Piece::Kind::kOpen:
      case Piece::Kind::kOpenInverted:
        sections.Enter(piece, vars);
        continue;
      case Piece::Kind::kClose:
        sections.Leave();
        continue;
      case Piece::Kind::kText:
      case Piece::Kind::kVariable:
        break;
    }
    if (!sections.shown()) continue;
    written = true;
    if (piece.kind == Piece::Kind::kText) {
      out.append(piece.text.data(), piece.text.size());
    } else {
      AppendInline(Lookup(vars, piece.text), out.size() - start, out);
    }
  }
  // No trailing whitespace, even where a variable at the end was empty.
  while (out.size() > start && absl::ascii_isspace(static_cast<unsigned char>(out.back()))) {
    out.pop_back();
  }
  if (!written || (line.has_marker && out.size() == start)) return;
  out += '\n';
}

}  // namespace

std::string Render(const char* text, const Vars& vars) {
  std::string out;
  SectionState sections;
  for (const Line& line : PreparedTemplate(text)) {
    if (line.lone_indent == std::string::npos) {
      AppendLine(line, vars, sections, out);
    } else if (sections.shown()) {
      AppendBlock(Lookup(vars, line.pieces.front().text), line.lone_indent, out);
    }
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

std::string JoinList(const std::vector<std::string>& pieces, absl::string_view separator) {
  std::vector<absl::string_view> parts;
  for (absl::string_view piece : pieces) {
    if (!piece.empty() && piece.back() == '\n') piece.remove_suffix(1);
    parts.push_back(piece);
  }
  return absl::StrJoin(parts, absl::StrCat(separator, "\n"));
}

}  // namespace cppsvc::plugin
