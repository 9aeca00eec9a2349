// libFuzzer target: the event envelope runtime (docs/reference/events.md) on hostile bytes.
//
// The first input byte picks the path, the rest is the input:
//   0  envelope bytes -> Registry::Dispatch / Unpack / UnpackLatest / ToJson
//   1  envelope bytes -> the descriptor-set Decoder (ToJson, FromJson of its
//      own output) and the same bytes as a delimited stream
//   2  text -> Registry::FromJson and Decoder::FromJson
//   3  envelope bytes -> every sink (CloudEvents proto + JSON, Kafka,
//      EventStoreDB with its PascalCase pool)
// Every path also runs EnvelopeView::Parse on the input and checks it against
// Envelope::ParseFromString: it must accept exactly the same bytes and read
// the same fields (a mismatch aborts), and SerializeNewEnvelope of what it
// read must parse back to it.
// Nothing may crash, leak or trip a sanitizer; every failure is a status.
// The event types are the runtime's own CloudEvents messages, bound by hand
// (v1 = CloudEventAttributeValue upcast to v2 = CloudEvent), so the target
// needs no generated event code.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "cppsvc/events.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/events/sinks.h"
#include "cppsvc/internal/event_support.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/empty.pb.h"
#include "io/cloudevents/v1/cloudevents.pb.h"

namespace {

namespace pb = ::google::protobuf;
using cppsvc::events::Envelope;
using cppsvc::events::EventBinding;
using cppsvc::events::EventInfo;
using io::cloudevents::v1::CloudEvent;
using Attribute = io::cloudevents::v1::CloudEvent_CloudEventAttributeValue;

constexpr EventInfo kV1{"fuzz.event", "v1", "Fuzz",
                        "io.cloudevents.v1.CloudEvent.CloudEventAttributeValue"};
constexpr EventInfo kV2{"fuzz.event", "v2", "Fuzz", "io.cloudevents.v1.CloudEvent"};

template <typename Event>
absl::Status Unpack(const Envelope& envelope, pb::Message* out, const EventInfo& info) {
  namespace internal = cppsvc::events::internal;
  if (!internal::Holds(envelope, info)) {
    return internal::NotAccepted(envelope, info.payload_type, {kV1, kV2});
  }
  if (!out->ParseFromString(envelope.payload())) {
    return internal::BadPayload(envelope, info.payload_type);
  }
  return absl::OkStatus();
}

const cppsvc::events::Registry& TheRegistry() {
  static cppsvc::events::Registry* registry = [] {
    auto* r = new cppsvc::events::Registry();
    EventBinding v1;
    v1.info = kV1;
    v1.prototype = &Attribute::default_instance();
    v1.latest_prototype = &CloudEvent::default_instance();
    v1.payload_descriptor = Attribute::descriptor();
    v1.unpack = [](const Envelope& e, pb::Message* m) { return Unpack<Attribute>(e, m, kV1); };
    v1.to_latest = [](const pb::Message& in, pb::Message* out, const cppsvc::events::Converters&) {
      static_cast<CloudEvent*>(out)->set_text_data(static_cast<const Attribute&>(in).ce_string());
      return absl::OkStatus();
    };
    EventBinding v2;
    v2.info = kV2;
    v2.prototype = &CloudEvent::default_instance();
    v2.latest_prototype = &CloudEvent::default_instance();
    v2.payload_descriptor = CloudEvent::descriptor();
    v2.unpack = [](const Envelope& e, pb::Message* m) { return Unpack<CloudEvent>(e, m, kV2); };
    (void)r->Register(v1);
    (void)r->Register(v2);
    r->On<CloudEvent>([](const CloudEvent&, const Envelope&) { return absl::OkStatus(); });
    return r;
  }();
  return *registry;
}

void AddFile(const pb::FileDescriptor* file, pb::FileDescriptorSet* set) {
  for (int i = 0; i < file->dependency_count(); ++i) AddFile(file->dependency(i), set);
  for (const auto& added : set->file()) {
    if (added.name() == file->name()) return;
  }
  file->CopyTo(set->add_file());
}

const cppsvc::events::Decoder& TheDecoder() {
  static cppsvc::events::Decoder* decoder = [] {
    pb::FileDescriptorSet set;
    AddFile(CloudEvent::descriptor()->file(), &set);
    AddFile(Envelope::descriptor()->file(), &set);
    auto made = cppsvc::events::Decoder::FromDescriptorSet(set.SerializeAsString());
    return made.ok() ? made->release() : nullptr;
  }();
  return *decoder;
}

[[noreturn]] void Mismatch(const char* what, absl::string_view input) {
  std::fprintf(stderr,
               "EnvelopeView::Parse disagrees with Envelope::ParseFromString: %s "
               "(%zu bytes)\n",
               what, input.size());
  std::abort();
}

// EnvelopeView::Parse accepts exactly what ParseFromString accepts and reads
// the same fields; SerializeNewEnvelope of those fields reads back the same.
void View(absl::string_view input) {
  Envelope envelope;
  const bool parsed = envelope.ParseFromArray(input.data(), static_cast<int>(input.size()));
  absl::StatusOr<cppsvc::events::EnvelopeView> view = cppsvc::events::EnvelopeView::Parse(input);
  if (parsed != view.ok()) Mismatch(parsed ? "view rejects" : "view accepts", input);
  if (!parsed) return;
  const cppsvc::events::EnvelopeView& v = *view;
  if (v.event_id != envelope.event_id() || v.name != envelope.name() ||
      v.version != envelope.version() || v.payload_type != envelope.payload_type() ||
      v.aggregate_id != envelope.aggregate_id() || v.category != envelope.category() ||
      v.timestamp != envelope.timestamp() || v.correlation_id != envelope.correlation_id() ||
      v.causation_id != envelope.causation_id() || v.trace_id != envelope.trace_id() ||
      v.payload != envelope.payload()) {
    Mismatch("a field differs", input);
  }
  (void)cppsvc::events::internal::Holds(v, kV1);
  (void)cppsvc::events::internal::NotAccepted(v, kV1.payload_type, {kV1, kV2});
  (void)cppsvc::events::internal::BadPayload(v, kV2.payload_type);

  // Round trip through the one-step writer: the payload as an opaque
  // message (unknown fields keep its bytes).
  const std::string name(v.name), version(v.version), payload_type(v.payload_type),
      category(v.category);
  const EventInfo info{name, version, category, payload_type};
  cppsvc::events::EventOptions options;
  options.event_id = std::string(v.event_id);
  options.timestamp = v.timestamp;
  options.correlation_id = std::string(v.correlation_id);
  options.causation_id = std::string(v.causation_id);
  options.trace_id = std::string(v.trace_id);
  options.metadata.insert(envelope.metadata().begin(), envelope.metadata().end());
  pb::Empty payload;
  if (!payload.ParseFromArray(v.payload.data(), static_cast<int>(v.payload.size()))) return;
  std::string bytes;
  cppsvc::events::internal::SerializeNewEnvelope(info, options, v.aggregate_id, 0, {}, payload,
                                                 &bytes);
  absl::StatusOr<cppsvc::events::EnvelopeView> again = cppsvc::events::EnvelopeView::Parse(bytes);
  if (!again.ok()) Mismatch("SerializeNewEnvelope wrote bytes it cannot read", input);
  Envelope written;
  if (!written.ParseFromString(bytes)) Mismatch("SerializeNewEnvelope wrote bad bytes", input);
  // Empty ids and a zero timestamp are filled with defaults; the rest stays.
  if (again->name != v.name || again->version != v.version ||
      again->aggregate_id != v.aggregate_id ||
      (!v.event_id.empty() && again->event_id != v.event_id) ||
      (v.timestamp != 0 && again->timestamp != v.timestamp) ||
      written.metadata_size() != envelope.metadata_size()) {
    Mismatch("SerializeNewEnvelope round trip", input);
  }
}

void Bytes(absl::string_view input) {
  const auto& registry = TheRegistry();
  (void)registry.Dispatch(input);
  absl::StatusOr<Envelope> envelope = cppsvc::events::ParseEnvelope(input);
  if (!envelope.ok()) return;
  (void)registry.Unpack(*envelope);
  (void)registry.UnpackLatest(*envelope);
  absl::StatusOr<std::string> json = registry.ToJson(*envelope);
  if (json.ok()) (void)registry.FromJson(*json);
}

void Decoder(absl::string_view input) {
  const auto& decoder = TheDecoder();
  absl::StatusOr<std::string> json = decoder.ToJson(input);
  if (json.ok()) (void)decoder.FromJson(*json);
  (void)cppsvc::events::ForEachDelimited(input, [&](size_t, absl::string_view record) {
    (void)decoder.ToJson(record);
    return absl::OkStatus();
  });
}

void Json(absl::string_view input) {
  (void)TheRegistry().FromJson(input);
  absl::StatusOr<Envelope> envelope = TheDecoder().FromJson(input);
  if (envelope.ok()) (void)TheDecoder().ToJson(*envelope);
}

void Sinks(absl::string_view input) {
  absl::StatusOr<Envelope> envelope = cppsvc::events::ParseEnvelope(input);
  if (!envelope.ok()) return;
  cppsvc::events::CloudEventOptions cloud;
  cloud.source = "/fuzz";
  (void)cppsvc::events::ToCloudEvent(*envelope, cloud);
  (void)cppsvc::events::ToCloudEventJson(*envelope, cloud);
  cloud.json_data = true;
  (void)cppsvc::events::ToCloudEvent(*envelope, cloud);
  cppsvc::events::KafkaOptions kafka;
  kafka.source = "/fuzz";
  (void)cppsvc::events::ToKafkaRecord(*envelope, kafka);
  cppsvc::events::EventStoreOptions store;
  store.client_host_name = "fuzz";
  (void)cppsvc::events::ToEventStore(*envelope, store);
  (void)cppsvc::events::StreamName(*envelope);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const absl::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  View(input);
  switch (data[0] % 4) {
    case 0:
      Bytes(input);
      break;
    case 1:
      Decoder(input);
      break;
    case 2:
      Json(input);
      break;
    default:
      Sinks(input);
      break;
  }
  return 0;
}
