// The generated conversion-test helpers (docs/reference/services.md), run on the people
// example's JSON vectors (examples/people/testdata/conversions), and what
// they report when a vector does not match the chain.
#include <fstream>
#include <string>

#include "acme/people/v1/people.svc.testing.h"
#include "acme/people/v2/people.svc.testing.h"
#include "gtest/gtest.h"
#include "v1_converter.h"  // the example's v1 override

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;

std::string Vector(const std::string& name) {
  return std::string(CPPSVC_CONVERSIONS_DIR) + "/" + name;
}

// Whether `status`'s message contains `part`, showing the message if not.
::testing::AssertionResult MessageHas(const absl::Status& status, const std::string& part) {
  if (status.message().find(part) != absl::string_view::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "\"" << part << "\" is not in " << status;
}

// A file under the test's temporary directory with `content`.
std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;  // TempDir() ends in /
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

v2::svc::testing::ConversionParams V2CreateParams() {
  v2::svc::testing::ConversionParams params;
  params.public_input = Vector("v2/create-request.json");
  params.private_input = Vector("private/create-request-v2.json");
  params.private_output = Vector("private/create-response-v2.json");
  params.public_output = Vector("v2/create-response.json");
  return params;
}

v1::svc::testing::ConversionParams V1CreateParams() {
  v1::svc::testing::ConversionParams params;
  params.public_input = Vector("v1/create-request.json");
  params.private_input = Vector("private/create-request-all.json");
  params.private_output = Vector("private/create-response-all.json");
  params.public_output = Vector("v1/create-response.json");
  return params;
}

class PeopleConversionTest : public ::testing::Test {
 protected:
  PeopleConversionTest() { overrides_.v1_converter = &v1_converter_; }

  example::PeopleV1Converter v1_converter_;
  priv::svc::PeopleChainOverrides overrides_;
};

// ---- The vectors --------------------------------------------------------------

TEST_F(PeopleConversionTest, V2CreateStraightToPrivate) {
  EXPECT_EQ(v2::svc::testing::RunCreateConversionTest(V2CreateParams()), absl::OkStatus());
}

TEST_F(PeopleConversionTest, V2BatchStraightToPrivate) {
  v2::svc::testing::ConversionParams params;
  params.public_input = Vector("v2/batch-request.json");
  params.private_input = Vector("private/batch-request-v2.json");
  params.private_output = Vector("private/batch-response-v2.json");
  params.public_output = Vector("v2/batch-response.json");
  EXPECT_EQ(v2::svc::testing::RunBatchConversionTest(params), absl::OkStatus());
}

TEST_F(PeopleConversionTest, V1CreateThroughTwoHopsWithConverterOverride) {
  EXPECT_EQ(v1::svc::testing::RunCreateConversionTest(V1CreateParams(), overrides_),
            absl::OkStatus());
}

// ---- What a failing test reports ------------------------------------------------

TEST_F(PeopleConversionTest, ReportsTheCallsOwnErrorWithoutTheOverride) {
  // The Go example's failure: private validation rejects what v1 cannot fill.
  const absl::Status status = v1::svc::testing::RunCreateConversionTest(V1CreateParams());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "acme.people.v1.People.Create conversion test: 1 problem\n"
            "- the call failed: INVALID_ARGUMENT: age: cannot be blank; "
            "full_name: cannot be blank.");
}

TEST_F(PeopleConversionTest, ReportsAWrongExpectedPrivateInput) {
  v1::svc::testing::ConversionParams params = V1CreateParams();
  params.private_input = TempFile("wrong-private-input.json", R"json({
    "id": "f95616f1-23e3-4694-8658-8082b0a18267",
    "full_name": "Dane Harrigan", "first_name": "Dane",
    "age": 35, "employment": "FULL_TIME", "email": "dane@example.com",
    "hobby": {"cycling": {"style": "road"}}
  })json");
  const absl::Status status = v1::svc::testing::RunCreateConversionTest(params, overrides_);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(),
            "acme.people.v1.People.Create conversion test: 1 problem\n"
            "- acme.people.private.People.Create received a request that differs from " +
                params.private_input +
                ":\n"
                "    unexpected last_name: \"Harrigan\"\n"
                "    age: expected 35, got 36\n"
                "    missing email: \"dane@example.com\"");
}

TEST_F(PeopleConversionTest, ReportsAWrongExpectedPublicOutput) {
  v1::svc::testing::ConversionParams params = V1CreateParams();
  params.public_output = TempFile("wrong-public-output.json", R"json({
    "person": {
      "id": "f95616f1-23e3-4694-8658-8082b0a18267",
      "firstName": "Dane", "lastName": "Harrigan", "employment": "UNEMPLOYED",
      "hobby": {"coding": {"language": "go"}},
      "createdAt": "2021-11-21T19:17:45Z", "updatedAt": "2021-11-21T19:17:45Z"
    }
  })json");
  const absl::Status status = v1::svc::testing::RunCreateConversionTest(params, overrides_);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(),
            "acme.people.v1.People.Create conversion test: 1 problem\n"
            "- the response differs from " +
                params.public_output +
                ":\n"
                "    person.employment: expected UNEMPLOYED, got EMPLOYED\n"
                "    unexpected person.hobby.biking: { style: \"road\" }\n"
                "    missing person.hobby.coding: { language: \"go\" }");
}

TEST_F(PeopleConversionTest, ListsEveryProblem) {
  v2::svc::testing::ConversionParams params = V2CreateParams();
  params.private_input = TempFile("every-private-input.json", R"json({
    "id": "f95616f1-23e3-4694-8658-8082b0a18267", "fullName": "Dane Harrigan",
    "age": 26, "employment": "FULL_TIME", "hobby": {"cycling": {"style": "road"}}
  })json");
  params.public_output = TempFile("every-public-output.json", R"json({
    "person": {"id": "f95616f1-23e3-4694-8658-8082b0a18267"}
  })json");
  const absl::Status status = v2::svc::testing::RunCreateConversionTest(params);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_TRUE(MessageHas(status,
                         "acme.people.v2.People.Create conversion test: 2 problems\n"
                         "- acme.people.private.People.Create received a request "
                         "that differs from " +
                             params.private_input +
                             ":\n"
                             "    age: expected 26, got 25\n"
                             "- the response differs from " +
                             params.public_output));
  EXPECT_TRUE(MessageHas(status, "    unexpected person.full_name: \"Dane Harrigan\"\n"));
}

TEST_F(PeopleConversionTest, ReportsAMissingFile) {
  v2::svc::testing::ConversionParams params = V2CreateParams();
  params.private_output = Vector("private/no-such-file.json");
  const absl::Status status = v2::svc::testing::RunCreateConversionTest(params);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(),
            "acme.people.v2.People.Create conversion test: 1 problem\n"
            "- cannot open " +
                params.private_output + ": No such file or directory");
}

TEST_F(PeopleConversionTest, ReportsMalformedJson) {
  v2::svc::testing::ConversionParams params = V2CreateParams();
  params.public_input = TempFile("malformed.json", R"json({"id": "f95616f1", )json");
  const absl::Status status = v2::svc::testing::RunCreateConversionTest(params);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(MessageHas(
      status, "- " + params.public_input + ": invalid JSON for acme.people.v2.CreateRequest: "));
}

TEST_F(PeopleConversionTest, ReportsAnUnknownField) {
  v2::svc::testing::ConversionParams params = V2CreateParams();
  params.public_output = TempFile("unknown-field.json", R"json({"person": {"nickname": "D"}})json");
  const absl::Status status = v2::svc::testing::RunCreateConversionTest(params);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(MessageHas(status, params.public_output));
  EXPECT_TRUE(MessageHas(status, "nickname"));
}

TEST_F(PeopleConversionTest, ReportsEveryUnreadableFile) {
  v2::svc::testing::ConversionParams params;
  params.public_input = Vector("v2/missing-1.json");
  params.private_input = Vector("private/missing-2.json");
  params.private_output = Vector("private/create-response-v2.json");
  params.public_output = TempFile("empty.json", "");
  const absl::Status status = v2::svc::testing::RunCreateConversionTest(params);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(MessageHas(status, "conversion test: 3 problems\n"));
  EXPECT_TRUE(MessageHas(status, "missing-1.json"));
  EXPECT_TRUE(MessageHas(status, "missing-2.json"));
  EXPECT_TRUE(MessageHas(status, "empty.json"));
  EXPECT_FALSE(MessageHas(status, "create-response-v2.json"));
}

}  // namespace
