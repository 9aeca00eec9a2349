// The plugin as users run it: through the real protoc with parameters that
// take effect, and by hand (--version, --help, wrong arguments, a terminal).
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "support/command.h"

namespace {

using ProtocRun = ::cppsvc::testing::CommandRun;

// The protoc runs whose stderr is the whole assertion are cases of
// tests/diagnostics/cases; what is here checks more than stderr.
TEST(ProtocTest, KeysAndValuesAreTrimmed) {
  const std::string out_dir = ::testing::TempDir() + "/protoc_trimmed_out";
  const std::string grpc_header = out_dir + "/acme/people/v2/people.svc.grpc.h";
  std::filesystem::remove_all(out_dir);
  const ::cppsvc::testing::PluginRun run =
      ::cppsvc::testing::RunPlugin({{CPPSVC_EXAMPLE_PROTO_DIR},
                                    {"acme/people/v1/people.proto", "acme/people/v2/people.proto",
                                     "acme/people/private/people.proto"},
                                    " grpc = true , lint = error ,lint_prefix= acme",
                                    out_dir});
  EXPECT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(run.stderr_text, "");
  EXPECT_EQ(run.stdout_text, "");
  ASSERT_TRUE(std::filesystem::exists(grpc_header)) << "grpc=true took effect";
  EXPECT_GT(std::filesystem::file_size(grpc_header), 0u);
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
  for (const char* expected : {"--cpp-svc_out=out", "strategy: all", "private_package=PKG",
                               "grpc=true|false", "lint=off|warn|error", "lint_prefix=ORG",
                               "lint_self_contained=true", "warnings=on|off", "--version"}) {
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
