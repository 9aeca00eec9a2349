// Events in a schema-only chain (tests/protos/events/acme/audit): v1's
// deprecated fields, which v2 no longer has, are dropped on upcast; the
// typed-event convention's timestamp as a google.protobuf.Timestamp maps to
// and from the envelope's milliseconds.
#include <cstdint>

#include "acme/audit/v1/audit.svc.h"
#include "acme/audit/v2/audit.svc.h"
#include "cppsvc/events.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::acme::audit::v1;
namespace v2 = ::acme::audit::v2;

TEST(DroppedFieldsTest, DeprecatedFieldIsDroppedOnUpcast) {
  v1::UserBanned banned;
  banned.set_user_id("u1");
  banned.set_reason_text("spam");
  absl::StatusOr<cppsvc::events::Envelope> envelope = v1::svc::Pack(banned, {});
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  v2::UserBanned latest;
  ASSERT_TRUE(v2::svc::Unpack(*envelope, &latest).ok());
  EXPECT_EQ(latest.user_id(), "u1");
  // v1 itself still reads its own field.
  v1::UserBanned exact;
  ASSERT_TRUE(v1::svc::Unpack(*envelope, &exact).ok());
  EXPECT_EQ(exact.reason_text(), "spam");
}

TEST(DroppedFieldsTest, DeprecatedPayloadFieldIsDroppedOnUpcast) {
  v1::LoginPayload payload;
  payload.set_ip("10.0.0.1");
  payload.set_device("phone");
  absl::StatusOr<cppsvc::events::Envelope> envelope =
      v1::svc::Pack(v1::svc::NewLoginRecorded("u1", payload), {});
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  v2::LoginRecorded latest;
  ASSERT_TRUE(v2::svc::Unpack(*envelope, &latest).ok());
  EXPECT_EQ(latest.payload().ip(), "10.0.0.1");
  EXPECT_EQ(latest.aggregate_id(), "u1");
}

TEST(TimestampEventTest, FactorySetsNow) {
  const int64_t before = cppsvc::events::NowMillis();
  const v1::LoginRecorded event = v1::svc::NewLoginRecorded("u1", v1::LoginPayload());
  const int64_t after = cppsvc::events::NowMillis();
  const int64_t millis = event.timestamp().seconds() * 1000 + event.timestamp().nanos() / 1000000;
  EXPECT_GE(millis, before);
  EXPECT_LE(millis, after);
  EXPECT_EQ(event.timestamp().nanos() % 1000000, 0);
}

TEST(TimestampEventTest, MapsToAndFromEnvelopeMilliseconds) {
  v1::LoginRecorded event = v1::svc::NewLoginRecorded("u1", v1::LoginPayload());
  event.mutable_timestamp()->set_seconds(1700000000);
  event.mutable_timestamp()->set_nanos(123456789);
  absl::StatusOr<cppsvc::events::Envelope> envelope = v1::svc::Pack(event, {});
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  EXPECT_EQ(envelope->timestamp(), 1700000000123);
  v2::LoginRecorded latest;
  ASSERT_TRUE(v2::svc::Unpack(*envelope, &latest).ok());
  EXPECT_EQ(latest.timestamp().seconds(), 1700000000);
  EXPECT_EQ(latest.timestamp().nanos(), 123000000);
}

TEST(TimestampEventTest, BeforeTheEpochRoundsTowardsThePast) {
  v1::LoginRecorded event = v1::svc::NewLoginRecorded("u1", v1::LoginPayload());
  event.mutable_timestamp()->set_seconds(-2);
  event.mutable_timestamp()->set_nanos(500000000);  // -1.5 s
  absl::StatusOr<cppsvc::events::Envelope> envelope = v1::svc::Pack(event, {});
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  EXPECT_EQ(envelope->timestamp(), -1500);
  v1::LoginRecorded back;
  ASSERT_TRUE(v1::svc::Unpack(*envelope, &back).ok());
  EXPECT_EQ(back.timestamp().seconds(), -2);
  EXPECT_EQ(back.timestamp().nanos(), 500000000);
}

TEST(TimestampEventTest, OutOfRangeSecondsSaturate) {
  v1::LoginRecorded event = v1::svc::NewLoginRecorded("u1", v1::LoginPayload());
  event.mutable_timestamp()->set_seconds(INT64_MAX);
  absl::StatusOr<cppsvc::events::Envelope> envelope = v1::svc::Pack(event, {});
  ASSERT_TRUE(envelope.ok()) << envelope.status();
  EXPECT_EQ(envelope->timestamp(), INT64_MAX);
}

}  // namespace
