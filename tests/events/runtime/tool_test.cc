// The cppsvc-events tool run as a process, as users run it: --version, and
// every problem with its input files (missing, a directory, empty, a
// descriptor set without its imports, a terminal on stdin) is one clear line
// on stderr naming the path, with a non-zero exit code and no raw protobuf
// log lines.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/version.h"
#include "events/runtime/scratch.h"
#include "gtest/gtest.h"

namespace {

using ::cppsvc::events::testing::TmpDir;
using ::cppsvc::testing::CommandRun;
using ::cppsvc::testing::RunCommandKeepingStderr;
using ::cppsvc::testing::WriteFileCreatingDirs;

// Runs `arguments` through the tool with a shell.
CommandRun Tool(const std::string& arguments) {
  return RunCommandKeepingStderr(absl::StrCat(CPPSVC_EVENTS_TOOL, " ", arguments));
}

// The example's v1 user events.
std::string DescriptorSet(bool include_imports) {
  return ::cppsvc::events::testing::DescriptorSet("acme/user/v1/user.proto", include_imports);
}

TEST(ToolTest, PrintsItsVersion) {
  const CommandRun run = Tool("--version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.output, absl::StrCat("cppsvc-events ", CPPSVC_VERSION_STRING, "\n"));
  EXPECT_EQ(run.error, "");
}

TEST(ToolTest, EmptyInputIsNamed) {
  const std::string set = DescriptorSet(true);
  const std::string empty = TmpDir() + "/empty.bin";
  WriteFileCreatingDirs(empty, "");
  CommandRun run = Tool("decode --descriptor_set " + set + " --input " + empty);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output, "");
  EXPECT_EQ(run.error, "cppsvc-events: " + empty + " is empty: there is no envelope to decode\n");
  run = Tool("decode --descriptor_set " + set + " --delimited </dev/null");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.error, "cppsvc-events: standard input is empty: there is no envelope to decode\n");
}

TEST(ToolTest, ADirectoryAsInputIsAnErrorNamingIt) {
  // It used to abort with an uncaught std::ios_failure (exit 134).
  const CommandRun run =
      Tool("decode --descriptor_set " + DescriptorSet(true) + " --input " + TmpDir());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.error,
            "cppsvc-events: cannot read \"" + TmpDir() + "\": it is a directory, not a file\n");
}

TEST(ToolTest, ADirectoryAsDescriptorSetIsAnErrorNamingIt) {
  // It used to read as an empty set.
  const std::string input = TmpDir() + "/one.bin";
  WriteFileCreatingDirs(input, "\x0a\x01x");
  const CommandRun run = Tool("decode --descriptor_set " + TmpDir() + " --input " + input);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.error,
            "cppsvc-events: cannot read \"" + TmpDir() + "\": it is a directory, not a file\n");
}

TEST(ToolTest, MissingAndEmptyFilesAreErrorsNamingThem) {
  const std::string missing = TmpDir() + "/no-such-file";
  CommandRun run = Tool("decode --descriptor_set " + DescriptorSet(true) + " --input " + missing);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.error,
            "cppsvc-events: cannot open \"" + missing + "\": No such file or directory\n");
  run = Tool("decode --descriptor_set " + missing + " --input " + missing);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.error,
            "cppsvc-events: cannot open \"" + missing + "\": No such file or directory\n");
  const std::string empty = TmpDir() + "/empty.pb";
  WriteFileCreatingDirs(empty, "");
  run = Tool("decode --descriptor_set " + empty + " --input " + missing);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.error, "cppsvc-events: " + empty +
                           ": the descriptor set is empty (write one with protoc "
                           "--descriptor_set_out=FILE --include_imports and the payload types' "
                           "files)\n");
}

TEST(ToolTest, ASetWithoutItsImportsSaysWhatIsMissingAndHowToFixIt) {
  const std::string set = DescriptorSet(false);
  const CommandRun run = Tool("decode --descriptor_set " + set + " --input " + set);
  EXPECT_EQ(run.exit_code, 1);
  // One line, no raw [libprotobuf ERROR ...] lines.
  EXPECT_EQ(run.error, "cppsvc-events: " + set +
                           ": descriptor set: files it imports are not in it: "
                           "\"acme/events/options.proto\" (imported by acme/user/v1/user.proto), "
                           "\"gen/svc/annotations.proto\" (imported by acme/user/v1/user.proto); "
                           "write it with protoc --descriptor_set_out=FILE --include_imports\n");
}

TEST(DecoderFileTest, ADirectoryIsAnErrorNotAnEmptySet) {
  const absl::StatusOr<std::unique_ptr<cppsvc::events::Decoder>> decoder =
      cppsvc::events::Decoder::FromDescriptorSetFile(TmpDir());
  ASSERT_FALSE(decoder.ok());
  EXPECT_EQ(decoder.status().message(),
            "cannot read descriptor set \"" + TmpDir() + "\": it is a directory, not a file");
}

TEST(ToolTest, ATerminalOnStdinIsAUsageError) {
  const int terminal = posix_openpt(O_RDWR | O_NOCTTY);
  ASSERT_GE(terminal, 0);
  ASSERT_EQ(grantpt(terminal), 0);
  ASSERT_EQ(unlockpt(terminal), 0);
  const std::string name = ptsname(terminal);
  const CommandRun run = Tool("decode --descriptor_set " + DescriptorSet(true) + " <" + name);
  close(terminal);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.error.rfind("cppsvc-events: standard input is a terminal: pipe the envelope "
                            "bytes in, or pass --input FILE\n\nusage:",
                            0),
            0u)
      << run.error;
}

}  // namespace
