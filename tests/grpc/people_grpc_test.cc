// The gRPC binding (docs/reference/services.md) of the people example, over a real server: v1
// and v2 served side by side on 127.0.0.1 by one chain over one private
// implementation, called through grpc_cpp_plugin's own stubs.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

#include "acme/people/private/people.svc.h"
#include "acme/people/v1/people.svc.grpc.h"
#include "acme/people/v2/people.svc.grpc.h"
#include "cppsvc/grpc.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"
#include "support/fake_people.h"
#include "support/people_chain.h"
#include "support/people_requests.h"
#include "v1_converter.h"  // the example's v1 override

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;

constexpr const char* kId = ::cppsvc::testing::kPersonId;

// The bindings implement the classes grpc_cpp_plugin generates.
static_assert(std::is_base_of_v<v1::People::Service, v1::svc::PeopleGrpc>);
static_assert(std::is_base_of_v<v2::People::Service, v2::svc::PeopleGrpc>);

using ::cppsvc::testing::FakePeople;

// A client context that gives up rather than hang a broken test.
class Context : public grpc::ClientContext {
 public:
  Context() { set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30)); }
};

class PeopleGrpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterService(&v1_binding_);
    builder.RegisterService(&v2_binding_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port_, 0);
    std::shared_ptr<grpc::Channel> channel = grpc::CreateChannel(
        "127.0.0.1:" + std::to_string(port_), grpc::InsecureChannelCredentials());
    v1_client_ = v1::People::NewStub(channel);
    v2_client_ = v2::People::NewStub(channel);
  }

  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  FakePeople implementation_;
  example::PeopleV1Converter v1_converter_;
  priv::svc::PeopleChain chain_{implementation_, ::cppsvc::testing::V1Overrides(v1_converter_)};
  v1::svc::PeopleGrpc v1_binding_{chain_.v1()};
  v2::svc::PeopleGrpc v2_binding_{chain_.v2()};
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::People::Stub> v1_client_;
  std::unique_ptr<v2::People::Stub> v2_client_;
};

TEST_F(PeopleGrpcTest, V1AndV2ClientsReachTheSameImplementation) {
  Context v1_context;
  v1::CreateResponse v1_response;
  grpc::Status status =
      v1_client_->Create(&v1_context, ::cppsvc::testing::V1CreateRequest(), &v1_response);
  ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  // Converted twice on the way in (with the override), twice on the way back.
  EXPECT_EQ(implementation_.received_create().ShortDebugString(),
            "id: \"f95616f1-23e3-4694-8658-8082b0a18267\" full_name: \"Dane Harrigan\" "
            "first_name: \"Dane\" last_name: \"Harrigan\" age: 36 employment: FULL_TIME "
            "hobby { cycling { style: \"road\" } }");
  EXPECT_EQ(v1_response.person().ShortDebugString(),
            "id: \"f95616f1-23e3-4694-8658-8082b0a18267\" first_name: \"Dane\" "
            "last_name: \"Harrigan\" employment: EMPLOYED hobby { biking { style: \"road\" } } "
            "created_at { seconds: 1637522265 }");

  Context v2_context;
  v2::CreateResponse v2_response;
  status = v2_client_->Create(&v2_context, ::cppsvc::testing::V2CreateRequest(), &v2_response);
  ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  EXPECT_EQ(implementation_.received_create().ShortDebugString(),
            "id: \"f95616f1-23e3-4694-8658-8082b0a18267\" full_name: \"Dane Harrigan\" "
            "age: 25 employment: FULL_TIME hobby { cycling { style: \"road\" } }");
  EXPECT_EQ(v2_response.person().full_name(), "Dane Harrigan");
  EXPECT_EQ(v2_response.person().employment(), v2::Person::FULL_TIME);
  EXPECT_EQ(v2_response.person().created_at().seconds(), 1637522265);

  EXPECT_EQ(implementation_.creates(), 2);
}

TEST_F(PeopleGrpcTest, RenamedMethodOverGrpcReachesItsDelegate) {
  Context context;
  v1::GetRequest request;
  request.set_id(kId);
  v1::GetResponse response;
  grpc::Status status = v1_client_->Get(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_code() << " " << status.error_message();
  EXPECT_EQ(response.person().first_name(), "Dane");
  EXPECT_EQ(response.person().employment(), v1::Person::EMPLOYED);  // from PART_TIME
}

TEST_F(PeopleGrpcTest, InvalidRequestIsInvalidArgumentWithTheValidationText) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.set_id("not-a-uuid");
  request.set_first_name("D");
  Context context;
  v1::CreateResponse response;
  grpc::Status status = v1_client_->Create(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(),
            "first_name: the length must be no less than 2; id: must be a valid UUID.");
  EXPECT_EQ(implementation_.creates(), 0);  // never reached
}

TEST_F(PeopleGrpcTest, ImplementationErrorsPassThrough) {
  v1::DeleteRequest v1_request;
  v1_request.set_id(kId);
  Context v1_context;
  v1::DeleteResponse v1_response;
  grpc::Status status = v1_client_->Delete(&v1_context, v1_request, &v1_response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "record not found");

  v2::DeleteRequest v2_request;
  v2_request.set_id(kId);
  Context v2_context;
  v2::DeleteResponse v2_response;
  status = v2_client_->Delete(&v2_context, v2_request, &v2_response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(status.error_message(), "record not found");
}

TEST_F(PeopleGrpcTest, UnmappableResponseIsFailedPrecondition) {
  implementation_.set_answer_employment(99);
  Context context;
  v2::CreateResponse response;
  grpc::Status status =
      v2_client_->Create(&context, ::cppsvc::testing::V2CreateRequest(), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(status.error_message(), "failed to populate field \"Employment\"");
  EXPECT_EQ(implementation_.creates(), 1);
}

// cppsvc::ToGrpcStatus on its own: every canonical code, message kept.
TEST(GrpcStatusTest, EveryCodeMapsOneToOneWithItsMessage) {
  EXPECT_TRUE(cppsvc::ToGrpcStatus(absl::OkStatus()).ok());
  for (int code = 1; code <= 16; ++code) {
    const absl::Status status(static_cast<absl::StatusCode>(code), "why: \xc3\xa9");
    const grpc::Status converted = cppsvc::ToGrpcStatus(status);
    EXPECT_EQ(static_cast<int>(converted.error_code()), code);
    EXPECT_EQ(converted.error_message(), "why: \xc3\xa9");
  }
  // absl reports numbers outside its canonical codes as kUnknown.
  EXPECT_EQ(cppsvc::ToGrpcStatus(absl::Status(static_cast<absl::StatusCode>(42), "x")).error_code(),
            grpc::StatusCode::UNKNOWN);
}

}  // namespace
