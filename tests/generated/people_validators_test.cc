// The example's generated validators, compiled from protoc's real output. The
// expected texts are what clients of protoc-gen-go-svc see for the same input.
#include "acme/people/private/people.svc.h"
#include "acme/people/v1/people.svc.h"
#include "acme/people/v2/people.svc.h"
#include "gtest/gtest.h"
#include "support/allocation_counter.h"
#include "support/people_requests.h"

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;

constexpr const char* kId = ::cppsvc::testing::kPersonId;

TEST(PeopleValidatorsTest, ValidRequestHasNoViolations) {
  cppsvc::Violations violations = v1::svc::Validate(::cppsvc::testing::V1CreateRequest());
  EXPECT_TRUE(violations.ok()) << violations.ToString();
}

TEST(PeopleValidatorsTest, UppercaseUuidIsInvalid) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.set_id("F95616F1-23E3-4694-8658-8082B0A18267");
  EXPECT_EQ(v1::svc::Validate(request).ToString(), "id: must be a valid UUID.");
}

TEST(PeopleValidatorsTest, SeveralFieldsReportedSorted) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.set_id("not-a-uuid");
  request.set_first_name("D");
  cppsvc::Violations violations = v1::svc::Validate(request);
  EXPECT_EQ(violations.ToString(),
            "first_name: the length must be no less than 2; id: must be a valid UUID.");
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].FieldPath(), "id");
  EXPECT_EQ(cppsvc::RuleId(violations[0].rule), "is.uuid");
  EXPECT_EQ(cppsvc::RuleId(violations[1].rule), "min");
}

TEST(PeopleValidatorsTest, BlankRequiredFields) {
  v1::CreateRequest request;
  request.set_last_name("Harrigan");
  EXPECT_EQ(v1::svc::Validate(request).ToString(),
            "first_name: cannot be blank; hobby: cannot be blank; id: cannot be blank.");
}

TEST(PeopleValidatorsTest, EmptyNestedMessageChecksItsOneof) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.mutable_hobby()->Clear();
  cppsvc::Violations violations = v1::svc::Validate(request);
  EXPECT_EQ(violations.ToString(), "hobby: (Type: cannot be blank.).");
  EXPECT_EQ(violations[0].FieldPath(), "hobby.type");
}

TEST(PeopleValidatorsTest, OneofMemberMessagesAreValidated) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.mutable_hobby()->mutable_biking()->set_style("unicycle");
  cppsvc::Violations violations = v1::svc::Validate(request);
  EXPECT_EQ(violations.ToString(), "hobby: (biking: (style: must be a valid value.).).");
  EXPECT_EQ(violations[0].FieldPath(), "hobby.biking.style");
}

TEST(PeopleValidatorsTest, LengthIsInBytes) {
  v2::CreateRequest request;
  request.set_id(kId);
  request.set_full_name("\xC3\xA9\xC3\xA9");  // two runes, four bytes
  request.mutable_hobby()->mutable_coding();
  EXPECT_TRUE(v2::svc::Validate(request).ok());
  priv::CreateRequest private_request;
  private_request.set_id(kId);
  private_request.set_full_name("\xC3\xA9\xC3\xA9");
  private_request.set_age(20);
  private_request.set_employment(priv::Person::FULL_TIME);
  private_request.mutable_hobby()->mutable_coding();
  EXPECT_EQ(priv::svc::Validate(private_request).ToString(),
            "full_name: the length must be no less than 5.");
}

TEST(PeopleValidatorsTest, PrivateRulesOnNumbersAndEnums) {
  priv::CreateRequest request;
  request.set_id(kId);
  request.set_full_name("Dane Harrigan");
  request.set_age(10);
  request.set_employment(static_cast<priv::Person::Employment>(42));
  request.mutable_hobby()->mutable_cycling();
  EXPECT_EQ(priv::svc::Validate(request).ToString(),
            "age: must be no less than 16; employment: must be a valid value.");
  request.set_age(0);
  request.set_employment(priv::Person::UNDEFINED);
  EXPECT_EQ(priv::svc::Validate(request).ToString(),
            "age: cannot be blank; employment: cannot be blank.");
}

TEST(PeopleValidatorsTest, RepeatedElementsAreKeyedByIndex) {
  v2::BatchRequest batch;
  v2::CreateRequest* good = batch.add_creates();
  good->set_id(kId);
  good->set_full_name("Dane Harrigan");
  good->mutable_hobby()->mutable_coding();
  v2::CreateRequest* bad = batch.add_creates();
  bad->set_id("nope");
  cppsvc::Violations violations = v2::svc::Validate(batch);
  EXPECT_EQ(violations.ToString(),
            "creates: (1: (full_name: cannot be blank; hobby: cannot be blank; "
            "id: must be a valid UUID.).).");
  EXPECT_EQ(violations[0].FieldPath(), "creates[1].id");
}

TEST(PeopleValidatorsTest, EmailIsAFormatCheckWithoutDns) {
  v2::CreateRequest request;
  request.set_id(kId);
  request.set_full_name("Dane Harrigan");
  request.mutable_hobby()->mutable_coding();
  request.set_email("dane@gmail.com");
  EXPECT_TRUE(v2::svc::Validate(request).ok());
  request.set_email("dane@localhost");
  EXPECT_EQ(v2::svc::Validate(request).ToString(), "email: must be a valid email address.");
}

TEST(PeopleValidatorsTest, UnsignedMaxWorks) {
  v1::ListRequest request;
  request.set_page_size(100);
  EXPECT_TRUE(v1::svc::Validate(request).ok());
  request.set_page_size(101);
  EXPECT_EQ(v1::svc::Validate(request).ToString(), "page_size: must be no greater than 100.");
}

TEST(PeopleValidatorsTest, ValidatingAValidMessageDoesNotAllocate) {
  const v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  const size_t before = cppsvc::testing::AllocationCount();
  cppsvc::Violations violations = v1::svc::Validate(request);
  const size_t after = cppsvc::testing::AllocationCount();
  EXPECT_TRUE(violations.ok());
  EXPECT_EQ(after - before, 0u);
}

// An override changes a message wherever it appears, nested ones included.
class NoGravel : public v1::svc::Validator {
 public:
  using Validator::Validate;
  void Validate(const v1::Biking& biking, cppsvc::ValidationContext& context) const override {
    Validator::Validate(biking, context);
    if (biking.style() == "gravel") {
      context.Report("style", cppsvc::Rule::kIn, "gravel is closed for the season");
    }
  }
};

TEST(PeopleValidatorsTest, OverridesApplyToNestedMessages) {
  v1::CreateRequest request = ::cppsvc::testing::V1CreateRequest();
  request.mutable_hobby()->mutable_biking()->set_style("gravel");
  EXPECT_TRUE(v1::svc::Validate(request).ok());
  NoGravel validator;
  cppsvc::ValidationContext context;
  validator.Validate(request, context);
  EXPECT_EQ(context.TakeViolations().ToString(),
            "hobby: (biking: (style: gravel is closed for the season.).).");
}

}  // namespace
