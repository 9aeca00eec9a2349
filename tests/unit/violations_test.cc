// The Go plugin's client-visible error text, and the structured data behind it.
#include "cppsvc/violations.h"

#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
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

// The Go plugin's error map written out as a tree of maps: the oracle the
// one-pass ToString() is checked against.
struct GoErrorMap {
  struct Entry {
    std::string message;
    std::unique_ptr<GoErrorMap> nested;
  };
  std::map<std::string, Entry> entries;

  static std::string Key(const PathElement& element) {
    return element.kind == PathElement::Kind::kOneof ? GoCamelCase(element.name) : element.name;
  }
  void Insert(const Violation& violation) {
    GoErrorMap* level = this;
    const size_t depth = violation.path.size();
    if (depth == 0) return;
    for (size_t i = 0; i + 1 < depth; ++i) {
      Entry& entry = level->entries[Key(violation.path[i])];
      if (!entry.message.empty()) return;
      if (entry.nested == nullptr) entry.nested = std::make_unique<GoErrorMap>();
      level = entry.nested.get();
    }
    Entry& leaf = level->entries[Key(violation.path[depth - 1])];
    if (leaf.message.empty() && leaf.nested == nullptr) {
      leaf.message = violation.message;
    }
  }
  void Render(std::string& out) const {
    bool first = true;
    for (const auto& [key, entry] : entries) {
      if (!first) out += "; ";
      first = false;
      absl::StrAppend(&out, key, ": ");
      if (entry.nested != nullptr) {
        out += '(';
        entry.nested->Render(out);
        out += ')';
      } else {
        out += entry.message;
      }
    }
    out += '.';
  }
};

TEST(ViolationsTest, FirstReportForAKeyWinsAndAKeyIsMessageOrNested) {
  Violations violations;
  const auto field = [](const char* name) { return PathElement{PathElement::Kind::kField, name}; };
  violations.Add({{field("a"), field("b")}, Rule::kRequired, "nested first"});
  violations.Add({{field("a")}, Rule::kRequired, "loses to the nested map"});
  violations.Add({{field("c")}, Rule::kRequired, "message first"});
  violations.Add({{field("c"), field("d")}, Rule::kRequired, "loses to c"});
  violations.Add({{field("a"), field("b")}, Rule::kMin, "same path, later"});
  violations.Add({{field("a"), field("e")}, Rule::kMin, "beside b"});
  EXPECT_EQ(violations.ToString(), "a: (b: nested first; e: beside b.); c: message first.");
}

TEST(ViolationsTest, OnePassTextMatchesTheGoErrorMapOnRandomReports) {
  std::mt19937 random(20261130);
  const std::vector<PathElement> elements = {
      {PathElement::Kind::kField, "a"},     {PathElement::Kind::kField, "b"},
      {PathElement::Kind::kField, "ab"},    {PathElement::Kind::kField, "B"},
      {PathElement::Kind::kOneof, "kind"},  {PathElement::Kind::kOneof, "b"},
      {PathElement::Kind::kIndex, "1"},     {PathElement::Kind::kIndex, "10"},
      {PathElement::Kind::kMapKey, "east"}, {PathElement::Kind::kField, ""}};
  for (int round = 0; round < 20000; ++round) {
    Violations violations;
    GoErrorMap oracle;
    const int count = 1 + static_cast<int>(random() % 24);  // both sort paths
    for (int i = 0; i < count; ++i) {
      Violation violation{{}, Rule::kRequired, absl::StrCat("m", i)};
      const int depth = static_cast<int>(random() % 4);
      for (int level = 0; level < depth; ++level) {
        violation.path.push_back(elements[random() % elements.size()]);
      }
      oracle.Insert(violation);
      violations.Add(violation);
    }
    std::string expected;
    oracle.Render(expected);
    ASSERT_EQ(violations.ToString(), expected) << "round " << round;
  }
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
