// Every rule on every field type, through protoc's real output.
#include <cmath>
#include <limits>

#include "acme/rules/v1/rules.svc.h"
#include "gtest/gtest.h"

namespace {

namespace rules = ::acme::rules::v1;
using rules::svc::Validate;

rules::Scalars ValidScalars() {
  rules::Scalars m;
  m.set_s32(1);
  m.set_flag(true);
  return m;
}

TEST(RulesTest, ZeroValuesSkipEveryRuleButRequired) {
  EXPECT_TRUE(Validate(ValidScalars()).ok()) << Validate(ValidScalars()).ToString();
  rules::Scalars m;
  EXPECT_EQ(Validate(m).ToString(), "flag: cannot be blank; s32: cannot be blank.");
}

TEST(RulesTest, SignedBounds) {
  rules::Scalars m = ValidScalars();
  m.set_i32(-6);
  m.set_s64(0);
  m.set_sf32(1);
  EXPECT_EQ(Validate(m).ToString(), "i32: must be no less than -5; sf32: must be no less than 2.");
  m.set_i32(6);
  m.set_sf32(2);
  m.set_s64(3);
  EXPECT_EQ(Validate(m).ToString(),
            "i32: must be no greater than 5; s64: must be no greater than -1.");
}

TEST(RulesTest, UnsignedBoundsWork) {  // always failed in the Go plugin
  rules::Scalars m = ValidScalars();
  m.set_u64(7);
  m.set_u32(3);
  m.set_f64(std::numeric_limits<uint64_t>::max());
  EXPECT_TRUE(Validate(m).ok()) << Validate(m).ToString();
  m.set_u64(11);
  m.set_u32(2);
  EXPECT_EQ(Validate(m).ToString(),
            "u32: must be no less than 3; u64: must be no greater than 10.");
}

TEST(RulesTest, IntegerInListsMatch) {  // never matched in the Go plugin
  rules::Scalars m = ValidScalars();
  m.set_i64(7);
  m.set_f32(4294967295u);
  m.set_sf64(3);
  EXPECT_TRUE(Validate(m).ok()) << Validate(m).ToString();
  m.set_i64(std::numeric_limits<int64_t>::min());
  EXPECT_TRUE(Validate(m).ok());
  m.set_i64(8);
  m.set_f32(2);
  m.set_sf64(4);
  EXPECT_EQ(Validate(m).ToString(),
            "f32: must be a valid value; i64: must be a valid value; sf64: must be a valid value.");
}

TEST(RulesTest, FloatingPointRules) {
  rules::Scalars m = ValidScalars();
  m.set_fl(1.1f);
  m.set_db(1e-8);
  EXPECT_EQ(Validate(m).ToString(), "db: must be no less than 1e-07.");
  m.set_db(2e6);
  EXPECT_EQ(Validate(m).ToString(), "db: must be no greater than 1e+06.");
  m.set_db(0.5);
  m.set_fl(2.0f);
  m.set_ratio(2.4);
  EXPECT_EQ(Validate(m).ToString(), "fl: must be a valid value; ratio: must be no less than 2.5.");
}

TEST(RulesTest, NanAndInfinityAgainstBounds) {
  rules::Scalars m = ValidScalars();
  // NaN is not empty and compares false with every bound, so it passes min
  // and max (as in ozzo-validation); infinities compare as numbers.
  m.set_ratio(std::nan(""));
  EXPECT_TRUE(Validate(m).ok());
  m.set_ratio(-std::numeric_limits<double>::infinity());
  EXPECT_EQ(Validate(m).ToString(), "ratio: must be no less than 2.5.");
}

TEST(RulesTest, EnumsBoolsAndBytes) {
  rules::Scalars m = ValidScalars();
  m.set_color(rules::GREEN);
  m.set_raw("not a uuid");
  EXPECT_EQ(Validate(m).ToString(), "color: must be a valid value; raw: must be a valid UUID.");
  m.set_color(rules::BLUE);
  m.set_raw("f95616f1-23e3-4694-8658-8082b0a18267");
  EXPECT_TRUE(Validate(m).ok());
}

TEST(RulesTest, StringLengthMessagesAsOzzoWordsThem) {
  rules::Strings m;
  m.set_all("f95616f1-23e3-4694-8658-8082b0a18267");
  m.set_min_only("a");
  m.set_max_only("abcd");
  m.set_between("abcde");
  m.set_exactly("ab");
  m.set_zero_min("anything");  // a bare min 0 is no bound
  EXPECT_EQ(Validate(m).ToString(),
            "all: the length must be no less than 40; between: the length must be between 2 and 4; "
            "exactly: the length must be exactly 3; max_only: the length must be no more than 3; "
            "min_only: the length must be no less than 2.");
}

TEST(RulesTest, FormatsAndStringInLists) {
  rules::Strings m;
  m.set_all("F95616F1-23E3-4694-8658-8082B0A18267");
  m.set_uuid("00000000-0000-0000-0000-000000000000");
  m.set_email("a@b.co");
  m.set_url("localhost:8080");
  m.set_region("west");  // written Go-quoted in the proto
  EXPECT_EQ(Validate(m).ToString(), "all: must be a valid UUID.");
  m.set_all("");
  m.set_email("not-an-email");
  m.set_url("http://a b.com");
  m.set_region("north");
  EXPECT_EQ(Validate(m).ToString(),
            "all: cannot be blank; email: must be a valid email address; "
            "region: must be a valid value; url: must be a valid URL.");
}

TEST(RulesTest, RepeatedRulesApplyToEachElement) {
  rules::Collections m;
  m.add_tags("ok");
  m.add_tags("");
  m.add_tags("toolong");
  m.add_inners()->set_name("x");
  m.add_inners();  // present but empty: required holds, its own rule fails
  m.add_colors(rules::RED);
  m.add_colors(rules::BLUE);
  EXPECT_EQ(Validate(m).ToString(),
            "colors: (1: must be a valid value.); inners: (1: (name: cannot be blank.).); "
            "tags: (1: cannot be blank; 2: the length must be no more than 3.).");
}

TEST(RulesTest, MapValuesAreValidatedAndKeyedByKey) {
  rules::Collections m;
  (*m.mutable_by_name())["alice"].set_name("Alice");
  (*m.mutable_by_name())["bob"];  // empty name
  (*m.mutable_labels())[7] = "c";
  (*m.mutable_labels())[8] = "a";
  (*m.mutable_counts())[3] = -1;
  (*m.mutable_flags())[true];
  cppsvc::Violations violations = Validate(m);
  EXPECT_EQ(violations.ToString(),
            "by_name: (bob: (name: cannot be blank.).); counts: (3: must be no less than 1.); "
            "flags: (true: (name: cannot be blank.).); labels: (7: must be a valid value.).");
}

TEST(RulesTest, ExplicitPresence) {
  rules::Presence m;
  m.mutable_must();
  m.mutable_at();
  m.mutable_must()->set_name("n");
  EXPECT_EQ(Validate(m).ToString(), "maybe: cannot be blank.");
  m.set_maybe(0);  // present but zero is still blank
  EXPECT_EQ(Validate(m).ToString(), "maybe: cannot be blank.");
  m.set_maybe(5);
  m.set_text("ab");
  EXPECT_EQ(Validate(m).ToString(),
            "maybe: must be no less than 10; text: the length must be no less than 3.");
  m.set_maybe(10);
  m.set_text("abc");
  EXPECT_TRUE(Validate(m).ok());
}

TEST(RulesTest, UnsetOptionalMessagesNeverCrashAndRequiredOnesReport) {
  rules::Presence m;
  m.set_maybe(11);
  EXPECT_EQ(Validate(m).ToString(), "at: cannot be blank; must: cannot be blank.");
  m.mutable_inner();  // present and empty: its rules apply
  m.mutable_must()->set_name("n");
  m.mutable_at();
  EXPECT_EQ(Validate(m).ToString(), "inner: (name: cannot be blank.).");
}

TEST(RulesTest, OneofRequiredAndMembers) {
  rules::Choice m;
  EXPECT_EQ(Validate(m).ToString(), "Kind: cannot be blank.");
  EXPECT_EQ(Validate(m)[0].FieldPath(), "kind");
  m.set_code("x");
  EXPECT_EQ(Validate(m).ToString(), "code: the length must be no less than 2.");
  m.set_number(10);
  EXPECT_EQ(Validate(m).ToString(), "number: must be no greater than 9.");
  m.mutable_inner();
  EXPECT_EQ(Validate(m).ToString(), "inner: (name: cannot be blank.).");
  m.mutable_plain();
  EXPECT_TRUE(Validate(m).ok());
}

TEST(RulesTest, RecursiveMessages) {
  rules::Tree root;
  root.set_label("root");
  rules::Tree* child = root.add_children();
  child->set_label("child");
  child->add_children();  // unlabeled grandchild
  EXPECT_EQ(Validate(root).ToString(),
            "children: (0: (children: (0: (label: cannot be blank.).).).).");
  EXPECT_EQ(Validate(root)[0].FieldPath(), "children[0].children[0].label");
}

}  // namespace
