// Version segments of proto packages and their order.
//
// A package's last segment is a version exactly when buf lint's
// PACKAGE_VERSION_SUFFIX accepts it (tests/buf checks this against buf):
//
//   v<N>                    stable            v1, v2, v20240101
//   v<N>alpha[<M>]          alpha             v1alpha, v1alpha1
//   v<N>beta[<M>]           beta              v1beta, v2beta3
//   v<N>p<P>alpha[<M>]      point alpha       v1p1alpha1
//   v<N>p<P>beta[<M>]       point beta        v1p1beta1
//   v<N>test<anything>      test              v1test, v1test1, v1testfoo
//
// Every number is 1..2147483647 (leading zeros allowed: v01 is v1). A point
// release exists only as alpha or beta (buf rejects v1p1 and v1p1test).
//
// Versions order as (N, P, stage, M, test suffix), with stages
// alpha < beta < test < stable and P = 0 when absent:
//
//   v1alpha < v1alpha1 < v1alpha2 < v1beta1 < v1test < v1test2 < v1 <
//   v1p1alpha1 < v1p1beta1 < v1p2beta1 < v2alpha1 < v2 < v9 < v10
//
// so a point release's previews sit between v<N> and v<N+1>. Test suffixes
// order by length, then text (v1test < v1test2 < v1test10 < v1testfoo).
// Numbers compare as numbers (protoc-gen-go-svc compared strings and so took
// v9 for newer than v10). Two segments that parse to the same version (v1 and
// v01) are the same version.
#ifndef CPPSVC_PLUGIN_MODEL_VERSION_H_
#define CPPSVC_PLUGIN_MODEL_VERSION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

#include "absl/strings/string_view.h"

namespace cppsvc::plugin {

struct Version {
  enum class Stage { kAlpha = 0, kBeta = 1, kTest = 2, kStable = 3 };

  uint32_t major = 0;
  uint32_t point = 0;  // the P of v<N>p<P>alpha/beta; 0 when absent
  Stage stage = Stage::kStable;
  uint32_t stage_number = 0;  // the M of alpha<M> / beta<M>; 0 when absent
  std::string test_suffix;    // what follows `test` in v<N>test...

  friend bool operator<(const Version& a, const Version& b) {
    return std::make_tuple(a.major, a.point, a.stage, a.stage_number, a.test_suffix.size(),
                           a.test_suffix) < std::make_tuple(b.major, b.point, b.stage,
                                                            b.stage_number, b.test_suffix.size(),
                                                            b.test_suffix);
  }
  friend bool operator==(const Version& a, const Version& b) { return !(a < b) && !(b < a); }
};

// Parses a package's last segment; nullopt when it is not a version.
std::optional<Version> ParseVersion(absl::string_view segment);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_VERSION_H_
