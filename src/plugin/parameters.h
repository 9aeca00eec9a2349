// Plugin parameters, as given by `--cpp-svc_opt=key=value,...`.
#ifndef CPPSVC_PLUGIN_PARAMETERS_H_
#define CPPSVC_PLUGIN_PARAMETERS_H_

#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cppsvc::plugin {

struct Parameters {
  // Full names of packages that are private packages even though their last
  // segment is not `private` (protoc-gen-go-svc's `private_package=`). May be
  // given several times, one per domain.
  std::set<std::string> private_packages;
  // `grpc=true`: also emit a gRPC binding per public version
  // (`<package>.svc.grpc.{h,cc}`), built on grpc_cpp_plugin's output.
  bool grpc = false;

  // Layout lint (docs/reference/diagnostics-and-parameters.md): `lint=off|warn|error` checks the
  // tree convention (package <-> directory, version or private last segment, lower_snake_case file
  // names); `lint_prefix=acme` also requires every package to start with that organisation prefix;
  // `lint_self_contained=true` forbids importing other files of the project (only google/protobuf/
  // and the plugin's own protos may be imported).
  enum class Lint { kOff, kWarn, kError };
  Lint lint = Lint::kOff;
  std::string lint_prefix;
  bool lint_self_contained = false;

  // `warnings=off`: no warnings or notes on stderr. Errors are always
  // reported.
  bool warnings = true;

  // Parameters of protoc-gen-go and protoc-gen-go-svc that have no meaning
  // here (`verbose`, `paths=`, `module=`, `M...=` ...), as given: accepted so
  // that Makefiles written for the Go plugin work unchanged, and listed in
  // one note.
  std::vector<std::string> ignored;

  // Not a parameter: set by the generator when the request carries a
  // compiler_version, which protoc sends and buf does not, so that advice can
  // fit the tool that ran the plugin.
  bool from_protoc = false;
};

// Parses the comma-separated parameter string; keys and values are trimmed.
// Every problem is reported at once: all unknown keys in one line, then
// missing or malformed values, keys given twice (only private_package may
// repeat) and lint_prefix / lint_self_contained without lint. One problem is
// the message itself; several are a summary line and one line each.
absl::StatusOr<Parameters> ParseParameters(absl::string_view text);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_PARAMETERS_H_
