// What `grpc=true` emits, checked on the text (no gRPC needed): which files,
// which classes, and diagnostics where grpc_cpp_plugin's names are C++
// keywords. people_grpc_test.cc compiles and serves the real output.
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "plugin/generator.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

using ::cppsvc::testing::ProtoTree;

std::string Proto(const std::string& package, const std::string& body) {
  return "syntax = \"proto3\";\npackage " + package + ";\nimport \"gen/svc/annotations.proto\";\n" +
         body;
}

// File name -> content.
std::map<std::string, std::string> Generate(ProtoTree& tree, const std::vector<std::string>& paths,
                                            const std::string& parameter) {
  auto files = tree.Load(paths);
  EXPECT_EQ(tree.errors(), "");
  auto generated = GenerateFiles(files, parameter);
  EXPECT_TRUE(generated.ok()) << generated.status();
  std::map<std::string, std::string> out;
  if (!generated.ok()) return out;
  for (const GeneratedFile& file : *generated) out[file.name] = file.content;
  return out;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const std::vector<std::string> kPeople = {"acme/people/v1/people.proto",
                                          "acme/people/v2/people.proto",
                                          "acme/people/private/people.proto"};

TEST(GrpcEmitterTest, OnlyWhenAskedForEveryFileBindingPublicServicesOnly) {
  ProtoTree plain;
  for (const auto& [name, content] : Generate(plain, kPeople, "")) {
    EXPECT_FALSE(Contains(name, ".svc.grpc.")) << name;
  }
  ProtoTree tree;
  const auto files = Generate(tree, kPeople, "grpc=true");
  for (const char* name :
       {"acme/people/v1/people.svc.grpc.h", "acme/people/v1/people.svc.grpc.cc",
        "acme/people/v2/people.svc.grpc.h", "acme/people/v2/people.svc.grpc.cc",
        "acme/people/private/people.svc.grpc.h", "acme/people/private/people.svc.grpc.cc"}) {
    EXPECT_EQ(files.count(name), 1u) << name;
  }
  // Written for every file, but the private service is never exposed.
  EXPECT_FALSE(Contains(files.at("acme/people/private/people.svc.grpc.h"), "class "));
}

TEST(GrpcEmitterTest, BindingImplementsGrpcCppPluginsService) {
  ProtoTree tree;
  auto files = Generate(tree, kPeople, "grpc=true");
  const std::string& header = files["acme/people/v2/people.svc.grpc.h"];
  EXPECT_TRUE(Contains(header, "#include \"acme/people/v2/people.grpc.pb.h\"\n"));
  EXPECT_TRUE(Contains(header, "#include \"acme/people/v2/people.svc.h\"\n"));
  EXPECT_TRUE(
      Contains(header, "class PeopleGrpc : public ::acme::people::v2::People::Service {\n"));
  EXPECT_TRUE(Contains(
      header, "explicit PeopleGrpc(::acme::people::v2::svc::people_proto::People& service);"));
  EXPECT_TRUE(Contains(header,
                       "::grpc::Status Batch(\n"
                       "      ::grpc::ServerContext* context,\n"
                       "      const ::acme::people::v2::BatchRequest* request,\n"
                       "      ::acme::people::v2::BatchResponse* response) override;"));
  const std::string& source = files["acme/people/v2/people.svc.grpc.cc"];
  EXPECT_TRUE(Contains(source, "#include \"cppsvc/grpc.h\"\n"));
  EXPECT_TRUE(
      Contains(source, "return ::cppsvc::ToGrpcStatus(service_.Batch(*request, response));"));
}

TEST(GrpcEmitterTest, NestedTypesAreSpelledAsGrpcCppPluginSpellsThem) {
  ProtoTree tree;
  tree.Add("n/v1.proto", Proto("acme.n.v1", R"(
      message Outer { message Inner { string s = 1; } }
      service S { rpc Do(Outer.Inner) returns (Outer.Inner); })"))
      .Add("n/private.proto", Proto("acme.n.private", R"(
      message Outer { message Inner { string s = 1; } }
      service S { rpc Do(Outer.Inner) returns (Outer.Inner); })"));
  auto files = Generate(tree, {"n/v1.proto", "n/private.proto"}, "grpc=true");
  EXPECT_TRUE(Contains(files["n/v1.svc.grpc.h"],
                       "::grpc::Status Do(\n"
                       "      ::grpc::ServerContext* context,\n"
                       "      const ::acme::n::v1::Outer_Inner* request,\n"
                       "      ::acme::n::v1::Outer_Inner* response) override;"));
}

// grpc_cpp_plugin 1.51 writes these names unescaped, so its own output does
// not compile; we bind nothing and say why.
TEST(GrpcEmitterTest, KeywordNamesAreRejectedWithGrpc) {
  const std::string messages = "message M { string s = 1; }\nmessage class { string s = 1; }\n";
  ProtoTree tree;
  tree.Add("k/v1.proto",
           Proto("acme.k.v1", messages + "service virtual { rpc Do(M) returns (M); }\n"
                                         "service S { rpc delete(M) returns (M);\n"
                                         "  rpc Do(class) returns (M); }\n"))
      .Add("k/private.proto",
           Proto("acme.k.private", messages + "service virtual { rpc Do(M) returns (M); }\n"
                                              "service S { rpc delete(M) returns (M);\n"
                                              "  rpc Do(class) returns (M); }\n"));
  auto files = tree.Load({"k/v1.proto", "k/private.proto"});
  ASSERT_EQ(tree.errors(), "");
  EXPECT_TRUE(GenerateFiles(files, "").ok()) << "fine without gRPC";
  auto generated = GenerateFiles(files, "grpc=true");
  ASSERT_FALSE(generated.ok());
  // Only the public version gets a binding: the private service is never
  // served over gRPC by us, so its names are not checked.
  EXPECT_EQ(generated.status().message(),
            "3 problems in the proto files:\n"
            "k/v1.proto:6:1: service acme.k.v1.virtual: its name \"virtual\" is a C++ keyword, "
            "which grpc_cpp_plugin 1.51 writes unescaped, so its output would not compile; rename "
            "it, or generate without grpc=true\n"
            "k/v1.proto:7:13: method acme.k.v1.S.delete: its name \"delete\" is a C++ keyword, "
            "which grpc_cpp_plugin 1.51 writes unescaped, so its output would not compile; rename "
            "it, or generate without grpc=true\n"
            "k/v1.proto:8:3: method acme.k.v1.S.Do: the name of acme.k.v1.class \"class\" is a C++ "
            "keyword, which grpc_cpp_plugin 1.51 writes unescaped, so its output would not "
            "compile; rename it, or generate without grpc=true\n");
}

TEST(GrpcEmitterTest, SchemaOnlyChainGetsEmptyValidFiles) {
  ProtoTree tree;
  tree.Add("s/v1.proto", Proto("acme.s.v1", "message M {}\nservice S { rpc Do(M) returns (M); }"));
  auto files = Generate(tree, {"s/v1.proto"}, "grpc=true");
  ASSERT_EQ(files.count("s/v1.svc.grpc.h"), 1u);
  EXPECT_FALSE(Contains(files["s/v1.svc.grpc.h"], "class "));
  EXPECT_TRUE(Contains(files["s/v1.svc.grpc.h"], "namespace acme::s::v1::svc {"));
}

}  // namespace
}  // namespace cppsvc::plugin
