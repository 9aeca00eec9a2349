// In-process checks of the emitted text as a whole: it is deterministic and
// holds no path of the machine that generated it; the per-file layout of
// includes; the data members of generated classes are those the names
// module reserves. (The emitted text itself is compared by the golden cases,
// cases_test.cc.)
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "plugin/generator.h"
#include "plugin/naming/names.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

TEST(GoldenTest, OutputIsDeterministic) {
  auto run = [] {
    testing::ProtoTree tree;
    auto files = tree.Load({"acme/people/private/people.proto", "acme/people/v2/people.proto",
                            "acme/people/v1/people.proto"});
    auto generated = GenerateFiles(files, "");
    EXPECT_TRUE(generated.ok());
    std::string all;
    for (const GeneratedFile& file : *generated) all += file.name + "\n" + file.content;
    return all;
  };
  const std::string first = run();
  EXPECT_EQ(first, run());
  // No absolute path of this machine: not the trees the protos were read
  // from, nor the source, build or working directory, wherever they are.
  for (const std::string& dir :
       {std::string(CPPSVC_SOURCE_DIR), std::string(CPPSVC_BINARY_DIR),
        std::string(CPPSVC_PROTO_DIR), std::string(CPPSVC_EXAMPLE_PROTO_DIR),
        std::string(CPPSVC_PROTOBUF_INCLUDE_DIR), std::filesystem::current_path().string(),
        ::testing::TempDir()}) {
    ASSERT_FALSE(dir.empty());
    EXPECT_EQ(first.find(dir), std::string::npos) << "the output names " << dir;
  }
  // Every include is relative to an include root.
  for (size_t at = first.find("#include \""); at != std::string::npos;
       at = first.find("#include \"", at + 1)) {
    EXPECT_NE(first[at + 10], '/') << first.substr(at, first.find('\n', at) - at);
  }
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
  EXPECT_EQ(
      acme_includes(out["acme/people/private/people.svc.h"]),
      (std::vector<std::string>{"acme/people/private/people.pb.h", "acme/people/v1/people.svc.h",
                                "acme/people/v2/people.svc.h"}));
  // What the v1 header names from v2 and private is declared, not included.
  EXPECT_NE(
      out["acme/people/v1/people.svc.h"].find(
          "namespace acme::people::v2::svc {\ninline namespace people_proto {\nclass People;"),
      std::string::npos);
}

// The data members declared after `private:` in the class that `head` opens.
std::vector<std::string> DataMembers(const std::string& text, const std::string& head) {
  std::vector<std::string> members;
  const size_t start = text.find(head);
  if (start == std::string::npos) return members;
  const size_t end = text.find("\n};", start);
  const size_t private_part = text.find(" private:\n", start);
  if (private_part == std::string::npos || private_part > end) return members;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(text).substr(private_part, end - private_part), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.back() != ';') continue;
    line.remove_suffix(1);
    members.push_back(std::string(line.substr(line.find_last_of(" &*") + 1)));
  }
  return members;
}

// The model reports an RPC named like a data member of a class it becomes a
// member function of, from the names module's tables: every data member
// the emitters write must be in them.
TEST(NamesTest, DataMembersOfGeneratedClassesAreTheReservedOnes) {
  testing::ProtoTree tree;
  auto files = tree.Load({"acme/people/private/people.proto", "acme/people/v2/people.proto",
                          "acme/people/v1/people.proto"});
  ASSERT_EQ(tree.errors(), "");
  auto generated = GenerateFiles(files, "grpc=true");
  ASSERT_TRUE(generated.ok()) << generated.status();
  std::map<std::string, std::string> out;
  for (const GeneratedFile& file : *generated) out[file.name] = file.content;
  auto expect_reserved = [](const std::vector<std::string>& members, const auto& reserved) {
    EXPECT_FALSE(members.empty());
    for (const std::string& member : members) {
      EXPECT_NE(std::find(std::begin(reserved), std::end(reserved), member), std::end(reserved))
          << member << " is not among the reserved names in names.h";
    }
  };
  expect_reserved(DataMembers(out["acme/people/v1/people.svc.h"], "\nclass People {"),
                  names::kServiceMembers);
  const absl::string_view fake[] = {names::kFakeMember};
  expect_reserved(DataMembers(out["acme/people/v1/people.svc.testing.h"], "\nclass FakePeople "),
                  fake);
  const absl::string_view binding[] = {names::kGrpcBindingMember};
  expect_reserved(DataMembers(out["acme/people/v1/people.svc.grpc.h"], "\nclass PeopleGrpc "),
                  binding);
}

}  // namespace
}  // namespace cppsvc::plugin
