// The plugin run by the real protoc process, as users run it: exit status and
// the exact diagnostic lines users see on stderr.
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

TEST(ProtocTest, UnknownParameterIsAnError) {
  ProtocRun run = Protoc("--cpp-svc_opt=paths=source_relative acme/people/v2/people.proto "
                   "acme/people/private/people.proto");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: unknown parameter \"paths\" (known parameters: grpc, lint, lint_prefix, lint_self_contained, private_package)\n");
}

TEST(ProtocTest, ASplitChainIsAWarningThatNamesTheFix) {
  ProtocRun run = Protoc("acme/people/private/people.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "acme/people/private/people.proto: warning: domain acme.people: the private package "
            "acme.people.private has services, but no public version is in this request, so "
            "nothing serves them; pass all versions and the private package in one request "
            "(buf: set `strategy: all` in buf.gen.yaml, since buf's default strategy generates "
            "each directory on its own)\n");
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

}  // namespace
