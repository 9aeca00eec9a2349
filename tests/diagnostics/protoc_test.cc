// The plugin run by the real protoc process, as users run it: exit status and
// the exact diagnostic lines users see on stderr.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "support/command.h"

namespace {

using ProtocRun = ::cppsvc::testing::CommandRun;

ProtocRun Protoc(const std::string& arguments) {
  const std::string out_dir = ::testing::TempDir() + "/protoc_out";
  std::system(("mkdir -p '" + out_dir + "'").c_str());
  const std::string command = absl::StrCat(
      CPPSVC_PROTOC, " --plugin=protoc-gen-cpp-svc=", CPPSVC_PLUGIN,
      " -I", CPPSVC_PROTO_DIR, " -I", CPPSVC_BAD_PROTO_DIR,
      " -I", CPPSVC_EXAMPLE_PROTO_DIR, " --cpp-svc_out=", out_dir, " ",
      arguments, " 2>&1");
  return ::cppsvc::testing::RunCommand(command);
}

TEST(ProtocTest, GeneratesTheExample) {
  ProtocRun run = Protoc("acme/people/v1/people.proto acme/people/v2/people.proto "
                   "acme/people/private/people.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
}

TEST(ProtocTest, ReportsEveryProblemOfABrokenTreeSorted) {
  ProtocRun run = Protoc("broken/v1/broken.proto broken/v2/broken.proto broken/private/broken.proto");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 6 problems in the proto files:\n"
            "broken/v1/broken.proto:9:3: field broken.v1.Person.name: delegate \"full_name\" not found in broken.v2.Person\n"
            "broken/v1/broken.proto:10:3: field broken.v1.Person.age: \"min\" does not apply to bool fields\n"
            "broken/v1/broken.proto:11:3: field broken.v1.Person.email: \"is: EMAIL\" applies to string and bytes fields, not int64\n"
            "broken/v1/broken.proto:14:1: message broken.v1.Orphan: no message \"Orphan\" in broken.v2 (add one, or name the counterpart with a delegate)\n"
            "broken/v1/broken.proto:19:3: enum value broken.v1.Status.ACTIVE: no value \"ACTIVE\" in broken.v2.Status\n"
            "broken/v2/broken.proto:22:3: method broken.v2.Directory.Lookup: no method \"Lookup\" in broken.private.Directory (add one, or name the counterpart with a delegate)\n");
}

constexpr char kExample[] =
    " acme/people/v1/people.proto acme/people/v2/people.proto acme/people/private/people.proto";

TEST(ProtocTest, UnknownParameterIsAnError) {
  ProtocRun run = Protoc("--cpp-svc_opt=colour=blue acme/people/v2/people.proto "
                   "acme/people/private/people.proto");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: unknown parameter \"colour\" (known parameters: grpc, lint, lint_prefix, lint_self_contained, private_package, warnings)\n");
}

TEST(ProtocTest, EveryParameterProblemIsReportedAtOnce) {
  ProtocRun run = Protoc(std::string("--cpp-svc_opt=colour=blue,grpc=yes,size=9,grpc=true,"
                                     "lint_prefix=acme,lint=off,lint_self_contained=true") +
                         kExample);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 5 problems in the parameters:\n"
            "unknown parameters \"colour\", \"size\" (known parameters: grpc, lint, lint_prefix, lint_self_contained, private_package, warnings)\n"
            "parameter grpc: \"yes\" is not true or false\n"
            "parameter grpc is given twice (grpc=yes, then grpc=true); give it once\n"
            "parameter lint_prefix applies only with lint=warn or lint=error (without one the layout is not checked)\n"
            "parameter lint_self_contained applies only with lint=warn or lint=error (without one the layout is not checked)\n");
}

TEST(ProtocTest, LintPrefixWithoutLintIsAnError) {
  ProtocRun run = Protoc(std::string("--cpp-svc_opt=lint_prefix=acme") + kExample);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: parameter lint_prefix applies only with lint=warn or lint=error "
            "(without one the layout is not checked)\n");
}

TEST(ProtocTest, TheGoPluginsParametersAreIgnoredWithOneNote) {
  // As the Go plugin's Makefile passes them, plus protogen's own.
  ProtocRun run = Protoc(
      std::string("--cpp-svc_opt=private_package=acme.people.private,verbose=false,"
                  "paths=source_relative,module=example.com/x,Macme/people/v1/people.proto="
                  "example.com/x/v1,plugins=grpc,verbose") +
      kExample);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "note: ignored parameters of the Go plugins, which mean nothing for C++ output: "
            "verbose=false, paths=source_relative, module=example.com/x, "
            "Macme/people/v1/people.proto=example.com/x/v1, plugins=grpc, verbose\n");
  // warnings=off silences the note too.
  run = Protoc(std::string("--cpp-svc_opt=paths=import,warnings=off") + kExample);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
}

TEST(ProtocTest, KeysAndValuesAreTrimmed) {
  const std::string grpc_header = ::testing::TempDir() + "/protoc_out/acme/people/v2/people.svc.grpc.h";
  std::remove(grpc_header.c_str());
  ProtocRun run = Protoc(std::string("'--cpp-svc_opt= grpc = true , lint = error ,"
                                     "lint_prefix= acme'") +
                         kExample);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
  EXPECT_EQ(::cppsvc::testing::RunCommand("test -s " + grpc_header).exit_code, 0)
      << "grpc=true took effect";
}

TEST(ProtocTest, ASplitChainIsAWarningThatNamesTheFix) {
  ProtocRun run = Protoc("acme/people/private/people.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "acme/people/private/people.proto: warning: domain acme.people: the private package "
            "acme.people.private has services, but no public version is in this request, so "
            "nothing serves them\n"
            "note: a service chain is generated when a domain's public versions and its private "
            "package are in one request: name all their files in one protoc run. The parameter "
            "warnings=off silences warnings.\n");
}

TEST(ProtocTest, SplitChainsOfManyDomainsGiveOneWarningEachAndTheAdviceOnce) {
  // Like containerd's tree: several domains, each a version with services and
  // no private package.
  ProtocRun run = Protoc("split/a/v1/a.proto split/b/v1/b.proto split/c/v1/c.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "split/a/v1/a.proto: warning: domain split.a: split.a.v1 has services, but no "
            "private package is in this request, so no service chain is generated\n"
            "split/b/v1/b.proto: warning: domain split.b: split.b.v1 has services, but no "
            "private package is in this request, so no service chain is generated\n"
            "split/c/v1/c.proto: warning: domain split.c: split.c.v1 has services, but no "
            "private package is in this request, so no service chain is generated\n"
            "note: a service chain is generated when a domain's public versions and its private "
            "package are in one request: name all their files in one protoc run. The parameter "
            "warnings=off silences warnings.\n");
  run = Protoc("--cpp-svc_opt=warnings=off split/a/v1/a.proto split/b/v1/b.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
}

TEST(ProtocTest, WarningsOffNeverSilencesErrors) {
  const std::string broken =
      " broken/v1/broken.proto broken/v2/broken.proto broken/private/broken.proto";
  ProtocRun run = Protoc("--cpp-svc_opt=lint=warn,lint_prefix=acme" + broken);
  EXPECT_NE(run.output.find("warning: layout: package broken.v1"), std::string::npos)
      << run.output;
  run = Protoc("--cpp-svc_opt=warnings=off,lint=warn,lint_prefix=acme" + broken);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output.rfind("--cpp-svc_out: 6 problems in the proto files:\n", 0), 0u)
      << run.output;
  EXPECT_EQ(run.output.find("warning"), std::string::npos) << run.output;
}

TEST(ProtocTest, LayoutLintErrorsFailTheRun) {
  ProtocRun run = Protoc("--cpp-svc_opt=lint=error,lint_prefix=example "
                         "acme/people/v1/people.proto acme/people/v2/people.proto "
                         "acme/people/private/people.proto");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 3 problems in the proto files:\n"
            "acme/people/private/people.proto:5:1: layout: package acme.people.private does not start with the organisation prefix \"example.\"\n"
            "acme/people/v1/people.proto:4:1: layout: package acme.people.v1 does not start with the organisation prefix \"example.\"\n"
            "acme/people/v2/people.proto:4:1: layout: package acme.people.v2 does not start with the organisation prefix \"example.\"\n");
}

TEST(ProtocTest, VersionFlag) {
  const ProtocRun run = ::cppsvc::testing::RunCommand(std::string(CPPSVC_PLUGIN) + " --version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, "protoc-gen-cpp-svc 0.1.0\n");
}

// ---- The plugin run by hand ----

TEST(ByHandTest, HelpPrintsUsageWithTheParameters) {
  const ProtocRun run =
      ::cppsvc::testing::RunCommand(std::string(CPPSVC_PLUGIN) + " --help 2>/dev/null");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output.rfind("protoc-gen-cpp-svc: a protoc plugin that generates C++", 0), 0u)
      << run.output;
  for (const char* expected :
       {"--cpp-svc_out=out", "strategy: all", "private_package=PKG", "grpc=true|false",
        "lint=off|warn|error", "lint_prefix=ORG", "lint_self_contained=true", "warnings=on|off",
        "--version"}) {
    EXPECT_NE(run.output.find(expected), std::string::npos) << expected;
  }
}

TEST(ByHandTest, AnUnknownArgumentIsAUsageError) {
  const ProtocRun run =
      ::cppsvc::testing::RunCommand(std::string(CPPSVC_PLUGIN) + " --colour </dev/null 2>&1");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.output,
            "protoc-gen-cpp-svc: unknown argument \"--colour\"; protoc and buf run the plugin "
            "without arguments (see protoc-gen-cpp-svc --help)\n");
}

TEST(ByHandTest, ATerminalOnStdinGetsAHintInsteadOfAHang) {
  // A pseudo-terminal as the plugin's stdin, as when a user runs it in a shell.
  const int terminal = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(terminal, 0);
  ASSERT_EQ(grantpt(terminal), 0);
  ASSERT_EQ(unlockpt(terminal), 0);
  const std::string name = ptsname(terminal);
  const ProtocRun run = ::cppsvc::testing::RunCommand(
      absl::StrCat("timeout 20 ", CPPSVC_PLUGIN, " <", name, " 2>&1"));
  close(terminal);
  EXPECT_EQ(run.exit_code, 2) << run.output;
  EXPECT_EQ(run.output.rfind("protoc-gen-cpp-svc: standard input is a terminal. This is a protoc "
                             "plugin: protoc or\nbuf runs it",
                             0),
            0u)
      << run.output;
}

}  // namespace
