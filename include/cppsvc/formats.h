// String format checks used by the `is` validation rule.
//
// Each check runs in linear time over its input and never allocates: no
// std::regex, no backtracking. They reproduce the formats that clients of
// protoc-gen-go-svc see (govalidator's UUID, e-mail and URL rules as used
// through ozzo-validation), except that the e-mail check is format-only: it
// never looks the host up in DNS.
//
// Example:
//   cppsvc::IsUuid("f95616f1-23e3-4694-8658-8082b0a18267");  // true
//   cppsvc::IsEmail("dane@example.com");                        // true
//   cppsvc::IsUrl("localhost:8080");                             // true
#ifndef CPPSVC_FORMATS_H_
#define CPPSVC_FORMATS_H_

#include "absl/strings/string_view.h"

namespace cppsvc {

// Lowercase `8-4-4-4-12` hexadecimal. Any version nibble and variant are
// accepted, and so is the nil UUID. Uppercase hex digits are rejected.
bool IsUuid(absl::string_view value);

// A syntactically valid e-mail address: 6 to 254 bytes in all; split at the
// last `@`, which is neither first nor among the last two bytes; a local part
// of at most 64 bytes of `A-Za-z0-9!#$%&'*+/=?^_`{|}~.-` that neither starts
// nor ends with `.` and has no `..`; a host with at least one `.` that is
// neither its first nor last byte and none of Go's `\s` whitespace (tab, LF,
// FF, CR, space; a vertical tab is allowed).
bool IsEmail(absl::string_view value);

// A URL in the sense of govalidator's IsURL: an optional scheme out of
// http, https, ftp, ws, wss, tcp, udp followed by `://`, optional `user:pass@`,
// a host (DNS-style name, IPv4 address, bracketed IPv6 address or `localhost`),
// an optional `:port` of 1 to 5 digits, and an optional path, query or
// fragment without whitespace. `example.com` and `localhost:8080` are URLs;
// `abc`, `/just/path` and `gopher://x.y` are not. Like govalidator, it also
// requires more than 3 bytes and fewer than 2083 code points, and that Go's
// net/url.Parse accepts the text (no control bytes before a `#`, valid
// %-escapes outside the query, a plain-ASCII `user:pass`), which for instance
// rejects a bare `localhost` (a path without a dot, not a host).
bool IsUrl(absl::string_view value);

}  // namespace cppsvc

#endif  // CPPSVC_FORMATS_H_
