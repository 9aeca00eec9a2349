// Corpus cases the plugin must reject: the real protoc runs the plugin over
// tests/corpus/rejected, and its exit status and every stderr line are compared.
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "support/command.h"

namespace {

using ProtocRun = ::cppsvc::testing::CommandRun;

ProtocRun Protoc(const std::string& arguments) {
  const std::string out_dir = ::testing::TempDir() + "/corpus_rejected_out";
  std::system(("mkdir -p '" + out_dir + "'").c_str());
  const std::string command = absl::StrCat(
      CPPSVC_PROTOC, " --plugin=protoc-gen-cpp-svc=", CPPSVC_PLUGIN, " -I", CPPSVC_PROTO_DIR,
      " -I", CPPSVC_CORPUS_REJECTED_DIR, " --cpp-svc_out=", out_dir, " ", arguments, " 2>&1");
  return ::cppsvc::testing::RunCommand(command);
}

// Streaming RPCs are no longer rejected: the chain serves the unary ones and
// each service with streaming RPCs gets one warning naming them.
TEST(CorpusRejectedTest, StreamingRpcsAreLeftOutWithAWarning) {
  const ProtocRun run =
      Protoc("corpus/stream/v1/stream.proto corpus/stream/private/stream.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "corpus/stream/private/stream.proto:10:1: warning: service corpus.stream.private.Transfer: streaming RPCs Download, Upload, Sync are left out of the service chain, which serves unary RPCs only\n"
            "corpus/stream/v1/stream.proto:10:1: warning: service corpus.stream.v1.Transfer: streaming RPCs Download, Upload, Sync are left out of the service chain, which serves unary RPCs only; the gRPC binding answers them UNIMPLEMENTED (override them in a subclass of the binding to serve them)\n");
}

TEST(CorpusRejectedTest, MessageNamedLikeTheGeneratedNamespace) {
  const ProtocRun run = Protoc("corpus/names/v1/names.proto corpus/names/private/names.proto");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "corpus/names/private/names.proto:6:1: message corpus.names.private.svc: the name "
            "\"svc\" is reserved at package level for the namespace of generated code; rename it\n"
            "corpus/names/v1/names.proto:7:1: message corpus.names.v1.svc: the name \"svc\" is "
            "reserved at package level for the namespace of generated code; rename it\n");
}

// A streaming RPC that exists only in the private package (the public one is
// unary): left out of the private interface, with a warning.
TEST(CorpusRejectedTest, PrivateOnlyStreamingRpc) {
  const ProtocRun run = Protoc("corpus/private_streaming/v1/private_streaming.proto corpus/private_streaming/private/private_streaming.proto");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "corpus/private_streaming/private/private_streaming.proto:9:1: warning: service corpus.private_streaming.private.Transfer: streaming RPC Download is left out of the service chain, which serves unary RPCs only\n");
}

TEST(CorpusRejectedTest, RpcsNamedLikeDataMembers) {
  const ProtocRun run = Protoc("corpus/rpc_named_like_member/v1/rpc_named_like_member.proto corpus/rpc_named_like_member/private/rpc_named_like_member.proto");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 4 problems in the proto files:\n"
            "corpus/rpc_named_like_member/private/rpc_named_like_member.proto:10:3: method corpus.rpc_named_like_member.private.Edge.validator_: the name \"validator_\" is a data member of the generated service class; rename the RPC\n"
            "corpus/rpc_named_like_member/private/rpc_named_like_member.proto:11:3: method corpus.rpc_named_like_member.private.Edge.next_: the name \"next_\" is a data member of the generated service class; rename the RPC\n"
            "corpus/rpc_named_like_member/v1/rpc_named_like_member.proto:10:3: method corpus.rpc_named_like_member.v1.Edge.validator_: the name \"validator_\" is a data member of the generated service class; rename the RPC\n"
            "corpus/rpc_named_like_member/v1/rpc_named_like_member.proto:11:3: method corpus.rpc_named_like_member.v1.Edge.next_: the name \"next_\" is a data member of the generated service class; rename the RPC\n");
}

// An RPC named like its service: it would be the class constructor. Found by the corpus; reported since.
TEST(CorpusRejectedTest, RpcNamedLikeItsService) {
  const ProtocRun run = Protoc("corpus/rpc_named_like_service/v1/rpc_named_like_service.proto corpus/rpc_named_like_service/private/rpc_named_like_service.proto");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "corpus/rpc_named_like_service/private/rpc_named_like_service.proto:10:3: method corpus.rpc_named_like_service.private.Echo.Echo: an RPC named like its service would be the C++ class's constructor; rename the RPC or the service\n"
            "corpus/rpc_named_like_service/v1/rpc_named_like_service.proto:10:3: method corpus.rpc_named_like_service.v1.Echo.Echo: an RPC named like its service would be the C++ class's constructor; rename the RPC or the service\n");
}

// Services X and XChain: XChain is the chain class generated for X. Found by the corpus; reported since.
TEST(CorpusRejectedTest, ServiceNamedLikeAnotherServicesChain) {
  const ProtocRun run = Protoc("corpus/service_and_service_chain/v1/service_and_service_chain.proto corpus/service_and_service_chain/private/service_and_service_chain.proto");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "corpus/service_and_service_chain/private/service_and_service_chain.proto:13:1: service corpus.service_and_service_chain.private.EdgeChain: the name \"EdgeChain\" is what service \"Edge\" generates for its Chain class; rename one of them\n"
            "corpus/service_and_service_chain/v1/service_and_service_chain.proto:13:1: service corpus.service_and_service_chain.v1.EdgeChain: the name \"EdgeChain\" is what service \"Edge\" generates for its Chain class; rename one of them\n");
}

// A service named like the svc::testing namespace. Found by the corpus; reported since.
TEST(CorpusRejectedTest, ServiceNamedTesting) {
  const ProtocRun run = Protoc("corpus/service_named_testing/v1/service_named_testing.proto corpus/service_named_testing/private/service_named_testing.proto");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "corpus/service_named_testing/private/service_named_testing.proto:9:1: service corpus.service_named_testing.private.testing: the name \"testing\" is taken by generated code in namespace corpus.service_named_testing.private.svc; rename the service\n"
            "corpus/service_named_testing/v1/service_named_testing.proto:9:1: service corpus.service_named_testing.v1.testing: the name \"testing\" is taken by generated code in namespace corpus.service_named_testing.v1.svc; rename the service\n");
}

// A service named like the generated Validator class. Found by the corpus; reported since.
TEST(CorpusRejectedTest, ServiceNamedValidator) {
  const ProtocRun run = Protoc("corpus/service_named_validator/v1/service_named_validator.proto corpus/service_named_validator/private/service_named_validator.proto");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.output,
            "--cpp-svc_out: 2 problems in the proto files:\n"
            "corpus/service_named_validator/private/service_named_validator.proto:9:1: service corpus.service_named_validator.private.Validator: the name \"Validator\" is taken by generated code in namespace corpus.service_named_validator.private.svc; rename the service\n"
            "corpus/service_named_validator/v1/service_named_validator.proto:9:1: service corpus.service_named_validator.v1.Validator: the name \"Validator\" is taken by generated code in namespace corpus.service_named_validator.v1.svc; rename the service\n");
}

}  // namespace
