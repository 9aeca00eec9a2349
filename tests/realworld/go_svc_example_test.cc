// protoc-gen-go-svc's own example protos (tests/realworld/protoc-gen-go-svc,
// unchanged) through our chain, checked with our conversion-test helpers
// against the JSON vectors published beside them.
#include <string>

#include "gtest/gtest.h"
#include "v1/service.svc.testing.h"
#include "v2/service.svc.testing.h"

namespace {

namespace v1 = ::example::v1;
namespace v2 = ::example::v2;
namespace priv = ::example::private_;

std::string Vector(const std::string& name) {
  return std::string(CPPSVC_GO_SVC_CONVERSIONS_DIR) + "/" + name;
}

// What the Go example's v1 test does by hand: v2 merged the names into
// full_name and requires an age, which a v1 request does not carry.
class V1Converter : public v1::svc::Converter {
 public:
  using Converter::ToNext;

  absl::Status ToNext(const v1::CreateRequest& in, v2::CreateRequest& out) const override {
    absl::Status status = Converter::ToNext(in, out);
    out.set_full_name(in.first_name() + " " + in.last_name());
    out.set_age(36);
    return status;
  }
};

TEST(GoSvcExampleTest, V2CreateVectors) {
  v2::svc::testing::ConversionParams params;
  params.public_input = Vector("v2/create-request.json");
  params.private_input = Vector("private/create-request-v2.json");
  params.private_output = Vector("private/create-response-v2.json");
  params.public_output = Vector("v2/create-response.json");
  EXPECT_EQ(v2::svc::testing::RunCreateConversionTest(params), absl::OkStatus());
}

TEST(GoSvcExampleTest, V2BatchVectors) {
  v2::svc::testing::ConversionParams params;
  params.public_input = Vector("v2/batch-request.json");
  params.private_input = Vector("private/batch-request-v2.json");
  params.private_output = Vector("private/batch-response-v2.json");
  params.public_output = Vector("v2/batch-response.json");
  EXPECT_EQ(v2::svc::testing::RunBatchConversionTest(params), absl::OkStatus());
}

TEST(GoSvcExampleTest, V1CreateVectorsThroughTwoHops) {
  v1::svc::testing::ConversionParams params;
  params.public_input = Vector("v1/create-request.json");
  params.private_input = Vector("private/create-request-all.json");
  params.private_output = Vector("private/create-response-all.json");
  params.public_output = Vector("v1/create-response.json");
  V1Converter converter;
  priv::svc::PeopleChainOverrides overrides;
  overrides.v1_converter = &converter;
  EXPECT_EQ(v1::svc::testing::RunCreateConversionTest(params, overrides), absl::OkStatus());
  // Without the override, the private validator rejects what v1 cannot fill,
  // as in the Go example.
  const absl::Status status = v1::svc::testing::RunCreateConversionTest(params);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
}

// v1 ListRequest has converter.empty: the generated hook (which does not
// name its unused parameters) leaves the output to an override.
TEST(GoSvcExampleTest, ConverterEmptyHookStartsEmpty) {
  v1::ListRequest request;
  priv::ListRequest converted;
  ASSERT_TRUE(v1::svc::Converter::Default().ToPrivate(request, converted).ok());
  EXPECT_EQ(converted.ByteSizeLong(), 0u);
}

}  // namespace
