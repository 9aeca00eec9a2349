// Hostile input the plugin must reject rather than emit code that does not
// compile (or that no consumer can read): the real protoc runs the plugin over
// tests/hostile/rejected, and its exit status and every stderr line are
// compared.
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "support/command.h"

namespace {

using ProtocRun = ::cppsvc::testing::CommandRun;

ProtocRun Protoc(const std::string& case_name, const std::string& options = "") {
  const std::string out_dir = ::testing::TempDir() + "/hostile_rejected_out";
  std::system(("mkdir -p '" + out_dir + "'").c_str());
  const std::string dir = absl::StrCat("hostile/", case_name, "/");
  std::string files = absl::StrCat(dir, "v1/", case_name, ".proto");
  if (case_name != "utf8") absl::StrAppend(&files, " ", dir, "private/", case_name, ".proto");
  const std::string command = absl::StrCat(
      CPPSVC_PROTOC, " --plugin=protoc-gen-cpp-svc=", CPPSVC_PLUGIN, " -I", CPPSVC_PROTO_DIR,
      " -I", CPPSVC_HOSTILE_REJECTED_DIR, " --cpp-svc_out=", options, out_dir, " ", files,
      " 2>&1");
  return ::cppsvc::testing::RunCommand(command);
}

// The Go plugin's CamelCase names the conversion tests: get_item and GetItem
// would both define RunGetItemConversionTest.
TEST(HostileRejectedTest, RpcsWithOneConversionTestName) {
  const ProtocRun run = Protoc("camel");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 1 problem in the proto files:\n"
            "hostile/camel/v1/camel.proto:12:3: method hostile.camel.v1.Catalog.GetItem: its "
            "conversion test function \"RunGetItemConversionTest\" is also that of "
            "hostile.camel.v1.Catalog.get_item; rename one of them\n");
}

// The conversion tests' fake of a private service overrides every RPC next
// to its member test_, in a class named FakeCatalog.
TEST(HostileRejectedTest, PrivateRpcsNamedLikeTheFakesMembers) {
  const ProtocRun run = Protoc("fake");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "hostile/fake/private/fake.proto:12:3: method hostile.fake.private.Catalog.test_: the "
            "name \"test_\" is a data member of the conversion tests' fake FakeCatalog; rename "
            "the RPC\n"
            "hostile/fake/private/fake.proto:13:3: method hostile.fake.private.Catalog.FakeCatalog: "
            "the name \"FakeCatalog\" is the class name of the conversion tests' fake FakeCatalog, "
            "so it would be its constructor; rename the RPC\n");
}

// With grpc=true the binding's member functions are the RPCs' proto names,
// next to its member service_.
TEST(HostileRejectedTest, RpcsNamedLikeTheGrpcBindingsMembers) {
  const ProtocRun run = Protoc("grpc", "grpc=true:");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "hostile/grpc/v1/grpc.proto:11:3: method hostile.grpc.v1.Catalog.service_: the name "
            "\"service_\" is a data member of its gRPC binding CatalogGrpc; rename the RPC\n"
            "hostile/grpc/v1/grpc.proto:12:3: method hostile.grpc.v1.Catalog.CatalogGrpc: the "
            "name \"CatalogGrpc\" is the class name of its gRPC binding CatalogGrpc, so it would "
            "be its constructor; rename the RPC\n");
  // Without grpc=true there is no binding, and nothing to report.
  EXPECT_EQ(Protoc("grpc").exit_code, 0);
}

// protobuf's keyword escape appends `_`: delete and delete_, virtual and
// virtual_ would each be one C++ name.
TEST(HostileRejectedTest, NamesThatCoincideOnceKeywordsAreEscaped) {
  const ProtocRun run = Protoc("escaped");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 4 problems in the proto files:\n"
            "hostile/escaped/private/escaped.proto:12:3: method "
            "hostile.escaped.private.Catalog.delete_: its C++ member function name \"delete_\" "
            "is also that of hostile.escaped.private.Catalog.delete; rename one of them\n"
            "hostile/escaped/private/escaped.proto:19:1: service hostile.escaped.private.virtual_: "
            "its C++ class name \"virtual_\" in namespace hostile::escaped::private_::svc is also "
            "that of hostile.escaped.private.virtual; rename one of them\n"
            "hostile/escaped/v1/escaped.proto:12:3: method hostile.escaped.v1.Catalog.delete_: its "
            "C++ member function name \"delete_\" is also that of "
            "hostile.escaped.v1.Catalog.delete; rename one of them\n"
            "hostile/escaped/v1/escaped.proto:19:1: service hostile.escaped.v1.virtual_: its C++ "
            "class name \"virtual_\" in namespace hostile::escaped::v1::svc is also that of "
            "hostile.escaped.v1.virtual; rename one of them\n");
}

// A typed event's fixed_value name that is not UTF-8: envelopes carry it in a
// proto3 string, which no consumer could parse.
TEST(HostileRejectedTest, EventNameThatIsNotUtf8) {
  const ProtocRun run = Protoc("utf8");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 1 problem in the proto files:\n"
            "hostile/utf8/v1/utf8.proto:18:3: field hostile.utf8.v1.Renamed.event_name: event "
            "name \"bad.\\xff.name\" is not valid UTF-8, which an envelope's string fields "
            "must be\n");
}

}  // namespace
