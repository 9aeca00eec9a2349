#include "support/cases.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "gtest/gtest.h"

namespace cppsvc::testing {
namespace {

namespace fs = std::filesystem;

// The non-empty lines of a file, trailing blanks removed.
std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::istringstream in(ReadFileOrEmpty(path));
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

class CaseTest : public ::testing::Test {
 public:
  CaseTest(void (*run)(const std::string&), std::string case_dir)
      : run_(run), case_dir_(std::move(case_dir)) {}
  void TestBody() override { run_(case_dir_); }

 private:
  void (*run_)(const std::string&);
  std::string case_dir_;
};

}  // namespace

std::vector<std::string> ListCases(const std::string& dir) {
  std::vector<std::string> cases;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_directory()) cases.push_back(entry.path().filename().string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string BaseCase(const std::string& case_dir) {
  const std::vector<std::string> base = ReadLines(case_dir + "/base");
  if (base.empty()) return "";
  return (fs::path(case_dir).parent_path() / base.front()).string();
}

PluginRequest ReadCase(const std::string& case_dir, const std::string& source_dir) {
  const std::string base = BaseCase(case_dir);
  PluginRequest request = base.empty() ? PluginRequest() : ReadCase(base, source_dir);
  const std::string protos = case_dir + "/protos";
  const std::vector<std::string> roots = ReadLines(case_dir + "/roots");
  if (fs::is_directory(protos) || !roots.empty()) {
    request.import_dirs.clear();
    if (fs::is_directory(protos)) request.import_dirs.push_back(protos);
    for (const std::string& root : roots) request.import_dirs.push_back(source_dir + "/" + root);
  }
  std::vector<std::string> files = ReadLines(case_dir + "/files");
  if (files.empty()) {
    for (const std::string& file : ListFilesUnder(protos)) {
      if (fs::path(file).extension() == ".proto") files.push_back(file);
    }
  }
  if (!files.empty()) request.files = files;
  const std::vector<std::string> parameters = ReadLines(case_dir + "/parameters");
  if (!parameters.empty()) request.parameters = parameters.front();
  return request;
}

void RegisterCases(const std::string& suite, const std::string& cases_dir, int argc, char** argv,
                   void (*run)(const std::string& case_dir)) {
  std::vector<std::string> case_dirs;
  for (int i = 1; i < argc; ++i) case_dirs.push_back(argv[i]);
  if (case_dirs.empty()) {
    for (const std::string& name : ListCases(cases_dir)) {
      case_dirs.push_back(cases_dir + "/" + name);
    }
  }
  for (const std::string& case_dir : case_dirs) {
    const std::string name = fs::path(case_dir).filename().string();
    ::testing::RegisterTest(
        suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
        [run, case_dir]() -> ::testing::Test* { return new CaseTest(run, case_dir); });
  }
}

}  // namespace cppsvc::testing
