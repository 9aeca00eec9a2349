#include "cppsvc/validation.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace cppsvc {

void ValidationContext::Report(Rule rule, absl::string_view message) { Add(rule, message, top_); }

void ValidationContext::Report(absl::string_view field, Rule rule, absl::string_view message) {
  Step leaf = Named(PathElement::Kind::kField, field);
  leaf.parent = top_;
  Add(rule, message, &leaf);
}

void ValidationContext::ReportOneof(absl::string_view oneof, Rule rule, absl::string_view message) {
  Step leaf = Named(PathElement::Kind::kOneof, oneof);
  leaf.parent = top_;
  Add(rule, message, &leaf);
}

// Reporting is the slow path: only here are the steps copied into strings.
void ValidationContext::Add(Rule rule, absl::string_view message, const Step* innermost) {
  Violation violation{{}, rule, std::string(message)};
  size_t depth = 0;
  for (const Step* step = innermost; step != nullptr; step = step->parent) {
    ++depth;
  }
  violation.path.reserve(depth);
  for (const Step* step = innermost; step != nullptr; step = step->parent) {
    std::string name;
    switch (step->number) {
      case Step::Number::kNone:
        name = std::string(step->name);
        break;
      case Step::Number::kSigned:
        name = absl::StrCat(static_cast<int64_t>(step->value));
        break;
      case Step::Number::kUnsigned:
        name = absl::StrCat(step->value);
        break;
    }
    violation.path.push_back(PathElement{step->kind, std::move(name)});
  }
  std::reverse(violation.path.begin(), violation.path.end());
  violations_.Add(std::move(violation));
}

}  // namespace cppsvc
