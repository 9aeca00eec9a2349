// IsUuid, IsEmail and IsUrl against govalidator's answers (the version
// ozzo-validation v4.3.0 pins), which is what protoc-gen-go-svc clients see.
// Several URL expectations look odd; they are govalidator's behaviour and
// the comments say where it comes from.
#include "cppsvc/formats.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"
#include "gtest/gtest.h"

namespace cppsvc {
namespace {

struct Case {
  std::string input;
  bool want;
};

void ExpectAll(bool (*check)(absl::string_view), const char* name, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(check(c.input), c.want)
        << name << "(\"" << absl::CHexEscape(c.input) << "\") [" << c.input.size() << " bytes]";
  }
}

void ExpectUuid(const std::vector<Case>& cases) { ExpectAll(IsUuid, "IsUuid", cases); }
void ExpectEmail(const std::vector<Case>& cases) { ExpectAll(IsEmail, "IsEmail", cases); }
void ExpectUrl(const std::vector<Case>& cases) { ExpectAll(IsUrl, "IsUrl", cases); }

std::string Repeat(absl::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out.append(piece.data(), piece.size());
  return out;
}

// ---------------------------------------------------------------------------
// UUID

TEST(FormatsTest, UuidAcceptsLowercaseHexOfAnyVersionAndVariant) {
  ExpectUuid({
      {"f95616f1-23e3-4694-8658-8082b0a18267", true},
      {"00000000-0000-0000-0000-000000000000", true},  // nil UUID
      {"ffffffff-ffff-ffff-ffff-ffffffffffff", true},
      {"f95616f1-23e3-1694-c658-8082b0a18267", true},  // v1, variant c
      {"f95616f1-23e3-f694-0658-8082b0a18267", true},  // no such version
  });
}

TEST(FormatsTest, UuidRejectsUppercase) {
  ExpectUuid({
      {"F95616F1-23E3-4694-8658-8082B0A18267", false},
      {"f95616f1-23e3-4694-8658-8082b0a1826A", false},
      {"A95616f1-23e3-4694-8658-8082b0a18267", false},
  });
}

TEST(FormatsTest, UuidRejectsWrongShape) {
  ExpectUuid({
      {"", false},
      {"f95616f123e3469486588082b0a18267", false},  // no dashes
      // A dash one position early or late, length unchanged.
      {"f95616f-123e3-4694-8658-8082b0a18267", false},
      {"f95616f12-3e3-4694-8658-8082b0a18267", false},
      {"f95616f1-23e34-694-8658-8082b0a18267", false},
      {"f95616f1-23e3-46948-658-8082b0a18267", false},
      {"f95616f1-23e3-4694-86588-082b0a18267", false},
      {"f95616f1-23e3-4694-8658-8082b0a1826-", false},
      {"f95616f1_23e3_4694_8658_8082b0a18267", false},
      {"f95616f1-23e3-4694-8658-8082b0a1826", false},    // 35 bytes
      {"f95616f1-23e3-4694-8658-8082b0a182670", false},  // 37 bytes
      {"f95616f1-23e3-4694-8658-8082b0a1826g", false},   // not hex
      {"{f95616f1-23e3-4694-8658-8082b0a18267}", false},
      {"urn:uuid:f95616f1-23e3-4694-8658-8082b0a18267", false},
      {" f95616f1-23e3-4694-8658-8082b0a18267", false},
      {"f95616f1-23e3-4694-8658-8082b0a18267\n", false},
  });
}

// ---------------------------------------------------------------------------
// E-mail

TEST(FormatsTest, EmailAcceptsOrdinaryAddresses) {
  ExpectEmail({
      {"dane@example.com", true},
      {"a@b.co", true},
      {"Dane.Smith+tag@Mail.Example.COM", true},
      {"first.last@sub.example.org", true},
  });
}

TEST(FormatsTest, EmailTotalLengthIsSixTo254Bytes) {
  // 64-byte local part + '@' + host.
  const std::string local(64, 'a');
  ExpectEmail({
      {"a@b.c", false},                                       // 5 bytes, otherwise well-formed
      {"a@b.co", true},                                       // 6 bytes
      {local + "@" + std::string(185, 'b') + ".com", true},   // 254 bytes
      {local + "@" + std::string(186, 'b') + ".com", false},  // 255 bytes
  });
}

TEST(FormatsTest, EmailLocalPartIsAtMost64Bytes) {
  ExpectEmail({
      {std::string(64, 'a') + "@example.com", true},
      {std::string(65, 'a') + "@example.com", false},
  });
}

TEST(FormatsTest, EmailLocalPartCharacters) {
  ExpectEmail({
      {"!#$%&'*+/=?^_`{|}~-@example.com", true},
      {"a1-Z9@example.com", true},
      {"us er@example.com", false},
      {"us(er@example.com", false},
      {"us)er@example.com", false},
      {"us,er@example.com", false},
      {"us:er@example.com", false},
      {"us;er@example.com", false},
      {"us<er@example.com", false},
      {"us[er@example.com", false},
      {"us\\er@example.com", false},
      {"\"user\"@example.com", false},
      {"us\xc3\xa9r@example.com", false},  // non-ASCII local part
  });
}

TEST(FormatsTest, EmailLocalPartDots) {
  ExpectEmail({
      {"us.er@example.com", true},
      {"u.s.e.r@example.com", true},
      {".user@example.com", false},
      {"user.@example.com", false},
      {"us..er@example.com", false},
      {"us...er@example.com", false},
  });
}

TEST(FormatsTest, EmailSplitsAtTheLastAt) {
  ExpectEmail({
      // Split at the first '@' this would be local "a" and host "b@c.com";
      // split at the last one the local part contains '@'.
      {"a@b@example.com", false},
      {"@example.com", false},  // empty local part
      {"user@", false},
      {"user@ab", false},
      {"userexample.com", false},
  });
}

TEST(FormatsTest, EmailHostNeedsAnInnerDotAndNoWhitespace) {
  ExpectEmail({
      {"user@localhost", false},  // no DNS fallback
      {"user@example.", false},
      {"user@.com", false},
      {"user@b.c", true},
      // Anything but Go whitespace is allowed around the dot.
      {"user@a..b", true},
      {"user@[1.2.3.4]", true},
      {"user@ex\xc3\xa4mple.com", true},
      {"user@exa mple.com", false},
      {"user@exa\tmple.com", false},
      {"user@exa\rmple.com", false},
      {"user@example.com ", false},
      // Go's \s does not include \v.
      {"user@exa\vmple.com", true},
  });
}

// ---------------------------------------------------------------------------
// URL

TEST(FormatsTest, UrlDocumentedExamples) {
  ExpectUrl({
      {"https://example.com/x", true},
      {"example.com", true},
      {"http://localhost", true},
      {"localhost:8080", true},
      {"ftp://x.y/z", true},
      {"http://1.2.3.4:80/p?q=1#f", true},
      // Parsed as "http://mailto:a@b.com": user "mailto:a", host "b.com".
      {"mailto:a@b.com", true},
      {"http://[::1]:8080/x", true},
      {"http://user:pass@example.com", true},
      {"wss://example.com/socket", true},
      {"gopher://x.y", false},
      {"abc", false},
      {"http://a b.com", false},
      {"/just/path", false},
      {"http://example.com:123456", false},
      {"", false},
      {".example.com", false},
  });
}

TEST(FormatsTest, UrlSchemes) {
  ExpectUrl({
      {"http://example.com", true},
      {"https://example.com", true},
      {"ftp://example.com", true},
      {"tcp://1.2.3.4:53", true},
      {"udp://1.2.3.4:53", true},
      {"ws://example.com", true},
      {"wss://example.com", true},
      {"gopher://example.com", false},
      {"file://example.com", false},
      // The pattern's scheme list is case-sensitive.
      {"HTTP://EXAMPLE.COM", false},
      // Without "://" the text is parsed as "http://http:example.com", whose
      // port "example.com" is not numeric.
      {"http:example.com", false},
      // No scheme and no host: the authority form needs a scheme.
      {"//example.com/x", false},
  });
}

TEST(FormatsTest, UrlByteAndRuneLengthLimits) {
  const std::string prefix = "http://example.com/";  // 19 bytes
  const std::string e_acute = "\xc3\xa9";            // 1 rune, 2 bytes
  ExpectUrl({
      // More than 3 bytes are required, whatever the rest.
      {"a.b", false},
      {"a.bc", true},
      // Fewer than 2083 runes are allowed.
      {prefix + std::string(2082 - 19, 'a'), true},
      {prefix + std::string(2083 - 19, 'a'), false},
      // Counted in runes, not bytes: 2082 runes are 4145 bytes here.
      {prefix + Repeat(e_acute, 2082 - 19), true},
      {prefix + Repeat(e_acute, 2083 - 19), false},
      // Go counts each byte of an ill-formed sequence as one rune: 1032
      // copies of a truncated 3-byte sequence are 2064 runes, so 19 + 2064 =
      // 2083.
      {prefix + Repeat("\xe2\x82", 1031), true},
      {prefix + Repeat("\xe2\x82", 1032), false},
  });
}

TEST(FormatsTest, UrlHostNamesFollowThePatternQuirks) {
  ExpectUrl({
      {"http://www.example.com", true},
      {"http://sub_domain.example.com", true},
      {"http://exa_mple.com", true},
      {"http://ex--ample.com", true},
      {"http://xn--fsqu00a.xn--0zwm56d", true},
      {"http://\xe4\xbe\x8b\xe5\xad\x90.\xe6\xb5\x8b\xe8\xaf\x95", true},
      {"http://example", true},
      {"http://www.example", true},
      {"example.com.", true},  // the pattern allows one trailing dot
      {"http://example.com.:8080", true},
      // Digits are fine where the leading label pattern takes them.
      {"http://example.c0m", true},
      {"http://example.123", true},
      {"http://ab.cd.ef", true},
      // '_' after a dot only fits the subdomain branch, between alphanumerics.
      {"http://ab.c_de.fg", true},
      {"http://ab.c__de.fg", false},
      // ... but three one-letter labels fit none of its branches.
      {"http://a.b.c", false},
      {"http://a.b-c.com", false},
      {"http://-example.com", false},
      {"http://example-.com", false},
      {"http://www..com", false},
      {"http://example..com", false},
      // Three hyphens fit the leading-label branch but not after "www.".
      {"http://foo---bar.com/", true},
      {"http://www.foo---bar.com/", false},
      // U+FFFD, which Go decodes for a stray byte, is in the host class.
      {"http://\xff.com", true},
      {"http://exa%C3%A9mple.com", false},
      {"http://exa!mple.com", false},
      {"http://x.y\\z", false},
  });
}

TEST(FormatsTest, UrlIPv4Hosts) {
  ExpectUrl({
      {"http://1.2.3.4", true},
      {"1.2.3.4", true},
      {"1.2.3.4:80", true},
      {"http://10.0.0.1", true},
      {"http://223.255.255.255", true},
      {"http://1.02.3.04", true},  // leading zeros after the first octet
      // The first octet excludes 0, a leading zero and 224-239.
      {"http://0.1.2.3", false},
      {"http://01.2.3.4", false},
      {"http://224.1.2.3", false},
      {"http://239.1.2.3", false},
      {"http://240.1.2.3", true},
      {"http://255.1.2.3", true},
      {"http://256.1.1.1", false},
      {"http://1.256.1.1", false},
      {"http://1.2.3.255", true},
      {"http://1.2.3.256", false},
      {"http://1.2.3.4.5", false},
      // Not addresses, so host names to the pattern, which takes
      // "12.34.5" + "6" but has no branch for three one-character labels.
      {"http://12.34.56", true},
      {"http://1.2.3", false},
  });
}

TEST(FormatsTest, UrlIPv6Hosts) {
  ExpectUrl({
      {"http://[::1]", true},
      {"http://[::]", true},
      {"http://[2001:db8::8a2e:370:7334]:443/", true},
      {"http://[1:2:3:4:5:6:7:8]", true},
      {"http://[1:2:3:4:5:6:7::]", true},
      {"http://[ABCD:EF01::]", true},
      {"http://[::ffff:192.0.2.1]", true},
      {"http://[::ffff:0000:1.2.3.4]", true},
      {"http://[::ffff:00000:1.2.3.4]", false},
      {"http://[::ffff:1:1.2.3.4]", false},
      {"http://[::1.2.3.4]", true},
      {"http://[1:2:3:4::1.2.3.4]", true},
      {"http://[fe80::1%25eth0]", true},
      {"http://[fe80::1:2:3:4%25eth0]", true},
      {"http://[fe80::1:2:3:4:5%25eth0]", false},  // at most four ":h" groups
      {"http://x@[::1]", true},
      {"http://[1:2:3:4:5:6:7:8:9]", false},
      {"http://[1:2:3:4:5:6:7:8::]", false},
      {"http://[1::2::3]", false},
      {"http://[:::1]", false},
      {"http://[12345::1]", false},
      {"http://[::g]", false},
      {"http://[1:2:3:4:5::1.2.3.4]", false},
      {"http://[::1.2.3.256]", false},
      {"http://[::1", false},
      // net/url wants "%25" before a zone in a URL.
      {"http://[fe80::1%eth0]", false},
      // The pattern allows "]." but net/url does not.
      {"http://[::1].", false},
      {"http://[::1].:80", false},
      // Unless the pattern finds the literal after an '@' in the path: the
      // host "-" fails the pattern, not url.Parse.
      {"http://-/x@[::1].", true},
      {"http://-/x@[::1]..", false},
  });
}

TEST(FormatsTest, UrlPorts) {
  ExpectUrl({
      {"http://example.com:1", true},
      {"http://example.com:65535", true},
      {"http://example.com:99999", true},  // five digits, never range-checked
      {"http://example.com:123456", false},
      {"http://example.com:", false},
      {"http://example.com:80a", false},
      {"http://example.com:-1", false},
      {"http://1.2.3.4:80:80", false},
  });
}

TEST(FormatsTest, UrlUserinfo) {
  ExpectUrl({
      {"http://user@example.com", true},
      {"http://user:pass@example.com", true},
      {"http://user:p@ss@example.com", true},
      // Empty userinfo: the pattern reads "http://" itself as the user.
      {"http://@example.com", true},
      // The pattern takes any non-space user; net/url does not.
      {"http://a{b@example.com", false},
      {"http://u\xc3\xa9@example.com", false},
      {"http://us er@example.com", false},
  });
}

TEST(FormatsTest, UrlPathQueryAndFragment) {
  ExpectUrl({
      {"http://example.com/", true},
      {"http://example.com?x", true},
      {"http://example.com#x", true},
      {"http://example.com/p\xc3\xa4th?q=\xc3\xa4#fr\xc3\xa4g", true},
      {"example.com:8080/path", true},
      {"http://example.com/%2e", true},
      // The pattern's user part may also be found after a path '@'.
      {"http://a.com/x@b.com", true},
      // Bad %-escapes fail url.Parse in the path and fragment, not the query.
      {"http://example.com/%zz", false},
      {"http://example.com/?q=%zz", true},
      {"http://example.com/#%zz", false},
      {"example.com/%zz", false},
      {"http://example.com/ path", false},
  });
}

TEST(FormatsTest, UrlWhitespaceAndControlBytes) {
  ExpectUrl({
      {"http://example.com/\tpath", false},
      {"http://example.com/\npath", false},
      {"http://example.com/\x0b", false},
      {"http://example.com/\x7f", false},
      {"http://example.com/\x01", false},
      // url.Parse checks control bytes only before '#', and the pattern's
      // [^\s] takes every control byte but \t \n \f \r.
      {"http://example.com/#\x01", true},
      {"http://example.com/#\x0b", true},
      {"http://example.com/#a\tb", false},
      {" http://example.com", false},
  });
}

TEST(FormatsTest, UrlRulesFromNetUrlParse) {
  ExpectUrl({
      // No scheme and no dot: url.Parse sees a path without a host.
      {"localhost", false},
      {"foo@bar", false},
      {"foo@bar.com", true},
      // The host url.Parse finds may not start with '.'.
      {"http://.example.com", false},
      {"http://./@example.com", false},
      // Hosts may %-encode only non-ASCII bytes (the pattern is satisfied by
      // the "x.com" after the path's '@').
      {"http://ex%41mple.com/p@x.com", false},
      {"http://ex%C3%A9mple.com/p@x.com", true},
      // "a_b" is no scheme, so "a_b:" is a first path segment with a colon.
      {"a_b://u@x.com", false},
      {"ab://u@x.com", true},
      // "missing protocol scheme".
      {"://u@x.com", false},
  });
}

}  // namespace
}  // namespace cppsvc
