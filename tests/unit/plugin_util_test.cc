// The template writer and parameter parsing.
#include "gtest/gtest.h"
#include "plugin/emit/names.h"
#include "plugin/emit/writer.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {
namespace {

TEST(WriterTest, DedentsAndSubstitutes) {
  EXPECT_EQ(Render(R"cc(
              void $name$() {
                return;
              }
            )cc",
                   {{"name", "Run"}}),
            "void Run() {\n  return;\n}\n");
}

TEST(WriterTest, LoneVariablesExpandAsIndentedBlocksOrVanish) {
  EXPECT_EQ(Render(R"cc(
              {
                $body$
                $empty$
              }
            )cc",
                   {{"body", "a();\nif (x) {\n  b();\n}\n"}, {"empty", ""}}),
            "{\n  a();\n  if (x) {\n    b();\n  }\n}\n");
}

TEST(WriterTest, DoubleDollarIsADollar) {
  EXPECT_EQ(Render("cost: $$5"), "cost: $5\n");
}

TEST(WriterTest, JoinBlocksSkipsEmptyOnes) {
  EXPECT_EQ(JoinBlocks({"a\n", "", "b\n"}), "a\n\nb\n");
}

TEST(NamesTest, LiteralsAreValidCpp) {
  EXPECT_EQ(names::Int64Literal(-5), "-5");
  EXPECT_EQ(names::Int64Literal(INT64_MIN), "(-9223372036854775807 - 1)");
  EXPECT_EQ(names::Uint64Literal(UINT64_MAX), "18446744073709551615u");
  EXPECT_EQ(names::DoubleLiteral(2), "2.0");
  EXPECT_EQ(names::DoubleLiteral(0.1), "0.1");
  EXPECT_EQ(names::DoubleLiteral(1e300), "1e+300");
  EXPECT_EQ(names::FloatLiteral(1.1f), "1.1f");
  EXPECT_EQ(names::StringLiteral("a\"b\\c\n\?\?="), "\"a\\\"b\\\\c\\n\\?\\?=\"");
}

TEST(NamesTest, LiteralsWithNulBytesKeepTheirLength) {
  EXPECT_EQ(names::StringLiteral(absl::string_view("ab\0cd", 5)),
            "::absl::string_view(\"ab\\000cd\", 5)");
}

// User text in a `//` comment: no line break, no trailing backslash (a line
// splice), no trigraph; printable ASCII stays readable.
TEST(NamesTest, CommentTextCannotLeaveTheComment) {
  EXPECT_EQ(names::CommentText("user.created"), "user.created");
  EXPECT_EQ(names::CommentText("a\nint x;"), "a\\x0aint x;");
  EXPECT_EQ(names::CommentText("a\\"), "a\\x5c");
  EXPECT_EQ(names::CommentText("\r?\?/"), "\\x0d\\x3f\\x3f/");
  EXPECT_EQ(names::CommentText("caf\xc3\xa9"), "caf\\xc3\\xa9");
}

TEST(NamesTest, OutputFilesFollowThePackage) {
  EXPECT_EQ(names::HeaderFile("acme.people.v1"), "acme/people/v1.svc.h");
  EXPECT_EQ(names::SourceFile("acme.people.v1"), "acme/people/v1.svc.cc");
  EXPECT_EQ(names::HeaderGuard("acme/people/v1.svc.h"), "ACME_PEOPLE_V1_SVC_H_");
  EXPECT_EQ(names::QualifiedGeneratedNamespace("acme.people.v1"),
            "::acme::people::v1::svc");
}

TEST(ParametersTest, AcceptsPrivatePackagesAndRejectsTheRest) {
  auto parameters = ParseParameters("private_package=a.internal,private_package=b.x");
  ASSERT_TRUE(parameters.ok());
  EXPECT_EQ(parameters->private_packages.size(), 2u);
  EXPECT_TRUE(ParseParameters("").ok());
  EXPECT_TRUE(ParseParameters("grpc=true")->grpc);
  EXPECT_FALSE(ParseParameters("grpc=false")->grpc);
  EXPECT_EQ(ParseParameters("grpc=yes").status().message(),
            "parameter grpc: \"yes\" is not true or false");
  auto lint = ParseParameters("lint=error,lint_prefix=acme,lint_self_contained=true");
  ASSERT_TRUE(lint.ok());
  EXPECT_EQ(lint->lint, Parameters::Lint::kError);
  EXPECT_EQ(lint->lint_prefix, "acme");
  EXPECT_TRUE(lint->lint_self_contained);
  EXPECT_EQ(ParseParameters("lint=strict").status().message(),
            "parameter lint: \"strict\" is not off, warn or error");
  EXPECT_EQ(ParseParameters("lint_prefix=-x").status().message(),
            "parameter lint_prefix: \"-x\" is not a package prefix (e.g. acme)");
  EXPECT_EQ(ParseParameters("verbose=true").status().message(),
            "unknown parameter \"verbose\" (known parameters: grpc, lint, lint_prefix, lint_self_contained, private_package)");
  EXPECT_EQ(ParseParameters("private_package").status().message(),
            "parameter \"private_package\" needs a value, as key=value");
  EXPECT_EQ(ParseParameters("private_package=1bad").status().message(),
            "parameter private_package: \"1bad\" is not a full proto package name "
            "(e.g. acme.people.private)");
}

}  // namespace
}  // namespace cppsvc::plugin
