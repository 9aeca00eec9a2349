// The Go plugin's client-visible error text, and the structured data behind it.
#include "cppsvc/violations.h"

#include "cppsvc/validation.h"
#include "gtest/gtest.h"

namespace cppsvc {
namespace {

TEST(ViolationsTest, EmptyIsOkWithNoText) {
  Violations violations;
  EXPECT_TRUE(violations.ok());
  EXPECT_EQ(violations.ToString(), "");
  EXPECT_TRUE(violations.ToStatus().ok());
}

TEST(ViolationsTest, FlatKeysSortedWithOneFinalPeriod) {
  ValidationContext context;
  context.Report("id", Rule::kIsUuid, "must be a valid UUID");
  context.Report("first_name", Rule::kMin, "the length must be no less than 2");
  Violations violations = context.TakeViolations();
  EXPECT_EQ(violations.ToString(),
            "first_name: the length must be no less than 2; id: must be a valid UUID.");
  absl::Status status = violations.ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), violations.ToString());
}

TEST(ViolationsTest, NestedAndRepeatedAsTheGoPluginPrintsThem) {
  ValidationContext context;
  {
    auto element = context.Element("creates", 1);
    context.Report("id", Rule::kIsUuid, "must be a valid UUID");
    context.Report("full_name", Rule::kRequired, "cannot be blank");
    context.Report("hobby", Rule::kRequired, "cannot be blank");
  }
  EXPECT_EQ(context.TakeViolations().ToString(),
            "creates: (1: (full_name: cannot be blank; hobby: cannot be blank; "
            "id: must be a valid UUID.).).");
}

TEST(ViolationsTest, OneofKeysUseTheGoName) {
  ValidationContext context;
  {
    auto hobby = context.Field("hobby");
    context.ReportOneof("type", Rule::kRequired, "cannot be blank");
  }
  Violations violations = context.TakeViolations();
  EXPECT_EQ(violations.ToString(), "hobby: (Type: cannot be blank.).");
  EXPECT_EQ(violations[0].FieldPath(), "hobby.type");
  EXPECT_EQ(violations[0].path[1].kind, PathElement::Kind::kOneof);
}

TEST(ViolationsTest, IndexesSortAsStringsLikeGoMapKeys) {
  ValidationContext context;
  for (int i : {2, 10}) {
    auto element = context.Element("tags", i);
    context.Report(Rule::kRequired, "cannot be blank");
  }
  EXPECT_EQ(context.TakeViolations().ToString(),
            "tags: (10: cannot be blank; 2: cannot be blank.).");
}

TEST(ViolationsTest, FieldPathsAndRuleIds) {
  ValidationContext context;
  {
    auto person = context.Field("person");
    context.Report("age", Rule::kMin, "must be no less than 16");
  }
  {
    auto element = context.Element("creates", 1);
    context.Report("id", Rule::kIsUuid, "must be a valid UUID");
  }
  {
    auto entry = context.MapEntry("labels", absl::string_view("east"));
    context.Report(Rule::kIn, "must be a valid value");
  }
  {
    auto entry = context.MapEntry("counts", int64_t{-3});
    context.Report(Rule::kMax, "must be no greater than 5");
  }
  Violations violations = context.TakeViolations();
  ASSERT_EQ(violations.size(), 4u);
  EXPECT_EQ(violations[0].FieldPath(), "person.age");
  EXPECT_EQ(violations[1].FieldPath(), "creates[1].id");
  EXPECT_EQ(violations[2].FieldPath(), "labels[\"east\"]");
  EXPECT_EQ(violations[3].FieldPath(), "counts[\"-3\"]");
  EXPECT_EQ(RuleId(violations[0].rule), "min");
  EXPECT_EQ(RuleId(violations[1].rule), "is.uuid");
  EXPECT_EQ(RuleId(violations[2].rule), "in");
  EXPECT_EQ(violations.ToString(),
            "counts: (-3: must be no greater than 5.); creates: (1: (id: must be a valid "
            "UUID.).); labels: (east: must be a valid value.); person: (age: must be no "
            "less than 16.).");
}

TEST(ViolationsTest, ScopesRestoreThePath) {
  ValidationContext context;
  {
    auto outer = context.Field("a");
    { auto inner = context.Field("b"); }
    context.Report("c", Rule::kRequired, "cannot be blank");
  }
  context.Report("d", Rule::kRequired, "cannot be blank");
  Violations violations = context.TakeViolations();
  EXPECT_EQ(violations[0].FieldPath(), "a.c");
  EXPECT_EQ(violations[1].FieldPath(), "d");
}

TEST(ViolationsTest, RuleIdsAreStable) {
  EXPECT_EQ(RuleId(Rule::kRequired), "required");
  EXPECT_EQ(RuleId(Rule::kMax), "max");
  EXPECT_EQ(RuleId(Rule::kIsEmail), "is.email");
  EXPECT_EQ(RuleId(Rule::kIsUrl), "is.url");
}

TEST(GoCamelCaseTest, MatchesProtocGenGo) {
  EXPECT_EQ(GoCamelCase("type"), "Type");
  EXPECT_EQ(GoCamelCase("first_name"), "FirstName");
  EXPECT_EQ(GoCamelCase("_leading"), "XLeading");
  EXPECT_EQ(GoCamelCase("with2digits"), "With2Digits");
  EXPECT_EQ(GoCamelCase("already_Camel"), "Already_Camel");
  EXPECT_EQ(GoCamelCase("a__b"), "A_B");
}

}  // namespace
}  // namespace cppsvc
