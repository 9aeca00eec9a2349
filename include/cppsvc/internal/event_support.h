// Helpers that only generated event code uses (docs/reference/events.md). Not part of the
// public API: they may change with any runtime version.
#ifndef CPPSVC_INTERNAL_EVENT_SUPPORT_H_
#define CPPSVC_INTERNAL_EVENT_SUPPORT_H_

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "cppsvc/events.h"
#include "cppsvc/violations.h"

namespace cppsvc::events::internal {

// An envelope for `info` with the metadata filled from `options`: event id
// (new UUID v4 when empty), timestamp (`options.timestamp`, else
// `event_timestamp` when non-zero, else now), correlation and causation ids
// (default: the event id), aggregate id (`options.aggregate_id`, else
// `event_aggregate_id`), trace id (`options.trace_id`, else
// `event_trace_id`), metadata; name, version, category and payload type
// from `info`. The payload is left for the caller to serialize into.
Envelope NewEnvelope(const EventInfo& info, const EventOptions& options,
                     absl::string_view event_aggregate_id, int64_t event_timestamp = 0,
                     absl::string_view event_trace_id = {});

// NewEnvelope into an existing envelope, every field overwritten (metadata
// replaced, payload cleared): a producer that reuses one Envelope per thread
// keeps its string buffers and packs without heap allocations.
void FillEnvelope(const EventInfo& info, const EventOptions& options,
                  absl::string_view event_aggregate_id, int64_t event_timestamp,
                  absl::string_view event_trace_id, Envelope* envelope);

// True when the envelope holds exactly this event name and version.
bool Holds(const EnvelopeView& envelope, const EventInfo& info);

// The error for an envelope that holds none of `accepted` (the versions an
// Unpack knows, oldest first): InvalidArgument naming the envelope's event
// and `message_type` when the name is not one of theirs; NotFound naming the
// known versions when only the version is unknown (e.g. a newer producer).
absl::Status NotAccepted(const EnvelopeView& envelope, absl::string_view message_type,
                         std::initializer_list<EventInfo> accepted);

// NotFound for an event whose name is known but whose `version` is not:
// "event \"user.account.created\" version v3 is not known here (known: v1,
// v2): produced by newer code?" (the question only when `version` is newer
// than every known one). The registry uses it too.
absl::Status UnknownVersion(absl::string_view name, absl::string_view version,
                            const std::vector<absl::string_view>& known);

// OkStatus() when the envelope's `payload_type` is empty or `expected` (the
// full name of the event's payload message); otherwise InvalidArgument
// "event \"n\" version v carries payload type X, but that event's payload is
// Y". Every path that unpacks an envelope of a known event checks it here:
// generated Unpack, the Registry and the Decoder.
absl::Status CheckPayloadType(const EnvelopeView& envelope, absl::string_view expected);

// InvalidArgument: the payload bytes do not parse as `message_type`.
absl::Status BadPayload(const EnvelopeView& envelope, absl::string_view message_type);

// Pack and serialise in one step: the bytes of the envelope NewEnvelope(info,
// options, event_aggregate_id, event_timestamp, event_trace_id) with
// `payload` serialized into it, written into `*bytes` (replacing its
// contents) without building an Envelope: one allocation at most (none when
// `bytes` has the capacity). Parses to the same Envelope as the two-step way.
void SerializeNewEnvelope(const EventInfo& info, const EventOptions& options,
                          absl::string_view event_aggregate_id, int64_t event_timestamp,
                          absl::string_view event_trace_id,
                          const google::protobuf::MessageLite& payload, std::string* bytes);

// OkStatus() when `violations` is ok(); otherwise InvalidArgument
// "event <name> <version> is invalid: <violations text>".
absl::Status CheckValid(const Violations& violations, const EventInfo& info);

// A convention event's fixed `event_name` / `event_version`: each must be
// empty or equal to `info`'s when packing, else InvalidArgument.
absl::Status CheckFixedMetadata(absl::string_view event_name, absl::string_view event_version,
                                const EventInfo& info);

// A typed event's google.protobuf.Timestamp `timestamp` as the envelope's
// milliseconds since the epoch (sub-millisecond nanos dropped, towards the
// past), saturating for seconds beyond the int64 range of milliseconds.
// Templates, so that only code with such an event includes timestamp.pb.h.
template <typename Timestamp>
int64_t TimestampMillis(const Timestamp& timestamp) {
  constexpr int64_t kMaxSeconds = INT64_MAX / 1000 - 1;
  if (timestamp.seconds() > kMaxSeconds) return INT64_MAX;
  if (timestamp.seconds() < -kMaxSeconds) return INT64_MIN;
  int64_t nanos = timestamp.nanos();
  if (nanos < 0) nanos = 0;  // invalid; Timestamp nanos are 0..999999999
  return timestamp.seconds() * 1000 + nanos / 1000000;
}

// The envelope's milliseconds into a google.protobuf.Timestamp.
template <typename Timestamp>
void SetTimestampMillis(int64_t millis, Timestamp* timestamp) {
  int64_t seconds = millis / 1000;
  int64_t rest = millis % 1000;
  if (rest < 0) {
    seconds -= 1;
    rest += 1000;
  }
  timestamp->set_seconds(seconds);
  timestamp->set_nanos(static_cast<int32_t>(rest * 1000000));
}

}  // namespace cppsvc::events::internal

#endif  // CPPSVC_INTERNAL_EVENT_SUPPORT_H_
