// The cppsvc-events tool run as a process, as users run it: --version, and
// every problem with its input files (missing, a directory, empty, a
// descriptor set without its imports, a terminal on stdin) is one clear line
// on stderr naming the path, with a non-zero exit code and no raw protobuf
// log lines.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/version.h"
#include "gtest/gtest.h"

namespace {

std::string TmpDir() {
  static const std::string dir = [] {
    std::string path = absl::StrCat(CPPSVC_TEST_TMP_DIR, "/tool-", getpid());
    std::filesystem::create_directories(path);
    return path;
  }();
  return dir;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Ran {
  int status;
  std::string out;
  std::string err;
};

// Runs `arguments` through the tool with a shell; stdin from /dev/null
// unless the arguments redirect it.
Ran Tool(const std::string& arguments) {
  const std::string out = TmpDir() + "/stdout", err = TmpDir() + "/stderr";
  const int raw =
      std::system(absl::StrCat(CPPSVC_EVENTS_TOOL, " ", arguments, " >", out, " 2>", err).c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ReadFile(out), ReadFile(err)};
}

// protoc --descriptor_set_out of the example's v1 user events.
std::string DescriptorSet(bool include_imports) {
  const std::string path = TmpDir() + (include_imports ? "/set.pb" : "/set-no-imports.pb");
  const int status = std::system(
      absl::StrCat(CPPSVC_PROTOC, " -I ", CPPSVC_EVENTS_PROTO_DIR, " -I ", CPPSVC_PROTO_DIR,
                   " --descriptor_set_out=", path, include_imports ? " --include_imports" : "",
                   " acme/user/v1/user.proto")
          .c_str());
  EXPECT_EQ(status, 0);
  return path;
}

TEST(ToolTest, PrintsItsVersion) {
  const Ran run = Tool("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, absl::StrCat("cppsvc-events ", CPPSVC_VERSION_STRING, "\n"));
  EXPECT_EQ(run.err, "");
}

TEST(ToolTest, EmptyInputIsNamed) {
  const std::string set = DescriptorSet(true);
  const std::string empty = TmpDir() + "/empty.bin";
  WriteFile(empty, "");
  Ran run = Tool("decode --descriptor_set " + set + " --input " + empty);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "cppsvc-events: " + empty + " is empty: there is no envelope to decode\n");
  run = Tool("decode --descriptor_set " + set + " --delimited </dev/null");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "cppsvc-events: standard input is empty: there is no envelope to decode\n");
}

TEST(ToolTest, ADirectoryAsInputIsAnErrorNamingIt) {
  // It used to abort with an uncaught std::ios_failure (exit 134).
  const Ran run = Tool("decode --descriptor_set " + DescriptorSet(true) + " --input " + TmpDir());
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "cppsvc-events: cannot read \"" + TmpDir() + "\": it is a directory, not a file\n");
}

TEST(ToolTest, ADirectoryAsDescriptorSetIsAnErrorNamingIt) {
  // It used to read as an empty set.
  const std::string input = TmpDir() + "/one.bin";
  WriteFile(input, "\x0a\x01x");
  const Ran run = Tool("decode --descriptor_set " + TmpDir() + " --input " + input);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "cppsvc-events: cannot read \"" + TmpDir() + "\": it is a directory, not a file\n");
}

TEST(ToolTest, MissingAndEmptyFilesAreErrorsNamingThem) {
  const std::string missing = TmpDir() + "/no-such-file";
  Ran run = Tool("decode --descriptor_set " + DescriptorSet(true) + " --input " + missing);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "cppsvc-events: cannot open \"" + missing + "\": No such file or directory\n");
  run = Tool("decode --descriptor_set " + missing + " --input " + missing);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "cppsvc-events: cannot open \"" + missing + "\": No such file or directory\n");
  const std::string empty = TmpDir() + "/empty.pb";
  WriteFile(empty, "");
  run = Tool("decode --descriptor_set " + empty + " --input " + missing);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "cppsvc-events: " + empty +
                         ": the descriptor set is empty (write one with protoc "
                         "--descriptor_set_out=FILE --include_imports and the payload types' "
                         "files)\n");
}

TEST(ToolTest, ASetWithoutItsImportsSaysWhatIsMissingAndHowToFixIt) {
  const std::string set = DescriptorSet(false);
  const Ran run = Tool("decode --descriptor_set " + set + " --input " + set);
  EXPECT_EQ(run.status, 1);
  // One line, no raw [libprotobuf ERROR ...] lines.
  EXPECT_EQ(run.err, "cppsvc-events: " + set +
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
  const Ran run = Tool("decode --descriptor_set " + DescriptorSet(true) + " <" + name);
  close(terminal);
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err.rfind("cppsvc-events: standard input is a terminal: pipe the envelope "
                          "bytes in, or pass --input FILE\n\nusage:",
                          0),
            0u)
      << run.err;
}

}  // namespace
