// The template writer and parameter parsing.
#include <set>
#include <string>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"
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

TEST(WriterTest, SectionsKeepOrDropPiecesOfALine) {
  const Vars with = {{"name", "Run"}, {"next", "Next"}};
  const Vars without = {{"name", "Run"}, {"next", ""}};
  constexpr char kTemplate[] = "void $name$(int a$#next$, $next$* next$/next$);";
  EXPECT_EQ(Render(kTemplate, with), "void Run(int a, Next* next);\n");
  EXPECT_EQ(Render(kTemplate, without), "void Run(int a);\n");
}

TEST(WriterTest, InvertedSectionsShowWhenEmpty) {
  constexpr char kTemplate[] = "f()$^inits$ {}$/inits$$#inits$ : $inits$ {}$/inits$";
  EXPECT_EQ(Render(kTemplate, {{"inits", ""}}), "f() {}\n");
  EXPECT_EQ(Render(kTemplate, {{"inits", "a_(a)"}}), "f() : a_(a) {}\n");
}

TEST(WriterTest, LinesLeftBlankBySectionsVanish) {
  constexpr char kTemplate[] = R"cc(
    class C {
      int a_;
      $#b$int b_;$/b$

      $#c$int c_;$/c$
    };
  )cc";
  // The template's own blank line stays; the optional members' lines go.
  EXPECT_EQ(Render(kTemplate, {{"b", ""}, {"c", ""}}), "class C {\n  int a_;\n\n};\n");
  EXPECT_EQ(Render(kTemplate, {{"b", "1"}, {"c", "1"}}),
            "class C {\n  int a_;\n  int b_;\n\n  int c_;\n};\n");
}

TEST(WriterTest, SectionsSpanLinesAndNest) {
  constexpr char kTemplate[] = R"cc(
    begin();
    $#outer$
    if (x) {
      $body$
      $^inner$
      fallback();
      $/inner$
    }
    $/outer$
    end();
  )cc";
  EXPECT_EQ(Render(kTemplate, {{"outer", ""}, {"inner", ""}, {"body", "b();"}}),
            "begin();\nend();\n");
  EXPECT_EQ(Render(kTemplate, {{"outer", "1"}, {"inner", ""}, {"body", "b();"}}),
            "begin();\nif (x) {\n  b();\n  fallback();\n}\nend();\n");
  EXPECT_EQ(Render(kTemplate, {{"outer", Flag(true)}, {"inner", Flag(true)}, {"body", ""}}),
            "begin();\nif (x) {\n}\nend();\n");
}

TEST(WriterTest, ValuesOfSeveralLinesWithinALineKeepTheirColumn) {
  EXPECT_EQ(Render(R"cc(
              C::C(int a, int b)
                  : $inits$ {}
            )cc",
                   {{"inits", "a_(a),\nb_(b)"}}),
            "C::C(int a, int b)\n    : a_(a),\n      b_(b) {}\n");
}

TEST(WriterTest, JoinListMakesAListOfRenderedPieces) {
  const std::string list = JoinList({Render("a_(a)"), Render("b_(b)")}, ",");
  EXPECT_EQ(list, "a_(a),\nb_(b)");
  EXPECT_EQ(Render("  : $inits$ {}", {{"inits", list}}), ": a_(a),\n  b_(b) {}\n");
}

TEST(WriterTest, DoubleDollarIsADollar) { EXPECT_EQ(Render("cost: $$5"), "cost: $5\n"); }

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

TEST(NamesTest, OutputFilesFollowTheProtoFile) {
  google::protobuf::DescriptorPool pool;
  auto file = [&](const std::string& name, const std::string& package) {
    google::protobuf::FileDescriptorProto proto;
    proto.set_name(name);
    proto.set_package(package);
    return pool.BuildFile(proto);
  };
  const auto* people = file("acme/people/v1/people.proto", "acme.people.v1");
  EXPECT_EQ(names::HeaderFile(people), "acme/people/v1/people.svc.h");
  EXPECT_EQ(names::SourceFile(people), "acme/people/v1/people.svc.cc");
  EXPECT_EQ(names::TestingHeaderFile(people), "acme/people/v1/people.svc.testing.h");
  EXPECT_EQ(names::GrpcSourceFile(people), "acme/people/v1/people.svc.grpc.cc");
  EXPECT_EQ(names::HeaderGuard("acme/people/v1/people.svc.h"),
            "CPPSVC_acme_Speople_Sv1_Speople_Dsvc_Dh_");
  EXPECT_EQ(names::QualifiedGeneratedNamespace("acme.people.v1"), "::acme::people::v1::svc");
  EXPECT_EQ(names::QualifiedFileNamespace(people), "::acme::people::v1::svc::people_proto");
  // A file without a package beside one of `package root;` writes elsewhere.
  EXPECT_NE(names::HeaderFile(file("root.proto", "")),
            names::HeaderFile(file("root/root.proto", "root")));
}

TEST(NamesTest, GuardsAndFileNamespacesNeverCollide) {
  const std::vector<std::string> paths = {
      "acme.x/v1.svc.h",  "acme_x/v1.svc.h", "acme/x/v1.svc.h",     "acme__x/v1.svc.h",
      "acme_Sx/v1.svc.h", "acme-x/v1.svc.h", "acme_X2d_x/v1.svc.h", "ACME_X/V1_SVC_H"};
  std::set<std::string> guards;
  for (const std::string& path : paths) guards.insert(names::HeaderGuard(path));
  EXPECT_EQ(guards.size(), paths.size());

  google::protobuf::DescriptorPool pool;
  std::set<std::string> namespaces;
  const std::vector<std::string> stems = {"user_account", "user_5faccount", "user-account",
                                          "useraccount",  "1user",          "_31user"};
  for (const std::string& stem : stems) {
    google::protobuf::FileDescriptorProto proto;
    proto.set_name("d/" + stem + ".proto");
    proto.set_package("d");
    namespaces.insert(names::FileInlineNamespace(pool.BuildFile(proto)));
  }
  EXPECT_EQ(namespaces.size(), stems.size());
  EXPECT_TRUE(namespaces.count("user_5faccount_proto"));
  EXPECT_TRUE(namespaces.count("_31user_proto"));  // an identifier
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
  EXPECT_EQ(ParseParameters("lint=warn,lint_prefix=-x").status().message(),
            "parameter lint_prefix: \"-x\" is not a package prefix (e.g. acme)");
  EXPECT_EQ(ParseParameters("colour=blue").status().message(),
            "unknown parameter \"colour\" (known parameters: grpc, lint, lint_prefix, "
            "lint_self_contained, private_package, warnings)");
  EXPECT_EQ(ParseParameters("private_package").status().message(),
            "parameter \"private_package\" needs a value, as key=value");
  EXPECT_EQ(ParseParameters("private_package=1bad").status().message(),
            "parameter private_package: \"1bad\" is not a full proto package name "
            "(e.g. acme.people.private)");
}

TEST(ParametersTest, KeysAndValuesAreTrimmed) {
  auto parameters = ParseParameters(" grpc = true , private_package =  a.internal ,lint= warn");
  ASSERT_TRUE(parameters.ok()) << parameters.status();
  EXPECT_TRUE(parameters->grpc);
  EXPECT_EQ(parameters->private_packages, std::set<std::string>{"a.internal"});
  EXPECT_EQ(parameters->lint, Parameters::Lint::kWarn);
  EXPECT_EQ(ParseParameters(" grpc = ").status().message(),
            "parameter \"grpc\" needs a value, as key=value");
  EXPECT_EQ(ParseParameters(" = true").status().message(),
            "parameter \"= true\" has no key, as key=value");
}

TEST(ParametersTest, EveryProblemIsReportedAtOnce) {
  EXPECT_EQ(ParseParameters("a=1,grpc=maybe,b=2,lint=loud,c").status().message(),
            "3 problems in the parameters:\n"
            "unknown parameters \"a\", \"b\", \"c\" (known parameters: grpc, lint, "
            "lint_prefix, lint_self_contained, private_package, warnings)\n"
            "parameter grpc: \"maybe\" is not true or false\n"
            "parameter lint: \"loud\" is not off, warn or error");
}

TEST(ParametersTest, OnlyPrivatePackageMayRepeat) {
  EXPECT_TRUE(ParseParameters("private_package=a.x,private_package=b.x").ok());
  EXPECT_EQ(ParseParameters("lint=warn,lint=error").status().message(),
            "parameter lint is given twice (lint=warn, then lint=error); give it once");
  EXPECT_EQ(ParseParameters("grpc=true,grpc=true").status().message(),
            "parameter grpc is given twice (grpc=true, then grpc=true); give it once");
}

TEST(ParametersTest, LintOptionsNeedLint) {
  EXPECT_EQ(ParseParameters("lint_self_contained=true").status().message(),
            "parameter lint_self_contained applies only with lint=warn or lint=error "
            "(without one the layout is not checked)");
  EXPECT_EQ(ParseParameters("lint=off,lint_prefix=acme").status().message(),
            "parameter lint_prefix applies only with lint=warn or lint=error "
            "(without one the layout is not checked)");
  EXPECT_TRUE(ParseParameters("lint_prefix=acme,lint=warn").ok()) << "in any order";
}

TEST(ParametersTest, TheGoPluginsParametersAreKeptAsIgnored) {
  auto parameters = ParseParameters(
      "verbose=true,paths=source_relative,module=x.com/m,Ma/b.proto=x.com/b,plugins=grpc,"
      "annotate_code,import_path=p,import_prefix=q,grpc=true,verbose=false");
  ASSERT_TRUE(parameters.ok()) << parameters.status();
  EXPECT_TRUE(parameters->grpc);
  EXPECT_EQ(parameters->ignored,
            (std::vector<std::string>{"verbose=true", "paths=source_relative", "module=x.com/m",
                                      "Ma/b.proto=x.com/b", "plugins=grpc", "annotate_code",
                                      "import_path=p", "import_prefix=q", "verbose=false"}));
}

TEST(ParametersTest, WarningsOnOrOff) {
  EXPECT_TRUE(ParseParameters("")->warnings);
  EXPECT_FALSE(ParseParameters("warnings=off")->warnings);
  EXPECT_TRUE(ParseParameters("warnings=on")->warnings);
  EXPECT_EQ(ParseParameters("warnings=none").status().message(),
            "parameter warnings: \"none\" is not on or off");
}

}  // namespace
}  // namespace cppsvc::plugin
