// Event envelopes: typed events, a registry, upcasting (docs/reference/events.md).
//
// A message becomes an event by annotation
//   option (gen.svc.message).event = { name: "user.account.created"
//                                      aggregate_field: "account_id" };
// or by the typed-event convention (fields `event_name` with a `fixed_value`
// option, `event_version`, `aggregate_id`, `timestamp`, `trace_id`,
// `payload`). For each event the plugin generates, in the package's `svc`
// namespace:
//
//   kAccountCreatedEvent                     its EventInfo (name, version, category)
//   Pack(event, options) -> Envelope         validates, fills the metadata
//   Unpack(envelope, &event)                 checks name and version, parses, validates;
//                                            the latest version also upcasts older ones
//   ToLatest(event, &latest, converters)     older versions: through the chain
//   RegisterEvents(registry)                 every event of the package
//   New<Event>(aggregate_id, payload)        convention events: a filled message
//
// Producing:
//
//   acme::user::v1::AccountCreated created;
//   created.set_account_id(id);
//   absl::StatusOr<cppsvc::events::Envelope> envelope =
//       acme::user::v1::svc::Pack(created);
//   if (!envelope.ok()) return envelope.status();  // the event was invalid
//   std::string bytes = envelope->SerializeAsString();
//
// Consuming, one handler for every version of an event:
//
//   cppsvc::events::Registry registry;
//   CPPSVC_CHECK_OK(acme::user::v1::svc::RegisterEvents(registry));
//   CPPSVC_CHECK_OK(acme::user::v2::svc::RegisterEvents(registry));
//   registry.On<acme::user::v2::AccountCreated>(
//       [](const acme::user::v2::AccountCreated& event,
//          const cppsvc::events::Envelope& envelope) { ...; return absl::OkStatus(); });
//   absl::Status status = registry.Dispatch(bytes);  // a v1 event arrives as v2
//
// Every failure is a status that says what is wrong; nothing is dropped
// silently (an event without a handler is an error too).
#ifndef CPPSVC_EVENTS_H_
#define CPPSVC_EVENTS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cppsvc/events/envelope.pb.h"
#include "google/protobuf/message.h"

namespace cppsvc::events {

// What identifies an event type in an envelope. Generated as a constant per
// event (`kAccountCreatedEvent`).
struct EventInfo {
  absl::string_view name;          // "user.account.created"
  absl::string_view version;       // "v1": the last segment of the event's package
  absl::string_view category;      // "User": annotation, or the domain's last segment
  absl::string_view payload_type;  // "acme.user.v1.AccountCreated"
};

// What the producer may set when packing an event; everything left empty is
// filled in (docs/reference/events.md).
struct EventOptions {
  std::string event_id;        // empty: a new lowercase UUID v4
  int64_t timestamp = 0;       // epoch ms; 0: the event's own timestamp, else now
  std::string aggregate_id;    // empty: read from the event's aggregate field
  std::string correlation_id;  // empty: the event id
  std::string causation_id;    // empty: the event id
  std::string trace_id;        // empty: the event's own trace_id, if any
  std::map<std::string, std::string> metadata;
};

// An envelope read in place: its string fields point into the bytes it was
// parsed from (or into the Envelope it was made from), so unpacking from the
// wire costs no allocation beyond the event itself. Accepts exactly the bytes
// Envelope::ParseFromString accepts (unknown fields skipped, the last of a
// repeated singular field wins, strings must be valid UTF-8); metadata
// entries are checked but not kept. The bytes must outlive the view.
struct EnvelopeView {
  EnvelopeView() = default;
  // Implicit: every Unpack that takes a view also takes an Envelope.
  EnvelopeView(const Envelope& envelope);  // NOLINT(google-explicit-constructor)

  // InvalidArgument when `bytes` are not an Envelope.
  static absl::StatusOr<EnvelopeView> Parse(absl::string_view bytes);

  absl::string_view event_id;
  absl::string_view name;
  absl::string_view version;
  absl::string_view payload_type;
  absl::string_view aggregate_id;
  absl::string_view category;
  int64_t timestamp = 0;
  absl::string_view correlation_id;
  absl::string_view causation_id;
  absl::string_view trace_id;
  absl::string_view payload;
};

// A new random (version 4) UUID, lowercase with dashes.
std::string NewEventId();
// Milliseconds since the Unix epoch, now.
int64_t NowMillis();

// The converters upcasting uses, one per version. By default each version's
// generated `svc::Converter::Default()`; a program whose chain needs an
// override (a split field, say) installs it once:
//
//   example::UserV1Converter v1_converter;
//   registry.converters().Use(v1_converter);   // or a Converters of your own
//
// Keyed by the generated converter interface (`Converter::Interface`), so an
// override is found whatever its own class. Not thread-safe to modify; safe
// to share once set up. Overrides must outlive the Converters.
class Converters {
 public:
  template <typename C>
  void Use(const C& converter) {
    using Interface = typename C::Interface;
    overrides_[std::type_index(typeid(Interface))] = static_cast<const Interface*>(&converter);
  }

  template <typename Interface>
  const Interface& Get() const {
    auto it = overrides_.find(std::type_index(typeid(Interface)));
    if (it == overrides_.end()) return Interface::Default();
    return *static_cast<const Interface*>(it->second);
  }

 private:
  absl::flat_hash_map<std::type_index, const void*> overrides_;
};

// One event type in one version, as the registry sees it: generated
// `RegisterEvents` fills these in.
struct EventBinding {
  EventInfo info;
  // This version's event message, and the latest version's (the same when
  // this version is the latest).
  const google::protobuf::Message* prototype = nullptr;
  const google::protobuf::Message* latest_prototype = nullptr;
  // The message type the envelope's payload bytes hold: the event itself, or
  // a convention event's `payload` field type.
  const google::protobuf::Descriptor* payload_descriptor = nullptr;
  // Fills `event` (a prototype->New()) from an envelope of exactly this name
  // and version: parse, metadata, validation.
  absl::Status (*unpack)(const Envelope& envelope, google::protobuf::Message* event) = nullptr;
  // Converts `event` (this version) into `latest` (a latest_prototype->New())
  // through the chain; null for the latest version.
  absl::Status (*to_latest)(const google::protobuf::Message& event,
                            google::protobuf::Message* latest,
                            const Converters& converters) = nullptr;
};

// Event types by (name, version): parse, validate, upcast, JSON, dispatch.
// Register everything first, then share: lookups are const and thread-safe.
class Registry {
 public:
  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // AlreadyExists when (name, version) is taken by another message type;
  // registering the same binding twice is fine.
  absl::Status Register(const EventBinding& binding);

  // Null when unknown.
  const EventBinding* Find(absl::string_view name, absl::string_view version) const;
  // Every binding, sorted by name then version.
  std::vector<const EventBinding*> Bindings() const;

  Converters& converters() { return converters_; }
  const Converters& converters() const { return converters_; }

  // The event in its own version (validated). NotFound for an unknown name,
  // or a version this registry does not know (newer producers), naming the
  // versions it knows; InvalidArgument for bad payload bytes or an invalid
  // event.
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> Unpack(const Envelope& envelope) const;
  // The event upcast to the latest version this registry knows.
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> UnpackLatest(
      const Envelope& envelope) const;

  // The handler for every version of the event whose latest version is
  // `Latest`; replaces an earlier one.
  template <typename Latest>
  void On(std::function<absl::Status(const Latest&, const Envelope&)> handler) {
    handlers_[Latest::descriptor()] = [handler = std::move(handler)](
                                          const google::protobuf::Message& event,
                                          const Envelope& envelope) {
      return handler(static_cast<const Latest&>(event), envelope);
    };
  }

  // UnpackLatest, then the handler's status. NotFound when no handler is
  // registered for the event's latest type.
  absl::Status Dispatch(const Envelope& envelope) const;
  // Parses the envelope first: InvalidArgument for bytes that are not one.
  absl::Status Dispatch(absl::string_view envelope_bytes) const;

  // The envelope as JSON, with the payload decoded as `"data"` (proto3 JSON
  // mapping). The event is checked as Unpack does.
  absl::StatusOr<std::string> ToJson(const Envelope& envelope) const;
  // The reverse of ToJson: InvalidArgument for malformed JSON, unknown
  // fields, or data that is not the named event.
  absl::StatusOr<Envelope> FromJson(absl::string_view json) const;

 private:
  using Handler = std::function<absl::Status(const google::protobuf::Message&, const Envelope&)>;
  const EventBinding* FindOrError(const Envelope& envelope, absl::Status* error) const;

  std::map<std::pair<std::string, std::string>, EventBinding> bindings_;
  absl::flat_hash_map<const google::protobuf::Descriptor*, Handler> handlers_;
  Converters converters_;
};

}  // namespace cppsvc::events

#endif  // CPPSVC_EVENTS_H_
