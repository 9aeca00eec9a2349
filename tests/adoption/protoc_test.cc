// The plugin run by the real protoc over the adoption trees: exit status and
// the exact lines users see on stderr.
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "support/command.h"

namespace {

using ::cppsvc::testing::CommandRun;

CommandRun Protoc(const std::string& arguments) {
  const std::string out_dir = ::testing::TempDir() + "/adoption_protoc_out";
  std::system(("mkdir -p '" + out_dir + "'").c_str());
  return ::cppsvc::testing::RunCommand(absl::StrCat(
      CPPSVC_PROTOC, " --plugin=protoc-gen-cpp-svc=", CPPSVC_PLUGIN, " -I", CPPSVC_PROTO_DIR,
      " -I", CPPSVC_ADOPTION_DIR, " -I", CPPSVC_ADOPTION_DIR, "/../cases --cpp-svc_out=",
      out_dir, " ", arguments, " 2>&1"));
}

TEST(AdoptionProtocTest, ImportedButNotGeneratedTypesDoNotCrash) {
  const CommandRun run = Protoc("acme/ex/v1/ex.proto acme/ex/v2/ex.proto acme/ex/private/ex.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
}

TEST(AdoptionProtocTest, StreamingRpcsWarnOncePerService) {
  const CommandRun run = Protoc("acme/stream/v1/stream.proto acme/stream/private/stream.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "acme/stream/private/stream.proto:18:1: warning: service acme.stream.private.Feed: streaming RPCs Watch, Upload are left out of the service chain, which serves unary RPCs only\n"
            "acme/stream/private/stream.proto:25:1: warning: service acme.stream.private.Tail: streaming RPC Follow is left out of the service chain, which serves unary RPCs only\n"
            "acme/stream/v1/stream.proto:20:1: warning: service acme.stream.v1.Feed: streaming RPCs Watch, Upload are left out of the service chain, which serves unary RPCs only; the gRPC binding answers them UNIMPLEMENTED (override them in a subclass of the binding to serve them)\n"
            "acme/stream/v1/stream.proto:28:1: warning: service acme.stream.v1.Tail: streaming RPC Follow is left out of the service chain, which serves unary RPCs only; the gRPC binding answers it UNIMPLEMENTED (override it in a subclass of the binding to serve it)\n");
}

TEST(AdoptionProtocTest, ServicesWithoutAChainAreNotRejected) {
  const CommandRun run =
      Protoc("--cpp-svc_opt=grpc=true acme/tools/tools.proto acme/keywords/keywords.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output, "");
}

TEST(AdoptionProtocTest, OneofDelegateTypoAndAmbiguity) {
  const CommandRun run = Protoc("acme/sports/v1/sports.proto acme/sports/private/sports.proto");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "acme/sports/v1/sports.proto:19:5: oneof member acme.sports.v1.Activity.cycling: delegate \"cyclng\" not found in oneof acme.sports.private.Activity.kind\n"
            "acme/sports/v1/sports.proto:20:5: oneof member acme.sports.v1.Activity.running: no member \"running\" in oneof acme.sports.private.Activity.kind, and members run, jog all have type acme.sports.private.Running; name the counterpart with a delegate\n");
}

}  // namespace
