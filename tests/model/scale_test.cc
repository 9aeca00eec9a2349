// The model's propagation of has_rules and carries_deprecated is linear in
// the size of the tree whatever the declaration order. The timing is measured
// by scripts/generator-speed.sh --chain (docs/reliability); these tests check
// the results on the deep chains it times, declared in both orders.
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "plugin/model/model.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

using ::cppsvc::testing::ProtoTree;

constexpr int kDepth = 40000;

// M0 has a field of type M1, ..., M{n-1} has the field carrying `last`.
// Top-down declares M0 first; bottom-up declares M{n-1} first.
std::string Chain(const std::string& package, int depth, bool top_down, const std::string& last) {
  std::string body = absl::StrCat("syntax = \"proto3\";\npackage ", package,
                                  ";\nimport \"gen/svc/annotations.proto\";\n");
  for (int k = 0; k < depth; ++k) {
    const int i = top_down ? k : depth - 1 - k;
    if (i + 1 < depth) {
      absl::StrAppend(&body, "message M", i, " { M", i + 1, " next = 1; }\n");
    } else {
      absl::StrAppend(&body, "message M", i, " { ", last, " }\n");
    }
  }
  return body;
}

// The messages of `package` whose `flag` is set.
int Flagged(const Model& model, const std::string& package, bool MessageModel::*flag) {
  int count = 0;
  for (const MessageModel* message : model.FindPackage(package)->messages) {
    if (message->*flag) ++count;
  }
  return count;
}

TEST(ScaleTest, HasRulesReachesTheTopOfA40000DeepChainInBothOrders) {
  for (bool top_down : {true, false}) {
    SCOPED_TRACE(top_down ? "top-down" : "bottom-up");
    ProtoTree tree;
    tree.Add("deep.proto", Chain("acme.deep", kDepth, top_down,
                                 "string id = 1 [(gen.svc.field).validate = { required: true }];"));
    auto model = tree.Build();
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(Flagged(*model, "acme.deep", &MessageModel::has_rules), kDepth);
  }
}

TEST(ScaleTest, NoRulesAtTheBottomLeavesTheChainWithout) {
  ProtoTree tree;
  tree.Add("deep.proto", Chain("acme.deep", 1000, true, "string id = 1;"));
  auto model = tree.Build();
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(Flagged(*model, "acme.deep", &MessageModel::has_rules), 0);
}

TEST(ScaleTest, CarriesDeprecatedReachesTheTopOfADeepChainInBothOrders) {
  constexpr int kVersionedDepth = 10000;
  for (bool top_down : {true, false}) {
    SCOPED_TRACE(top_down ? "top-down" : "bottom-up");
    ProtoTree tree;
    // v1's deprecated field reaches private directly; every message above it
    // carries it through the fields that go forward to v2.
    tree.Add("x/v1.proto", Chain("acme.x.v1", kVersionedDepth, top_down,
                                 "string old = 1 [(gen.svc.field).deprecated = "
                                 "true]; string keep = 2;"))
        .Add("x/v2.proto", Chain("acme.x.v2", kVersionedDepth, !top_down, "string keep = 2;"))
        .Add("x/private.proto", Chain("acme.x.private", kVersionedDepth, top_down,
                                      "string old = 1; string keep = 2;"));
    auto model = tree.Build();
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(Flagged(*model, "acme.x.v1", &MessageModel::carries_deprecated), kVersionedDepth);
  }
}

}  // namespace
}  // namespace cppsvc::plugin
