#include "cppsvc/violations.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"

namespace cppsvc {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The key a path element has in the Go error map.
std::string GoKey(const PathElement& element) {
  return element.kind == PathElement::Kind::kOneof ? GoCamelCase(element.name)
                                                   : element.name;
}

// A level of the Go error map: each key holds a message or a nested level.
// std::map keeps keys sorted byte-wise, as Go's error map prints them.
struct ErrorMap {
  struct Entry {
    std::string message;
    std::unique_ptr<ErrorMap> nested;
  };
  std::map<std::string, Entry> entries;

  void Insert(const Violation& violation) {
    ErrorMap* level = this;
    const size_t depth = violation.path.size();
    for (size_t i = 0; i + 1 < depth; ++i) {
      Entry& entry = level->entries[GoKey(violation.path[i])];
      // The first report for a key wins: a key holds either a message or a
      // nested map, never both.
      if (!entry.message.empty()) return;
      if (entry.nested == nullptr) entry.nested = std::make_unique<ErrorMap>();
      level = entry.nested.get();
    }
    if (depth == 0) return;
    Entry& leaf = level->entries[GoKey(violation.path[depth - 1])];
    if (leaf.message.empty() && leaf.nested == nullptr) {
      leaf.message = violation.message;
    }
  }

  void Render(std::string& out) const {
    bool first = true;
    for (const auto& [key, entry] : entries) {
      if (!first) out += "; ";
      first = false;
      absl::StrAppend(&out, key, ": ");
      if (entry.nested != nullptr) {
        out += '(';
        entry.nested->Render(out);
        out += ')';
      } else {
        out += entry.message;
      }
    }
    out += '.';
  }
};

}  // namespace

absl::string_view RuleId(Rule rule) {
  switch (rule) {
    case Rule::kRequired:
      return "required";
    case Rule::kMin:
      return "min";
    case Rule::kMax:
      return "max";
    case Rule::kIsUuid:
      return "is.uuid";
    case Rule::kIsEmail:
      return "is.email";
    case Rule::kIsUrl:
      return "is.url";
    case Rule::kIn:
      return "in";
  }
  return "unknown";
}

std::string Violation::FieldPath() const {
  std::string out;
  for (const PathElement& element : path) {
    switch (element.kind) {
      case PathElement::Kind::kField:
      case PathElement::Kind::kOneof:
        if (!out.empty()) out += '.';
        out += element.name;
        break;
      case PathElement::Kind::kIndex:
        absl::StrAppend(&out, "[", element.name, "]");
        break;
      case PathElement::Kind::kMapKey:
        absl::StrAppend(&out, "[\"", element.name, "\"]");
        break;
    }
  }
  return out;
}

std::string Violations::ToString() const {
  if (violations_.empty()) return "";
  ErrorMap root;
  for (const Violation& violation : violations_) root.Insert(violation);
  std::string out;
  root.Render(out);
  return out;
}

absl::Status Violations::ToStatus() const {
  if (ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(ToString());
}

// protoc-gen-go's GoCamelCase: words start at `_` or an upper-case letter and
// are capitalised; `_` before a lower-case letter is dropped; a leading `_`
// becomes `X`; digits stand alone.
std::string GoCamelCase(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && i + 1 < s.size() && IsAsciiLower(s[i + 1])) {
      continue;
    } else if (c == '.') {
      out += '_';
    } else if (c == '_' && (i == 0 || s[i - 1] == '.')) {
      out += 'X';
    } else if (c == '_' && i + 1 < s.size() && IsAsciiLower(s[i + 1])) {
      continue;
    } else if (IsAsciiDigit(c)) {
      out += c;
    } else {
      if (IsAsciiLower(c)) c = static_cast<char>(c - 'a' + 'A');
      out += c;
      while (i + 1 < s.size() && IsAsciiLower(s[i + 1])) out += s[++i];
    }
  }
  return out;
}

}  // namespace cppsvc
