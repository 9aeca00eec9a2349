// Golden tests as data: each folder under tests/golden is one protoc run with
// the plugin (the tree, roots, files and parameters of support/cases.h), and
// its expected/ folder holds every file the run generates, byte for byte. A
// generated file without a golden fails, and so does a golden the run no
// longer generates. CTest runs each case as Golden.<case>. After an intended
// change:
//
//   CPPSVC_UPDATE_GOLDEN=1 ctest --test-dir build -L golden
//
// rewrites expected/ (removing stale files); then review `git diff tests/golden`.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "support/cases.h"
#include "support/command.h"

namespace cppsvc::testing {
namespace {

namespace fs = std::filesystem;

// A unified diff of what changed, for the failure message.
std::string Diff(const std::string& golden_path, const std::string& actual_path) {
  return RunCommand("diff -u " + ShellQuote(golden_path) + " " + ShellQuote(actual_path) +
                    " 2>&1")
      .output;
}

void RunGoldenCase(const std::string& case_dir) {
  PluginRequest request = ReadCase(case_dir, CPPSVC_SOURCE_DIR);
  ASSERT_FALSE(request.files.empty()) << case_dir << " names no proto file";
  request.out_dir = ::testing::TempDir() + "/golden_out/" + fs::path(case_dir).filename().string();
  fs::remove_all(request.out_dir);
  const PluginRun run = RunPlugin(request);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(run.stderr_text, "");
  const std::string expected_dir = case_dir + "/expected";
  const std::vector<std::string> generated = ListFilesUnder(request.out_dir);
  if (std::getenv("CPPSVC_UPDATE_GOLDEN") != nullptr) {
    fs::remove_all(expected_dir);
    for (const std::string& file : generated) {
      WriteFileCreatingDirs(expected_dir + "/" + file,
                            ReadFileOrEmpty(request.out_dir + "/" + file));
    }
    return;
  }
  const std::vector<std::string> golden = ListFilesUnder(expected_dir);
  for (const std::string& file : golden) {
    EXPECT_TRUE(std::find(generated.begin(), generated.end(), file) != generated.end())
        << "stale golden file: " << file << " is no longer generated (if that is intended: "
        << "CPPSVC_UPDATE_GOLDEN=1 ctest -L golden removes it)";
  }
  for (const std::string& file : generated) {
    EXPECT_TRUE(std::find(golden.begin(), golden.end(), file) != golden.end())
        << file << " is generated but has no golden file (CPPSVC_UPDATE_GOLDEN=1 ctest -L "
        << "golden writes it)";
  }
  for (const std::string& file : generated) {
    const std::string golden_path = expected_dir + "/" + file;
    const std::string actual_path = request.out_dir + "/" + file;
    if (!fs::exists(golden_path)) continue;  // reported above
    EXPECT_EQ(ReadFileOrEmpty(golden_path), ReadFileOrEmpty(actual_path))
        << file << " differs from its golden file:\n"
        << Diff(golden_path, actual_path)
        << "If the change is intended: CPPSVC_UPDATE_GOLDEN=1 ctest -L golden";
  }
}

}  // namespace
}  // namespace cppsvc::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::cppsvc::testing::RegisterCases("Golden", CPPSVC_GOLDEN_DIR, argc, argv,
                                   &::cppsvc::testing::RunGoldenCase);
  return RUN_ALL_TESTS();
}
