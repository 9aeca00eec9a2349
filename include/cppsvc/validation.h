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

#include "absl/strings/string_view.h"
#include "cppsvc/violations.h"

namespace cppsvc {

class ValidationContext {
 private:
  // One step of the current path. Steps live in the Scopes on the caller's
  // stack and link to the step before them, so entering a field costs two
  // pointer writes and never allocates, however deep the message.
  struct Step {
    PathElement::Kind kind;
    enum class Number : uint8_t { kNone, kSigned, kUnsigned } number;
    absl::string_view name;  // field, oneof or string map key
    uint64_t value;          // index or integer map key (two's complement)
    const Step* parent;
  };

 public:
  // Undoes the path steps it was created with when it goes out of scope.
  // Scopes are made only by the methods below, in place (C++17 guaranteed
  // copy elision), and are neither copied nor moved.
  class [[nodiscard]] Scope {
   public:
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope() { context_->top_ = saved_; }

   private:
    friend class ValidationContext;
    Scope(ValidationContext* context, Step first)
        : context_(context), saved_(context->top_), first_(first) {
      first_.parent = saved_;
      context_->top_ = &first_;
    }
    Scope(ValidationContext* context, Step first, Step second)
        : context_(context), saved_(context->top_), first_(first), second_(second) {
      first_.parent = saved_;
      second_.parent = &first_;
      context_->top_ = &second_;
    }

    ValidationContext* context_;
    const Step* saved_;
    Step first_;
    Step second_{};
  };

  ValidationContext() = default;
  ValidationContext(const ValidationContext&) = delete;
  ValidationContext& operator=(const ValidationContext&) = delete;

  // Path steps. `name` must outlive the returned Scope (generated code passes
  // string literals; map keys are views into the message being validated).
  Scope Field(absl::string_view name) {
    return Scope(this, Named(PathElement::Kind::kField, name));
  }
  Scope Oneof(absl::string_view name) {
    return Scope(this, Named(PathElement::Kind::kOneof, name));
  }
  Scope Element(absl::string_view field, int index) {
    return Scope(
        this, Named(PathElement::Kind::kField, field),
        Numbered(PathElement::Kind::kIndex, Step::Number::kUnsigned, static_cast<uint64_t>(index)));
  }
  Scope MapEntry(absl::string_view field, absl::string_view key) {
    return Scope(this, Named(PathElement::Kind::kField, field),
                 Named(PathElement::Kind::kMapKey, key));
  }
  Scope MapEntry(absl::string_view field, int64_t key) {
    return Scope(
        this, Named(PathElement::Kind::kField, field),
        Numbered(PathElement::Kind::kMapKey, Step::Number::kSigned, static_cast<uint64_t>(key)));
  }
  Scope MapEntry(absl::string_view field, uint64_t key) {
    return Scope(this, Named(PathElement::Kind::kField, field),
                 Numbered(PathElement::Kind::kMapKey, Step::Number::kUnsigned, key));
  }
  Scope MapEntry(absl::string_view field, bool key) {
    return Scope(this, Named(PathElement::Kind::kField, field),
                 Named(PathElement::Kind::kMapKey, key ? "true" : "false"));
  }

  // Reports a violation of `rule` at the current path.
  void Report(Rule rule, absl::string_view message);
  // Reports a violation of `rule` at field `field` below the current path.
  void Report(absl::string_view field, Rule rule, absl::string_view message);
  // Reports a violation of `rule` at oneof `oneof` below the current path.
  void ReportOneof(absl::string_view oneof, Rule rule, absl::string_view message);

  // Number of violations reported so far.
  size_t violation_count() const { return violations_.size(); }

  // Moves the violations out; the context is empty afterwards.
  Violations TakeViolations() { return std::move(violations_); }

 private:
  static Step Named(PathElement::Kind kind, absl::string_view name) {
    return Step{kind, Step::Number::kNone, name, 0, nullptr};
  }
  static Step Numbered(PathElement::Kind kind, Step::Number number, uint64_t value) {
    return Step{kind, number, {}, value, nullptr};
  }
  void Add(Rule rule, absl::string_view message, const Step* leaf);

  const Step* top_ = nullptr;  // the innermost step of the current path
  Violations violations_;
};

}  // namespace cppsvc

#endif  // CPPSVC_VALIDATION_H_
