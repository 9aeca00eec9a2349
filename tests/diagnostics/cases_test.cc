// Diagnostics as data: each folder under tests/diagnostics/cases is one protoc
// run with the plugin (the tree, roots, files and parameters of
// support/cases.h), and its
//   expected.txt   what users see on stderr, compared byte for byte, and
//   exit_code      protoc's exit code (0 when the file is absent).
// stdout must stay empty. CTest runs each case as Diagnostics.<case>; run by
// hand, the runner takes case folders as arguments, or runs them all.
// CPPSVC_UPDATE_GOLDEN=1 rewrites expected.txt and exit_code (review the diff).
#include "support/cases.h"

#include <cstdlib>
#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "support/command.h"

namespace cppsvc::testing {
namespace {

void RunDiagnosticCase(const std::string& case_dir) {
  const std::string expected_path = case_dir + "/expected.txt";
  const std::string exit_code_path = case_dir + "/exit_code";
  PluginRequest request = ReadCase(case_dir, CPPSVC_SOURCE_DIR);
  ASSERT_FALSE(request.files.empty()) << case_dir << " names no proto file";
  request.out_dir = ::testing::TempDir() + "/diagnostics_out/" +
                    std::filesystem::path(case_dir).filename().string();
  const PluginRun run = RunPlugin(request);
  if (std::getenv("CPPSVC_UPDATE_GOLDEN") != nullptr) {
    WriteFileCreatingDirs(expected_path, run.stderr_text);
    if (run.exit_code == 0) {
      std::filesystem::remove(exit_code_path);
    } else {
      WriteFileCreatingDirs(exit_code_path, std::to_string(run.exit_code) + "\n");
    }
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_path)) << expected_path << " is missing";
  const std::string exit_code = ReadFileOrEmpty(exit_code_path);
  EXPECT_EQ(run.exit_code, exit_code.empty() ? 0 : std::atoi(exit_code.c_str())) << run.stderr_text;
  EXPECT_EQ(run.stderr_text, ReadFileOrEmpty(expected_path));
  EXPECT_EQ(run.stdout_text, "");
}

}  // namespace
}  // namespace cppsvc::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::cppsvc::testing::RegisterCases("Diagnostics", CPPSVC_DIAGNOSTIC_CASES, argc, argv,
                                   &::cppsvc::testing::RunDiagnosticCase);
  return RUN_ALL_TESTS();
}
