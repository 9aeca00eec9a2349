#include "plugin/model/version.h"

#include <algorithm>
#include <vector>

#include "gtest/gtest.h"

namespace cppsvc::plugin {
namespace {

TEST(VersionTest, ParsesEveryForm) {
  EXPECT_EQ(ParseVersion("v1")->major, 1u);
  EXPECT_EQ(ParseVersion("v10")->major, 10u);
  EXPECT_EQ(ParseVersion("v01")->major, 1u);
  EXPECT_EQ(ParseVersion("v20240101")->major, 20240101u);
  EXPECT_EQ(ParseVersion("v1alpha2")->stage, Version::Stage::kAlpha);
  EXPECT_EQ(ParseVersion("v1alpha2")->stage_number, 2u);
  EXPECT_EQ(ParseVersion("v1alpha")->stage_number, 0u);
  EXPECT_EQ(ParseVersion("v3beta1")->stage, Version::Stage::kBeta);
  EXPECT_EQ(ParseVersion("v1p2beta3")->point, 2u);
  EXPECT_EQ(ParseVersion("v1p2beta3")->stage_number, 3u);
  EXPECT_EQ(ParseVersion("v1test")->stage, Version::Stage::kTest);
  EXPECT_EQ(ParseVersion("v1testfoo")->test_suffix, "foo");
  EXPECT_EQ(ParseVersion("v2147483647")->major, 2147483647u);
}

// The full cross-check against buf is tests/buf/version_suffix_test.cc.
TEST(VersionTest, RejectsWhatIsNotAVersion) {
  for (const char* text :
       {"", "v", "1", "version1", "v0", "v1gamma1", "v1alpha0", "v1beta1x", "v1_2", "private", "V1",
        "v1p1", "v2p0", "v1p0alpha1", "v1p1test", "v1alpha1test", "v2147483648"}) {
    EXPECT_FALSE(ParseVersion(text).has_value()) << text;
  }
}

TEST(VersionTest, OrdersStagesPointReleasesAndNumbers) {
  const std::vector<std::string> ordered = {
      "v1alpha",  "v1alpha1",  "v1alpha10", "v1beta1",    "v1test",    "v1test2",
      "v1test10", "v1testfoo", "v1",        "v1p1alpha1", "v1p1beta1", "v1p2beta",
      "v2alpha3", "v2",        "v9",        "v10",        "v20231231", "v20240101"};
  std::vector<std::string> texts(ordered.rbegin(), ordered.rend());
  std::sort(texts.begin(), texts.end(), [](const std::string& a, const std::string& b) {
    return *ParseVersion(a) < *ParseVersion(b);
  });
  EXPECT_EQ(texts, ordered);
}

TEST(VersionTest, LeadingZerosNameTheSameVersion) {
  EXPECT_EQ(*ParseVersion("v01"), *ParseVersion("v1"));
  EXPECT_EQ(*ParseVersion("v1alpha01"), *ParseVersion("v1alpha1"));
  EXPECT_FALSE(*ParseVersion("v1alpha") == *ParseVersion("v1alpha1"));
}

}  // namespace
}  // namespace cppsvc::plugin
