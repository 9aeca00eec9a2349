// Go's default text for a float64, for messages that must read exactly like
// the ones protoc-gen-go-svc's validators produce (which format bounds with
// fmt's %v).
//
// Example:
//   FormatGoFloat(1e6);   // "1e+06"
//   FormatGoFloat(2.5);   // "2.5"
//   FormatGoFloat(-0.0);  // "-0"
#ifndef CPPSVC_PLUGIN_UTIL_GO_FLOAT_H_
#define CPPSVC_PLUGIN_UTIL_GO_FLOAT_H_

#include <string>

namespace cppsvc::plugin {

// Formats `value` exactly as Go's fmt "%v" (strconv.FormatFloat(v, 'g', -1,
// 64)) does: the shortest digits that round-trip, in %e form (`1.5e-07`,
// `1e+21`, exponent of at least two digits) when the decimal exponent is
// below -4 or at least 6, otherwise in %f form (`0.0001`, `123456`). Negative
// zero is `-0`; infinities are `+Inf` and `-Inf`; every NaN is `NaN`.
std::string FormatGoFloat(double value);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_UTIL_GO_FLOAT_H_
