// The context a generated validator reports into.
//
// Generated `Validate` overloads take a ValidationContext, walk the message
// and call Report() for every field whose first failing rule they find. The
// context keeps the path from the top-level message to the current value as
// views into the message and string literals, so walking a valid message
// allocates nothing; only a reported violation copies its path.
//
// Users meet this type when they override a validator:
//
//   class StrictValidator : public acme::people::v1::svc::Validator {
//    public:
//     using Validator::Validate;
//     void Validate(const acme::people::v1::Person& person,
//                   cppsvc::ValidationContext& context) const override {
//       Validator::Validate(person, context);  // the generated rules
//       if (person.id() == "00000000-0000-0000-0000-000000000000") {
//         context.Report("id", cppsvc::Rule::kIn, "must not be the nil UUID");
//       }
//     }
//   };
#ifndef CPPSVC_VALIDATION_H_
#define CPPSVC_VALIDATION_H_

#include <cstdint>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"
#include "cppsvc/violations.h"

namespace cppsvc {

class ValidationContext {
 public:
  // Undoes the path steps it was created with when it goes out of scope.
  class [[nodiscard]] Scope {
   public:
    Scope(Scope&& other) noexcept
        : context_(std::exchange(other.context_, nullptr)),
          steps_(other.steps_) {}
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    Scope& operator=(Scope&&) = delete;
    ~Scope() {
      if (context_ != nullptr) context_->Pop(steps_);
    }

   private:
    friend class ValidationContext;
    Scope(ValidationContext* context, int steps)
        : context_(context), steps_(steps) {}
    ValidationContext* context_;
    int steps_;
  };

  ValidationContext() = default;
  ValidationContext(const ValidationContext&) = delete;
  ValidationContext& operator=(const ValidationContext&) = delete;

  // Path steps. `name` must outlive the returned Scope (generated code passes
  // string literals; map keys are views into the message being validated).
  Scope Field(absl::string_view name);
  Scope Oneof(absl::string_view name);
  Scope Element(absl::string_view field, int index);
  Scope MapEntry(absl::string_view field, absl::string_view key);
  Scope MapEntry(absl::string_view field, int64_t key);
  Scope MapEntry(absl::string_view field, uint64_t key);
  Scope MapEntry(absl::string_view field, bool key);

  // Reports a violation of `rule` at the current path.
  void Report(Rule rule, absl::string_view message);
  // Reports a violation of `rule` at field `field` below the current path.
  void Report(absl::string_view field, Rule rule, absl::string_view message);
  // Reports a violation of `rule` at oneof `oneof` below the current path.
  void ReportOneof(absl::string_view oneof, Rule rule,
                   absl::string_view message);

  // Number of violations reported so far.
  size_t violation_count() const { return violations_.size(); }

  // Moves the violations out; the context is empty afterwards.
  Violations TakeViolations() { return std::move(violations_); }

 private:
  struct Step {
    PathElement::Kind kind;
    absl::string_view name;  // field, oneof or string map key
    enum class Number { kNone, kSigned, kUnsigned } number = Number::kNone;
    uint64_t value = 0;  // index or integer map key (two's complement)
  };

  Scope Push(Step step);
  Scope Push(Step first, Step second);
  void Pop(int steps);
  void Add(Rule rule, absl::string_view message, const Step* leaf);

  // Deep enough for most messages without touching the heap.
  absl::InlinedVector<Step, 16> path_;
  Violations violations_;
};

}  // namespace cppsvc

#endif  // CPPSVC_VALIDATION_H_
