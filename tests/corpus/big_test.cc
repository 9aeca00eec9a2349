// A 2000-value enum (with a rename and a many-to-one read-back at its end)
// and identifiers of 200+ characters as message, nested message, field, enum,
// enum value, oneof, service and rpc names (corpus.big; protos written by
// make_big.py).
#include <string>

#include "corpus/big/private/big.svc.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::corpus::big::v1;
namespace priv = ::corpus::big::private_;

#define LONG_MSG LongSegment00Segment01Segment02Segment03Segment04Segment05Segment06Segment07Segment08Segment09Segment10Segment11Segment12Segment13Segment14Segment15Segment16Segment17Segment18Segment19Segment20Segment21Segment22Segment23
#define LONG_FIELD long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35
#define LONG_SERVICE LongServicePart00Part01Part02Part03Part04Part05Part06Part07Part08Part09Part10Part11Part12Part13Part14Part15Part16Part17Part18Part19Part20Part21Part22Part23Part24Part25Part26Part27Part28Part29Part30Part31Part32Part33
#define LONG_RPC LongRpcStep00Step01Step02Step03Step04Step05Step06Step07Step08Step09Step10Step11Step12Step13Step14Step15Step16Step17Step18Step19Step20Step21Step22Step23Step24Step25Step26Step27Step28Step29Step30Step31Step32Step33Step34Step35
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

TEST(CorpusBigTest, HugeEnumValidatesAndConverts) {
  v1::Big big;
  big.set_value(v1::HUGE_2);
  EXPECT_EQ(v1::svc::Validate(big).ToString(), "value: must be a valid value.");
  big.set_value(v1::HUGE_1999);
  EXPECT_TRUE(v1::svc::Validate(big).ok());
  for (int i = 0; i < 2000; ++i) big.add_values(static_cast<v1::Huge>(i));
  (*big.mutable_by_name())["thousand"] = v1::HUGE_1000;
  big.set_old_value(v1::HUGE_1000);

  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  priv::Big p;
  ASSERT_TRUE(converter.ToPrivate(big, p).ok());
  EXPECT_EQ(p.values(1000), priv::HUGE_THOUSAND);
  EXPECT_EQ(p.values(1999), priv::HUGE_1999);
  EXPECT_EQ(p.by_name().at("thousand"), priv::HUGE_THOUSAND);
  EXPECT_EQ(p.old_value(), priv::HUGE_THOUSAND);
  v1::Big back;
  ASSERT_TRUE(converter.ToDeprecatedPublic(p, back).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(big, back));

  // Private's extra value reads back as HUGE_1999 (receive.names).
  p.set_value(priv::HUGE_2000);
  p.add_values(priv::HUGE_2000);
  v1::Big received;  // converters add to `out`: start from an empty message
  ASSERT_TRUE(converter.ToDeprecatedPublic(p, received).ok());
  EXPECT_EQ(received.value(), v1::HUGE_1999);
  EXPECT_EQ(received.values(2000), v1::HUGE_1999);
  // Unknown numbers map to 0 going forward (proto3 open enum).
  big.set_value(static_cast<v1::Huge>(5000));
  ASSERT_TRUE(converter.ToPrivate(big, p).ok());
  EXPECT_EQ(p.value(), priv::HUGE_0);
}

class Long : public priv::svc::LONG_SERVICE {
 public:
  absl::Status LONG_RPC(const priv::LONG_MSG& request, priv::LONG_MSG* response) override {
    *response = request;
    return absl::OkStatus();
  }
};

TEST(CorpusBigTest, LongIdentifiersEverywhere) {
  v1::LONG_MSG message;
  EXPECT_EQ(v1::svc::Validate(message).ToString(),
            std::string("long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35") + ": cannot be blank.");
  message.set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35(std::string(301, 'x'));
  message.mutable_nested()->set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35("n");
  message.set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35_enum(v1::LONG_VALUE_X000_X001_X002_X003_X004_X005_X006_X007_X008_X009_X010_X011_X012_X013_X014_X015_X016_X017_X018_X019_X020_X021_X022_X023_X024_X025_X026_X027_X028_X029_X030_X031_X032_X033_X034_X035_X036_X037_X038_X039_X040_X041_X042_X043_X044_X045_X046_X047_1);
  message.mutable_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35_self()->set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35("self");
  (*message.mutable_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35_map())["k"].set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35("");
  EXPECT_EQ(v1::svc::Validate(message).ToString(),
            std::string("long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35") + ": the length must be no more than 300; " + "long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35" +
                "_map: (k: (" + "long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35" + ": cannot be blank.).).");
  (*message.mutable_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35_map())["k"].set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35("v");
  message.set_long_part00_part01_part02_part03_part04_part05_part06_part07_part08_part09_part10_part11_part12_part13_part14_part15_part16_part17_part18_part19_part20_part21_part22_part23_part24_part25_part26_part27_part28_part29_part30_part31_part32_part33_part34_part35(std::string(300, 'x'));
  ASSERT_TRUE(v1::svc::Validate(message).ok());
  EXPECT_EQ(message.long_oneof_choice00_choice01_choice02_choice03_choice04_choice05_choice06_choice07_choice08_choice09_choice10_choice11_choice12_choice13_choice14_choice15_choice16_choice17_choice18_choice19_choice20_choice21_choice22_choice23_case(), v1::LONG_MSG::kLongPart00Part01Part02Part03Part04Part05Part06Part07Part08Part09Part10Part11Part12Part13Part14Part15Part16Part17Part18Part19Part20Part21Part22Part23Part24Part25Part26Part27Part28Part29Part30Part31Part32Part33Part34Part35Self);

  Long implementation;
  priv::svc::CAT(LONG_SERVICE, Chain) chain(implementation);
  v1::LONG_MSG response;
  ASSERT_TRUE(chain.v1().LONG_RPC(message, &response).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(message, response));
}

}  // namespace
