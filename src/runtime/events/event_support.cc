// Helpers generated event code calls (docs/reference/events.md); see event_support.h.
#include "cppsvc/internal/event_support.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/events.h"
#include "google/protobuf/io/coded_stream.h"
#include "ids_internal.h"

namespace cppsvc::events::internal {
namespace {

// The number of a version segment ("v2" -> 2, "v1beta1" -> 1), or -1.
int VersionNumber(absl::string_view version) {
  if (version.size() < 2 || (version[0] != 'v' && version[0] != 'V')) return -1;
  size_t end = 1;
  while (end < version.size() && absl::ascii_isdigit(version[end])) ++end;
  int number = -1;
  if (!absl::SimpleAtoi(version.substr(1, end - 1), &number)) return -1;
  return number;
}

// The envelope metadata NewEnvelope, FillEnvelope and SerializeNewEnvelope
// write: `options` where set, else the event's own values, else the
// defaults. A new event id is written into `new_id`, which must outlive the
// result.
struct Metadata {
  absl::string_view event_id;
  absl::string_view aggregate_id;
  int64_t timestamp;
  absl::string_view correlation_id;
  absl::string_view causation_id;
  absl::string_view trace_id;
};

Metadata ResolveMetadata(const EventOptions& options, absl::string_view event_aggregate_id,
                         int64_t event_timestamp, absl::string_view event_trace_id,
                         char (&new_id)[kEventIdSize]) {
  Metadata metadata;
  if (options.event_id.empty()) {
    WriteNewEventId(new_id);
    metadata.event_id = absl::string_view(new_id, kEventIdSize);
  } else {
    metadata.event_id = options.event_id;
  }
  metadata.aggregate_id =
      options.aggregate_id.empty() ? event_aggregate_id : absl::string_view(options.aggregate_id);
  metadata.timestamp = options.timestamp != 0 ? options.timestamp
                       : event_timestamp != 0 ? event_timestamp
                                              : NowMillis();
  metadata.correlation_id = options.correlation_id.empty()
                                ? metadata.event_id
                                : absl::string_view(options.correlation_id);
  metadata.causation_id =
      options.causation_id.empty() ? metadata.event_id : absl::string_view(options.causation_id);
  metadata.trace_id =
      options.trace_id.empty() ? event_trace_id : absl::string_view(options.trace_id);
  return metadata;
}

// Wire-format helpers for SerializeNewEnvelope. Every tag of Envelope and of
// its map entries is below 128: one byte.
using Coded = ::google::protobuf::io::CodedOutputStream;
constexpr uint32_t kWireVarint = 0;
constexpr uint32_t kWireLengthDelimited = 2;
// A map entry's key and value are its fields 1 and 2 (protobuf's wire format
// of maps).
constexpr int kMapKeyFieldNumber = 1;
constexpr int kMapValueFieldNumber = 2;

constexpr uint8_t OneByteTag(int number, uint32_t wire_type) {
  return static_cast<uint8_t>(static_cast<uint32_t>(number) << 3 | wire_type);
}

// SerializeNewEnvelope writes the fields in field-number order, as protobuf
// does, each tag in one byte.
constexpr bool WrittenInOrder(std::initializer_list<int> numbers) {
  int previous = 0;
  for (const int number : numbers) {
    if (number <= previous || number >= 16) return false;
    previous = number;
  }
  return true;
}
static_assert(WrittenInOrder({Envelope::kEventIdFieldNumber, Envelope::kNameFieldNumber,
                              Envelope::kVersionFieldNumber, Envelope::kPayloadTypeFieldNumber,
                              Envelope::kAggregateIdFieldNumber, Envelope::kCategoryFieldNumber,
                              Envelope::kTimestampFieldNumber, Envelope::kCorrelationIdFieldNumber,
                              Envelope::kCausationIdFieldNumber, Envelope::kTraceIdFieldNumber,
                              Envelope::kMetadataFieldNumber, Envelope::kPayloadFieldNumber}),
              "SerializeNewEnvelope's order is not Envelope's field-number order");

size_t VarintSize(uint64_t value) { return Coded::VarintSize64(value); }

size_t LengthAndBytesSize(size_t length) { return VarintSize(length) + length; }

// A proto3 string or bytes field: left out when empty.
size_t StringFieldSize(size_t length) { return length == 0 ? 0 : 1 + LengthAndBytesSize(length); }

// A map<string, string> entry's body: key and value always written.
size_t MapEntrySize(size_t key_length, size_t value_length) {
  return 1 + LengthAndBytesSize(key_length) + 1 + LengthAndBytesSize(value_length);
}

inline uint8_t* WriteVarint(uint64_t value, uint8_t* out) {
  return Coded::WriteVarint64ToArray(value, out);
}

// memcpy, inline for the short strings an envelope is made of (ids, names):
// overlapping fixed-size copies instead of a call per field.
inline void CopyBytes(const char* from, size_t size, uint8_t* to) {
  if (size <= 16) {
    if (size >= 8) {
      uint64_t head, tail;
      std::memcpy(&head, from, 8);
      std::memcpy(&tail, from + size - 8, 8);
      std::memcpy(to, &head, 8);
      std::memcpy(to + size - 8, &tail, 8);
    } else if (size >= 4) {
      uint32_t head, tail;
      std::memcpy(&head, from, 4);
      std::memcpy(&tail, from + size - 4, 4);
      std::memcpy(to, &head, 4);
      std::memcpy(to + size - 4, &tail, 4);
    } else {
      for (size_t i = 0; i < size; ++i) to[i] = static_cast<uint8_t>(from[i]);
    }
  } else if (size <= 48) {
    uint64_t words[6];
    std::memcpy(words, from, 16);
    std::memcpy(words + 2, from + (size - 16) / 2, 16);
    std::memcpy(words + 4, from + size - 16, 16);
    std::memcpy(to, words, 16);
    std::memcpy(to + (size - 16) / 2, words + 2, 16);
    std::memcpy(to + size - 16, words + 4, 16);
  } else {
    std::memcpy(to, from, size);
  }
}

inline uint8_t* WriteBytes(absl::string_view bytes, uint8_t* out) {
  if (bytes.size() < 0x80) {
    *out++ = static_cast<uint8_t>(bytes.size());
  } else {
    out = WriteVarint(bytes.size(), out);
  }
  CopyBytes(bytes.data(), bytes.size(), out);
  return out + bytes.size();
}

// A string field and its number.
struct StringField {
  int number;
  absl::string_view text;
};

inline uint8_t* WriteStringField(const StringField& field, uint8_t* out) {
  if (field.text.empty()) return out;
  *out++ = OneByteTag(field.number, kWireLengthDelimited);
  return WriteBytes(field.text, out);
}

}  // namespace

Envelope NewEnvelope(const EventInfo& info, const EventOptions& options,
                     absl::string_view event_aggregate_id, int64_t event_timestamp,
                     absl::string_view event_trace_id) {
  Envelope envelope;
  FillEnvelope(info, options, event_aggregate_id, event_timestamp, event_trace_id, &envelope);
  return envelope;
}

void FillEnvelope(const EventInfo& info, const EventOptions& options,
                  absl::string_view event_aggregate_id, int64_t event_timestamp,
                  absl::string_view event_trace_id, Envelope* envelope) {
  char new_id[kEventIdSize];
  const Metadata metadata =
      ResolveMetadata(options, event_aggregate_id, event_timestamp, event_trace_id, new_id);
  const auto set = [](absl::string_view value, std::string* field) {
    field->assign(value.data(), value.size());
  };
  set(metadata.event_id, envelope->mutable_event_id());
  set(info.name, envelope->mutable_name());
  set(info.version, envelope->mutable_version());
  set(info.payload_type, envelope->mutable_payload_type());
  set(metadata.aggregate_id, envelope->mutable_aggregate_id());
  set(info.category, envelope->mutable_category());
  envelope->set_timestamp(metadata.timestamp);
  set(metadata.correlation_id, envelope->mutable_correlation_id());
  set(metadata.causation_id, envelope->mutable_causation_id());
  set(metadata.trace_id, envelope->mutable_trace_id());
  envelope->clear_metadata();
  if (!options.metadata.empty()) {
    envelope->mutable_metadata()->insert(options.metadata.begin(), options.metadata.end());
  }
  envelope->clear_payload();
}

void SerializeNewEnvelope(const EventInfo& info, const EventOptions& options,
                          absl::string_view event_aggregate_id, int64_t event_timestamp,
                          absl::string_view event_trace_id,
                          const google::protobuf::MessageLite& payload, std::string* bytes) {
  char new_id[kEventIdSize];
  const Metadata metadata =
      ResolveMetadata(options, event_aggregate_id, event_timestamp, event_trace_id, new_id);
  // Envelope's fields in field-number order, as protobuf writes them (proto3:
  // empty strings and a zero timestamp are left out).
  const StringField strings_before_timestamp[] = {
      {Envelope::kEventIdFieldNumber, metadata.event_id},
      {Envelope::kNameFieldNumber, info.name},
      {Envelope::kVersionFieldNumber, info.version},
      {Envelope::kPayloadTypeFieldNumber, info.payload_type},
      {Envelope::kAggregateIdFieldNumber, metadata.aggregate_id},
      {Envelope::kCategoryFieldNumber, info.category}};
  const StringField strings_after_timestamp[] = {
      {Envelope::kCorrelationIdFieldNumber, metadata.correlation_id},
      {Envelope::kCausationIdFieldNumber, metadata.causation_id},
      {Envelope::kTraceIdFieldNumber, metadata.trace_id}};
  // ByteSizeLong caches the payload's sizes for SerializeWithCachedSizesToArray.
  const size_t payload_size = payload.ByteSizeLong();

  size_t size = 0;
  for (const StringField& field : strings_before_timestamp)
    size += StringFieldSize(field.text.size());
  if (metadata.timestamp != 0) size += 1 + VarintSize(static_cast<uint64_t>(metadata.timestamp));
  for (const StringField& field : strings_after_timestamp)
    size += StringFieldSize(field.text.size());
  for (const auto& [key, value] : options.metadata) {
    size += 1 + LengthAndBytesSize(MapEntrySize(key.size(), value.size()));
  }
  size += StringFieldSize(payload_size);

  bytes->resize(size);
  auto* const begin = reinterpret_cast<uint8_t*>(&(*bytes)[0]);
  uint8_t* out = begin;
  for (const StringField& field : strings_before_timestamp) out = WriteStringField(field, out);
  if (metadata.timestamp != 0) {
    *out++ = OneByteTag(Envelope::kTimestampFieldNumber, kWireVarint);
    out = WriteVarint(static_cast<uint64_t>(metadata.timestamp), out);
  }
  for (const StringField& field : strings_after_timestamp) out = WriteStringField(field, out);
  // std::map: sorted by key, so the bytes are deterministic. Every entry
  // carries its key and value, even empty ones, as protobuf writes them.
  for (const auto& [key, value] : options.metadata) {
    *out++ = OneByteTag(Envelope::kMetadataFieldNumber, kWireLengthDelimited);
    out = WriteVarint(MapEntrySize(key.size(), value.size()), out);
    *out++ = OneByteTag(kMapKeyFieldNumber, kWireLengthDelimited);
    out = WriteBytes(key, out);
    *out++ = OneByteTag(kMapValueFieldNumber, kWireLengthDelimited);
    out = WriteBytes(value, out);
  }
  if (payload_size != 0) {
    *out++ = OneByteTag(Envelope::kPayloadFieldNumber, kWireLengthDelimited);
    out = WriteVarint(payload_size, out);
    out = payload.SerializeWithCachedSizesToArray(out);
  }
  assert(out == begin + size);
  (void)begin;
}

bool Holds(const EnvelopeView& envelope, const EventInfo& info) {
  return envelope.name == info.name && envelope.version == info.version;
}

absl::Status UnknownVersion(absl::string_view name, absl::string_view version,
                            const std::vector<absl::string_view>& known) {
  int newest = -1;
  for (absl::string_view v : known) newest = std::max(newest, VersionNumber(v));
  const int number = VersionNumber(version);
  std::string text =
      absl::StrCat("event \"", name, "\" version ", version.empty() ? "\"\"" : version,
                   " is not known here (known: ", absl::StrJoin(known, ", "), ")");
  if (number > newest && newest >= 0) absl::StrAppend(&text, ": produced by newer code?");
  return absl::NotFoundError(text);
}

absl::Status NotAccepted(const EnvelopeView& envelope, absl::string_view message_type,
                         std::initializer_list<EventInfo> accepted) {
  std::vector<absl::string_view> versions;
  std::vector<std::string> names;
  for (const EventInfo& info : accepted) {
    if (info.name == envelope.name) versions.push_back(info.version);
    std::string quoted = absl::StrCat("\"", info.name, "\"");
    if (names.empty() || names.back() != quoted) names.push_back(std::move(quoted));
  }
  if (versions.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("envelope holds event \"", envelope.name, "\" version ",
                     envelope.version.empty() ? absl::string_view("\"\"") : envelope.version,
                     ", not a ", message_type, " (", absl::StrJoin(names, ", "), ")"));
  }
  return UnknownVersion(envelope.name, envelope.version, versions);
}

absl::Status CheckPayloadType(const EnvelopeView& envelope, absl::string_view expected) {
  if (envelope.payload_type.empty() || envelope.payload_type == expected) {
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "event \"", envelope.name, "\" version ",
      envelope.version.empty() ? absl::string_view("\"\"") : envelope.version,
      " carries payload type ", envelope.payload_type, ", but that event's payload is ", expected));
}

absl::Status BadPayload(const EnvelopeView& envelope, absl::string_view message_type) {
  return absl::InvalidArgumentError(
      absl::StrCat("event \"", envelope.name, "\" version ", envelope.version, ": the payload (",
                   envelope.payload.size(), " bytes) does not parse as ", message_type));
}

absl::Status CheckValid(const Violations& violations, const EventInfo& info) {
  if (violations.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("event ", info.name, " ", info.version, " is invalid: ", violations.ToString()));
}

absl::Status CheckFixedMetadata(absl::string_view event_name, absl::string_view event_version,
                                const EventInfo& info) {
  if (!event_name.empty() && event_name != info.name) {
    return absl::InvalidArgumentError(absl::StrCat("event_name is \"", event_name,
                                                   "\", but this event is \"", info.name,
                                                   "\" (leave it empty or set it to that)"));
  }
  if (!event_version.empty() && event_version != info.version) {
    return absl::InvalidArgumentError(absl::StrCat(
        "event_version of event \"", info.name, "\" is \"", event_version,
        "\", but this message is version ", info.version, " (leave it empty or set it to that)"));
  }
  return absl::OkStatus();
}

}  // namespace cppsvc::events::internal
