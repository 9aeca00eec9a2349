// The events example (docs/reference/events.md): a producer still on v1 of the user domain's
// events publishes an AccountCreated and an EmailChanged; a consumer written
// against v2 receives both as v2 events (upcast through the v1 -> v2
// converter, with the example's override for the split name). Then the v1
// envelope is shown in each sink's form: CloudEvents (protobuf and JSON), a
// Kafka record, an EventStoreDB event.
#include <cstdio>
#include <string>

#include "acme/user/v1/user.svc.h"
#include "acme/user/v2/user.svc.h"
#include "cppsvc/events.h"
#include "cppsvc/events/sinks.h"
#include "google/protobuf/text_format.h"
#include "user_v1_converter.h"

namespace {

void Section(const char* title) { std::printf("\n== %s ==\n", title); }

std::string Text(const google::protobuf::Message& message) {
  std::string text;
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);
  printer.PrintToString(message, &text);
  return text;
}

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "error: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main() {
  // ---- The producer, on v1 ----
  acme::user::v1::AccountCreated created;
  created.set_account_id("0b6a3f9e-5c2d-4e1f-9a8b-7c6d5e4f3a2b");
  created.set_name("Ada Lovelace");
  created.set_email("ada@example.com");
  created.set_credit_cents(9007199254740993);
  created.set_plan(acme::user::v1::PLAN_PRO);

  cppsvc::events::EventOptions options;
  options.correlation_id = "req-2026-11-21-0001";
  options.metadata["tenant"] = "acme";
  absl::StatusOr<cppsvc::events::Envelope> envelope = acme::user::v1::svc::Pack(created, options);
  if (!envelope.ok()) return Fail(envelope.status());
  const std::string bytes = envelope->SerializeAsString();

  acme::user::v1::EmailChangedPayload payload;
  payload.set_old_email("ada@example.com");
  payload.set_new_email("countess@example.com");
  absl::StatusOr<cppsvc::events::Envelope> changed = acme::user::v1::svc::Pack(
      acme::user::v1::svc::NewEmailChanged(created.account_id(), payload));
  if (!changed.ok()) return Fail(changed.status());

  Section("v1 event produced");
  std::printf("%s", Text(created).c_str());
  Section(("its envelope, " + std::to_string(bytes.size()) + " bytes on the wire").c_str());
  std::printf("%s", Text(*envelope).c_str());

  // ---- The consumer, on v2 ----
  cppsvc::events::Registry registry;
  for (absl::Status status : {acme::user::v1::svc::RegisterEvents(registry),
                              acme::user::v2::svc::RegisterEvents(registry)}) {
    if (!status.ok()) return Fail(status);
  }
  example::UserV1Converter v1_converter;  // splits v1's name
  registry.converters().Use(v1_converter);
  registry.On<acme::user::v2::AccountCreated>(
      [](const acme::user::v2::AccountCreated& event, const cppsvc::events::Envelope& from) {
        Section(("received as v2 (written as " + from.version() + ")").c_str());
        std::printf("%s", Text(event).c_str());
        return absl::OkStatus();
      });
  registry.On<acme::user::v2::EmailChanged>(
      [](const acme::user::v2::EmailChanged& event, const cppsvc::events::Envelope& from) {
        Section(("received as v2 (written as " + from.version() + ")").c_str());
        std::printf("%s", Text(event).c_str());
        return absl::OkStatus();
      });
  for (const std::string& wire : {bytes, changed->SerializeAsString()}) {
    if (absl::Status status = registry.Dispatch(wire); !status.ok()) return Fail(status);
  }
  absl::StatusOr<std::string> json = registry.ToJson(*envelope);
  if (!json.ok()) return Fail(json.status());
  Section("envelope as JSON (Registry::ToJson)");
  std::printf("%s\n", json->c_str());

  // ---- One envelope, every sink ----
  const std::string source = "//acme.example/user-service";
  cppsvc::events::CloudEventOptions cloud;
  cloud.source = source;
  absl::StatusOr<io::cloudevents::v1::CloudEvent> cloud_event =
      cppsvc::events::ToCloudEvent(*envelope, cloud);
  if (!cloud_event.ok()) return Fail(cloud_event.status());
  Section("CloudEvents 1.0, protobuf format (io.cloudevents.v1.CloudEvent)");
  std::printf("%s", Text(*cloud_event).c_str());

  absl::StatusOr<std::string> cloud_json = cppsvc::events::ToCloudEventJson(*envelope, cloud);
  if (!cloud_json.ok()) return Fail(cloud_json.status());
  Section("CloudEvents 1.0, structured JSON (application/cloudevents+json)");
  std::printf("%s\n", cloud_json->c_str());

  cppsvc::events::KafkaOptions kafka;
  kafka.source = source;
  absl::StatusOr<cppsvc::events::KafkaRecord> record =
      cppsvc::events::ToKafkaRecord(*envelope, kafka);
  if (!record.ok()) return Fail(record.status());
  Section("Kafka record, CloudEvents binary mode");
  std::printf("key:   %s\n", record->key.c_str());
  std::printf("value: %zu bytes of %s\n", record->value.size(), envelope->payload_type().c_str());
  for (const cppsvc::events::KafkaHeader& header : record->headers) {
    std::printf("header %s: %s\n", header.key.c_str(), header.value.c_str());
  }

  cppsvc::events::EventStoreOptions store;
  store.source = source;
  store.client_host_name = "example-host";
  absl::StatusOr<cppsvc::events::EventStoreEvent> stored =
      cppsvc::events::ToEventStore(*envelope, store);
  if (!stored.ok()) return Fail(stored.status());
  Section("EventStoreDB event");
  std::printf("stream:   %s\n", stored->stream.c_str());
  std::printf("eventId:  %s\n", stored->event_id.c_str());
  std::printf("type:     %s\n", stored->type.c_str());
  std::printf("data:     %s\n", stored->data.c_str());
  std::printf("metadata: %s\n", stored->metadata.c_str());
  return 0;
}
