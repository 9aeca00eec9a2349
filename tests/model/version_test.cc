#include "plugin/model/version.h"

#include <algorithm>
#include <vector>

#include "gtest/gtest.h"

namespace cppsvc::plugin {
namespace {

TEST(VersionTest, ParsesEveryForm) {
  EXPECT_EQ(ParseVersion("v1")->major, 1u);
  EXPECT_EQ(ParseVersion("v10")->major, 10u);
  EXPECT_EQ(ParseVersion("v0")->major, 0u);
  EXPECT_EQ(ParseVersion("v1alpha2")->stage, Version::Stage::kAlpha);
  EXPECT_EQ(ParseVersion("v1alpha2")->stage_number, 2u);
  EXPECT_EQ(ParseVersion("v3beta1")->stage, Version::Stage::kBeta);
  EXPECT_TRUE(ParseVersion("v20240101")->is_date);
  EXPECT_FALSE(ParseVersion("v2")->is_date);
}

TEST(VersionTest, RejectsWhatIsNotAVersion) {
  for (const char* text : {"", "v", "1", "version1", "v01", "v1gamma1",
                           "v1alpha", "v1beta01", "v1_2", "private", "V1",
                           "v20240101alpha1", "v1alpha1x"}) {
    EXPECT_FALSE(ParseVersion(text).has_value()) << text;
  }
}

TEST(VersionTest, OrdersNumericallyWithStagesBeforeStable) {
  std::vector<std::string> texts = {"v10", "v2", "v1", "v1beta1", "v9",
                                    "v1alpha1", "v2alpha3", "v1alpha10"};
  std::sort(texts.begin(), texts.end(),
            [](const std::string& a, const std::string& b) {
              return *ParseVersion(a) < *ParseVersion(b);
            });
  EXPECT_EQ(texts, (std::vector<std::string>{"v1alpha1", "v1alpha10",
                                             "v1beta1", "v1", "v2alpha3", "v2",
                                             "v9", "v10"}));
}

TEST(VersionTest, DatesOrderByDate) {
  EXPECT_LT(*ParseVersion("v20231231"), *ParseVersion("v20240101"));
}

}  // namespace
}  // namespace cppsvc::plugin
