// The gRPC binding of a service that mixes unary and streaming RPCs, over a
// real server on 127.0.0.1: the unary RPCs go through the chain, the
// streaming ones (which the binding does not override) answer UNIMPLEMENTED.
#include <memory>
#include <string>

#include "acme/stream/private/stream.svc.h"
#include "acme/stream/v1/stream.grpc.pb.h"
#include "acme/stream/v1/stream.svc.grpc.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::acme::stream::v1;
namespace priv = ::acme::stream::private_;

class Feed : public priv::svc::Feed {
 public:
  absl::Status Get(const priv::GetRequest& request, priv::Item* response) override {
    if (request.id().empty()) return absl::NotFoundError("no id");
    response->set_id(request.id());
    response->set_text("got");
    return absl::OkStatus();
  }
  absl::Status Put(const priv::Item&, priv::Ack* response) override {
    response->set_count(1);
    return absl::OkStatus();
  }
};

class AdoptionGrpcStreamingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&binding_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port_, 0);
    stub_ = v1::Feed::NewStub(grpc::CreateChannel("127.0.0.1:" + std::to_string(port_),
                                                  grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  Feed implementation_;
  priv::svc::FeedChain chain_{implementation_};
  v1::svc::FeedGrpc binding_{chain_.v1()};
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::Feed::Stub> stub_;
};

TEST_F(AdoptionGrpcStreamingTest, UnaryRpcsAreServed) {
  grpc::ClientContext context;
  v1::GetRequest request;
  request.set_id("i1");
  v1::Item item;
  const grpc::Status status = stub_->Get(&context, request, &item);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(item.text(), "got");

  grpc::ClientContext missing_context;
  const grpc::Status missing = stub_->Get(&missing_context, v1::GetRequest(), &item);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);

  grpc::ClientContext put_context;
  v1::Ack ack;
  ASSERT_TRUE(stub_->Put(&put_context, v1::Item(), &ack).ok());
  EXPECT_EQ(ack.count(), 1);
}

TEST_F(AdoptionGrpcStreamingTest, ServerStreamingAnswersUnimplemented) {
  grpc::ClientContext context;
  v1::GetRequest request;
  request.set_id("i1");
  std::unique_ptr<grpc::ClientReader<v1::Item>> reader = stub_->Watch(&context, request);
  v1::Item item;
  EXPECT_FALSE(reader->Read(&item));
  const grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED) << status.error_message();
}

TEST_F(AdoptionGrpcStreamingTest, ClientStreamingAnswersUnimplemented) {
  grpc::ClientContext context;
  v1::Ack ack;
  std::unique_ptr<grpc::ClientWriter<v1::Item>> writer = stub_->Upload(&context, &ack);
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED) << status.error_message();
}

}  // namespace
