// Hostile input at run time: messages nested far beyond protobuf's parse
// recursion limit, 100 MB strings, invalid UTF-8 in proto3 strings, and NaN /
// infinities against min/max rules. Each case has a defined, asserted
// outcome; timings are printed.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>

#include "acme/people/private/people.svc.h"
#include "acme/people/v1/people.svc.h"
#include "acme/rules/v1/rules.svc.h"
#include "acme/shapes/private/shapes.svc.h"
#include "acme/shapes/v1/shapes.svc.testing.h"
#include "cppsvc/testing.h"
#include "gtest/gtest.h"
#include "support/people_chain.h"
#include "v1_converter.h"

namespace {

namespace rules = ::acme::rules::v1;
namespace sv1 = ::acme::shapes::v1;
namespace sv2 = ::acme::shapes::v2;
namespace spriv = ::acme::shapes::private_;
namespace pv1 = ::acme::people::v1;
namespace pp = ::acme::people::private_;

// Depth well past protobuf's default parse recursion limit (100), small
// enough for the recursive validators, converters and protobuf's own
// recursive copy/destroy to fit a default 8 MB stack also under ASan.
constexpr int kDeep = 2000;

template <typename F>
double Seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

rules::Tree DeepTree(int depth, const std::string& leaf_label) {
  rules::Tree root;
  rules::Tree* node = &root;
  for (int i = 0; i < depth; ++i) {
    node->set_label("n");
    node = node->add_children();
  }
  node->set_label(leaf_label);
  return root;
}

TEST(HostileInputTest, DeepMessagesFailToParseWithAClearResult) {
  const rules::Tree tree = DeepTree(kDeep, "leaf");
  std::string wire;
  ASSERT_TRUE(tree.SerializeToString(&wire));  // serialising is not limited
  rules::Tree parsed;
  EXPECT_FALSE(parsed.ParseFromString(wire));  // the recursion limit (100)
  // Exactly at the limit it still parses.
  ASSERT_TRUE(DeepTree(99, "leaf").SerializeToString(&wire));
  EXPECT_TRUE(parsed.ParseFromString(wire));
}

TEST(HostileInputTest, DeepMessagesValidateInMemory) {
  rules::Tree tree = DeepTree(kDeep, "");
  // The validator recurses once per level (no depth limit of its own) and
  // reports the blank label at the bottom with its full path.
  cppsvc::Violations violations;
  const double seconds = Seconds([&] { violations = rules::svc::Validate(tree); });
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].path.size(), 2u * kDeep + 1);
  EXPECT_EQ(violations[0].rule, cppsvc::Rule::kRequired);
  std::printf("validate a %d-deep tree: %.4f s\n", kDeep, seconds);
}

TEST(HostileInputTest, DeepMessagesConvertInMemoryAndThroughTheChain) {
  sv1::Shape root;
  sv1::Shape* node = &root;
  for (int i = 0; i < kDeep; ++i) {
    node->set_legacy_color(sv1::GREEN);  // a deprecated field at every level
    node = node->add_children();
  }
  node->set_id("bottom");
  class Echo : public spriv::svc::Shapes {
   public:
    absl::Status Put(const spriv::Shape& request, spriv::Shape* response) override {
      *response = request;
      return absl::OkStatus();
    }
  } echo;
  spriv::svc::ShapesChain chain(echo);
  sv1::Shape response;
  absl::Status status;
  const double seconds = Seconds([&] { status = chain.v1().Put(root, &response); });
  ASSERT_TRUE(status.ok()) << status;
  const sv1::Shape* back = &response;
  for (int i = 0; i < kDeep; ++i) {
    ASSERT_EQ(back->legacy_color(), sv1::GREEN) << "level " << i;
    ASSERT_EQ(back->children_size(), 1);
    back = &back->children(0);
  }
  EXPECT_EQ(back->id(), "bottom");
  std::printf("v1 -> v2 -> private -> v2 -> v1 of a %d-deep shape: %.4f s\n", kDeep, seconds);
}

TEST(HostileInputTest, DeepJsonInTheConversionTestHelpersIsAnError) {
  // The conversion-test helpers parse canonical JSON (docs/reference/services.md).
  std::string json;
  for (int i = 0; i < kDeep; ++i) json += "{\"children\": [";
  json += "{}";
  for (int i = 0; i < kDeep; ++i) json += "]}";
  const std::string path = ::testing::TempDir() + "/deep_shape.json";
  std::ofstream(path) << json;
  sv1::Shape shape;
  const absl::Status status = cppsvc::testing::ParseJsonFile(path, shape);
  EXPECT_FALSE(status.ok());
  std::printf("ParseJsonFile of a %d-deep shape: %s\n", kDeep, status.ToString().c_str());
  cppsvc::testing::ConversionParams params;
  params.public_input = path;
  params.private_input = path;
  params.private_output = path;
  params.public_output = path;
  EXPECT_FALSE(sv1::svc::testing::RunPutConversionTest(params).ok());
}

TEST(HostileInputTest, HundredMegabyteStrings) {
  const std::string huge(100u << 20, 'a');
  {  // Validators: length rules look at size(), formats stop early.
    rules::Strings s;
    s.set_uuid(huge);
    s.set_email(huge);
    s.set_url(huge);
    s.set_region(huge);
    s.set_min_only(huge);
    s.set_max_only(huge);
    s.set_all(huge);
    cppsvc::Violations violations;
    const double seconds = Seconds([&] { violations = rules::svc::Validate(s); });
    EXPECT_EQ(violations.ToString(),
              "all: must be a valid UUID; email: must be a valid email address; max_only: the "
              "length must be no more than 3; region: must be a valid value; url: must be a "
              "valid URL; uuid: must be a valid UUID.");
    std::printf("validate 7 x 100 MB strings: %.4f s\n", seconds);
    EXPECT_LT(seconds, 5.0);
  }
  {  // Converters and the chain: copies, linear.
    pv1::CreateRequest request;
    request.set_id("f95616f1-23e3-4694-8658-8082b0a18267");
    request.set_first_name(huge);
    request.set_last_name(huge);
    request.set_employment(pv1::Person::EMPLOYED);
    request.mutable_hobby()->mutable_coding()->set_language(huge);
    class Echo : public pp::svc::People {
     public:
      absl::Status Create(const pp::CreateRequest& r, pp::CreateResponse* response) override {
        pp::Person* p = response->mutable_person();
        p->set_id(r.id());
        p->set_first_name(r.first_name());
        p->set_last_name(r.last_name());
        p->set_employment(r.employment());
        *p->mutable_hobby() = r.hobby();
        full_name_size = r.full_name().size();
        return absl::OkStatus();
      }
      absl::Status Fetch(const pp::GetRequest&, pp::GetResponse*) override {
        return absl::OkStatus();
      }
      absl::Status Delete(const pp::DeleteRequest&, pp::DeleteResponse*) override {
        return absl::OkStatus();
      }
      absl::Status List(const pp::ListRequest&, pp::ListResponse*) override {
        return absl::OkStatus();
      }
      absl::Status Batch(const pp::BatchRequest&, pp::BatchResponse*) override {
        return absl::OkStatus();
      }
      absl::Status Ping(const pp::PingRequest&, pp::PingResponse*) override {
        return absl::OkStatus();
      }
      size_t full_name_size = 0;
    } echo;
    example::PeopleV1Converter v1_converter;
    pp::svc::PeopleChain chain(echo, ::cppsvc::testing::V1Overrides(v1_converter));
    pv1::CreateResponse response;
    absl::Status status;
    const double seconds = Seconds([&] { status = chain.v1().Create(request, &response); });
    ASSERT_TRUE(status.ok()) << status.ToString().substr(0, 200);
    EXPECT_EQ(echo.full_name_size, 2 * huge.size() + 1);  // the override's merge
    EXPECT_EQ(response.person().first_name().size(), huge.size());
    EXPECT_EQ(response.person().hobby().coding().language().size(), huge.size());
    std::printf(
        "v1 Create with 3 x 100 MB strings through the chain (validate, convert, "
        "carry, back): %.4f s\n",
        seconds);
    EXPECT_LT(seconds, 20.0);
  }
}

TEST(HostileInputTest, InvalidUtf8InProto3Strings) {
  const std::string invalid = "ab\xC3\x28\xFF";  // a broken 2-byte sequence and 0xFF
  rules::Strings s;
  s.set_region(invalid);
  s.set_min_only(invalid);
  s.set_email(invalid + "@example.com");
  // In memory nothing checks UTF-8: validators count bytes and compare bytes.
  // (`all` is required and unset here.)
  EXPECT_EQ(rules::svc::Validate(s).ToString(),
            "all: cannot be blank; email: must be a valid email address; region: must be a "
            "valid value.");
  s.set_email("");
  s.set_region("east");
  EXPECT_EQ(rules::svc::Validate(s).ToString(), "all: cannot be blank.");  // min_only: 5 bytes >= 2
  // Converters copy the bytes unchanged.
  sv1::Shape shape;
  shape.set_id(invalid);
  spriv::Shape priv;
  ASSERT_TRUE(sv1::svc::Converter::Default().ToPrivate(shape, priv).ok());
  EXPECT_EQ(priv.id(), invalid);
  // On the wire protobuf (proto3) refuses it: serialising logs an error but
  // writes the bytes; parsing fails (the gRPC binding's parse would reject
  // the call before our code runs).
  std::string wire;
  EXPECT_TRUE(shape.SerializeToString(&wire));
  sv1::Shape parsed;
  EXPECT_FALSE(parsed.ParseFromString(wire));
}

TEST(HostileInputTest, NanAndInfinitiesAgainstMinMax) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  constexpr double kInf = std::numeric_limits<double>::infinity();
  rules::Scalars s;
  s.set_s32(1);
  s.set_flag(true);
  // db: min 1e-07, max 1e+06; ratio: min 2.5; fl: in [1.1, 2.5].
  s.set_db(kNaN);
  s.set_ratio(kNaN);
  EXPECT_TRUE(rules::svc::Validate(s).ok());  // NaN compares false: passes min and max
  s.set_db(kInf);
  s.set_ratio(-kInf);
  EXPECT_EQ(rules::svc::Validate(s).ToString(),
            "db: must be no greater than 1e+06; ratio: must be no less than 2.5.");
  s.set_db(-kInf);
  s.set_ratio(kInf);
  EXPECT_EQ(rules::svc::Validate(s).ToString(), "db: must be no less than 1e-07.");
  s.set_db(0);
  s.set_ratio(0);
  s.set_fl(std::numeric_limits<float>::quiet_NaN());  // NaN is in no `in` list
  EXPECT_EQ(rules::svc::Validate(s).ToString(), "fl: must be a valid value.");
  s.set_fl(std::numeric_limits<float>::infinity());
  EXPECT_EQ(rules::svc::Validate(s).ToString(), "fl: must be a valid value.");
  // Converters copy NaN and infinities bit for bit.
  sv1::Shape shape;
  shape.mutable_anchor()->set_x(-kNaN);
  shape.mutable_anchor()->set_y(-kInf);
  spriv::Shape priv;
  ASSERT_TRUE(sv1::svc::Converter::Default().ToPrivate(shape, priv).ok());
  EXPECT_TRUE(std::isnan(priv.anchor().x()));
  EXPECT_TRUE(std::signbit(priv.anchor().x()));
  EXPECT_EQ(priv.anchor().y(), -kInf);
}

}  // namespace
