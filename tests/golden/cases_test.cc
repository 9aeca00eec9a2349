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
// A case with a `base` (support/cases.h) keeps only the files that differ from
// its base's goldens: people_grpc holds just what grpc=true adds.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
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

// Every golden file of the case, relative name to path: its base case's
// (recursively), overridden by its own expected/ folder.
std::map<std::string, std::string> GoldenFiles(const std::string& case_dir) {
  const std::string base = BaseCase(case_dir);
  std::map<std::string, std::string> golden;
  if (!base.empty()) golden = GoldenFiles(base);
  const std::string expected_dir = case_dir + "/expected";
  for (const std::string& file : ListFilesUnder(expected_dir)) {
    golden[file] = expected_dir + "/" + file;
  }
  return golden;
}

// Rewrites the case's expected/ folder from the run: every generated file,
// except those its base case already expects with the same content.
void UpdateGoldens(const std::string& case_dir, const std::string& out_dir,
                   const std::vector<std::string>& generated) {
  const std::string base = BaseCase(case_dir);
  const std::map<std::string, std::string> inherited =
      base.empty() ? std::map<std::string, std::string>() : GoldenFiles(base);
  const std::string expected_dir = case_dir + "/expected";
  fs::remove_all(expected_dir);
  for (const std::string& file : generated) {
    const std::string content = ReadFileOrEmpty(out_dir + "/" + file);
    const auto it = inherited.find(file);
    if (it != inherited.end() && ReadFileOrEmpty(it->second) == content) continue;
    WriteFileCreatingDirs(expected_dir + "/" + file, content);
  }
}

void RunGoldenCase(const std::string& case_dir) {
  PluginRequest request = ReadCase(case_dir, CPPSVC_SOURCE_DIR);
  ASSERT_FALSE(request.files.empty()) << case_dir << " names no proto file";
  request.out_dir = ::testing::TempDir() + "/golden_out/" + fs::path(case_dir).filename().string();
  fs::remove_all(request.out_dir);
  const PluginRun run = RunPlugin(request);
  ASSERT_EQ(run.exit_code, 0) << run.stderr_text;
  EXPECT_EQ(run.stderr_text, "");
  const std::vector<std::string> generated = ListFilesUnder(request.out_dir);
  if (std::getenv("CPPSVC_UPDATE_GOLDEN") != nullptr) {
    UpdateGoldens(case_dir, request.out_dir, generated);
    return;
  }
  const std::map<std::string, std::string> golden = GoldenFiles(case_dir);
  for (const auto& [file, path] : golden) {
    EXPECT_TRUE(std::find(generated.begin(), generated.end(), file) != generated.end())
        << "stale golden file: " << path << " is no longer generated (if that is intended: "
        << "CPPSVC_UPDATE_GOLDEN=1 ctest -L golden removes it)";
  }
  for (const std::string& file : generated) {
    const auto it = golden.find(file);
    if (it == golden.end()) {
      ADD_FAILURE() << file << " is generated but has no golden file (CPPSVC_UPDATE_GOLDEN=1 "
                    << "ctest -L golden writes it)";
      continue;
    }
    const std::string actual_path = request.out_dir + "/" + file;
    EXPECT_EQ(ReadFileOrEmpty(it->second), ReadFileOrEmpty(actual_path))
        << file << " differs from its golden file " << it->second << ":\n"
        << Diff(it->second, actual_path)
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
