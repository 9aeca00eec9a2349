// Hand-written scanners for the `is` format rules (see formats.h).
//
// The reference behaviour is govalidator as pinned by ozzo-validation v4.3.0
// (github.com/asaskevich/govalidator v0.0.0-20200108200545-475eaeb16496),
// which is what clients of protoc-gen-go-svc get. govalidator implements the
// checks with Go regular expressions plus, for URLs, a net/url.Parse call.
// Each function below replaces one of those with a single forward pass (or a
// small constant number of passes) over the input: no std::regex, no
// backtracking, no allocation and no mutable state, so every call is
// reentrant and linear in the input length.
//
// Two properties of Go that the scanners have to copy because they change
// results:
//  * Go's `\s` is the ASCII class [\t\n\f\r ]; `\S` therefore accepts \v and
//    every non-ASCII space.
//  * Go's regexp and utf8.RuneCountInString decode ill-formed UTF-8 one byte
//    at a time as U+FFFD, and U+FFFD is inside the URL pattern's
//    [\x{00a1}-\x{ffff}] host class.

#include "cppsvc/formats.h"

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"

namespace cppsvc {
namespace {

using Size = absl::string_view::size_type;
constexpr Size kNpos = absl::string_view::npos;

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
constexpr bool IsHexDigit(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr bool IsLowerHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
constexpr int HexValue(char c) {
  return IsDigit(c) ? c - '0' : (c >= 'a' ? c - 'a' : c - 'A') + 10;
}

// Go regexp's `\s` (RE2 Perl class): exactly these five bytes.
constexpr bool IsGoSpace(char c) {
  return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

bool ContainsGoSpace(absl::string_view s) {
  for (char c : s) {
    if (IsGoSpace(c)) return true;
  }
  return false;
}

bool StartsWith(absl::string_view s, absl::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// ---------------------------------------------------------------------------
// UTF-8 as Go sees it.

constexpr char32_t kRuneError = 0xFFFD;

struct DecodedRune {
  char32_t rune;
  Size width;
};

// Mirrors utf8.DecodeRuneInString: every ill-formed sequence (stray
// continuation byte, bad lead byte, truncated, overlong, surrogate, above
// U+10FFFF) yields U+FFFD with width 1. Requires i < s.size().
DecodedRune DecodeRune(absl::string_view s, Size i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  Size width;
  char32_t rune;
  // Range allowed for the second byte; it is narrower than 80..BF for the
  // lead bytes that could otherwise start overlong forms, surrogates or
  // values above U+10FFFF.
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    width = 2;
    rune = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    width = 3;
    rune = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    width = 4;
    rune = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() - i < width) return {kRuneError, 1};
  for (Size k = 1; k < width; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
      return {kRuneError, 1};
    }
    rune = (rune << 6) | (b & 0x3F);
  }
  return {rune, width};
}

// utf8.RuneCountInString.
Size GoRuneCount(absl::string_view s) {
  Size count = 0;
  for (Size i = 0; i < s.size(); i += DecodeRune(s, i).width) ++count;
  return count;
}

// ---------------------------------------------------------------------------
// E-mail.

// The local-part class of govalidator's userRegexp:
// ^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$
constexpr bool IsEmailLocalChar(char c) {
  if (IsAlnum(c)) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '/':
    case '=':
    case '?':
    case '^':
    case '_':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~':
    case '.':
    case '-':
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// URL, part 1: the checks govalidator.IsURL gets from net/url.Parse.
//
// Only whether Parse fails matters, plus four facts about its result that
// IsURL inspects afterwards. This follows net/url as of Go 1.17-1.24.

constexpr bool IsCtlByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

// shouldEscape(c, encodeHost): the bytes a host (or zone) may not contain
// literally. Bytes >= 0x80 answer true, which matters for %-escapes in zones.
constexpr bool HostByteNeedsEscape(unsigned char c) {
  if (IsAlnum(static_cast<char>(c))) return false;
  switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '[':
    case ']':
    case '<':
    case '>':
    case '"':
    case '-':
    case '_':
    case '.':
    case '~':
      return false;
    default:
      return true;
  }
}

enum class EscapeMode { kPath, kFragment, kUserPassword, kHost, kZone };

// The error checks of net/url's unescape(); the decoded text itself is never
// needed, so nothing is built.
bool UnescapeSucceeds(absl::string_view s, EscapeMode mode) {
  const bool host_like = mode == EscapeMode::kHost || mode == EscapeMode::kZone;
  for (Size i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !IsHexDigit(s[i + 1]) || !IsHexDigit(s[i + 2])) {
        return false;
      }
      const bool is_pct25 = s[i + 1] == '2' && s[i + 2] == '5';
      // RFC 3986 only lets a host %-encode non-ASCII bytes (plus the RFC 6874
      // "%25" that introduces an IPv6 zone).
      if (mode == EscapeMode::kHost && HexValue(s[i + 1]) < 8 && !is_pct25) {
        return false;
      }
      if (mode == EscapeMode::kZone) {
        const auto v = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
        if (!is_pct25 && v != ' ' && HostByteNeedsEscape(v)) return false;
      }
      i += 3;
      continue;
    }
    if (host_like && static_cast<unsigned char>(c) < 0x80 &&
        HostByteNeedsEscape(static_cast<unsigned char>(c))) {
      return false;
    }
    ++i;
  }
  return true;
}

// Whether the unescaped form of `path` (already known to unescape cleanly)
// contains a '.', which may also arrive as %2E.
bool UnescapedContainsDot(absl::string_view path) {
  for (Size i = 0; i < path.size();) {
    if (path[i] == '%') {
      if (HexValue(path[i + 1]) * 16 + HexValue(path[i + 2]) == '.') return true;
      i += 3;
    } else {
      if (path[i] == '.') return true;
      ++i;
    }
  }
  return false;
}

// validOptionalPort: empty, or ':' followed by any number of digits.
bool IsValidOptionalPort(absl::string_view port) {
  if (port.empty()) return true;
  if (port[0] != ':') return false;
  for (Size i = 1; i < port.size(); ++i) {
    if (!IsDigit(port[i])) return false;
  }
  return true;
}

// parseHost.
bool ParseHostSucceeds(absl::string_view host) {
  if (StartsWith(host, "[")) {
    const Size close = host.rfind(']');
    if (close == kNpos) return false;
    if (!IsValidOptionalPort(host.substr(close + 1))) return false;
    const Size zone = host.substr(0, close).find("%25");
    if (zone != kNpos) {
      // The zone has its own, looser escaping rules.
      return UnescapeSucceeds(host.substr(0, zone), EscapeMode::kHost) &&
             UnescapeSucceeds(host.substr(zone, close - zone), EscapeMode::kZone) &&
             UnescapeSucceeds(host.substr(close), EscapeMode::kHost);
    }
  } else {
    const Size colon = host.rfind(':');
    if (colon != kNpos && !IsValidOptionalPort(host.substr(colon))) {
      return false;
    }
  }
  return UnescapeSucceeds(host, EscapeMode::kHost);
}

// validUserinfo: RFC 3986 userinfo characters only; any non-ASCII rune fails.
bool IsValidUserinfo(absl::string_view userinfo) {
  for (char c : userinfo) {
    if (IsAlnum(c)) continue;
    switch (c) {
      case '-':
      case '.':
      case '_':
      case ':':
      case '~':
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case '%':
      case '@':
        continue;
      default:
        return false;
    }
  }
  return true;
}

// parseAuthority. Splitting the userinfo at its first ':' before unescaping
// cannot change the outcome (':' is never a hex digit), so it is checked
// whole.
bool ParseAuthoritySucceeds(absl::string_view authority, absl::string_view* host) {
  const Size at = authority.rfind('@');
  *host = at == kNpos ? authority : authority.substr(at + 1);
  if (!ParseHostSucceeds(*host)) return false;
  if (at == kNpos) return true;
  const absl::string_view userinfo = authority.substr(0, at);
  return IsValidUserinfo(userinfo) && UnescapeSucceeds(userinfo, EscapeMode::kUserPassword);
}

enum class SchemeScan { kNone, kFound, kError };

// getScheme: on kFound, *rest is what follows the ':'.
SchemeScan GetScheme(absl::string_view raw, absl::string_view* rest) {
  *rest = raw;
  for (Size i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (IsAlpha(c)) continue;
    if (IsDigit(c) || c == '+' || c == '-' || c == '.') {
      if (i == 0) return SchemeScan::kNone;
      continue;
    }
    if (c == ':') {
      if (i == 0) return SchemeScan::kError;  // "missing protocol scheme"
      *rest = raw.substr(i + 1);
      return SchemeScan::kFound;
    }
    return SchemeScan::kNone;
  }
  return SchemeScan::kNone;
}

// What govalidator.IsURL looks at in the *url.URL that Parse returns.
struct ParsedUrlFacts {
  bool host_empty = true;
  bool host_starts_with_dot = false;
  bool path_empty = true;
  bool path_has_dot = false;
};

// url.Parse(implicit_http ? "http://" + value : value), without building the
// concatenation: the "http://" prefix contributes no '#', '?', control byte
// or scheme ambiguity, so it only means "scheme present, authority follows".
bool GoUrlParse(absl::string_view value, bool implicit_http, ParsedUrlFacts* facts) {
  const Size hash = value.find('#');
  const absl::string_view before_fragment = value.substr(0, hash);
  const absl::string_view fragment = hash == kNpos ? absl::string_view() : value.substr(hash + 1);
  // Parse only rejects control bytes before the fragment.
  for (char c : before_fragment) {
    if (IsCtlByte(c)) return false;
  }

  bool has_scheme = true;
  absl::string_view rest = before_fragment;
  if (!implicit_http) {
    switch (GetScheme(before_fragment, &rest)) {
      case SchemeScan::kError:
        return false;
      case SchemeScan::kNone:
        has_scheme = false;
        break;
      case SchemeScan::kFound:
        break;
    }
  }
  // The query is cut off and never validated. (The ForceQuery case, a single
  // trailing '?', cuts at the same place.)
  rest = rest.substr(0, rest.find('?'));

  bool has_authority = implicit_http;
  if (!implicit_http) {
    if (!StartsWith(rest, "/")) {
      if (has_scheme) {
        // Opaque URL such as "mailto:x": no host, no path, only the fragment
        // is still validated.
        *facts = ParsedUrlFacts();
        return fragment.empty() || UnescapeSucceeds(fragment, EscapeMode::kFragment);
      }
      // "first path segment in URL cannot contain colon".
      if (rest.substr(0, rest.find('/')).find(':') != kNpos) return false;
    }
    if ((has_scheme || !StartsWith(rest, "///")) && StartsWith(rest, "//")) {
      has_authority = true;
      rest.remove_prefix(2);
    }
  }

  absl::string_view host;
  absl::string_view path = rest;
  if (has_authority) {
    const Size slash = rest.find('/');
    const absl::string_view authority = rest.substr(0, slash);
    path = slash == kNpos ? absl::string_view() : rest.substr(slash);
    if (!ParseAuthoritySucceeds(authority, &host)) return false;
  }
  if (!UnescapeSucceeds(path, EscapeMode::kPath)) return false;
  if (!fragment.empty() && !UnescapeSucceeds(fragment, EscapeMode::kFragment)) {
    return false;
  }
  // Unescaping never empties a host and cannot produce a leading '.' in one
  // ("%2E" is rejected there), so the raw text answers both questions.
  facts->host_empty = host.empty();
  facts->host_starts_with_dot = !host.empty() && host[0] == '.';
  facts->path_empty = path.empty();
  facts->path_has_dot = UnescapedContainsDot(path);
  return true;
}

// ---------------------------------------------------------------------------
// URL, part 2: govalidator's URL pattern,
//
//   ^ SCHEMA? USERNAME? HOST \.? PORT? PATH? $
//
//   SCHEMA   = ((ftp|tcp|udp|wss?|https?):\/\/)
//   USERNAME = (\S+(:\S*)?@)                      i.e. \S+@
//   HOST     = URLIP | \[ IP \] | NAME
//   PORT     = (:(\d{1,5}))
//   PATH     = ((\/|\?|#)[^\s]*)
//
// No part accepts Go whitespace, so neither may the whole string. USERNAME
// may contain anything else, '@', '/' and ':' included, so the host can begin
// at the start, right after a scheme, or right after any '@' that is not the
// first byte. Neither HOST nor PORT contains '/', '?', '#' or '@', so from a
// given start the host-and-port run ends at the next '/', '?' or '#', and
// whatever follows is a valid PATH.

constexpr bool IsPathStart(char c) { return c == '/' || c == '?' || c == '#'; }

// Length of a PatternURLSchema prefix ("http://" etc.), or 0. Case-sensitive
// like the pattern.
Size SchemaLength(absl::string_view s) {
  for (absl::string_view scheme :
       {absl::string_view("http://"), absl::string_view("https://"), absl::string_view("ftp://"),
        absl::string_view("tcp://"), absl::string_view("udp://"), absl::string_view("ws://"),
        absl::string_view("wss://")}) {
    if (StartsWith(s, scheme)) return scheme.size();
  }
  return 0;
}

// PORT without the colon: 1 to 5 ASCII digits (Go's \d is ASCII only).
bool IsPatternPort(absl::string_view digits) {
  if (digits.empty() || digits.size() > 5) return false;
  for (char c : digits) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Value of 1 to 3 ASCII digits, or -1.
int SmallDecimal(absl::string_view s) {
  if (s.empty() || s.size() > 3) return -1;
  int value = 0;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Splits `s` into exactly four '.'-separated fields and checks each with
// `octet_ok(field, index)`.
template <typename OctetOk>
bool MatchesDottedQuad(absl::string_view s, OctetOk octet_ok) {
  for (int index = 0; index < 4; ++index) {
    const Size dot = s.find('.');
    if ((index == 3) != (dot == kNpos)) return false;
    if (!octet_ok(s.substr(0, dot), index)) return false;
    s = index == 3 ? absl::string_view() : s.substr(dot + 1);
  }
  return true;
}

// PatternURLIP:
//   ([1-9]\d?|1\d\d|2[01]\d|22[0-3]|24\d|25[0-5])
//   (\.(\d{1,2}|1\d\d|2[0-4]\d|25[0-5])){2}
//   (?:\.([0-9]\d?|1\d\d|2[0-4]\d|25[0-5]))
// The first octet may not be 0, start with 0, or be 224-239; the others are
// any one or two digits or 100-255.
bool MatchesUrlIPv4(absl::string_view host) {
  return MatchesDottedQuad(host, [](absl::string_view octet, int index) {
    const int value = SmallDecimal(octet);
    if (value < 0) return false;
    if (octet.size() == 3) {
      if (value < 100 || value > 255) return false;
      return index != 0 || value <= 223 || value >= 240;
    }
    return index != 0 || octet[0] != '0';
  });
}

// The dotted quad inside PatternIP:
//   ((25[0-5]|(2[0-4]|1{0,1}[0-9]){0,1}[0-9])\.){3,3}(same)
// Each octet is one or two digits (leading zero allowed) or 100-255.
bool MatchesIPv6EmbeddedIPv4(absl::string_view s) {
  return MatchesDottedQuad(s, [](absl::string_view octet, int) {
    const int value = SmallDecimal(octet);
    return value >= 0 && (octet.size() < 3 || (value >= 100 && value <= 255));
  });
}

// Number of ':'-separated [0-9a-fA-F]{1,4} groups making up all of `s`
// (0 for an empty `s`), or -1 if `s` is not such a list.
int CountHexGroups(absl::string_view s) {
  if (s.empty()) return 0;
  int groups = 1;
  Size group_length = 0;
  for (char c : s) {
    if (c == ':') {
      if (group_length == 0) return -1;
      ++groups;
      group_length = 0;
    } else if (IsHexDigit(c) && group_length < 4) {
      ++group_length;
    } else {
      return -1;
    }
  }
  return group_length == 0 ? -1 : groups;
}

// fe80:(:[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]{1,}
bool MatchesLinkLocalWithZone(absl::string_view s) {
  if (!StartsWith(s, "fe80:")) return false;
  Size i = 5;
  for (int repeats = 0; i < s.size() && s[i] == ':'; ++repeats) {
    if (repeats == 4) return false;
    ++i;
    Size digits = 0;
    while (i < s.size() && IsHexDigit(s[i])) {
      if (++digits > 4) return false;
      ++i;
    }
  }
  if (i >= s.size() || s[i] != '%') return false;
  if (++i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!IsAlnum(s[i])) return false;
  }
  return true;
}

// PatternIP, the text between the brackets of an IPv6 host. Its twelve
// alternatives fall into three families that are told apart by '%' and '.':
//  * fe80:...%zone (the only one with '%');
//  * ::[ffff:[0{1,4}:]]a.b.c.d and h(:h){0..3}::a.b.c.d (the only ones with
//    '.');
//  * pure hex: eight groups, or n groups "::" m groups with n + m <= 7.
bool MatchesIPv6Pattern(absl::string_view s) {
  if (s.find('%') != kNpos) return MatchesLinkLocalWithZone(s);
  const Size gap = s.find("::");
  if (s.find('.') != kNpos) {
    if (gap == kNpos) return false;
    const absl::string_view left = s.substr(0, gap);
    absl::string_view right = s.substr(gap + 2);
    if (!left.empty()) {
      const int groups = CountHexGroups(left);
      return groups >= 1 && groups <= 4 && MatchesIPv6EmbeddedIPv4(right);
    }
    if (StartsWith(right, "ffff:")) {
      right.remove_prefix(5);
      if (MatchesIPv6EmbeddedIPv4(right)) return true;
      const Size colon = right.find(':');
      if (colon == kNpos || colon == 0 || colon > 4) return false;
      for (Size i = 0; i < colon; ++i) {
        if (right[i] != '0') return false;
      }
      right.remove_prefix(colon + 1);
    }
    return MatchesIPv6EmbeddedIPv4(right);
  }
  if (gap == kNpos) return CountHexGroups(s) == 8;
  // A second "::" (or ":::") leaves an empty group on the right.
  const int left = CountHexGroups(s.substr(0, gap));
  const int right = CountHexGroups(s.substr(gap + 2));
  return left >= 0 && right >= 0 && left + right <= 7;
}

// NAME, the host-name alternative of the pattern:
//
//   X? B (?:\.C)?
//   X = A | SUB1 | SUB2
//   A    = [a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\.][a-zA-Z0-9]+)*
//   SUB1 = www\.
//   SUB2 = [a-zA-Z0-9]+([-_\.]?[a-zA-Z0-9])*[a-zA-Z0-9]\.[a-zA-Z0-9]+
//   B    = ([a-zA-Z\x{00a1}-\x{ffff}0-9]+-?-?)*[a-zA-Z\x{00a1}-\x{ffff}0-9]+
//   C    = [a-zA-Z\x{00a1}-\x{ffff}]{1,}
//
// Where X ends and B begins is ambiguous, so rather than guessing (which is
// where a regex engine would backtrack), the scanner tracks every pattern
// position that the text read so far can end on: a position (Glushkov)
// automaton with one bit per character-matching position of the pattern,
// advanced once per rune. That is linear time with a single machine word of
// state.
enum NameState : uint32_t {
  kA1 = 1u << 0,    // A: leading [a-zA-Z0-9]
  kA2 = 1u << 1,    // A: [a-zA-Z0-9-_]+
  kA3 = 1u << 2,    // A: second [a-zA-Z0-9]
  kA4 = 1u << 3,    // A: [-\.] of ([-\.][a-zA-Z0-9]+)*
  kA5 = 1u << 4,    // A: [a-zA-Z0-9]+ of ([-\.][a-zA-Z0-9]+)*
  kS1 = 1u << 5,    // SUB2: leading [a-zA-Z0-9]+
  kS2 = 1u << 6,    // SUB2: [-_\.]?
  kS3 = 1u << 7,    // SUB2: [a-zA-Z0-9] after the optional separator
  kS4 = 1u << 8,    // SUB2: [a-zA-Z0-9] before \.
  kS5 = 1u << 9,    // SUB2: \.
  kS6 = 1u << 10,   // SUB2: trailing [a-zA-Z0-9]+
  kW1 = 1u << 11,   // SUB1: w
  kW2 = 1u << 12,   // SUB1: w
  kW3 = 1u << 13,   // SUB1: w
  kW4 = 1u << 14,   // SUB1: \.
  kB1 = 1u << 15,   // B: label run inside (...+-?-?)*
  kB2 = 1u << 16,   // B: first -?
  kB3 = 1u << 17,   // B: second -?
  kB4 = 1u << 18,   // B: final label run
  kDot = 1u << 19,  // \. before C
  kTld = 1u << 20,  // C
};
constexpr int kNameStateCount = 21;

constexpr uint32_t kBStart = kB1 | kB4;
constexpr uint32_t kNameStart = kA1 | kS1 | kW1 | kBStart;
constexpr uint32_t kNameAccept = kB4 | kTld;

// kFollow[i]: the states that may consume the rune after state 1 << i.
constexpr uint32_t kFollow[kNameStateCount] = {
    /*kA1*/ kA2 | kA3,
    /*kA2*/ kA2 | kA3,
    /*kA3*/ kA4 | kBStart,
    /*kA4*/ kA5,
    /*kA5*/ kA5 | kA4 | kBStart,
    /*kS1*/ kS1 | kS2 | kS3 | kS4,
    /*kS2*/ kS3,
    /*kS3*/ kS2 | kS3 | kS4,
    /*kS4*/ kS5,
    /*kS5*/ kS6,
    /*kS6*/ kS6 | kBStart,
    /*kW1*/ kW2,
    /*kW2*/ kW3,
    /*kW3*/ kW4,
    /*kW4*/ kBStart,
    /*kB1*/ kB1 | kB2 | kB3 | kB4,
    /*kB2*/ kB3 | kBStart,
    /*kB3*/ kBStart,
    /*kB4*/ kB4 | kDot,
    /*kDot*/ kTld,
    /*kTld*/ kTld,
};

// The states whose character class contains `rune`.
uint32_t NameStatesAccepting(char32_t rune) {
  if (rune >= 0xA1 && rune <= 0xFFFF) return kB1 | kB4 | kTld;
  if (rune >= 0x80) return 0;
  const char c = static_cast<char>(rune);
  if (IsAlnum(c)) {
    uint32_t states = kA1 | kA2 | kA3 | kA5 | kS1 | kS3 | kS4 | kS6 | kB1 | kB4;
    if (IsAlpha(c)) states |= kTld;
    if (c == 'w') states |= kW1 | kW2 | kW3;
    return states;
  }
  switch (c) {
    case '-':
      return kA2 | kA4 | kS2 | kB2 | kB3;
    case '_':
      return kA2 | kS2;
    case '.':
      return kA4 | kS2 | kS5 | kW4 | kDot;
    default:
      return 0;
  }
}

bool MatchesHostName(absl::string_view host) {
  uint32_t next = kNameStart;  // states allowed to consume the next rune
  uint32_t current = 0;
  for (Size i = 0; i < host.size();) {
    const DecodedRune decoded = DecodeRune(host, i);
    i += decoded.width;
    current = next & NameStatesAccepting(decoded.rune);
    if (current == 0) return false;
    next = 0;
    for (int state = 0; state < kNameStateCount; ++state) {
      if (current & (uint32_t{1} << state)) next |= kFollow[state];
    }
  }
  return (current & kNameAccept) != 0;
}

// HOST \.? PORT? for one host-and-port run (no '/', '?' or '#' inside).
bool MatchesHostAndPort(absl::string_view run) {
  if (StartsWith(run, "[")) {
    // PatternIP never contains ']', so the first one closes the literal.
    const Size close = run.find(']');
    if (close == kNpos || !MatchesIPv6Pattern(run.substr(1, close - 1))) {
      return false;
    }
    absl::string_view rest = run.substr(close + 1);
    if (StartsWith(rest, ".")) rest.remove_prefix(1);
    return rest.empty() || (rest[0] == ':' && IsPatternPort(rest.substr(1)));
  }
  // Neither URLIP nor NAME contains ':', so the first one starts the port.
  const Size colon = run.find(':');
  absl::string_view host = run.substr(0, colon);
  if (colon != kNpos && !IsPatternPort(run.substr(colon + 1))) return false;
  // HOST itself never ends in '.', so a final '.' can only be the \.?.
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  return MatchesUrlIPv4(host) || MatchesHostName(host);
}

// The run from `start` up to the next '/', '?' or '#'.
bool MatchesHostAndPortAt(absl::string_view s, Size start) {
  Size end = start;
  while (end < s.size() && !IsPathStart(s[end])) ++end;
  return MatchesHostAndPort(s.substr(start, end - start));
}

bool MatchesUrlPattern(absl::string_view s) {
  if (ContainsGoSpace(s)) return false;
  if (MatchesHostAndPortAt(s, 0)) return true;
  const Size schema = SchemaLength(s);
  if (schema > 0 && MatchesHostAndPortAt(s, schema)) return true;
  // Host after an '@'. A run that reaches another '@' cannot match, and that
  // later '@' is tried on its own, so every byte is scanned once here.
  Size at = s.find('@', 1);
  while (at != kNpos) {
    const Size start = at + 1;
    Size end = start;
    while (end < s.size() && !IsPathStart(s[end]) && s[end] != '@') ++end;
    if (end < s.size() && s[end] == '@') {
      at = end;
      continue;
    }
    if (MatchesHostAndPort(s.substr(start, end - start))) return true;
    at = s.find('@', end);
  }
  return false;
}

}  // namespace

bool IsUuid(absl::string_view value) {
  if (value.size() != 36) return false;
  if (value[8] != '-' || value[13] != '-' || value[18] != '-' || value[23] != '-') {
    return false;
  }
  // The 32 digits, without a branch per byte: validators check ids on every
  // call through a chain.
  static constexpr struct Table {
    bool lower_hex[256] = {};
    constexpr Table() {
      for (int c = 0; c < 256; ++c) lower_hex[c] = IsLowerHexDigit(static_cast<char>(c));
    }
  } kTable;
  bool all = true;
  for (Size i = 0; i < value.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) continue;
    all &= kTable.lower_hex[static_cast<unsigned char>(value[i])];
  }
  return all;
}

// govalidator.IsExistingEmail minus its DNS lookups.
bool IsEmail(absl::string_view value) {
  if (value.size() < 6 || value.size() > 254) return false;
  const Size at = value.rfind('@');
  if (at == kNpos || at == 0 || at > value.size() - 3) return false;
  const absl::string_view local = value.substr(0, at);
  const absl::string_view host = value.substr(at + 1);
  if (local.size() > 64) return false;

  // userRegexp, plus userDotRegexp `(^[.]{1})|([.]{1}$)|([.]{2,})`.
  if (local.front() == '.' || local.back() == '.') return false;
  for (Size i = 0; i < local.size(); ++i) {
    if (!IsEmailLocalChar(local[i])) return false;
    if (local[i] == '.' && i > 0 && local[i - 1] == '.') return false;
  }

  // hostRegexp `^[^\s]+\.[^\s]+$`: no Go whitespace, and some '.' with at
  // least one byte on each side.
  if (ContainsGoSpace(host)) return false;
  for (Size i = 1; i + 1 < host.size(); ++i) {
    if (host[i] == '.') return true;
  }
  return false;
}

bool IsUrl(absl::string_view value) {
  // Go compares the rune count with 2083 but the byte length with 3.
  if (value.size() <= 3 || value[0] == '.') return false;
  if (value.size() >= 2083 && GoRuneCount(value) >= 2083) return false;

  // govalidator parses with an "http://" prefix when there is a ':' but no
  // "://", so that "host:port" is not read as scheme "host".
  const bool implicit_http = value.find(':') != kNpos && value.find("://") == kNpos;
  ParsedUrlFacts facts;
  if (!GoUrlParse(value, implicit_http, &facts)) return false;
  if (facts.host_starts_with_dot) return false;
  if (facts.host_empty && !facts.path_empty && !facts.path_has_dot) {
    return false;
  }
  // The pattern always sees the original text, never the prefixed one.
  return MatchesUrlPattern(value);
}

}  // namespace cppsvc
