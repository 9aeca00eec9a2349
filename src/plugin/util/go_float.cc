#include "plugin/util/go_float.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

namespace cppsvc::plugin {

std::string FormatGoFloat(double value) {
  // Go prints NaN without a sign whatever its sign bit, and always signs
  // infinities.
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";

  std::string out = std::signbit(value) ? "-" : "";
  if (value == 0) return out + "0";

  // std::to_chars without a precision yields the shortest digit string that
  // round-trips, choosing the closest one on ties, which is what Go's
  // shortest mode (Ryu / roundShortest) yields too. Scientific form makes the
  // digits and the exponent easy to take apart: "d[.ddd]e±XX".
  char buffer[32];
  const std::to_chars_result result = std::to_chars(
      buffer, buffer + sizeof(buffer), std::fabs(value), std::chars_format::scientific);
  char digits[20];  // at most 17 significant digits for a double
  int digit_count = 0;
  const char* p = buffer;
  for (; p < result.ptr && *p != 'e'; ++p) {
    if (*p != '.') digits[digit_count++] = *p;
  }
  int exponent = 0;
  // Skip 'e' and the sign, which from_chars would not take as '+'.
  const bool negative_exponent = p[1] == '-';
  std::from_chars(p + 2, result.ptr, exponent);
  if (negative_exponent) exponent = -exponent;

  // Go's strconv/ftoa.go, formatDigits for 'g' in shortest mode: with `dp`
  // the decimal point position, exp = dp - 1 and eprec = 6.
  const int dp = exponent + 1;
  if (exponent < -4 || exponent >= 6) {
    // fmtE with prec = nd - 1.
    out += digits[0];
    if (digit_count > 1) {
      out += '.';
      out.append(digits + 1, digit_count - 1);
    }
    out += 'e';
    out += exponent < 0 ? '-' : '+';
    const int magnitude = std::abs(exponent);
    if (magnitude >= 100) out += static_cast<char>('0' + magnitude / 100);
    out += static_cast<char>('0' + magnitude / 10 % 10);
    out += static_cast<char>('0' + magnitude % 10);
    return out;
  }
  // fmtF with prec = max(nd - dp, 0): integer digits (zero-padded up to the
  // decimal point), then exactly the remaining significant digits.
  if (dp > 0) {
    for (int i = 0; i < dp; ++i) out += i < digit_count ? digits[i] : '0';
  } else {
    out += '0';
  }
  if (digit_count > dp) {
    out += '.';
    for (int j = dp; j < digit_count; ++j) out += j < 0 ? '0' : digits[j];
  }
  return out;
}

}  // namespace cppsvc::plugin
