// FormatGoFloat against the text Go's fmt.Sprint(float64) produces.
#include "plugin/util/go_float.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace cppsvc::plugin {
namespace {

struct GoFloatCase {
  double value;
  const char* want;
};

void ExpectGoText(const std::vector<GoFloatCase>& cases) {
  for (const GoFloatCase& c : cases) {
    EXPECT_EQ(FormatGoFloat(c.value), c.want) << "for the double with Go text " << c.want;
  }
}

TEST(GoFloatTest, Zeros) {
  ExpectGoText({
      {0.0, "0"},
      // Go keeps the sign of negative zero.
      {-0.0, "-0"},
  });
}

TEST(GoFloatTest, IntegersBelowAMillionUseFixedNotation) {
  ExpectGoText({
      {1, "1"},
      {16, "16"},
      {100, "100"},
      {100000, "100000"},
      {123456, "123456"},
      // Exponent 5 is the last one printed in full.
      {999999, "999999"},
      {-42, "-42"},
  });
}

TEST(GoFloatTest, ExponentSixAndAboveUseENotation) {
  ExpectGoText({
      {1e6, "1e+06"},
      {1234567, "1.234567e+06"},
      {123456789, "1.23456789e+08"},
      {1e20, "1e+20"},
      {1e21, "1e+21"},
      {1e23, "1e+23"},
      {9007199254740992.0, "9.007199254740992e+15"},
      {1e100, "1e+100"},
      {-1e6, "-1e+06"},
  });
}

TEST(GoFloatTest, FractionsKeepOnlyTheShortestDigits) {
  ExpectGoText({
      {2.5, "2.5"},
      {-2.5, "-2.5"},
      {0.1, "0.1"},
      {1.0 / 3, "0.3333333333333333"},
      {0.1 + 0.2, "0.30000000000000004"},
      {12345.678, "12345.678"},
      // Exponent 5 with a fraction still prints in fixed notation.
      {999999.5, "999999.5"},
  });
}

TEST(GoFloatTest, SmallMagnitudesSwitchToENotationBelowExponentMinusFour) {
  ExpectGoText({
      {0.0001, "0.0001"},
      {0.000123, "0.000123"},
      {0.00001, "1e-05"},
      {1e-7, "1e-07"},
      {1.5e-7, "1.5e-07"},
      {-1e-300, "-1e-300"},
  });
}

TEST(GoFloatTest, Extremes) {
  ExpectGoText({
      {5e-324, "5e-324"},
      {2.2250738585072014e-308, "2.2250738585072014e-308"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {-1.7976931348623157e308, "-1.7976931348623157e+308"},
  });
}

TEST(GoFloatTest, InfinitiesAndNaN) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(FormatGoFloat(inf), "+Inf");
  EXPECT_EQ(FormatGoFloat(-inf), "-Inf");
  EXPECT_EQ(FormatGoFloat(nan), "NaN");
  // Go never prints a sign on NaN.
  EXPECT_EQ(FormatGoFloat(std::copysign(nan, -1.0)), "NaN");
}

}  // namespace
}  // namespace cppsvc::plugin
