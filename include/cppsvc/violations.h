// Validation results as data.
//
// A validator reports what is wrong with a message as a list of Violations:
// where (a path of field names, oneof names, repeated indexes and map keys),
// which rule failed (a stable rule id) and a human-readable message. This is
// separate from absl::Status, which means "could not run": a message that
// fails validation is an ordinary outcome, and callers decide what to do.
//
// `Violations::ToString()` renders the text that clients of protoc-gen-go-svc
// services see (ozzo-validation's error map format), byte for byte:
//
//   first_name: the length must be no less than 2; id: must be a valid UUID.
//   creates: (1: (full_name: cannot be blank; id: must be a valid UUID.).).
//
// Example:
//   cppsvc::Violations violations = acme::people::v1::svc::Validate(request);
//   if (!violations.ok()) return violations.ToStatus();  // InvalidArgument
//   for (const cppsvc::Violation& v : violations) {
//     LOG(INFO) << v.FieldPath() << " " << cppsvc::RuleId(v.rule);
//   }
#ifndef CPPSVC_VIOLATIONS_H_
#define CPPSVC_VIOLATIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace cppsvc {

// The rules a field annotation can carry, as `(gen.svc.field).validate`.
enum class Rule {
  kRequired,
  kMin,
  kMax,
  kIsUuid,
  kIsEmail,
  kIsUrl,
  kIn,
};

// The stable id of `rule`: "required", "min", "max", "is.uuid", "is.email",
// "is.url" or "in".
absl::string_view RuleId(Rule rule);

// One step of the path from a validated message to the offending value.
struct PathElement {
  enum class Kind {
    kField,   // a field, by its proto name
    kOneof,   // a oneof, by its proto name
    kIndex,   // an element of a repeated field, by its decimal index
    kMapKey,  // a map entry, by its key as text
  };

  Kind kind;
  std::string name;

  friend bool operator==(const PathElement& a, const PathElement& b) {
    return a.kind == b.kind && a.name == b.name;
  }
};

// A violation's path. Most are a few levels deep: held inline, so reporting a
// violation allocates for its message at most, not for its path.
using ViolationPath = absl::InlinedVector<PathElement, 4>;

struct Violation {
  ViolationPath path;
  Rule rule;
  std::string message;

  // The path as one string: `person.age`, `creates[1].id`, `labels["east"]`.
  std::string FieldPath() const;
};

class Violations {
 public:
  using const_iterator = std::vector<Violation>::const_iterator;

  Violations() = default;
  explicit Violations(std::vector<Violation> violations) : violations_(std::move(violations)) {}

  // True when there is nothing to report.
  bool ok() const { return violations_.empty(); }
  size_t size() const { return violations_.size(); }
  const Violation& operator[](size_t i) const { return violations_[i]; }
  const_iterator begin() const { return violations_.begin(); }
  const_iterator end() const { return violations_.end(); }

  void Add(Violation violation) {
    // Most invalid messages have a few violations: one allocation for them.
    if (violations_.empty()) violations_.reserve(4);
    violations_.push_back(std::move(violation));
  }

  // The client-visible text of protoc-gen-go-svc (see the file comment). Keys
  // are proto field names, oneofs by their Go name (`type` -> `Type`),
  // repeated elements by index, map entries by key; sorted byte-wise at each
  // level. Empty when ok().
  std::string ToString() const;

  // OkStatus() when ok(), otherwise InvalidArgument with ToString() as text.
  absl::Status ToStatus() const;

 private:
  std::vector<Violation> violations_;
};

// protoc-gen-go's CamelCase of a proto name (`first_name` -> `FirstName`), the
// key that Go clients see for oneofs and converter errors.
std::string GoCamelCase(absl::string_view proto_name);

}  // namespace cppsvc

#endif  // CPPSVC_VIOLATIONS_H_
