#include "cppsvc/validation.h"

#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace cppsvc {

using Kind = PathElement::Kind;

ValidationContext::Scope ValidationContext::Field(absl::string_view name) {
  return Push(Step{Kind::kField, name});
}

ValidationContext::Scope ValidationContext::Oneof(absl::string_view name) {
  return Push(Step{Kind::kOneof, name});
}

ValidationContext::Scope ValidationContext::Element(absl::string_view field,
                                                    int index) {
  return Push(Step{Kind::kField, field},
              Step{Kind::kIndex, {}, Step::Number::kUnsigned,
                   static_cast<uint64_t>(index)});
}

ValidationContext::Scope ValidationContext::MapEntry(absl::string_view field,
                                                     absl::string_view key) {
  return Push(Step{Kind::kField, field}, Step{Kind::kMapKey, key});
}

ValidationContext::Scope ValidationContext::MapEntry(absl::string_view field,
                                                     int64_t key) {
  return Push(Step{Kind::kField, field},
              Step{Kind::kMapKey, {}, Step::Number::kSigned,
                   static_cast<uint64_t>(key)});
}

ValidationContext::Scope ValidationContext::MapEntry(absl::string_view field,
                                                     uint64_t key) {
  return Push(Step{Kind::kField, field},
              Step{Kind::kMapKey, {}, Step::Number::kUnsigned, key});
}

ValidationContext::Scope ValidationContext::MapEntry(absl::string_view field,
                                                     bool key) {
  return Push(Step{Kind::kField, field},
              Step{Kind::kMapKey, key ? "true" : "false"});
}

void ValidationContext::Report(Rule rule, absl::string_view message) {
  Add(rule, message, nullptr);
}

void ValidationContext::Report(absl::string_view field, Rule rule,
                               absl::string_view message) {
  const Step leaf{Kind::kField, field};
  Add(rule, message, &leaf);
}

void ValidationContext::ReportOneof(absl::string_view oneof, Rule rule,
                                    absl::string_view message) {
  const Step leaf{Kind::kOneof, oneof};
  Add(rule, message, &leaf);
}

ValidationContext::Scope ValidationContext::Push(Step step) {
  path_.push_back(step);
  return Scope(this, 1);
}

ValidationContext::Scope ValidationContext::Push(Step first, Step second) {
  path_.push_back(first);
  path_.push_back(second);
  return Scope(this, 2);
}

void ValidationContext::Pop(int steps) {
  path_.resize(path_.size() - static_cast<size_t>(steps));
}

namespace {

PathElement Materialize(Kind kind, absl::string_view name,
                        bool is_number, bool is_signed, uint64_t value) {
  if (!is_number) return PathElement{kind, std::string(name)};
  return PathElement{kind, is_signed
                               ? absl::StrCat(static_cast<int64_t>(value))
                               : absl::StrCat(value)};
}

}  // namespace

void ValidationContext::Add(Rule rule, absl::string_view message,
                            const Step* leaf) {
  Violation violation{{}, rule, std::string(message)};
  violation.path.reserve(path_.size() + (leaf != nullptr ? 1 : 0));
  auto append = [&](const Step& step) {
    violation.path.push_back(Materialize(
        step.kind, step.name, step.number != Step::Number::kNone,
        step.number == Step::Number::kSigned, step.value));
  };
  for (const Step& step : path_) append(step);
  if (leaf != nullptr) append(*leaf);
  violations_.Add(std::move(violation));
}

}  // namespace cppsvc
