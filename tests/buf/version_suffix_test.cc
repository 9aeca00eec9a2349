// Our version parsing accepts exactly the package suffixes that buf lint's
// PACKAGE_VERSION_SUFFIX accepts. Every candidate name below becomes the last
// segment of a package in one generated file; the real buf CLI lints them
// all with only that rule, and each name it accepts must parse with
// ParseVersion, each it rejects must not. The buf CLI is
// .tools/node_modules/.bin/buf (scripts/setup.sh installs it) or `buf` on
// PATH; without it the test fails saying so.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "plugin/model/version.h"
#include "support/command.h"

namespace cppsvc::plugin {
namespace {

namespace fs = std::filesystem;

std::string FindBuf() {
  const fs::path local = fs::path(CPPSVC_SOURCE_DIR) / ".tools/node_modules/.bin/buf";
  if (fs::exists(local)) return local.string();
  const testing::CommandRun which = testing::RunCommand("command -v buf");
  if (which.exit_code == 0 && !which.output.empty()) {
    return std::string(absl::StripTrailingAsciiWhitespace(which.output));
  }
  return "";
}

// Systematic combinations of the pieces a version is made of, plus names
// that probe the edges (number range, leading zeros, case, separators).
std::vector<std::string> Candidates() {
  std::vector<std::string> names;
  const std::vector<std::string> numbers = {"",  "0",  "1",          "01",
                                            "2", "10", "2147483647", "2147483648"};
  const std::vector<std::string> majors = {"0",        "1",          "01",         "12",
                                           "20240101", "2147483647", "2147483648", ""};
  const std::vector<std::string> points = {"", "p", "p0", "p1", "p01", "p2"};
  const std::vector<std::string> stages = {"", "alpha", "beta", "test", "rc", "gamma", "Alpha"};
  for (const std::string& major : majors) {
    for (const std::string& point : points) {
      for (const std::string& stage : stages) {
        for (const std::string& number : numbers) {
          if (stage.empty() && !number.empty()) continue;
          names.push_back(absl::StrCat("v", major, point, stage, number));
        }
      }
    }
  }
  for (const char* name : {"V1",
                           "v1_0",
                           "v1_test",
                           "v1testfoo",
                           "v1test_1",
                           "v1testalpha",
                           "v1testtest",
                           "v1test_",
                           "v1testTEST",
                           "v1alphatest",
                           "v1alpha1test",
                           "v1alphabeta",
                           "v1beta1alpha",
                           "v1p1alpha1beta",
                           "vp1alpha",
                           "v1alpha1p1",
                           "v1p1p1alpha",
                           "v1pp1alpha",
                           "v1alpha1a",
                           "v1beta1_",
                           "v1alpha_1",
                           "v0001",
                           "v1p001alpha001",
                           "v1test9999999999999999999999",
                           "v99999999999999999999",
                           "version1",
                           "vv1",
                           "v1p1test1",
                           "v1attest",
                           "private"}) {
    names.push_back(name);
  }
  return names;
}

TEST(VersionSuffixTest, AcceptsExactlyWhatBufLintAccepts) {
  const std::string buf = FindBuf();
  ASSERT_FALSE(buf.empty()) << "the buf CLI is not installed: run scripts/setup.sh";

  const fs::path dir = fs::temp_directory_path() / absl::StrCat("cppsvc_version_suffix_", getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "proto");
  std::ofstream(dir / "buf.yaml") << "version: v2\nmodules:\n  - path: proto\n"
                                     "lint:\n  use:\n    - PACKAGE_VERSION_SUFFIX\n";
  const std::vector<std::string> names = Candidates();
  for (size_t i = 0; i < names.size(); ++i) {
    std::ofstream(dir / "proto" / absl::StrCat("f", i, ".proto"))
        << "syntax = \"proto3\";\npackage x" << i << "." << names[i] << ";\n";
  }

  const testing::CommandRun run = testing::RunCommand(
      absl::StrCat("cd '", dir.string(), "' && BUF_CACHE_DIR='", (dir / "cache").string(), "' '",
                   buf, "' lint --error-format=text 2>&1"));
  // 0: no lint failures; 100: lint failures. Anything else is buf failing.
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 100) << run.output;

  // Lines read `proto/f<i>.proto:2:9:Package name "x<i>.<name>" should ...`.
  std::set<std::string> rejected;
  for (absl::string_view line : absl::StrSplit(run.output, '\n', absl::SkipEmpty())) {
    const size_t open = line.find("Package name \"x");
    ASSERT_NE(open, absl::string_view::npos) << "unexpected buf output: " << line;
    absl::string_view package = line.substr(open + 14);
    package = package.substr(0, package.find('"'));
    rejected.insert(std::string(package.substr(package.find('.') + 1)));
  }
  int accepted = 0;
  for (const std::string& name : names) {
    const bool buf_accepts = rejected.count(name) == 0;
    accepted += buf_accepts;
    EXPECT_EQ(ParseVersion(name).has_value(), buf_accepts)
        << name << ": buf " << (buf_accepts ? "accepts" : "rejects") << " it";
  }
  // Both outcomes are exercised (the output was read, not ignored).
  EXPECT_GT(accepted, 50);
  EXPECT_GT(rejected.size(), 300u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cppsvc::plugin
