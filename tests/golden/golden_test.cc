// Golden tests: the emitted text for the example trees (people, events), compared byte for byte
// with the files under tests/golden/. To regenerate after an intended change:
//
//   CPPSVC_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
//
// then review `git diff tests/golden`.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "plugin/generator.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::system(("mkdir -p \"$(dirname '" + path + "')\"").c_str());
  std::ofstream(path, std::ios::binary) << content;
}

// A unified diff of what changed, for the failure message.
std::string Diff(const std::string& golden_path, const std::string& actual) {
  const std::string actual_path = ::testing::TempDir() + "/golden_actual";
  WriteFile(actual_path, actual);
  std::string command = "diff -u '" + golden_path + "' '" + actual_path + "' 2>&1";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

void ExpectMatchesGolden(const std::vector<std::string>& protos,
                         const std::string& parameter) {
  testing::ProtoTree tree;
  auto files = tree.Load(protos);
  ASSERT_EQ(tree.errors(), "");
  auto generated = GenerateFiles(files, parameter);
  ASSERT_TRUE(generated.ok()) << generated.status();
  const bool update = std::getenv("CPPSVC_UPDATE_GOLDEN") != nullptr;
  for (const GeneratedFile& file : *generated) {
    const std::string path = std::string(CPPSVC_GOLDEN_DIR) + "/" + file.name;
    if (update) {
      WriteFile(path, file.content);
      continue;
    }
    EXPECT_EQ(ReadFile(path), file.content)
        << file.name << " differs from its golden file:\n"
        << Diff(path, file.content)
        << "If the change is intended: CPPSVC_UPDATE_GOLDEN=1 ctest -R Golden";
  }
}

TEST(GoldenTest, PeopleExample) {
  ExpectMatchesGolden({"acme/people/v1/people.proto", "acme/people/v2/people.proto",
                       "acme/people/private/people.proto"},
                      "");
}

TEST(GoldenTest, EventsExample) {
  ExpectMatchesGolden({"acme/events/options.proto", "acme/user/v1/user.proto",
                       "acme/user/v2/user.proto"},
                      "");
}

TEST(GoldenTest, OutputIsDeterministic) {
  auto run = [] {
    testing::ProtoTree tree;
    auto files = tree.Load({"acme/people/private/people.proto",
                            "acme/people/v2/people.proto",
                            "acme/people/v1/people.proto"});
    auto generated = GenerateFiles(files, "");
    EXPECT_TRUE(generated.ok());
    std::string all;
    for (const GeneratedFile& file : *generated) all += file.name + "\n" + file.content;
    return all;
  };
  const std::string first = run();
  EXPECT_EQ(first, run());
  EXPECT_EQ(first.find("/work/"), std::string::npos) << "no absolute paths";
}

// The layout: every file gets its .svc.h/.svc.cc pair and a header-only
// .svc.testing.h (no .svc.testing.cc), and a version's header includes no
// other version's header or .pb.h (long chains must not nest includes), while
// the private header, which holds the chain, includes each version's header.
TEST(LayoutTest, EveryFileGetsItsPairsAndHeadersDoNotNestVersions) {
  testing::ProtoTree tree;
  auto files = tree.Load({"acme/people/v1/people.proto", "acme/people/v2/people.proto",
                          "acme/people/private/people.proto", "acme/events/options.proto"});
  ASSERT_EQ(tree.errors(), "");
  auto generated = GenerateFiles(files, "");
  ASSERT_TRUE(generated.ok()) << generated.status();
  std::map<std::string, std::string> out;
  for (const GeneratedFile& file : *generated) out[file.name] = file.content;
  for (const char* stem : {"acme/people/v1/people", "acme/people/v2/people",
                           "acme/people/private/people", "acme/events/options"}) {
    for (const char* suffix : {".svc.h", ".svc.cc", ".svc.testing.h"}) {
      EXPECT_EQ(out.count(std::string(stem) + suffix), 1u) << stem << suffix;
    }
  }
  EXPECT_EQ(out.size(), 12u);
  auto acme_includes = [](const std::string& text) {
    std::vector<std::string> includes;
    for (size_t at = text.find("#include \"acme/"); at != std::string::npos;
         at = text.find("#include \"acme/", at + 1)) {
      includes.push_back(text.substr(at + 10, text.find('"', at + 10) - at - 10));
    }
    return includes;
  };
  EXPECT_EQ(acme_includes(out["acme/people/v1/people.svc.h"]),
            std::vector<std::string>{"acme/people/v1/people.pb.h"});
  EXPECT_EQ(acme_includes(out["acme/people/v2/people.svc.h"]),
            std::vector<std::string>{"acme/people/v2/people.pb.h"});
  EXPECT_EQ(acme_includes(out["acme/people/private/people.svc.h"]),
            (std::vector<std::string>{"acme/people/private/people.pb.h",
                                      "acme/people/v1/people.svc.h",
                                      "acme/people/v2/people.svc.h"}));
  // What the v1 header names from v2 and private is declared, not included.
  EXPECT_NE(out["acme/people/v1/people.svc.h"].find(
                "namespace acme::people::v2::svc {\ninline namespace people_proto {\nclass People;"),
            std::string::npos);
}

}  // namespace
}  // namespace cppsvc::plugin
