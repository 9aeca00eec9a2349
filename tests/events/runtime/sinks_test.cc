// The sinks, field by field (docs/reference/events.md's table).
#include "cppsvc/events/sinks.h"

#include "events/runtime/test_events.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace cppsvc::events {
namespace {

namespace v1 = ::acme::user::v1;
using io::cloudevents::v1::CloudEvent;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kId[] = "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e";
constexpr char kAccount[] = "f95616f1-23e3-4694-8658-8082b0a18267";
constexpr char kSource[] = "//acme.example/user-service";
constexpr char kTraceparent[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

Envelope Sample(std::map<std::string, std::string> metadata = {{"tenant", "Zoë"}}) {
  EventOptions options;
  options.event_id = kId;
  options.timestamp = 1795245032123;  // 2026-11-21T07:10:32.123Z
  options.correlation_id = "corr-1";
  options.causation_id = "cause-1";
  options.trace_id = kTraceparent;
  options.metadata = std::move(metadata);
  return testing::Pack(testing::SampleAccountCreated(), options);
}

TEST(Timestamps, Rfc3339AndIso8601WithOffset) {
  EXPECT_EQ(*FormatTimestamp(1795245032123), "2026-11-21T07:10:32.123Z");
  EXPECT_EQ(*FormatTimestamp(1795245032123, true), "2026-11-21T07:10:32.123+00:00");
  EXPECT_EQ(*FormatTimestamp(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(*FormatTimestamp(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatTimestamp(INT64_MAX).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FormatTimestamp(INT64_MIN).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(AttributeNames, LowercaseAlphanumeric) {
  EXPECT_EQ(*CloudEventAttributeName("tenant"), "tenant");
  EXPECT_EQ(*CloudEventAttributeName("Tenant_ID"), "tenantid");
  EXPECT_EQ(*CloudEventAttributeName("x-request-id"), "xrequestid");
  EXPECT_EQ(*CloudEventAttributeName("région2"), "rgion2");
  EXPECT_FALSE(CloudEventAttributeName("--").ok());
}

TEST(CloudEventProto, EveryField) {
  CloudEventOptions options;
  options.source = kSource;
  absl::StatusOr<CloudEvent> event = ToCloudEvent(Sample(), options);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->id(), kId);
  EXPECT_EQ(event->source(), kSource);
  EXPECT_EQ(event->spec_version(), "1.0");
  EXPECT_EQ(event->type(), "user.account.created.v1");
  const auto& attributes = event->attributes();
  EXPECT_EQ(attributes.size(), 8u);
  EXPECT_EQ(attributes.at("time").ce_timestamp().seconds(), 1795245032);
  EXPECT_EQ(attributes.at("time").ce_timestamp().nanos(), 123000000);
  EXPECT_EQ(attributes.at("subject").ce_string(), kAccount);
  EXPECT_EQ(attributes.at("dataschema").ce_uri(),
            "type.googleapis.com/acme.user.v1.AccountCreated");
  EXPECT_EQ(attributes.at("datacontenttype").ce_string(), "application/protobuf");
  EXPECT_EQ(attributes.at("correlationid").ce_string(), "corr-1");
  EXPECT_EQ(attributes.at("causationid").ce_string(), "cause-1");
  EXPECT_EQ(attributes.at("traceparent").ce_string(), kTraceparent);
  EXPECT_EQ(attributes.at("tenant").ce_string(), "Zoë");
  ASSERT_TRUE(event->has_proto_data());
  EXPECT_EQ(event->proto_data().type_url(), "type.googleapis.com/acme.user.v1.AccountCreated");
  v1::AccountCreated payload;
  ASSERT_TRUE(event->proto_data().UnpackTo(&payload));
  EXPECT_TRUE(
      google::protobuf::util::MessageDifferencer::Equals(payload, testing::SampleAccountCreated()));
}

TEST(CloudEventProto, NegativeTimestampNormalised) {
  Envelope envelope = Sample();
  envelope.set_timestamp(-1);
  CloudEventOptions options;
  options.source = kSource;
  absl::StatusOr<CloudEvent> event = ToCloudEvent(envelope, options);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->attributes().at("time").ce_timestamp().seconds(), -1);
  EXPECT_EQ(event->attributes().at("time").ce_timestamp().nanos(), 999000000);
}

TEST(CloudEventProto, JsonDataAndOtherTraceIds) {
  Envelope envelope = Sample({});
  envelope.set_trace_id("abc123");
  envelope.clear_aggregate_id();
  envelope.set_timestamp(0);
  CloudEventOptions options;
  options.source = "/users";
  options.json_data = true;
  absl::StatusOr<CloudEvent> event = ToCloudEvent(envelope, options);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->attributes().at("traceid").ce_string(), "abc123");
  EXPECT_EQ(event->attributes().count("traceparent"), 0u);
  EXPECT_EQ(event->attributes().count("subject"), 0u);  // empty: left out
  EXPECT_EQ(event->attributes().count("time"), 0u);     // 0: not set
  EXPECT_EQ(event->attributes().at("datacontenttype").ce_string(), "application/json");
  EXPECT_EQ(event->text_data(),
            "{\"accountId\":\"f95616f1-23e3-4694-8658-8082b0a18267\",\"name\":\"Zoë 🚀 日本\","
            "\"email\":\"zoe@example.com\",\"creditCents\":\"9007199254740993\","
            "\"plan\":\"PLAN_PRO\"}");
}

TEST(CloudEventProto, Errors) {
  EXPECT_THAT(ToCloudEvent(Sample(), {}).status().message(), HasSubstr("need a source"));
  CloudEventOptions options;
  options.source = kSource;
  EXPECT_THAT(ToCloudEvent(Sample({{"Tenant", "a"}, {"tenant", "b"}}), options).status().message(),
              HasSubstr("metadata keys \"Tenant\" and \"tenant\" both map to CloudEvents "
                        "attribute \"tenant\""));
  EXPECT_THAT(ToCloudEvent(Sample({{"Source", "x"}}), options).status().message(),
              HasSubstr("which the envelope sets itself"));
  Envelope unknown = Sample();
  unknown.set_payload_type("acme.nowhere.Thing");
  options.json_data = true;
  EXPECT_EQ(ToCloudEvent(unknown, options).status().code(), absl::StatusCode::kNotFound);
  options.json_data = false;
  EXPECT_TRUE(ToCloudEvent(unknown, options).ok());  // proto data needs no type
}

TEST(CloudEventJson, StructuredMode) {
  CloudEventOptions options;
  options.source = kSource;
  absl::StatusOr<std::string> json =
      ToCloudEventJson(Sample({{"tenant", "Zoë \"q\""}, {"region", "eu"}}), options);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(*json,
            "{\"specversion\":\"1.0\",\"id\":\"0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e\","
            "\"source\":\"//acme.example/user-service\",\"type\":\"user.account.created.v1\","
            "\"datacontenttype\":\"application/json\","
            "\"dataschema\":\"type.googleapis.com/acme.user.v1.AccountCreated\","
            "\"subject\":\"f95616f1-23e3-4694-8658-8082b0a18267\","
            "\"time\":\"2026-11-21T07:10:32.123Z\",\"correlationid\":\"corr-1\","
            "\"causationid\":\"cause-1\","
            "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
            "\"region\":\"eu\",\"tenant\":\"Zoë \\\"q\\\"\","
            "\"data\":{\"accountId\":\"f95616f1-23e3-4694-8658-8082b0a18267\","
            "\"name\":\"Zoë 🚀 日本\",\"email\":\"zoe@example.com\","
            "\"creditCents\":\"9007199254740993\",\"plan\":\"PLAN_PRO\"}}");
}

TEST(Kafka, BinaryModeHeadersKeyAndValue) {
  KafkaOptions options;
  options.source = kSource;
  absl::StatusOr<KafkaRecord> record = ToKafkaRecord(Sample(), options);
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(record->key, kAccount);
  EXPECT_EQ(record->value, testing::SampleAccountCreated().SerializeAsString());
  EXPECT_THAT(
      record->headers,
      ElementsAre(
          KafkaHeader{"ce_specversion", "1.0"}, KafkaHeader{"ce_id", kId},
          KafkaHeader{"ce_source", kSource}, KafkaHeader{"ce_type", "user.account.created.v1"},
          KafkaHeader{"ce_time", "2026-11-21T07:10:32.123Z"}, KafkaHeader{"ce_subject", kAccount},
          KafkaHeader{"ce_dataschema", "type.googleapis.com/acme.user.v1.AccountCreated"},
          KafkaHeader{"content-type", "application/protobuf"},
          KafkaHeader{"ce_correlationid", "corr-1"}, KafkaHeader{"ce_causationid", "cause-1"},
          KafkaHeader{"ce_traceparent", kTraceparent}, KafkaHeader{"ce_tenant", "Zoë"}));
  ASSERT_NE(record->Header("ce_id"), nullptr);
  EXPECT_EQ(record->Header("nope"), nullptr);
}

TEST(Kafka, JsonValue) {
  KafkaOptions options;
  options.source = kSource;
  options.json_value = true;
  absl::StatusOr<KafkaRecord> record = ToKafkaRecord(Sample(), options);
  ASSERT_TRUE(record.ok()) << record.status();
  EXPECT_EQ(*record->Header("content-type"), "application/json");
  EXPECT_THAT(record->value, HasSubstr("\"creditCents\":\"9007199254740993\""));
}

TEST(EventStore, EventDataPascalCaseAndMetadata) {
  EventStoreOptions options;
  options.source = kSource;
  options.client_host_name = "worker-7";
  absl::StatusOr<EventStoreEvent> event = ToEventStore(Sample({{"tenant", "Zoë"}}), options);
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->stream, std::string("User-") + kAccount);
  EXPECT_EQ(event->event_id, kId);
  EXPECT_EQ(event->type, "user.account.created.v1");
  EXPECT_EQ(event->data,
            "{\"AccountId\":\"f95616f1-23e3-4694-8658-8082b0a18267\",\"Name\":\"Zoë 🚀 日本\","
            "\"Email\":\"zoe@example.com\",\"CreditCents\":\"9007199254740993\","
            "\"Plan\":\"PLAN_PRO\"}");
  EXPECT_EQ(event->metadata,
            "{\"Created\":\"2026-11-21T07:10:32.123+00:00\",\"ClientHostName\":\"worker-7\","
            "\"$correlationId\":\"corr-1\",\"$causationId\":\"cause-1\","
            "\"source\":\"//acme.example/user-service\","
            "\"TraceId\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
            "\"tenant\":\"Zoë\"}");
}

TEST(EventStore, PascalCaseIsRecursive) {
  // A convention event's payload; and a message nested in a message, via the
  // CloudEvent proto itself as a payload type (map keys stay as they are).
  v1::EmailChanged changed;
  changed.set_aggregate_id("acct-9");
  changed.mutable_payload()->set_old_email("a@example.com");
  changed.mutable_payload()->set_new_email("b@example.com");
  absl::StatusOr<EventStoreEvent> event = ToEventStore(testing::Pack(changed), {});
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->data, "{\"OldEmail\":\"a@example.com\",\"NewEmail\":\"b@example.com\"}");
  EXPECT_EQ(event->stream, "User-acct-9");
  EXPECT_THAT(event->metadata, HasSubstr("\"ClientHostName\":\"" + LocalHostName() + "\""));

  CloudEvent nested;
  nested.set_spec_version("1.0");
  (*nested.mutable_attributes())["my_key"].mutable_ce_timestamp()->set_seconds(1);
  Envelope envelope = Sample({});
  envelope.set_payload_type("io.cloudevents.v1.CloudEvent");
  envelope.set_payload(nested.SerializeAsString());
  event = ToEventStore(envelope, {});
  ASSERT_TRUE(event.ok()) << event.status();
  EXPECT_EQ(event->data,
            "{\"SpecVersion\":\"1.0\",\"Attributes\":{\"my_key\":{\"CeTimestamp\":"
            "\"1970-01-01T00:00:01Z\"}}}");
}

TEST(EventStore, Errors) {
  // "source" is only taken when the options set it.
  EXPECT_TRUE(ToEventStore(Sample({{"source", "x"}}), {}).ok());
  EventStoreOptions options;
  options.source = kSource;
  EXPECT_THAT(ToEventStore(Sample({{"source", "x"}}), options).status().message(),
              HasSubstr("metadata key \"source\" is one the EventStoreDB sink sets itself"));
  Envelope bad = Sample();
  bad.set_payload("\xff");
  EXPECT_THAT(ToEventStore(bad, options).status().message(), HasSubstr("does not parse"));
}

TEST(StreamName, CategoryThenAggregate) {
  Envelope envelope = Sample();
  EXPECT_EQ(StreamName(envelope), std::string("User-") + kAccount);
  envelope.set_category("");
  envelope.set_aggregate_id("42");
  EXPECT_EQ(StreamName(envelope), "User-42");
}

}  // namespace
}  // namespace cppsvc::events
