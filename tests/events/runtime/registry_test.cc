// The registry: lookup, unpack, upcast, dispatch, JSON, and every bad input.
#include <random>
#include <string>

#include "cppsvc/events.h"
#include "events/runtime/test_events.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cppsvc::events {
namespace {

namespace v1 = ::acme::user::v1;
namespace v2 = ::acme::user::v2;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(testing::RegisterAll(registry_).ok()); }
  Registry registry_;
};

TEST_F(RegistryTest, FindAndBindingsSorted) {
  ASSERT_NE(registry_.Find("user.account.created", "v1"), nullptr);
  EXPECT_EQ(registry_.Find("user.account.created", "v3"), nullptr);
  std::vector<std::string> keys;
  for (const EventBinding* binding : registry_.Bindings()) {
    keys.push_back(std::string(binding->info.name) + " " + std::string(binding->info.version));
  }
  EXPECT_THAT(keys, ::testing::ElementsAre("user.account.created v1", "user.account.created v2",
                                           "user.email.changed v1"));
}

TEST_F(RegistryTest, RegisteringTheSameBindingTwiceIsFine) {
  EXPECT_TRUE(registry_.Register(testing::AccountCreatedV1Binding()).ok());
}

TEST_F(RegistryTest, AnotherTypeUnderATakenNameIsAlreadyExists) {
  EventBinding clash = testing::AccountCreatedV2Binding();
  clash.info = testing::kAccountCreatedV1;
  absl::Status status = registry_.Register(clash);
  EXPECT_EQ(status.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(status.message(),
            "event \"user.account.created\" version v1 is already registered as "
            "acme.user.v1.AccountCreated; cannot register acme.user.v2.AccountCreated under the "
            "same name and version");
}

TEST(Registry, IncompleteBindingsAreRejected) {
  Registry registry;
  EventBinding binding = testing::AccountCreatedV1Binding();
  binding.unpack = nullptr;
  EXPECT_EQ(registry.Register(binding).code(), absl::StatusCode::kInvalidArgument);
  binding = testing::AccountCreatedV1Binding();
  binding.to_latest = nullptr;
  EXPECT_THAT(registry.Register(binding).message(), HasSubstr("no to_latest"));
  binding = testing::AccountCreatedV1Binding();
  binding.payload_descriptor =
      v1::Plan_descriptor()->file()->FindMessageTypeByName("EmailChangedPayload");
  EXPECT_THAT(registry.Register(binding).message(),
              HasSubstr("is neither the event acme.user.v1.AccountCreated"));
}

TEST_F(RegistryTest, UnpackInItsOwnVersion) {
  Envelope envelope = testing::Pack(testing::SampleAccountCreated());
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> event = registry_.Unpack(envelope);
  ASSERT_TRUE(event.ok()) << event.status();
  const auto& created = dynamic_cast<const v1::AccountCreated&>(**event);
  EXPECT_EQ(created.name(), "Zoë 🚀 日本");
  EXPECT_EQ(created.credit_cents(), 9007199254740993);
}

TEST_F(RegistryTest, UnpackLatestUpcasts) {
  Envelope envelope = testing::Pack(testing::SampleAccountCreated());
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> event =
      registry_.UnpackLatest(envelope);
  ASSERT_TRUE(event.ok()) << event.status();
  const auto& created = dynamic_cast<const v2::AccountCreated&>(**event);
  EXPECT_EQ(created.given_name(), "Zoë 🚀 日本");
  EXPECT_EQ(created.email_address(), "zoe@example.com");
  EXPECT_EQ(created.plan(), v2::PLAN_PRO);
}

TEST_F(RegistryTest, ConventionEventUnpacksWithItsMetadata) {
  v1::EmailChanged changed;
  changed.set_aggregate_id("acct-9");
  changed.set_trace_id("trace-1");
  changed.mutable_payload()->set_old_email("zoë@example.com");
  changed.mutable_payload()->set_new_email("zoe+rocket@example.com");
  Envelope envelope = testing::Pack(changed);
  EXPECT_EQ(envelope.payload_type(), "acme.user.v1.EmailChangedPayload");
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> event = registry_.Unpack(envelope);
  ASSERT_TRUE(event.ok()) << event.status();
  const auto& unpacked = dynamic_cast<const v1::EmailChanged&>(**event);
  EXPECT_EQ(unpacked.event_name(), "user.email.changed");
  EXPECT_EQ(unpacked.aggregate_id(), "acct-9");
  EXPECT_EQ(unpacked.trace_id(), "trace-1");
  EXPECT_EQ(unpacked.payload().old_email(), "zoë@example.com");
}

TEST_F(RegistryTest, DispatchReachesTheLatestHandlerForEveryVersion) {
  std::vector<std::string> seen;
  registry_.On<v2::AccountCreated>(
      [&seen](const v2::AccountCreated& event, const Envelope& envelope) {
        seen.push_back(envelope.version() + ":" + event.given_name());
        return absl::OkStatus();
      });
  v2::AccountCreated latest;
  latest.set_account_id("f95616f1-23e3-4694-8658-8082b0a18267");
  latest.set_given_name("Ada");
  EXPECT_TRUE(registry_.Dispatch(testing::Pack(testing::SampleAccountCreated())).ok());
  EXPECT_TRUE(registry_.Dispatch(testing::Pack(latest).SerializeAsString()).ok());
  EXPECT_THAT(seen, ::testing::ElementsAre("v1:Zoë 🚀 日本", "v2:Ada"));
}

TEST_F(RegistryTest, DispatchReturnsTheHandlersStatus) {
  registry_.On<v2::AccountCreated>([](const v2::AccountCreated&, const Envelope&) {
    return absl::UnavailableError("database down");
  });
  EXPECT_EQ(registry_.Dispatch(testing::Pack(testing::SampleAccountCreated())),
            absl::UnavailableError("database down"));
}

TEST_F(RegistryTest, NoHandlerIsNotFound) {
  absl::Status status = registry_.Dispatch(testing::Pack(testing::SampleAccountCreated()));
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(),
            "no handler for event \"user.account.created\" (version v1, handled as "
            "acme.user.v2.AccountCreated): register one with "
            "Registry::On<acme::user::v2::AccountCreated>");
}

// ---- Bad input: every one a status that says what is wrong ----

TEST_F(RegistryTest, UnknownNameListsWhatIsRegistered) {
  Envelope envelope = testing::Pack(testing::SampleAccountCreated());
  envelope.set_name("user.account.deleted");
  absl::Status status = registry_.Unpack(envelope).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(),
            "no event named \"user.account.deleted\" is registered (registered: "
            "user.account.created, user.email.changed)");
  EXPECT_EQ(registry_.Dispatch(envelope), status);
  EXPECT_EQ(registry_.ToJson(envelope).status(), status);
}

TEST(Registry, EmptyRegistrySaysNone) {
  Registry registry;
  absl::Status status = registry.Unpack(testing::Pack(testing::SampleAccountCreated())).status();
  EXPECT_EQ(status.message(),
            "no event named \"user.account.created\" is registered (registered: none)");
}

TEST_F(RegistryTest, NewerVersionNamesTheKnownOnes) {
  Envelope envelope = testing::Pack(testing::SampleAccountCreated());
  envelope.set_version("v3");
  absl::Status status = registry_.UnpackLatest(envelope).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(),
            "event \"user.account.created\" version v3 is not known here (known: v1, v2): "
            "produced by newer code?");
}

TEST_F(RegistryTest, PayloadThatDoesNotParse) {
  Envelope envelope = testing::Pack(testing::SampleAccountCreated());
  envelope.set_payload("\x0a\xff\x01");  // field 1, length 255, 1 byte
  absl::Status status = registry_.Unpack(envelope).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "event \"user.account.created\" version v1: the payload (3 bytes) does not parse as "
            "acme.user.v1.AccountCreated");
}

TEST_F(RegistryTest, WrongPayloadTypeIsNotMisParsed) {
  Envelope envelope = testing::Pack(testing::SampleAccountCreated());
  envelope.set_payload_type("acme.user.v2.AccountCreated");
  absl::Status status = registry_.Unpack(envelope).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("carries payload type acme.user.v2.AccountCreated"));
}

TEST_F(RegistryTest, InvalidEvent) {
  v1::AccountCreated event = testing::SampleAccountCreated();
  event.clear_account_id();
  absl::Status status = registry_.Dispatch(testing::Pack(event));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              StartsWith("event user.account.created v1 is invalid: "));
}

TEST_F(RegistryTest, EmptyPayloadIsTheDefaultEvent) {
  Envelope envelope = testing::Pack(v1::EmailChanged());
  envelope.set_payload("");
  EXPECT_THAT(registry_.Unpack(envelope).status().message(), HasSubstr("is invalid"));
}

TEST_F(RegistryTest, BytesThatAreNotAnEnvelope) {
  absl::Status truncated = registry_.Dispatch(
      absl::string_view(testing::Pack(testing::SampleAccountCreated()).SerializeAsString())
          .substr(0, 20));
  EXPECT_EQ(truncated.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(truncated.message()),
              StartsWith("not an event envelope: 20 bytes do not parse"));
  EXPECT_EQ(registry_.Dispatch(absl::string_view("")).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(registry_.Dispatch(absl::string_view("")).message(), HasSubstr("no event name"));
}

TEST_F(RegistryTest, RandomBytesNeverCrash) {
  std::mt19937 random(7);
  const std::string valid = testing::Pack(testing::SampleAccountCreated()).SerializeAsString();
  for (int i = 0; i < 3000; ++i) {
    std::string bytes = valid;
    if (i % 2 == 0) {
      bytes.resize(random() % 200);
      for (char& c : bytes) c = static_cast<char>(random());
    } else {
      for (int flips = 0; flips < 3; ++flips) bytes[random() % bytes.size()] ^= 1 << (random() % 8);
    }
    absl::Status status = registry_.Dispatch(bytes);
    EXPECT_FALSE(status.ok());
    Envelope envelope;
    if (envelope.ParseFromString(bytes)) (void)registry_.ToJson(envelope);
  }
}

// ---- JSON ----

TEST_F(RegistryTest, ToJsonHasTheEnvelopeAndTheDecodedData) {
  EventOptions options;
  options.event_id = "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e";
  options.timestamp = 1763709032123;
  options.metadata = {{"tenant", "t1"}};
  absl::StatusOr<std::string> json =
      registry_.ToJson(testing::Pack(testing::SampleAccountCreated(), options));
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            "{\"eventId\":\"0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e\","
            "\"name\":\"user.account.created\",\"version\":\"v1\","
            "\"payloadType\":\"acme.user.v1.AccountCreated\","
            "\"aggregateId\":\"f95616f1-23e3-4694-8658-8082b0a18267\",\"category\":\"User\","
            "\"timestamp\":\"1763709032123\","
            "\"correlationId\":\"0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e\","
            "\"causationId\":\"0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e\",\"traceId\":\"\","
            "\"metadata\":{\"tenant\":\"t1\"},"
            "\"data\":{\"accountId\":\"f95616f1-23e3-4694-8658-8082b0a18267\","
            "\"name\":\"Zoë 🚀 日本\",\"email\":\"zoe@example.com\","
            "\"creditCents\":\"9007199254740993\",\"plan\":\"PLAN_PRO\"}}");
}

TEST_F(RegistryTest, JsonRoundTrip) {
  v1::EmailChanged changed;
  changed.set_aggregate_id("acct-9");
  changed.mutable_payload()->set_new_email("zoe@example.com");
  for (const Envelope& envelope :
       {testing::Pack(testing::SampleAccountCreated()), testing::Pack(changed)}) {
    absl::StatusOr<std::string> json = registry_.ToJson(envelope);
    ASSERT_TRUE(json.ok()) << json.status();
    absl::StatusOr<Envelope> back = registry_.FromJson(*json);
    ASSERT_TRUE(back.ok()) << back.status() << "\n" << *json;
    EXPECT_EQ(back->DebugString(), envelope.DebugString());
  }
}

TEST_F(RegistryTest, FromJsonAcceptsProtoNamesAndNumbersForInt64) {
  absl::StatusOr<Envelope> envelope = registry_.FromJson(
      R"({"event_id":"e","name":"user.account.created","version":"v1",)"
      R"("timestamp":1763709032123,"data":{"account_id":"a","credit_cents":-9223372036854775808}})");
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  v1::AccountCreated event;
  ASSERT_TRUE(event.ParseFromString(envelope->payload()));
  EXPECT_EQ(event.credit_cents(), INT64_MIN);
  EXPECT_EQ(envelope->timestamp(), 1763709032123);
}

// An escaped key is the key it spells: `"d\u0061ta"` is the data member.
TEST_F(RegistryTest, FromJsonReadsEscapedKeys) {
  absl::StatusOr<Envelope> envelope =
      registry_.FromJson(R"({"n\u0061me":"user.account.created","version":"v1",)"
                         R"("d\u0061ta":{"accountId":"a","creditCents":"7"}})");
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  v1::AccountCreated event;
  ASSERT_TRUE(event.ParseFromString(envelope->payload()));
  EXPECT_EQ(event.account_id(), "a");
  EXPECT_EQ(event.credit_cents(), 7);
}

TEST_F(RegistryTest, FromJsonErrors) {
  const std::string head = R"({"name":"user.account.created","version":"v1",)";
  struct Case {
    std::string json;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"", "malformed JSON"},
           {"[1]", "malformed JSON"},
           {"{\"name\":", "malformed JSON"},
           {head + R"("data":{"accountId":"a"}} trailing)", "unexpected text after the object"},
           {head + R"("colour":"red","data":{"accountId":"a"}})", "colour"},
           {head + R"("data":{"accountId":"a","shoeSize":9}})", "shoeSize"},
           {head + R"("data":{"accountId":"a"},"data":{}})", "\"data\" twice"},
           {head + R"("data":{"accountId":"a"},"payload":""})", "both \"data\" and \"payload\""},
           // Keys are compared as a JSON parser reads them, escapes decoded.
           {head + R"("data":{"accountId":"a"},"\u0070ayload":""})",
            "JSON has both \"data\" and \"payload\": give the payload once"},
           {head + R"("\u0070ayload":"","data":{"accountId":"a"}})",
            "JSON has both \"data\" and \"payload\": give the payload once"},
           {head + R"("data":{"accountId":"a"},"\u0064\u0061\u0074\u0061":{}})",
            "JSON has \"data\" twice"},
           {head + R"("d\u0061ta":{"accountId":"a"},"data":{}})", "JSON has \"data\" twice"},
           {head + R"("data":{"creditCents":"lots"}})", "is not a acme.user.v1.AccountCreated"},
           {head + R"("data":{"name":"no account id"}})", "is invalid"},
           {head + R"("data":[1,2]})", "is not a acme.user.v1.AccountCreated"},
           {R"({"name":"user.account.created","version":"v9","data":{}})", "version v9"},
           {R"({"name":"nope","data":{}})", "no event named \"nope\""},
       }) {
    absl::StatusOr<Envelope> envelope = registry_.FromJson(c.json);
    EXPECT_FALSE(envelope.ok()) << c.json;
    EXPECT_THAT(envelope.status().message(), HasSubstr(c.message)) << c.json;
  }
}

}  // namespace
}  // namespace cppsvc::events
