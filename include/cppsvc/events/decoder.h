// Decoding event envelopes without knowing their type (docs/reference/events.md).
//
// A generic consumer, a log viewer or a dead-letter tool sees envelope bytes
// of any event type. A Decoder turns them into JSON: the envelope's own
// fields (proto3 JSON mapping, lowerCamel names, int64 as strings) plus
// `"data"`, the payload decoded by its type:
//
//   {"eventId":"0b6a…","name":"user.account.created","version":"v1",
//    "payloadType":"acme.user.v1.AccountCreated","aggregateId":"…",
//    "category":"User","timestamp":"1763709032123","correlationId":"0b6a…",
//    "causationId":"0b6a…","traceId":"","metadata":{},
//    "data":{"accountId":"…","name":"Zoë","creditCents":"42","plan":"PLAN_PRO"}}
//
// The payload's type comes from either
//   - a Registry (generated code linked in): by the envelope's name and
//     version, as Registry::ToJson does but without validating the event; or
//   - a descriptor pool: by the envelope's `payload_type`, e.g. a
//     FileDescriptorSet written by `protoc --descriptor_set_out=FILE
//     --include_imports`, with no generated code for the payload at all:
//
//   absl::StatusOr<std::unique_ptr<cppsvc::events::Decoder>> decoder =
//       cppsvc::events::Decoder::FromDescriptorSetFile("events.pb");
//   if (!decoder.ok()) return decoder.status();
//   absl::StatusOr<std::string> json = (*decoder)->ToJson(bytes);
//
// Every malformed input (bytes that are no envelope, an unknown payload type,
// a payload that does not parse, bad JSON) is a status, never a crash.
// Decoders are immutable once made: share them between threads.
#ifndef CPPSVC_EVENTS_DECODER_H_
#define CPPSVC_EVENTS_DECODER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cppsvc/events.h"
#include "cppsvc/events/envelope.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/message.h"

namespace cppsvc::events {

struct JsonOptions {
  // Print fields that hold their default value too (every key present), as a
  // reader of logs expects. False: the proto3 JSON default of omitting them.
  bool print_defaults = true;
};

// The JSON of `envelope` with `data` (its decoded payload) in place of the
// payload bytes, as the Decoder prints it.
absl::StatusOr<std::string> EnvelopeToJson(const Envelope& envelope,
                                           const google::protobuf::Message& data,
                                           const JsonOptions& options = {});

// The type of an envelope's `"data"`: given the envelope's other fields
// (parsed), the prototype of its payload message, or why there is none.
using DataTypeFinder =
    std::function<absl::StatusOr<const google::protobuf::Message*>(const Envelope& envelope)>;

// The reverse of EnvelopeToJson: InvalidArgument for malformed JSON, unknown
// fields (named), or `"data"` that is not a `find_type(envelope)` message.
// `"payload"` (base64, the plain proto3 JSON of the envelope) is accepted
// instead of `"data"`; both at once is an error.
absl::StatusOr<Envelope> EnvelopeFromJson(absl::string_view json, const DataTypeFinder& find_type);

class Decoder {
 public:
  // Payload types from a registry's bindings (by name and version). The
  // registry must outlive the decoder.
  explicit Decoder(const Registry& registry, JsonOptions options = {});
  // Payload types by full name from `pool` (e.g.
  // DescriptorPool::generated_pool()), which must outlive the decoder.
  explicit Decoder(const google::protobuf::DescriptorPool* pool, JsonOptions options = {});
  // From a serialized google.protobuf.FileDescriptorSet (every file the
  // payload types need: protoc --include_imports).
  static absl::StatusOr<std::unique_ptr<Decoder>> FromDescriptorSet(
      absl::string_view serialized_set, JsonOptions options = {});
  static absl::StatusOr<std::unique_ptr<Decoder>> FromDescriptorSetFile(const std::string& path,
                                                                        JsonOptions options = {});

  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // The payload as a message of its type (a dynamic message for a pool).
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> DecodePayload(
      const Envelope& envelope) const;
  // The prototype of the envelope's payload type.
  absl::StatusOr<const google::protobuf::Message*> PayloadPrototype(const Envelope& envelope) const;

  absl::StatusOr<std::string> ToJson(const Envelope& envelope) const;
  // InvalidArgument when the bytes are not an envelope.
  absl::StatusOr<std::string> ToJson(absl::string_view envelope_bytes) const;
  absl::StatusOr<Envelope> FromJson(absl::string_view json) const;

 private:
  Decoder() = default;

  struct OwnedPool;  // a descriptor set's files, as a database and a pool

  const Registry* registry_ = nullptr;
  std::unique_ptr<OwnedPool> owned_pool_;
  const google::protobuf::DescriptorPool* pool_ = nullptr;
  std::unique_ptr<google::protobuf::DynamicMessageFactory> factory_;
  JsonOptions options_;
};

// Parses envelope bytes: InvalidArgument when they are not one.
absl::StatusOr<Envelope> ParseEnvelope(absl::string_view bytes);

// Streams of envelopes (dumps, topics copied to a file) as varint-length-
// delimited records, the framing of protobuf's writeDelimitedTo /
// SerializeDelimitedToOstream.
void AppendDelimited(const Envelope& envelope, std::string* stream);
// Calls `each(index, record)` for every record of `stream` in order, stopping
// at the first error it returns; InvalidArgument for a truncated stream or a
// bad length prefix, naming the record and its byte offset.
absl::Status ForEachDelimited(
    absl::string_view stream,
    const std::function<absl::Status(size_t index, absl::string_view record)>& each);

namespace internal {
// The prototype of `binding`'s payload message: the event itself, the type
// of its message field whose type is the payload (convention events), or
// the generated one; null when none of these is found.
const google::protobuf::Message* PayloadPrototype(const EventBinding& binding);
}  // namespace internal

}  // namespace cppsvc::events

#endif  // CPPSVC_EVENTS_DECODER_H_
