// Envelope sinks: CloudEvents, Kafka, EventStoreDB (docs/reference/events.md); see
// cppsvc/events/sinks.h.
#include "cppsvc/events/sinks.h"

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "cppsvc/internal/protobuf_compat.h"
#include "cppsvc/internal/status_macros.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/util/json_util.h"

namespace cppsvc::events {
namespace {

namespace pb = ::google::protobuf;
using io::cloudevents::v1::CloudEvent;

constexpr absl::string_view kSpecVersion = "1.0";
constexpr absl::string_view kProtobufType = "application/protobuf";
constexpr absl::string_view kJsonType = "application/json";

// Attributes the sinks set themselves; a metadata key may not take them.
const std::set<std::string>& ReservedAttributes() {
  static const auto* const kReserved = new std::set<std::string>{
      "id",          "source",     "specversion", "type",        "datacontenttype", "dataschema",
      "subject",     "time",       "data",        "data_base64", "correlationid",   "causationid",
      "traceparent", "tracestate", "traceid"};
  return *kReserved;
}

bool IsTraceparent(absl::string_view id) {
  // version "-" trace-id "-" parent-id "-" flags, lowercase hex (W3C).
  if (id.size() != 55 || id[2] != '-' || id[35] != '-' || id[52] != '-') return false;
  for (size_t i = 0; i < id.size(); ++i) {
    if (i == 2 || i == 35 || i == 52) continue;
    const char c = id[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// The optional and extension attributes shared by every CloudEvents form,
// in output order (name, value), without time and data.
struct Attribute {
  std::string name;
  std::string value;
};

absl::StatusOr<std::vector<Attribute>> ExtensionAttributes(const Envelope& envelope) {
  std::vector<Attribute> attributes;
  auto add = [&](absl::string_view name, absl::string_view value) {
    if (!value.empty()) attributes.push_back({std::string(name), std::string(value)});
  };
  add("correlationid", envelope.correlation_id());
  add("causationid", envelope.causation_id());
  add(IsTraceparent(envelope.trace_id()) ? "traceparent" : "traceid", envelope.trace_id());
  // Sorted by key (proto maps have no order) so the output is deterministic.
  std::map<std::string, std::string> by_name;
  std::map<std::string, std::string> key_of;
  for (const auto& [key, value] : envelope.metadata()) {
    CPPSVC_ASSIGN_OR_RETURN(const std::string name, CloudEventAttributeName(key));
    if (ReservedAttributes().count(name) != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("metadata key \"", key, "\" maps to CloudEvents attribute \"", name,
                       "\", which the envelope sets itself: rename the key"));
    }
    auto [it, inserted] = key_of.emplace(name, key);
    if (!inserted) {
      std::string first = it->second, second = key;
      if (second < first) std::swap(first, second);
      return absl::InvalidArgumentError(absl::StrCat("metadata keys \"", first, "\" and \"", second,
                                                     "\" both map to CloudEvents attribute \"",
                                                     name, "\": rename one"));
    }
    by_name.emplace(name, value);
  }
  for (auto& [name, value] : by_name) attributes.push_back({name, value});
  return attributes;
}

absl::Status RequireSource(absl::string_view source) {
  if (!source.empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      "CloudEvents need a source (a URI-reference such as \"//acme.example/user-service\"): "
      "set the options' source");
}

absl::Status RequireId(const Envelope& envelope) {
  if (!envelope.event_id().empty() && !envelope.name().empty()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      "the envelope has no event id or name: make it with the generated Pack");
}

// ---- Payload JSON ------------------------------------------------------------------

// "account_id" -> "AccountId"; a custom json_name "eMail" -> "EMail".
std::string Pascal(absl::string_view name) {
  std::string out;
  bool upper = true;
  for (const char c : name) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper ? absl::ascii_toupper(c) : c;
      upper = false;
    }
  }
  return out;
}

void PascalCaseMessage(pb::DescriptorProto* message) {
  if (message->options().map_entry()) return;
  for (pb::FieldDescriptorProto& field : *message->mutable_field()) {
    field.set_json_name(Pascal(field.has_json_name() ? field.json_name() : field.name()));
  }
  for (pb::DescriptorProto& nested : *message->mutable_nested_type()) {
    PascalCaseMessage(&nested);
  }
}

// `file` and its dependencies, dependencies first, into `files`.
void CollectFiles(const pb::FileDescriptor* file, std::set<std::string>* seen,
                  std::vector<const pb::FileDescriptor*>* files) {
  if (!seen->insert(std::string(file->name())).second) return;
  for (int i = 0; i < file->dependency_count(); ++i) {
    CollectFiles(file->dependency(i), seen, files);
  }
  files->push_back(file);
}

// A pool with the payload type's files where every field's JSON name is
// PascalCase. The well-known types keep theirs (their JSON is special).
absl::StatusOr<std::unique_ptr<pb::DescriptorPool>> PascalCasePool(const pb::Descriptor* type) {
  std::set<std::string> seen;
  std::vector<const pb::FileDescriptor*> files;
  CollectFiles(type->file(), &seen, &files);
  auto pool = std::make_unique<pb::DescriptorPool>();
  for (const pb::FileDescriptor* file : files) {
    pb::FileDescriptorProto proto;
    file->CopyTo(&proto);
    if (!absl::StartsWith(file->name(), "google/protobuf/")) {
      for (pb::DescriptorProto& message : *proto.mutable_message_type()) {
        PascalCaseMessage(&message);
      }
    }
    if (pool->BuildFile(proto) == nullptr) {
      return absl::InternalError(
          absl::StrCat("cannot rebuild ", file->name(), " with PascalCase JSON names"));
    }
  }
  return pool;
}

absl::StatusOr<std::string> PayloadJson(const Envelope& envelope, const pb::DescriptorPool* pool,
                                        bool pascal_case) {
  if (pool == nullptr) pool = pb::DescriptorPool::generated_pool();
  const pb::Descriptor* type = pool->FindMessageTypeByName(envelope.payload_type());
  if (type == nullptr) {
    return absl::NotFoundError(absl::StrCat(
        "payload type \"", envelope.payload_type(), "\" of event \"", envelope.name(),
        "\" is not known to the sink's descriptor pool: link its generated code or pass a "
        "pool that has it"));
  }
  std::unique_ptr<pb::DescriptorPool> renamed;
  if (pascal_case) {
    CPPSVC_ASSIGN_OR_RETURN(renamed, PascalCasePool(type));
    type = renamed->FindMessageTypeByName(envelope.payload_type());
  }
  pb::DynamicMessageFactory dynamic;
  const pb::Message* prototype = type->file()->pool() == pb::DescriptorPool::generated_pool()
                                     ? pb::MessageFactory::generated_factory()->GetPrototype(type)
                                     : dynamic.GetPrototype(type);
  std::unique_ptr<pb::Message> payload(prototype->New());
  if (!payload->ParseFromString(envelope.payload())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event \"", envelope.name(), "\" version ", envelope.version(), ": the payload (",
        envelope.payload().size(), " bytes) does not parse as ", envelope.payload_type()));
  }
  std::string json;
  pb::util::JsonPrintOptions print;  // canonical proto3 JSON: defaults left out
  ::cppsvc::internal::protobuf_compat::JsonStatus status =
      pb::util::MessageToJsonString(*payload, &json, print);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "payload of event \"", envelope.name(),
        "\" has no JSON form: ", ::cppsvc::internal::protobuf_compat::StatusText(status)));
  }
  return json;
}

// ---- A tiny JSON object writer -------------------------------------------------------

class JsonObject {
 public:
  void Raw(absl::string_view key, absl::string_view json) {
    absl::StrAppend(&text_, text_.empty() ? "{" : ",", JsonQuote(key), ":", json);
  }
  void String(absl::string_view key, absl::string_view value) { Raw(key, JsonQuote(value)); }
  std::string Close() && {
    if (text_.empty()) return "{}";
    text_ += '}';
    return std::move(text_);
  }

 private:
  std::string text_;
};

}  // namespace

// ---- Helpers -----------------------------------------------------------------------

std::string JsonQuote(absl::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

absl::StatusOr<std::string> FormatTimestamp(int64_t epoch_millis, bool offset) {
  constexpr int64_t kMin = -62135596800000;  // 0001-01-01T00:00:00Z
  constexpr int64_t kMax = 253402300799999;  // 9999-12-31T23:59:59.999Z
  if (epoch_millis < kMin || epoch_millis > kMax) {
    return absl::InvalidArgumentError(
        absl::StrCat("timestamp ", epoch_millis, " ms is outside RFC 3339's years 0001-9999"));
  }
  return absl::FormatTime(offset ? "%Y-%m-%d%ET%H:%M:%E3S+00:00" : "%Y-%m-%d%ET%H:%M:%E3SZ",
                          absl::FromUnixMillis(epoch_millis), absl::UTCTimeZone());
}

std::string LocalHostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0 || name[0] == '\0') return "localhost";
  return name;
}

std::string CloudEventType(const Envelope& envelope) {
  return absl::StrCat(envelope.name(), ".", envelope.version());
}

std::string PayloadTypeUrl(const Envelope& envelope) {
  return absl::StrCat("type.googleapis.com/", envelope.payload_type());
}

absl::StatusOr<std::string> CloudEventAttributeName(absl::string_view metadata_key) {
  std::string name;
  for (const char c : metadata_key) {
    if (absl::ascii_isalpha(c)) {
      name += absl::ascii_tolower(c);
    } else if (absl::ascii_isdigit(c)) {
      name += c;
    }
  }
  if (name.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("metadata key \"", metadata_key,
                     "\" has no letters or digits: it cannot name a CloudEvents attribute"));
  }
  return name;
}

std::string StreamName(const Envelope& envelope) {
  std::string category = envelope.category();
  if (category.empty()) {
    category = std::string(envelope.name().substr(0, envelope.name().find('.')));
    if (!category.empty()) category[0] = absl::ascii_toupper(category[0]);
  }
  return absl::StrCat(category, "-", envelope.aggregate_id());
}

// ---- CloudEvents -----------------------------------------------------------------

absl::StatusOr<CloudEvent> ToCloudEvent(const Envelope& envelope,
                                        const CloudEventOptions& options) {
  CPPSVC_RETURN_IF_ERROR(RequireSource(options.source));
  CPPSVC_RETURN_IF_ERROR(RequireId(envelope));
  CPPSVC_ASSIGN_OR_RETURN(const std::vector<Attribute> extensions, ExtensionAttributes(envelope));

  CloudEvent event;
  event.set_id(envelope.event_id());
  event.set_source(options.source);
  event.set_spec_version(std::string(kSpecVersion));
  event.set_type(CloudEventType(envelope));
  auto& attributes = *event.mutable_attributes();
  if (envelope.timestamp() != 0) {
    CPPSVC_RETURN_IF_ERROR(FormatTimestamp(envelope.timestamp()).status());
    auto* time = attributes["time"].mutable_ce_timestamp();
    const int64_t millis = envelope.timestamp();
    const int64_t seconds = millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000);
    time->set_seconds(seconds);
    time->set_nanos(static_cast<int32_t>((millis - seconds * 1000) * 1000000));
  }
  if (!envelope.aggregate_id().empty()) {
    attributes["subject"].set_ce_string(envelope.aggregate_id());
  }
  attributes["dataschema"].set_ce_uri(PayloadTypeUrl(envelope));
  for (const Attribute& attribute : extensions) {
    attributes[attribute.name].set_ce_string(attribute.value);
  }
  if (options.json_data) {
    CPPSVC_ASSIGN_OR_RETURN(std::string json, PayloadJson(envelope, options.pool, false));
    attributes["datacontenttype"].set_ce_string(std::string(kJsonType));
    event.set_text_data(std::move(json));
  } else {
    attributes["datacontenttype"].set_ce_string(std::string(kProtobufType));
    event.mutable_proto_data()->set_type_url(PayloadTypeUrl(envelope));
    event.mutable_proto_data()->set_value(envelope.payload());
  }
  return event;
}

absl::StatusOr<std::string> ToCloudEventJson(const Envelope& envelope,
                                             const CloudEventOptions& options) {
  CPPSVC_RETURN_IF_ERROR(RequireSource(options.source));
  CPPSVC_RETURN_IF_ERROR(RequireId(envelope));
  CPPSVC_ASSIGN_OR_RETURN(const std::vector<Attribute> extensions, ExtensionAttributes(envelope));
  CPPSVC_ASSIGN_OR_RETURN(const std::string data, PayloadJson(envelope, options.pool, false));

  JsonObject json;
  json.String("specversion", kSpecVersion);
  json.String("id", envelope.event_id());
  json.String("source", options.source);
  json.String("type", CloudEventType(envelope));
  json.String("datacontenttype", kJsonType);
  json.String("dataschema", PayloadTypeUrl(envelope));
  if (!envelope.aggregate_id().empty()) json.String("subject", envelope.aggregate_id());
  if (envelope.timestamp() != 0) {
    CPPSVC_ASSIGN_OR_RETURN(const std::string time, FormatTimestamp(envelope.timestamp()));
    json.String("time", time);
  }
  for (const Attribute& attribute : extensions) json.String(attribute.name, attribute.value);
  json.Raw("data", data);
  return std::move(json).Close();
}

// ---- Kafka -------------------------------------------------------------------------

const std::string* KafkaRecord::Header(absl::string_view key) const {
  for (const KafkaHeader& header : headers) {
    if (header.key == key) return &header.value;
  }
  return nullptr;
}

absl::StatusOr<KafkaRecord> ToKafkaRecord(const Envelope& envelope, const KafkaOptions& options) {
  CPPSVC_RETURN_IF_ERROR(RequireSource(options.source));
  CPPSVC_RETURN_IF_ERROR(RequireId(envelope));
  CPPSVC_ASSIGN_OR_RETURN(const std::vector<Attribute> extensions, ExtensionAttributes(envelope));

  KafkaRecord record;
  record.key = envelope.aggregate_id();
  if (options.json_value) {
    CPPSVC_ASSIGN_OR_RETURN(record.value, PayloadJson(envelope, options.pool, false));
  } else {
    record.value = envelope.payload();
  }
  auto add = [&record](std::string key, std::string value) {
    record.headers.push_back({std::move(key), std::move(value)});
  };
  add("ce_specversion", std::string(kSpecVersion));
  add("ce_id", envelope.event_id());
  add("ce_source", options.source);
  add("ce_type", CloudEventType(envelope));
  if (envelope.timestamp() != 0) {
    CPPSVC_ASSIGN_OR_RETURN(std::string time, FormatTimestamp(envelope.timestamp()));
    add("ce_time", std::move(time));
  }
  if (!envelope.aggregate_id().empty()) add("ce_subject", envelope.aggregate_id());
  add("ce_dataschema", PayloadTypeUrl(envelope));
  add("content-type", std::string(options.json_value ? kJsonType : kProtobufType));
  for (const Attribute& attribute : extensions) {
    add(absl::StrCat("ce_", attribute.name), attribute.value);
  }
  return record;
}

// ---- EventStoreDB -----------------------------------------------------------------

absl::StatusOr<EventStoreEvent> ToEventStore(const Envelope& envelope,
                                             const EventStoreOptions& options) {
  CPPSVC_RETURN_IF_ERROR(RequireId(envelope));
  EventStoreEvent event;
  event.stream = StreamName(envelope);
  event.event_id = envelope.event_id();
  event.type = CloudEventType(envelope);
  CPPSVC_ASSIGN_OR_RETURN(event.data, PayloadJson(envelope, options.pool, true));

  CPPSVC_ASSIGN_OR_RETURN(const std::string created, FormatTimestamp(envelope.timestamp(), true));
  JsonObject metadata;
  std::set<std::string> taken = {"Created", "ClientHostName", "$correlationId", "$causationId"};
  metadata.String("Created", created);
  metadata.String("ClientHostName",
                  options.client_host_name.empty() ? LocalHostName() : options.client_host_name);
  metadata.String("$correlationId", envelope.correlation_id());
  metadata.String("$causationId", envelope.causation_id());
  if (!options.source.empty()) {
    metadata.String("source", options.source);
    taken.insert("source");
  }
  if (!envelope.trace_id().empty()) {
    metadata.String("TraceId", envelope.trace_id());
    taken.insert("TraceId");
  }
  const std::map<std::string, std::string> sorted(envelope.metadata().begin(),
                                                  envelope.metadata().end());
  for (const auto& [key, value] : sorted) {
    if (taken.count(key) != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "metadata key \"", key, "\" is one the EventStoreDB sink sets itself: rename it"));
    }
    metadata.String(key, value);
  }
  event.metadata = std::move(metadata).Close();
  return event;
}

}  // namespace cppsvc::events
