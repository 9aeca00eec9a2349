// One envelope, several transports (docs/reference/events.md): CloudEvents 1.0 (protobuf and
// structured JSON), a Kafka record in the CloudEvents Kafka binding's binary
// mode, and an EventStoreDB event. Pure functions of the envelope and their
// options: no client library is involved, and the same envelope always maps
// to the same output.
//
//   cppsvc::events::CloudEventOptions options;
//   options.source = "//acme.example/user-service";
//   absl::StatusOr<io::cloudevents::v1::CloudEvent> event =
//       cppsvc::events::ToCloudEvent(envelope, options);
//
//   cppsvc::events::KafkaOptions kafka;
//   kafka.source = options.source;
//   absl::StatusOr<cppsvc::events::KafkaRecord> record =
//       cppsvc::events::ToKafkaRecord(envelope, kafka);
//   // producer.send(topic, record->key, record->value, record->headers)
//
//   cppsvc::events::EventStoreOptions store;
//   store.source = options.source;
//   absl::StatusOr<cppsvc::events::EventStoreEvent> stored =
//       cppsvc::events::ToEventStore(envelope, store);
//   // client.AppendToStream(stored->stream, {stored->event_id, stored->type,
//   //                       stored->data, stored->metadata})
//
// Where a payload must become JSON (CloudEvents JSON data, a JSON Kafka
// value, EventStoreDB data), its message type is looked up by the envelope's
// `payload_type` in `pool`: the generated pool (every message linked into the
// program) when null, or a pool you give (e.g. from a descriptor set).
//
// Mapping decisions (docs/design/events-runtime.md has the full table):
//   - type is "<name>.<version>" ("user.account.created.v1") everywhere;
//   - a timestamp of 0 means "not set": no time attribute / header;
//   - empty optional attributes (subject, correlation/causation/trace ids)
//     are left out, as CloudEvents requires non-empty values;
//   - trace_id: a W3C traceparent ("00-<32 hex>-<16 hex>-<2 hex>") becomes
//     the `traceparent` attribute of the Distributed Tracing extension;
//     any other value the `traceid` extension attribute;
//   - metadata entries become extension attributes named by
//     CloudEventAttributeName (lowercase a-z and 0-9 only); two keys with
//     the same attribute name, or a key naming an attribute the sink sets
//     itself, are InvalidArgument rather than a silent loss.
#ifndef CPPSVC_EVENTS_SINKS_H_
#define CPPSVC_EVENTS_SINKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cppsvc/events/envelope.pb.h"
#include "google/protobuf/descriptor.h"
#include "io/cloudevents/v1/cloudevents.pb.h"

namespace cppsvc::events {

// ---- CloudEvents 1.0 -------------------------------------------------------------

struct CloudEventOptions {
  // The `source` attribute, a URI-reference identifying the producer, e.g.
  // "//acme.example/user-service" or "/user-service". Required.
  std::string source;
  // For ToCloudEvent: the payload as `text_data` JSON (datacontenttype
  // "application/json") instead of `proto_data` (an Any,
  // datacontenttype "application/protobuf").
  bool json_data = false;
  // Payload types for JSON; null: the generated pool.
  const google::protobuf::DescriptorPool* pool = nullptr;
};

// The CloudEvents protobuf format (io.cloudevents.v1.CloudEvent):
// id, source, spec_version "1.0", type, attributes time (ce_timestamp),
// subject (aggregate id), dataschema (ce_uri, the payload's type URL
// "type.googleapis.com/<payload_type>"), datacontenttype, correlationid,
// causationid, traceparent or traceid, one ce_string per metadata entry;
// data in proto_data or text_data.
absl::StatusOr<io::cloudevents::v1::CloudEvent> ToCloudEvent(const Envelope& envelope,
                                                             const CloudEventOptions& options);

// The CloudEvents JSON format (structured mode, media type
// "application/cloudevents+json"): one JSON object with specversion, id,
// source, type, datacontenttype "application/json", dataschema, subject,
// time (RFC 3339, UTC, milliseconds), the extension attributes as top-level
// members, and `data`, the payload as a JSON object (proto3 JSON mapping).
// `json_data` is ignored.
absl::StatusOr<std::string> ToCloudEventJson(const Envelope& envelope,
                                             const CloudEventOptions& options);

// "<name>.<version>", e.g. "user.account.created.v1".
std::string CloudEventType(const Envelope& envelope);
// "type.googleapis.com/<payload_type>".
std::string PayloadTypeUrl(const Envelope& envelope);
// The extension attribute name of a metadata key: ASCII letters lowercased,
// digits kept, everything else dropped ("Tenant_ID" -> "tenantid").
// InvalidArgument when nothing is left.
absl::StatusOr<std::string> CloudEventAttributeName(absl::string_view metadata_key);

// ---- Kafka (CloudEvents Kafka protocol binding, binary content mode) --------------

struct KafkaHeader {
  std::string key;
  std::string value;
  friend bool operator==(const KafkaHeader& a, const KafkaHeader& b) {
    return a.key == b.key && a.value == b.value;
  }
};

struct KafkaRecord {
  std::string key;    // the aggregate id: one partition per aggregate keeps order
  std::string value;  // the payload: protobuf bytes, or JSON (KafkaOptions::json_value)
  std::vector<KafkaHeader> headers;

  // The value of header `key`, or null.
  const std::string* Header(absl::string_view key) const;
};

struct KafkaOptions {
  std::string source;  // ce_source; required
  bool json_value = false;
  const google::protobuf::DescriptorPool* pool = nullptr;
};

// Headers ce_specversion "1.0", ce_id, ce_source, ce_type, ce_time (RFC 3339),
// ce_subject, ce_dataschema, content-type ("application/protobuf" or
// "application/json"), ce_correlationid, ce_causationid, ce_traceparent or
// ce_traceid, and ce_<attribute name> per metadata entry; values UTF-8.
absl::StatusOr<KafkaRecord> ToKafkaRecord(const Envelope& envelope, const KafkaOptions& options);

// ---- EventStoreDB ----------------------------------------------------------------

struct EventStoreEvent {
  std::string stream;    // StreamName(envelope)
  std::string event_id;  // the envelope's event id (a UUID)
  std::string type;      // CloudEventType(envelope)
  std::string data;      // JSON, PascalCase property names (content type application/json)
  std::string metadata;  // JSON
};

struct EventStoreOptions {
  std::string source;            // metadata "source"; left out when empty
  std::string client_host_name;  // metadata "ClientHostName"; empty: LocalHostName()
  const google::protobuf::DescriptorPool* pool = nullptr;
};

// data: the payload as JSON with every property name in PascalCase,
// recursively ("accountId" -> "AccountId"; map keys are data and kept), as
// .NET readers (System.Text.Json / Newtonsoft defaults) expect. metadata:
// {"Created": ISO-8601 with offset ("2026-11-21T07:10:32.123+00:00"),
// "ClientHostName", "$correlationId", "$causationId", "source", "TraceId"
// (when set), then the envelope's metadata entries by key}.
absl::StatusOr<EventStoreEvent> ToEventStore(const Envelope& envelope,
                                             const EventStoreOptions& options);

// "{Category}-{AggregateId}", e.g. "User-0b6a…". An envelope without a
// category uses its name's first segment, capitalised ("user.x" -> "User").
std::string StreamName(const Envelope& envelope);

// ---- Helpers ---------------------------------------------------------------------

// Epoch milliseconds as RFC 3339 in UTC with milliseconds:
// "2026-11-21T07:10:32.123Z", or with `offset` true "...123+00:00".
// InvalidArgument outside the years 0001-9999.
absl::StatusOr<std::string> FormatTimestamp(int64_t epoch_millis, bool offset = false);
// This machine's host name (gethostname), "localhost" when unknown.
std::string LocalHostName();
// `text` as a JSON string literal, quotes included.
std::string JsonQuote(absl::string_view text);

}  // namespace cppsvc::events

#endif  // CPPSVC_EVENTS_SINKS_H_
