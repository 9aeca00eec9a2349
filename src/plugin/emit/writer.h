// Renders code from raw-string templates that read like their output.
//
//   Render(R"cc(
//     void $name$() {
//       $body$
//     }
//   )cc", {{"name", "Run"}, {"body", "a();\nb();"}});
//
// The template is dedented (its common leading whitespace and the first and
// last lines, when blank, are dropped), then every `$var$` is replaced. A
// variable that stands alone on its line is expanded line by line at that
// line's indentation, and removed with its line when it is empty, so nested
// parts can be passed in as whole blocks. `$$` is a literal `$`.
#ifndef CPPSVC_PLUGIN_EMIT_WRITER_H_
#define CPPSVC_PLUGIN_EMIT_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace cppsvc::plugin {

// One `$name$` and its value. Built from anything a string_view takes
// (descriptor accessors return std::string or absl::string_view, depending on
// the protobuf version).
struct Var {
  Var(absl::string_view name, absl::string_view value) : first(name), second(value) {}
  std::string first;
  std::string second;
};
using Vars = std::vector<Var>;

// Returns the rendered template; every line ends with '\n'. A `$var$` missing
// from `vars` is a bug in the emitter and aborts.
// `text` must be a string literal: it is prepared once, on first use, and
// the prepared form is kept for the run under the literal's address.
std::string Render(const char* text, const Vars& vars = {});
std::string Render(const std::string& text, const Vars& vars) = delete;

// Joins rendered blocks with one blank line between them.
std::string JoinBlocks(const std::vector<std::string>& blocks);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_WRITER_H_
