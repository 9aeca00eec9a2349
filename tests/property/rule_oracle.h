// An independent reading of the `(gen.svc.field).validate` and
// `(gen.svc.oneof).validate` rules (docs/reference/validation.md), straight from the descriptors'
// options through reflection. It shares nothing with the plugin: not its rule
// parser, not its number formatting, not the generated code. The differential
// test compares what it computes with the generated validators.
#ifndef CPPSVC_TESTS_PROPERTY_RULE_ORACLE_H_
#define CPPSVC_TESTS_PROPERTY_RULE_ORACLE_H_

#include <string>
#include <vector>

#include "cppsvc/violations.h"
#include "google/protobuf/message.h"

namespace cppsvc::property {

// The violations of `message` (and everything below it), in no particular
// order.
std::vector<Violation> OracleViolations(const google::protobuf::Message& message);

// Go's fmt %v of a float64 (strconv.FormatFloat(v, 'g', -1, 64)), written
// from Go's documented algorithm: the shortest decimal that round-trips,
// exponent form when the exponent is < -4 or >= 21... see the .cc.
std::string GoFormatFloat(double value);

// A canonical, sortable rendering of one violation (path elements with their
// kinds, rule id and message), for comparing lists as multisets.
std::string Canonical(const Violation& violation);

}  // namespace cppsvc::property

#endif  // CPPSVC_TESTS_PROPERTY_RULE_ORACLE_H_
