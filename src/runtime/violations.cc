#include "cppsvc/violations.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"

namespace cppsvc {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The Go plugin prints violations from a map of maps: at each level the keys
// (field names; oneofs by their Go name; indexes and map keys as text) sorted
// byte-wise, a key holding either a message or a nested map. Rather than build
// that tree, the violations are sorted by their key paths and printed in one
// pass, opening and closing a level wherever two neighbours' paths part.

// The key a path element has in the Go error map. Oneof keys are converted
// into `storage`, which must outlive the returned view.
absl::string_view GoKey(const PathElement& element, std::string& storage) {
  if (element.kind != PathElement::Kind::kOneof) return element.name;
  storage = GoCamelCase(element.name);
  return storage;
}

// The key paths of the violations, flattened: keys_[starts_[i] ...
// starts_[i + 1]) are the keys of violation i.
// Inline capacities cover the common case (a few violations, a few levels)
// without touching the heap.
using Indexes = absl::InlinedVector<size_t, 8>;

class KeyPaths {
 public:
  explicit KeyPaths(const std::vector<Violation>& violations) {
    starts_.reserve(violations.size() + 1);
    size_t total = 0;
    size_t oneofs = 0;
    for (const Violation& violation : violations) {
      total += violation.path.size();
      for (const PathElement& element : violation.path) {
        oneofs += element.kind == PathElement::Kind::kOneof;
      }
    }
    keys_.reserve(total);
    oneof_keys_.reserve(oneofs);  // keys_ views into it: it must not grow
    for (const Violation& violation : violations) {
      starts_.push_back(keys_.size());
      for (const PathElement& element : violation.path) {
        if (element.kind == PathElement::Kind::kOneof) {
          oneof_keys_.emplace_back();
          keys_.push_back(GoKey(element, oneof_keys_.back()));
        } else {
          keys_.push_back(element.name);
        }
      }
    }
    starts_.push_back(keys_.size());
  }

  size_t depth(size_t i) const { return starts_[i + 1] - starts_[i]; }
  absl::string_view key(size_t i, size_t level) const { return keys_[starts_[i] + level]; }
  // How many leading keys violations a and b share.
  size_t Common(size_t a, size_t b) const {
    const size_t limit = std::min(depth(a), depth(b));
    size_t level = 0;
    while (level < limit && key(a, level) == key(b, level)) ++level;
    return level;
  }
  bool Less(size_t a, size_t b) const {
    const size_t common = Common(a, b);
    if (common == depth(a) || common == depth(b)) return depth(a) < depth(b);
    return key(a, common) < key(b, common);
  }

 private:
  Indexes starts_;
  absl::InlinedVector<absl::string_view, 16> keys_;
  std::vector<std::string> oneof_keys_;
};

// The violations the Go error map keeps: in report order, one whose key path
// is a prefix of a kept one's, or has a kept one's as a prefix (equal paths
// included), is dropped — the first report for a key wins, and a key holds a
// message or a nested map, never both.
Indexes KeptInKeyOrder(const KeyPaths& paths, size_t count) {
  Indexes order;
  order.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    if (paths.depth(i) > 0) order.push_back(i);
  }
  // Stable: of two equal or prefix-related paths the earlier report comes
  // first, and neighbours in this order are the only candidates to clash.
  const auto less = [&](size_t a, size_t b) { return paths.Less(a, b); };
  if (order.size() <= 16) {
    // Insertion sort: stable, and unlike std::stable_sort it needs no buffer.
    for (size_t i = 1; i < order.size(); ++i) {
      for (size_t j = i; j > 0 && less(order[j], order[j - 1]); --j) {
        std::swap(order[j], order[j - 1]);
      }
    }
  } else {
    std::stable_sort(order.begin(), order.end(), less);
  }
  Indexes kept;
  kept.reserve(order.size());
  for (size_t i = 0; i < order.size();) {
    // A run of paths that each extend (or equal) the run's first one.
    size_t winner = order[i];
    size_t end = i + 1;
    while (end < order.size() && paths.Common(order[i], order[end]) == paths.depth(order[i])) {
      if (order[end] < winner) winner = order[end];
      ++end;
    }
    if (winner == order[i]) {
      // Reported before every path that extends it: it wins them all.
      kept.push_back(winner);
      i = end;
    } else {
      // An extension was reported first, so this prefix loses; the
      // extensions are decided among themselves, as runs of their own.
      ++i;
    }
  }
  return kept;
}

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
  const KeyPaths paths(violations_);
  const Indexes kept = KeptInKeyOrder(paths, violations_.size());
  size_t size = 1;
  for (size_t i : kept) {
    size += violations_[i].message.size() + 6 * paths.depth(i);
    for (size_t level = 0; level < paths.depth(i); ++level) {
      size += paths.key(i, level).size();
    }
  }
  std::string out;
  out.reserve(size);
  const size_t none = static_cast<size_t>(-1);
  size_t previous = none;
  for (size_t i : kept) {
    size_t common = 0;
    if (previous != none) {
      common = paths.Common(previous, i);
      // Close the levels the previous path opened below the shared ones.
      for (size_t level = paths.depth(previous) - 1; level > common; --level) {
        out += ".)";
      }
      out += "; ";
    }
    for (size_t level = common; level + 1 < paths.depth(i); ++level) {
      absl::StrAppend(&out, paths.key(i, level), ": (");
    }
    absl::StrAppend(&out, paths.key(i, paths.depth(i) - 1), ": ", violations_[i].message);
    previous = i;
  }
  if (previous != none) {
    for (size_t level = paths.depth(previous) - 1; level > 0; --level) {
      out += ".)";
    }
  }
  out += '.';
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
