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
// parts can be passed in as whole blocks. A value of several lines within a
// line continues on each following line at the column where it started, so
// a list joined with ",\n" lines up under its first element. `$$` is a
// literal `$`.
//
// Optional pieces are sections, as in Mustache: `$#var$...$/var$` keeps what
// it encloses when `var` is not empty, and drops it when it is;
// `$^var$...$/var$` does the opposite. A section may lie within a line or
// enclose whole lines, and sections nest. The markers write nothing, and a
// line that held a marker is removed when nothing but whitespace is left of
// it, so an optional parameter or member is written on its own line:
//
//   Render(R"cc(
//     Service(const Validator& validator,
//             $#next$$next$* next,$/next$
//             Implementation& implementation)$^inits$ {}$/inits$
//     $#inits$
//         : $inits$ {}
//     $/inits$
//   )cc", {{"next", ""}, {"inits", "validator_(validator)"}});
//
// For a condition that is not a value, pass `Flag(condition)`.
#ifndef CPPSVC_PLUGIN_EMIT_WRITER_H_
#define CPPSVC_PLUGIN_EMIT_WRITER_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace cppsvc::plugin {

// Variable names and values. Views: a value is usually a temporary made in
// the call's own argument list, which lives until Render returns; a Vars
// kept in a variable must not view temporaries.
using Vars = std::vector<std::pair<absl::string_view, absl::string_view>>;

// Returns the rendered template; every line ends with '\n'. A `$var$` missing
// from `vars` is a bug in the emitter and aborts.
// `text` must be a string literal: it is prepared once, on first use, and
// the prepared form is kept for the run under the literal's address.
std::string Render(const char* text, const Vars& vars = {});
std::string Render(const std::string& text, const Vars& vars) = delete;

// A variable's value for a section: not empty when `condition` holds.
inline absl::string_view Flag(bool condition) { return condition ? "true" : ""; }

// Joins rendered blocks with one blank line between them.
std::string JoinBlocks(const std::vector<std::string>& blocks);

// Joins rendered pieces into a list for a `$var$` within a line (an
// initializer or argument list): each piece's final line break dropped, and
// `separator` and a line break between pieces.
std::string JoinList(const std::vector<std::string>& pieces, absl::string_view separator);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_WRITER_H_
