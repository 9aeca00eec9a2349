// NewEnvelope's defaults and the helpers generated code calls.
#include <regex>

#include "cppsvc/events.h"
#include "cppsvc/internal/event_support.h"
#include "events/runtime/test_events.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cppsvc::events {
namespace {

using ::testing::HasSubstr;
using testing::kAccountCreatedV1;
using testing::kAccountCreatedV2;

bool IsUuidV4(const std::string& id) {
  static const std::regex uuid(
      "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  return std::regex_match(id, uuid);
}

TEST(NewEnvelope, FillsEverythingFromTheInfoAndDefaults) {
  const int64_t before = NowMillis();
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, {}, "acct-1");
  const int64_t after = NowMillis();
  EXPECT_TRUE(IsUuidV4(envelope.event_id())) << envelope.event_id();
  EXPECT_EQ(envelope.name(), "user.account.created");
  EXPECT_EQ(envelope.version(), "v1");
  EXPECT_EQ(envelope.category(), "User");
  EXPECT_EQ(envelope.payload_type(), "acme.user.v1.AccountCreated");
  EXPECT_EQ(envelope.aggregate_id(), "acct-1");
  EXPECT_GE(envelope.timestamp(), before);
  EXPECT_LE(envelope.timestamp(), after);
  // An event that starts a conversation is its own correlation and cause.
  EXPECT_EQ(envelope.correlation_id(), envelope.event_id());
  EXPECT_EQ(envelope.causation_id(), envelope.event_id());
  EXPECT_EQ(envelope.trace_id(), "");
  EXPECT_TRUE(envelope.metadata().empty());
  EXPECT_TRUE(envelope.payload().empty());
}

TEST(NewEnvelope, NewIdEveryTime) {
  EXPECT_NE(internal::NewEnvelope(kAccountCreatedV1, {}, "a").event_id(),
            internal::NewEnvelope(kAccountCreatedV1, {}, "a").event_id());
}

TEST(NewEnvelope, OptionsWinOverTheEventsOwnValues) {
  EventOptions options;
  options.event_id = "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e";
  options.timestamp = 1763709032123;
  options.aggregate_id = "from-options";
  options.correlation_id = "corr";
  options.causation_id = "cause";
  options.trace_id = "trace-options";
  options.metadata = {{"tenant", "Zoë 🚀 日本"}, {"empty", ""}};
  Envelope envelope =
      internal::NewEnvelope(kAccountCreatedV2, options, "from-event", 42, "trace-event");
  EXPECT_EQ(envelope.event_id(), options.event_id);
  EXPECT_EQ(envelope.timestamp(), 1763709032123);
  EXPECT_EQ(envelope.aggregate_id(), "from-options");
  EXPECT_EQ(envelope.correlation_id(), "corr");
  EXPECT_EQ(envelope.causation_id(), "cause");
  EXPECT_EQ(envelope.trace_id(), "trace-options");
  EXPECT_EQ(envelope.metadata().size(), 2u);
  EXPECT_EQ(envelope.metadata().at("tenant"), "Zoë 🚀 日本");
  EXPECT_EQ(envelope.metadata().at("empty"), "");
  EXPECT_EQ(envelope.version(), "v2");
}

TEST(NewEnvelope, TimestampIsOptionsThenTheEventsThenNow) {
  EventOptions options;
  EXPECT_EQ(internal::NewEnvelope(kAccountCreatedV1, options, "a", 42).timestamp(), 42);
  options.timestamp = 7;
  EXPECT_EQ(internal::NewEnvelope(kAccountCreatedV1, options, "a", 42).timestamp(), 7);
  options.timestamp = -1;  // before 1970 is a timestamp too
  EXPECT_EQ(internal::NewEnvelope(kAccountCreatedV1, options, "a", 42).timestamp(), -1);
}

TEST(NewEnvelope, EventTraceIdWhenOptionsHaveNone) {
  EXPECT_EQ(internal::NewEnvelope(kAccountCreatedV1, {}, "a", 0, "t-1").trace_id(), "t-1");
}

TEST(NewEnvelope, GivenCorrelationKeepsCausationDefault) {
  EventOptions options;
  options.correlation_id = "request-7";
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, options, "a");
  EXPECT_EQ(envelope.correlation_id(), "request-7");
  EXPECT_EQ(envelope.causation_id(), envelope.event_id());
}

TEST(EventSupport, Holds) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, {}, "a");
  EXPECT_TRUE(internal::Holds(envelope, kAccountCreatedV1));
  EXPECT_FALSE(internal::Holds(envelope, kAccountCreatedV2));
  envelope.set_name("user.account.deleted");
  EXPECT_FALSE(internal::Holds(envelope, kAccountCreatedV1));
}

TEST(EventSupport, NotAcceptedNamesTheVersionsForANewerProducer) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, {}, "a");
  envelope.set_version("v3");
  absl::Status status = internal::NotAccepted(envelope, "acme.user.v2.AccountCreated",
                                              {kAccountCreatedV1, kAccountCreatedV2});
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(status.message(),
            "event \"user.account.created\" version v3 is not known here (known: v1, v2): "
            "produced by newer code?");
}

TEST(EventSupport, NotAcceptedForAnOlderUnknownVersionDoesNotBlameNewerCode) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV2, {}, "a");
  envelope.set_version("v0");
  absl::Status status =
      internal::NotAccepted(envelope, "acme.user.v2.AccountCreated", {kAccountCreatedV2});
  EXPECT_EQ(status.message(),
            "event \"user.account.created\" version v0 is not known here (known: v2)");
}

TEST(EventSupport, NotAcceptedForAnotherEvent) {
  Envelope envelope = internal::NewEnvelope(testing::kEmailChangedV1, {}, "a");
  absl::Status status =
      internal::NotAccepted(envelope, "acme.user.v1.AccountCreated", {kAccountCreatedV1});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "envelope holds event \"user.email.changed\" version v1, not a "
            "acme.user.v1.AccountCreated (\"user.account.created\")");
}

TEST(EventSupport, BadPayload) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, {}, "a");
  envelope.set_payload("\xff\xff");
  absl::Status status = internal::BadPayload(envelope, "acme.user.v1.AccountCreated");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "event \"user.account.created\" version v1: the payload (2 bytes) does not parse "
            "as acme.user.v1.AccountCreated");
}

TEST(EventSupport, CheckValid) {
  EXPECT_TRUE(internal::CheckValid(Violations(), kAccountCreatedV1).ok());
  Violations violations({Violation{
      {PathElement{PathElement::Kind::kField, "account_id"}}, Rule::kRequired, "cannot be blank"}});
  absl::Status status = internal::CheckValid(violations, kAccountCreatedV1);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "event user.account.created v1 is invalid: " + violations.ToString());
}

TEST(EventSupport, CheckFixedMetadata) {
  EXPECT_TRUE(internal::CheckFixedMetadata("", "", testing::kEmailChangedV1).ok());
  EXPECT_TRUE(
      internal::CheckFixedMetadata("user.email.changed", "v1", testing::kEmailChangedV1).ok());
  absl::Status name = internal::CheckFixedMetadata("user.email.set", "", testing::kEmailChangedV1);
  EXPECT_EQ(name.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(name.message(), HasSubstr("\"user.email.set\""));
  EXPECT_THAT(name.message(), HasSubstr("\"user.email.changed\""));
  absl::Status version =
      internal::CheckFixedMetadata("user.email.changed", "v2", testing::kEmailChangedV1);
  EXPECT_EQ(version.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(version.message(), HasSubstr("\"v2\""));
}

}  // namespace
}  // namespace cppsvc::events
