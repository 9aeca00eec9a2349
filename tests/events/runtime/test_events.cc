#include "events/runtime/test_events.h"

#include "cppsvc/internal/event_support.h"
#include "cppsvc/internal/status_macros.h"
#include "cppsvc/violations.h"

namespace cppsvc::events::testing {
namespace {

namespace v1 = ::acme::user::v1;
namespace v2 = ::acme::user::v2;
using ::google::protobuf::Message;

Violations Required(absl::string_view field) {
  return Violations({Violation{{PathElement{PathElement::Kind::kField, std::string(field)}},
                               Rule::kRequired,
                               "cannot be blank"}});
}

template <typename Event>
absl::Status UnpackAnnotated(const Envelope& envelope, Message* out, const EventInfo& info,
                             absl::string_view required_field) {
  if (!internal::Holds(envelope, info)) {
    return internal::NotAccepted(envelope, info.payload_type, {info});
  }
  auto* event = static_cast<Event*>(out);
  if (!event->ParseFromString(envelope.payload())) {
    return internal::BadPayload(envelope, info.payload_type);
  }
  if (event->account_id().empty()) return internal::CheckValid(Required(required_field), info);
  return absl::OkStatus();
}

absl::Status UnpackV1(const Envelope& envelope, Message* out) {
  return UnpackAnnotated<v1::AccountCreated>(envelope, out, kAccountCreatedV1, "account_id");
}
absl::Status UnpackV2(const Envelope& envelope, Message* out) {
  return UnpackAnnotated<v2::AccountCreated>(envelope, out, kAccountCreatedV2, "account_id");
}

absl::Status V1ToV2(const Message& in, Message* out, const Converters&) {
  const auto& from = static_cast<const v1::AccountCreated&>(in);
  auto* to = static_cast<v2::AccountCreated*>(out);
  to->set_account_id(from.account_id());
  to->set_given_name(from.name());
  to->set_email_address(from.email());
  to->set_credit_cents(from.credit_cents());
  to->set_plan(static_cast<v2::Plan>(from.plan()));
  return absl::OkStatus();
}

absl::Status UnpackEmailChanged(const Envelope& envelope, Message* out) {
  if (!internal::Holds(envelope, kEmailChangedV1)) {
    return internal::NotAccepted(envelope, "acme.user.v1.EmailChanged", {kEmailChangedV1});
  }
  auto* event = static_cast<v1::EmailChanged*>(out);
  if (!event->mutable_payload()->ParseFromString(envelope.payload())) {
    return internal::BadPayload(envelope, kEmailChangedV1.payload_type);
  }
  event->set_event_name(std::string(kEmailChangedV1.name));
  event->set_event_version(std::string(kEmailChangedV1.version));
  event->set_aggregate_id(envelope.aggregate_id());
  event->set_timestamp(envelope.timestamp());
  event->set_trace_id(envelope.trace_id());
  if (event->payload().new_email().empty()) {
    return internal::CheckValid(Required("payload.new_email"), kEmailChangedV1);
  }
  return absl::OkStatus();
}

}  // namespace

EventBinding AccountCreatedV1Binding() {
  EventBinding binding;
  binding.info = kAccountCreatedV1;
  binding.prototype = &v1::AccountCreated::default_instance();
  binding.latest_prototype = &v2::AccountCreated::default_instance();
  binding.payload_descriptor = v1::AccountCreated::descriptor();
  binding.unpack = &UnpackV1;
  binding.to_latest = &V1ToV2;
  return binding;
}

EventBinding AccountCreatedV2Binding() {
  EventBinding binding;
  binding.info = kAccountCreatedV2;
  binding.prototype = &v2::AccountCreated::default_instance();
  binding.latest_prototype = &v2::AccountCreated::default_instance();
  binding.payload_descriptor = v2::AccountCreated::descriptor();
  binding.unpack = &UnpackV2;
  return binding;
}

EventBinding EmailChangedV1Binding() {
  EventBinding binding;
  binding.info = kEmailChangedV1;
  binding.prototype = &v1::EmailChanged::default_instance();
  binding.latest_prototype = &v1::EmailChanged::default_instance();
  binding.payload_descriptor = v1::EmailChangedPayload::descriptor();
  binding.unpack = &UnpackEmailChanged;
  return binding;
}

absl::Status RegisterAll(Registry& registry) {
  for (const EventBinding& binding :
       {AccountCreatedV1Binding(), AccountCreatedV2Binding(), EmailChangedV1Binding()}) {
    CPPSVC_RETURN_IF_ERROR(registry.Register(binding));
  }
  return absl::OkStatus();
}

Envelope Pack(const v1::AccountCreated& event, const EventOptions& options) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, options, event.account_id());
  event.SerializeToString(envelope.mutable_payload());
  return envelope;
}

Envelope Pack(const v2::AccountCreated& event, const EventOptions& options) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV2, options, event.account_id());
  event.SerializeToString(envelope.mutable_payload());
  return envelope;
}

Envelope Pack(const v1::EmailChanged& event, const EventOptions& options) {
  Envelope envelope = internal::NewEnvelope(kEmailChangedV1, options, event.aggregate_id(),
                                            event.timestamp(), event.trace_id());
  event.payload().SerializeToString(envelope.mutable_payload());
  return envelope;
}

v1::AccountCreated SampleAccountCreated() {
  v1::AccountCreated event;
  event.set_account_id("f95616f1-23e3-4694-8658-8082b0a18267");
  event.set_name("Zoë 🚀 日本");
  event.set_email("zoe@example.com");
  event.set_credit_cents(9007199254740993);
  event.set_plan(v1::PLAN_PRO);
  return event;
}

}  // namespace cppsvc::events::testing
