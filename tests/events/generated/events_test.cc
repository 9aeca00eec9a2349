// The plugin's generated event code (docs/reference/events.md), compiled and run: the example's
// user domain (v1 -> v2, with the example's converter override for the split
// name) and acme.orders, a schema-only chain of three versions (upcasting in
// two hops).
#include "cppsvc/events.h"

#include <climits>
#include <cstdint>
#include <memory>
#include <string>

#include "acme/orders/v1/orders.svc.h"
#include "acme/orders/v2/orders.svc.h"
#include "acme/orders/v3/orders.svc.h"
#include "acme/user/v1/user.svc.h"
#include "acme/user/v2/user.svc.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "user_v1_converter.h"

namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
namespace user_v1 = ::acme::user::v1;
namespace user_v2 = ::acme::user::v2;
namespace orders_v1 = ::acme::orders::v1;
namespace orders_v2 = ::acme::orders::v2;
namespace orders_v3 = ::acme::orders::v3;

constexpr char kAccountId[] = "5a8f2b1c-3d4e-4f60-8a7b-9c0d1e2f3a4b";
constexpr char kUuidV4[] = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

user_v1::AccountCreated V1Account() {
  user_v1::AccountCreated created;
  created.set_account_id(kAccountId);
  created.set_name("Ada Lovelace");
  created.set_email("ada@example.com");
  created.set_credit_cents(INT64_MAX);
  created.set_plan(user_v1::PLAN_PRO);
  return created;
}

cppsvc::events::Envelope PackOrDie(const user_v1::AccountCreated& event,
                                   const cppsvc::events::EventOptions& options = {}) {
  absl::StatusOr<cppsvc::events::Envelope> envelope = user_v1::svc::Pack(event, options);
  EXPECT_TRUE(envelope.ok()) << envelope.status();
  return envelope.ok() ? *envelope : cppsvc::events::Envelope();
}

// ---- Pack: the metadata (docs/reference/events.md) ----

TEST(EventsPackTest, FillsTheMetadata) {
  const int64_t before = cppsvc::events::NowMillis();
  const cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  const int64_t after = cppsvc::events::NowMillis();

  EXPECT_THAT(envelope.event_id(), MatchesRegex(kUuidV4));
  EXPECT_EQ(envelope.name(), "user.account.created");
  EXPECT_EQ(envelope.version(), "v1");
  EXPECT_EQ(envelope.payload_type(), "acme.user.v1.AccountCreated");
  EXPECT_EQ(envelope.category(), "User");  // the domain acme.user
  EXPECT_EQ(envelope.aggregate_id(), kAccountId);
  EXPECT_GE(envelope.timestamp(), before);
  EXPECT_LE(envelope.timestamp(), after);
  EXPECT_EQ(envelope.correlation_id(), envelope.event_id());
  EXPECT_EQ(envelope.causation_id(), envelope.event_id());
  EXPECT_EQ(envelope.trace_id(), "");
  EXPECT_EQ(envelope.payload(), V1Account().SerializeAsString());
  EXPECT_NE(PackOrDie(V1Account()).event_id(), envelope.event_id());
}

TEST(EventsPackTest, OptionsWin) {
  cppsvc::events::EventOptions options;
  options.event_id = "00000000-0000-4000-8000-000000000001";
  options.timestamp = 1700000000123;
  options.aggregate_id = "other";
  options.correlation_id = "request-7";
  options.causation_id = "command-9";
  options.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  options.metadata["tenant"] = "acme";
  const cppsvc::events::Envelope envelope = PackOrDie(V1Account(), options);
  EXPECT_EQ(envelope.event_id(), options.event_id);
  EXPECT_EQ(envelope.timestamp(), options.timestamp);
  EXPECT_EQ(envelope.aggregate_id(), "other");
  EXPECT_EQ(envelope.correlation_id(), "request-7");
  EXPECT_EQ(envelope.causation_id(), "command-9");
  EXPECT_EQ(envelope.trace_id(), options.trace_id);
  EXPECT_EQ(envelope.metadata().at("tenant"), "acme");
}

TEST(EventsPackTest, AnInvalidEventIsNotPacked) {
  user_v1::AccountCreated created = V1Account();
  created.set_account_id("not-a-uuid");
  created.clear_name();
  absl::StatusOr<cppsvc::events::Envelope> envelope = user_v1::svc::Pack(created);
  ASSERT_EQ(envelope.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(envelope.status().message(), HasSubstr("user.account.created"));
  EXPECT_THAT(envelope.status().message(), HasSubstr("account_id: must be a valid UUID"));
  EXPECT_THAT(envelope.status().message(), HasSubstr("name: cannot be blank"));
}

TEST(EventsPackTest, IntegerAggregateIdsAndCategoryFromTheAnnotation) {
  orders_v1::OrderPlaced placed;
  placed.set_order_id(9007199254740993);  // not representable as a double
  absl::StatusOr<cppsvc::events::Envelope> envelope = orders_v1::svc::Pack(placed);
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  EXPECT_EQ(envelope->aggregate_id(), "9007199254740993");
  EXPECT_EQ(envelope->category(), "Order");
}

TEST(EventsPackTest, AnEventWithNoFieldsHasAnEmptyPayload) {
  absl::StatusOr<cppsvc::events::Envelope> envelope = orders_v1::svc::Pack(orders_v1::Pinged());
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  EXPECT_EQ(envelope->payload(), "");
  EXPECT_EQ(envelope->aggregate_id(), "");
  orders_v3::Pinged latest;
  EXPECT_TRUE(orders_v3::svc::Unpack(*envelope, &latest).ok());
}

TEST(EventsPackTest, PackToWritesWhatPackThenSerializeWrites) {
  cppsvc::events::EventOptions options;
  options.event_id = "00000000-0000-4000-8000-000000000002";
  options.timestamp = 1700000000000;
  options.metadata["tenant"] = "acme";
  std::string bytes = "previous contents are replaced";
  ASSERT_TRUE(user_v1::svc::PackTo(V1Account(), &bytes, options).ok());
  EXPECT_EQ(bytes, PackOrDie(V1Account(), options).SerializeAsString());

  user_v1::AccountCreated invalid;
  EXPECT_EQ(user_v1::svc::PackTo(invalid, &bytes).code(), absl::StatusCode::kInvalidArgument);
}

// ---- Unpack: exact versions and every bad input ----

TEST(EventsUnpackTest, FromBytes) {
  std::string bytes;
  ASSERT_TRUE(user_v1::svc::PackTo(V1Account(), &bytes).ok());
  user_v1::AccountCreated unpacked;
  ASSERT_TRUE(user_v1::svc::Unpack(bytes, &unpacked).ok());
  EXPECT_EQ(unpacked.SerializeAsString(), V1Account().SerializeAsString());
  user_v2::AccountCreated latest;  // upcast straight from the wire
  ASSERT_TRUE(user_v2::svc::Unpack(bytes, &latest).ok());
  EXPECT_EQ(latest.email_address(), "ada@example.com");

  for (size_t size : {size_t{0}, size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
    absl::Status status = user_v2::svc::Unpack(absl::string_view(bytes).substr(0, size), &latest);
    // Not an envelope, or one without this event (or without a valid event).
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument)
        << "truncated to " << size << ": " << status;
  }
  EXPECT_EQ(
      user_v2::svc::Unpack(absl::string_view("\x0a\x05\xff\xfe\xfd\xfc\xfb", 7), &latest).code(),
      absl::StatusCode::kInvalidArgument);  // invalid UTF-8 in event_id
}

TEST(EventsUnpackTest, RoundTrip) {
  user_v1::AccountCreated unpacked;
  ASSERT_TRUE(user_v1::svc::Unpack(PackOrDie(V1Account()), &unpacked).ok());
  EXPECT_EQ(unpacked.SerializeAsString(), V1Account().SerializeAsString());
}

TEST(EventsUnpackTest, AnotherEventIsAnError) {
  cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  envelope.set_name("user.account.deleted");
  user_v1::AccountCreated unpacked;
  absl::Status status = user_v1::svc::Unpack(envelope, &unpacked);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("user.account.deleted"));
  EXPECT_THAT(status.message(), HasSubstr("acme.user.v1.AccountCreated"));
}

// The envelope names this event, but its payload_type another message: the
// generated Unpack refuses it with the Registry's words (one check in the
// runtime, cppsvc::events::internal::CheckPayloadType, on every path).
TEST(EventsUnpackTest, AnotherPayloadTypeIsAnErrorOnEveryPath) {
  cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  envelope.set_payload_type("acme.user.v2.AccountCreated");
  const std::string expected =
      "event \"user.account.created\" version v1 carries payload type "
      "acme.user.v2.AccountCreated, but that event's payload is acme.user.v1.AccountCreated";
  user_v1::AccountCreated unpacked;
  absl::Status status = user_v1::svc::Unpack(envelope, &unpacked);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), expected);
  user_v2::AccountCreated latest;  // through the upcast to v2 as well
  EXPECT_EQ(user_v2::svc::Unpack(envelope, &latest).message(), expected);
  const std::string bytes = envelope.SerializeAsString();
  EXPECT_EQ(user_v1::svc::Unpack(bytes, &unpacked).message(), expected);

  cppsvc::events::Registry registry;
  ASSERT_TRUE(user_v1::svc::RegisterEvents(registry).ok());
  EXPECT_EQ(registry.Unpack(envelope).status().message(), expected);

  envelope.clear_payload_type();  // empty: the name and version decide
  EXPECT_TRUE(user_v1::svc::Unpack(envelope, &unpacked).ok());
}

TEST(EventsUnpackTest, AVersionThisCodeDoesNotKnowIsAnError) {
  cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  envelope.set_version("v3");  // a newer producer
  user_v2::AccountCreated latest;
  absl::Status status = user_v2::svc::Unpack(envelope, &latest);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("v3"));
  EXPECT_THAT(status.message(), HasSubstr("v1"));
  EXPECT_THAT(status.message(), HasSubstr("v2"));

  // v1 code does not downcast a v2 event either.
  envelope.set_version("v2");
  user_v1::AccountCreated older;
  EXPECT_EQ(user_v1::svc::Unpack(envelope, &older).code(), absl::StatusCode::kNotFound);
}

TEST(EventsUnpackTest, BadPayloadBytesAreAnError) {
  cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  envelope.set_payload(envelope.payload().substr(0, envelope.payload().size() - 3));
  user_v1::AccountCreated unpacked;
  absl::Status status = user_v1::svc::Unpack(envelope, &unpacked);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("acme.user.v1.AccountCreated"));
}

TEST(EventsUnpackTest, AnInvalidPayloadIsAnError) {
  user_v1::AccountCreated invalid = V1Account();
  invalid.set_email("not an email");
  cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  envelope.set_payload(invalid.SerializeAsString());
  user_v2::AccountCreated latest;
  absl::Status status = user_v2::svc::Unpack(envelope, &latest);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("email: must be a valid email address"));
}

// ---- Upcasting ----

TEST(EventsUpcastTest, V1ToV2WithTheGeneratedConverter) {
  user_v2::AccountCreated latest;
  ASSERT_TRUE(user_v2::svc::Unpack(PackOrDie(V1Account()), &latest).ok());
  EXPECT_EQ(latest.account_id(), kAccountId);
  EXPECT_EQ(latest.given_name(), "Ada Lovelace");  // delegated: nothing lost
  EXPECT_EQ(latest.family_name(), "");
  EXPECT_EQ(latest.email_address(), "ada@example.com");  // renamed
  EXPECT_EQ(latest.credit_cents(), INT64_MAX);
  EXPECT_EQ(latest.plan(), user_v2::PLAN_PRO);
}

TEST(EventsUpcastTest, V1ToV2WithTheExamplesOverride) {
  example::UserV1Converter v1_converter;
  cppsvc::events::Converters converters;
  converters.Use(v1_converter);
  user_v2::AccountCreated latest;
  ASSERT_TRUE(user_v2::svc::Unpack(PackOrDie(V1Account()), &latest, converters).ok());
  EXPECT_EQ(latest.given_name(), "Ada");
  EXPECT_EQ(latest.family_name(), "Lovelace");
}

TEST(EventsUpcastTest, TwoHopsThroughASchemaOnlyChain) {
  orders_v1::OrderPlaced placed;
  placed.set_order_id(42);
  placed.set_total(-1999);
  placed.set_note("leave at the door — merci");
  placed.set_status(orders_v1::STATUS_NEW);
  orders_v1::Line* line = placed.add_lines();
  line->set_sku("SKU-1");
  line->set_quantity(3);
  absl::StatusOr<cppsvc::events::Envelope> envelope = orders_v1::svc::Pack(placed);
  ASSERT_TRUE(envelope.ok()) << envelope.status();

  orders_v3::OrderPlaced latest;
  ASSERT_TRUE(orders_v3::svc::Unpack(*envelope, &latest).ok());
  EXPECT_EQ(latest.order_id(), 42);
  EXPECT_EQ(latest.total_cents(), -1999);                    // renamed in v2
  EXPECT_EQ(latest.comment(), "leave at the door — merci");  // renamed in v3
  EXPECT_EQ(latest.status(), orders_v3::STATUS_OPEN);        // value renamed in v2
  ASSERT_EQ(latest.lines_size(), 1);
  EXPECT_EQ(latest.lines(0).sku(), "SKU-1");
  EXPECT_EQ(latest.lines(0).quantity(), 3u);
  EXPECT_EQ(latest.currency(), "");  // new in v3

  // v2 envelopes upcast in one hop; v3 ones are read as they are.
  orders_v2::OrderPlaced v2;
  v2.set_order_id(7);
  v2.set_note("two");
  absl::StatusOr<cppsvc::events::Envelope> v2_envelope = orders_v2::svc::Pack(v2);
  ASSERT_TRUE(v2_envelope.ok());
  ASSERT_TRUE(orders_v3::svc::Unpack(*v2_envelope, &latest).ok());
  EXPECT_EQ(latest.comment(), "two");
}

TEST(EventsUpcastTest, AReusedEventHoldsOnlyTheLastOne) {
  orders_v1::OrderPlaced placed;
  placed.set_order_id(5);
  placed.add_lines()->set_sku("SKU-1");
  std::string bytes;
  ASSERT_TRUE(orders_v1::svc::PackTo(placed, &bytes).ok());
  orders_v3::OrderPlaced latest;
  latest.set_currency("left over");
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(orders_v3::svc::Unpack(bytes, &latest).ok());
    EXPECT_EQ(latest.lines_size(), 1);
    EXPECT_EQ(latest.currency(), "");
  }
}

TEST(EventsUpcastTest, OneHopConvertersOverrideEachHop) {
  // An override of v2's converter applies to the second hop of a v1 event.
  class V2Converter : public orders_v2::svc::Converter {
   public:
    using Converter::ToNext;
    absl::Status ToNext(const orders_v2::OrderPlaced& in,
                        orders_v3::OrderPlaced& out) const override {
      absl::Status status = Converter::ToNext(in, out);
      out.set_currency("EUR");
      return status;
    }
  } v2_converter;
  cppsvc::events::Converters converters;
  converters.Use(v2_converter);
  orders_v1::OrderPlaced placed;
  placed.set_order_id(1);
  orders_v3::OrderPlaced latest;
  ASSERT_TRUE(orders_v3::svc::Unpack(*orders_v1::svc::Pack(placed), &latest, converters).ok());
  EXPECT_EQ(latest.currency(), "EUR");
}

// ---- The typed-event convention ----

TEST(EventsConventionTest, FactoryPackUnpackAndUpcast) {
  user_v1::EmailChangedPayload payload;
  payload.set_old_email("ada@example.com");
  payload.set_new_email("countess@example.com");
  const int64_t before = cppsvc::events::NowMillis();
  user_v1::EmailChanged changed = user_v1::svc::NewEmailChanged(kAccountId, payload, "trace-1");
  EXPECT_EQ(changed.event_name(), "user.email.changed");
  EXPECT_EQ(changed.event_version(), "v1");
  EXPECT_GE(changed.timestamp(), before);
  EXPECT_EQ(changed.aggregate_id(), kAccountId);
  EXPECT_EQ(changed.trace_id(), "trace-1");

  absl::StatusOr<cppsvc::events::Envelope> envelope = user_v1::svc::Pack(changed);
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  EXPECT_EQ(envelope->name(), "user.email.changed");
  EXPECT_EQ(envelope->payload_type(), "acme.user.v1.EmailChangedPayload");
  EXPECT_EQ(envelope->payload(), payload.SerializeAsString());  // the payload only
  EXPECT_EQ(envelope->aggregate_id(), kAccountId);
  EXPECT_EQ(envelope->timestamp(), changed.timestamp());
  EXPECT_EQ(envelope->trace_id(), "trace-1");

  user_v1::EmailChanged unpacked;
  ASSERT_TRUE(user_v1::svc::Unpack(*envelope, &unpacked).ok());
  EXPECT_EQ(unpacked.SerializeAsString(), changed.SerializeAsString());

  user_v2::EmailChanged latest;
  ASSERT_TRUE(user_v2::svc::Unpack(*envelope, &latest).ok());
  EXPECT_EQ(latest.event_name(), "user.email.changed");
  EXPECT_EQ(latest.event_version(), "v2");  // it is a v2 event now
  EXPECT_EQ(latest.aggregate_id(), kAccountId);
  EXPECT_EQ(latest.timestamp(), changed.timestamp());
  EXPECT_EQ(latest.payload().new_email_address(), "countess@example.com");
  EXPECT_EQ(latest.payload().old_email(), "ada@example.com");
}

TEST(EventsConventionTest, AWrongFixedNameIsNotPacked) {
  user_v1::EmailChangedPayload payload;
  payload.set_new_email("countess@example.com");
  user_v1::EmailChanged changed = user_v1::svc::NewEmailChanged(kAccountId, payload);
  changed.set_event_name("user.email.removed");
  EXPECT_EQ(user_v1::svc::Pack(changed).status().code(), absl::StatusCode::kInvalidArgument);
  changed.set_event_name("user.email.changed");
  changed.set_event_version("v2");
  EXPECT_EQ(user_v1::svc::Pack(changed).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(EventsConventionTest, TwoHops) {
  orders_v1::Line line;
  line.set_sku("SKU-9");
  line.set_quantity(UINT32_MAX);
  absl::StatusOr<cppsvc::events::Envelope> envelope =
      orders_v1::svc::Pack(orders_v1::svc::NewItemAdded("42", line));
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  orders_v3::ItemAdded latest;
  ASSERT_TRUE(orders_v3::svc::Unpack(*envelope, &latest).ok());
  EXPECT_EQ(latest.event_version(), "v3");
  EXPECT_EQ(latest.payload().quantity(), UINT32_MAX);
  EXPECT_EQ(latest.aggregate_id(), "42");
}

// ---- The registry ----

class EventsRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(user_v1::svc::RegisterEvents(registry_).ok());
    ASSERT_TRUE(user_v2::svc::RegisterEvents(registry_).ok());
    ASSERT_TRUE(orders_v1::svc::RegisterEvents(registry_).ok());
    ASSERT_TRUE(orders_v2::svc::RegisterEvents(registry_).ok());
    ASSERT_TRUE(orders_v3::svc::RegisterEvents(registry_).ok());
    registry_.converters().Use(v1_converter_);
  }

  example::UserV1Converter v1_converter_;
  cppsvc::events::Registry registry_;
};

TEST_F(EventsRegistryTest, RegistersEveryEventOfEveryVersion) {
  EXPECT_EQ(registry_.Bindings().size(), 13u);  // 2 user events x 2 + 3 orders events x 3
  const cppsvc::events::EventBinding* binding = registry_.Find("orders.placed", "v1");
  ASSERT_NE(binding, nullptr);
  EXPECT_EQ(binding->latest_prototype->GetDescriptor()->full_name(), "acme.orders.v3.OrderPlaced");
  EXPECT_EQ(registry_.Find("orders.placed", "v4"), nullptr);
  // Registering the same package again changes nothing.
  EXPECT_TRUE(user_v1::svc::RegisterEvents(registry_).ok());
}

TEST_F(EventsRegistryTest, DispatchUpcastsToTheOneHandler) {
  int calls = 0;
  registry_.On<user_v2::AccountCreated>(
      [&](const user_v2::AccountCreated& event, const cppsvc::events::Envelope& envelope) {
        ++calls;
        EXPECT_EQ(event.family_name(), "Lovelace");  // through the override
        EXPECT_EQ(envelope.version(), "v1");
        return absl::OkStatus();
      });
  EXPECT_TRUE(registry_.Dispatch(PackOrDie(V1Account()).SerializeAsString()).ok());
  EXPECT_EQ(calls, 1);

  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> latest =
      registry_.UnpackLatest(PackOrDie(V1Account()));
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_EQ((*latest)->GetDescriptor()->full_name(), "acme.user.v2.AccountCreated");
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> own =
      registry_.Unpack(PackOrDie(V1Account()));
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ((*own)->GetDescriptor()->full_name(), "acme.user.v1.AccountCreated");
}

TEST_F(EventsRegistryTest, NothingIsDroppedSilently) {
  // No handler for this event.
  absl::Status status = registry_.Dispatch(PackOrDie(V1Account()));
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("acme.user.v2.AccountCreated"));

  registry_.On<user_v2::AccountCreated>(
      [](const user_v2::AccountCreated&, const cppsvc::events::Envelope&) {
        return absl::OkStatus();
      });
  cppsvc::events::Envelope unknown = PackOrDie(V1Account());
  unknown.set_name("user.account.exploded");
  EXPECT_EQ(registry_.Dispatch(unknown).code(), absl::StatusCode::kNotFound);
  cppsvc::events::Envelope newer = PackOrDie(V1Account());
  newer.set_version("v3");
  status = registry_.Dispatch(newer);
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("v3"));

  EXPECT_EQ(registry_.Dispatch(absl::string_view("\xff\xff\xff garbage")).code(),
            absl::StatusCode::kInvalidArgument);
  const std::string bytes = PackOrDie(V1Account()).SerializeAsString();
  EXPECT_EQ(registry_.Dispatch(absl::string_view(bytes).substr(0, bytes.size() / 2)).code(),
            absl::StatusCode::kInvalidArgument);

  // A handler's own error comes back unchanged.
  registry_.On<user_v2::AccountCreated>(
      [](const user_v2::AccountCreated&, const cppsvc::events::Envelope&) {
        return absl::UnavailableError("database down");
      });
  EXPECT_EQ(registry_.Dispatch(PackOrDie(V1Account())), absl::UnavailableError("database down"));
}

TEST_F(EventsRegistryTest, JsonRoundTripAndUnknownFields) {
  const cppsvc::events::Envelope envelope = PackOrDie(V1Account());
  absl::StatusOr<std::string> json = registry_.ToJson(envelope);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"Ada Lovelace\""));
  EXPECT_THAT(*json, HasSubstr("\"9223372036854775807\""));  // int64 as a string
  absl::StatusOr<cppsvc::events::Envelope> back = registry_.FromJson(*json);
  ASSERT_TRUE(back.ok()) << back.status();
  user_v1::AccountCreated unpacked;
  ASSERT_TRUE(user_v1::svc::Unpack(*back, &unpacked).ok());
  EXPECT_EQ(unpacked.SerializeAsString(), V1Account().SerializeAsString());
  EXPECT_EQ(back->event_id(), envelope.event_id());

  std::string unknown = *json;
  unknown.insert(1, "\"colour\": \"blue\", ");
  absl::StatusOr<cppsvc::events::Envelope> rejected = registry_.FromJson(unknown);
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(rejected.status().message(), HasSubstr("colour"));
  EXPECT_EQ(registry_.FromJson("{\"name\": ").status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
