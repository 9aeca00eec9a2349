// The people example's service chain, compiled from protoc's real output:
// every public version served by one private implementation. Expected texts
// and traces are those of protoc-gen-go-svc's verified example.
#include "support/people_chain.h"

#include <string>

#include "acme/people/private/people.svc.h"
#include "gtest/gtest.h"
#include "support/equals_text.h"
#include "support/fake_people.h"
#include "support/people_requests.h"
#include "v1_converter.h"  // the example's v1 override

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;

constexpr const char* kId = ::cppsvc::testing::kPersonId;

using ::cppsvc::testing::FakePeople;

class PeopleChainTest : public ::testing::Test {
 protected:
  FakePeople implementation_;
  example::PeopleV1Converter v1_converter_;
  priv::svc::PeopleChain chain_{implementation_, ::cppsvc::testing::V1Overrides(v1_converter_)};
};

TEST_F(PeopleChainTest, V2CreateReachesPrivateAndComesBack) {
  v2::CreateResponse response;
  ASSERT_TRUE(chain_.v2().Create(::cppsvc::testing::V2CreateRequest(), &response).ok());
  EXPECT_TRUE(::cppsvc::testing::EqualsText(
      implementation_.received_create(),
      "id: \"f95616f1-23e3-4694-8658-8082b0a18267\" full_name: \"Dane Harrigan\" "
      "age: 25 employment: FULL_TIME hobby { cycling { style: \"road\" } }"));
  EXPECT_EQ(response.person().full_name(), "Dane Harrigan");
  EXPECT_EQ(response.person().employment(), v2::Person::FULL_TIME);
  EXPECT_EQ(response.person().created_at().seconds(), 1637522265);
}

TEST_F(PeopleChainTest, V1CreateGoesThroughTwoHopsWithOverrideAndCarriedFields) {
  v1::CreateResponse response;
  ASSERT_TRUE(chain_.v1().Create(::cppsvc::testing::V1CreateRequest(), &response).ok());
  // The Go plugin's private/create-request-all.json.
  EXPECT_TRUE(::cppsvc::testing::EqualsText(
      implementation_.received_create(),
      "id: \"f95616f1-23e3-4694-8658-8082b0a18267\" full_name: \"Dane Harrigan\" "
      "first_name: \"Dane\" last_name: \"Harrigan\" age: 36 employment: FULL_TIME "
      "hobby { cycling { style: \"road\" } }"));
  // Back in v1: names from private, FULL_TIME read back as EMPLOYED.
  EXPECT_TRUE(::cppsvc::testing::EqualsText(
      response.person(),
      "id: \"f95616f1-23e3-4694-8658-8082b0a18267\" first_name: \"Dane\" "
      "last_name: \"Harrigan\" employment: EMPLOYED hobby { biking { style: \"road\" } } "
      "created_at { seconds: 1637522265 }"));
}

TEST_F(PeopleChainTest, ManyToOneEnumMapsBackThroughEveryHop) {
  implementation_.set_answer_employment(priv::Person::PART_TIME);
  v1::CreateResponse response;
  ASSERT_TRUE(chain_.v1().Create(::cppsvc::testing::V1CreateRequest(), &response).ok());
  EXPECT_EQ(response.person().employment(), v1::Person::EMPLOYED);
}

TEST_F(PeopleChainTest, UnmappableEnumIsFailedPrecondition) {
  implementation_.set_answer_employment(99);
  v2::CreateResponse response;
  absl::Status status = chain_.v2().Create(::cppsvc::testing::V2CreateRequest(), &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "failed to populate field \"Employment\"");
}

TEST_F(PeopleChainTest, ReceiveRequiredUsesGoFieldNames) {
  implementation_.set_drop_names(true);
  v1::CreateResponse response;
  absl::Status status = chain_.v1().Create(::cppsvc::testing::V1CreateRequest(), &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(), "FirstName: cannot be blank; LastName: cannot be blank.");
}

TEST_F(PeopleChainTest, EntryValidationIsInvalidArgument) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.set_id("not-a-uuid");
  request.set_first_name("D");
  v1::CreateResponse response;
  absl::Status status = chain_.v1().Create(request, &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "first_name: the length must be no less than 2; id: must be a valid UUID.");
  EXPECT_EQ(implementation_.received_create().id(), "");  // never reached
}

TEST_F(PeopleChainTest, PrivateValidationRunsOnTheConvertedRequest) {
  FakePeople implementation;
  priv::svc::PeopleChain chain(implementation);  // no override: no full name, no age
  v1::CreateResponse response;
  absl::Status status = chain.v1().Create(::cppsvc::testing::V1CreateRequest(), &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "age: cannot be blank; full_name: cannot be blank.");
}

TEST_F(PeopleChainTest, UnknownEnumNumbersBecomeZeroGoingForward) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.set_employment(static_cast<v1::Person::Employment>(77));
  v1::CreateResponse response;
  absl::Status status = chain_.v1().Create(request, &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "employment: cannot be blank.");
}

TEST_F(PeopleChainTest, ImplementationErrorsPassThroughUnchanged) {
  implementation_.set_error(absl::ResourceExhaustedError("quota"));
  v1::CreateResponse response;
  absl::Status status = chain_.v1().Create(::cppsvc::testing::V1CreateRequest(), &response);
  EXPECT_EQ(status, absl::ResourceExhaustedError("quota"));
  v2::DeleteRequest remove;
  remove.set_id(kId);
  v2::DeleteResponse removed;
  EXPECT_EQ(chain_.v2().Delete(remove, &removed), absl::NotFoundError("record not found"));
}

TEST_F(PeopleChainTest, RenamedMethodReachesItsDelegate) {
  v1::GetRequest request;
  request.set_id(kId);
  v1::GetResponse response;
  ASSERT_TRUE(chain_.v1().Get(request, &response).ok());
  EXPECT_EQ(implementation_.fetched_id(), kId);
  EXPECT_EQ(response.person().employment(), v1::Person::EMPLOYED);  // from PART_TIME
  EXPECT_EQ(response.person().first_name(), "Dane");
}

TEST_F(PeopleChainTest, DeprecatedMethodCallsPrivateDirectly) {
  v1::ListRequest request;
  request.set_page_size(20);
  v1::ListResponse response;
  ASSERT_TRUE(chain_.v1().List(request, &response).ok());
  EXPECT_EQ(implementation_.listed_page_size(), 20u);
  ASSERT_EQ(response.people_size(), 1);
  EXPECT_EQ(response.people(0).employment(), v1::Person::UNEMPLOYED);
  EXPECT_EQ(response.people(0).last_name(), "Harrigan");
}

TEST_F(PeopleChainTest, EmptyRequestsOfExternalTypesConvertToEmptyMessages) {
  google::protobuf::Empty request;
  google::protobuf::Empty response;
  ASSERT_TRUE(chain_.v1().Ping(request, &response).ok());
  EXPECT_TRUE(implementation_.pinged());
  EXPECT_EQ(implementation_.received_ping().ByteSizeLong(), 0u);
}

TEST_F(PeopleChainTest, EmptyRequestIsInvalidNotACrash) {
  v1::CreateRequest request;
  v1::CreateResponse response;
  EXPECT_EQ(chain_.v1().Create(request, &response).code(), absl::StatusCode::kInvalidArgument);
  v2::BatchRequest batch;
  v2::BatchResponse batched;
  EXPECT_TRUE(chain_.v2().Batch(batch, &batched).ok());
}

// An override of a nested conversion applies inside its parent's conversion
// (the Go plugin bypassed overrides below the top level).
class RenameStyles : public example::PeopleV1Converter {
 public:
  using example::PeopleV1Converter::ToNext;
  absl::Status ToNext(const v1::Biking& in, v2::Cycling& out) const override {
    absl::Status status = Converter::ToNext(in, out);
    out.set_style("gravel");
    return status;
  }
};

TEST(PeopleOverrideTest, NestedConversionsGoThroughTheOverride) {
  FakePeople implementation;
  RenameStyles converter;
  priv::svc::PeopleChain chain(implementation, ::cppsvc::testing::V1Overrides(converter));
  v1::CreateResponse response;
  ASSERT_TRUE(chain.v1().Create(::cppsvc::testing::V1CreateRequest(), &response).ok());
  EXPECT_EQ(implementation.received_create().hobby().cycling().style(), "gravel");
}

TEST(PeopleOverrideTest, ValidatorOverridesApplyPerVersion) {
  class Strict : public priv::svc::Validator {
   public:
    using Validator::Validate;
    void Validate(const priv::CreateRequest& request,
                  cppsvc::ValidationContext& context) const override {
      Validator::Validate(request, context);
      if (request.age() > 30) context.Report("age", cppsvc::Rule::kMax, "too old");
    }
  };
  FakePeople implementation;
  example::PeopleV1Converter converter;
  Strict strict;
  priv::svc::PeopleChainOverrides overrides;
  overrides.v1_converter = &converter;
  overrides.private_validator = &strict;
  priv::svc::PeopleChain chain(implementation, overrides);
  v1::CreateResponse response;
  EXPECT_EQ(chain.v1().Create(::cppsvc::testing::V1CreateRequest(), &response),
            absl::InvalidArgumentError("age: too old."));
}

}  // namespace
