// The one model of everything the emitters need, built once per request.
//
// The builder reads every annotation, groups packages into domains and version
// chains, resolves every element to its counterparts and parses validation
// rules, collecting all problems as diagnostics. Emitters only read this model:
// they never look at options or search for a counterpart themselves.
//
// Terms (docs/reference/chains.md): a *domain* is a package minus its last segment; that segment
// is a *version* (`v1`, `v2beta1`, `v20240101`) or `private`. Versions of a
// domain form a chain v1 -> v2 -> ... -> latest -> private. An element's *next*
// counterpart lives in the next version; its *private* counterpart lives in the
// domain's private package (reached transitively through the chain, or
// directly for latest and deprecated elements).
#ifndef CPPSVC_PLUGIN_MODEL_MODEL_H_
#define CPPSVC_PLUGIN_MODEL_MODEL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "google/protobuf/descriptor.h"
#include "plugin/model/version.h"

namespace cppsvc::plugin {

namespace pb = ::google::protobuf;

struct Domain;
struct Package;

// The field that describes each value of `field`: a map's value field, or the
// field itself (repeated fields hold values of their own type).
inline const pb::FieldDescriptor* ElementField(const pb::FieldDescriptor* field) {
  return field->is_map() ? field->message_type()->map_value() : field;
}

// ---- Validation rules --------------------------------------------------------

enum class Format { kNone, kUuid, kEmail, kUrl };

// A min or max bound, already converted to the domain the field is compared
// in: byte length for strings, int64 for signed integers, uint64 for unsigned
// integers, double for floating point.
struct Bound {
  enum class Kind { kLength, kInt64, kUint64, kDouble };
  Kind kind = Kind::kInt64;
  int64_t int64_value = 0;    // kLength and kInt64
  uint64_t uint64_value = 0;  // kUint64
  double double_value = 0;    // kDouble
};

// One value of an `in` list, parsed for the field's type. Exactly one member
// is meaningful, chosen by the field's type.
struct InValue {
  std::string text;                                     // string and bytes
  int64_t int64_value = 0;                              // signed integers
  uint64_t uint64_value = 0;                            // unsigned integers
  double double_value = 0;                              // float and double
  bool bool_value = false;                              // bool
  const pb::EnumValueDescriptor* enum_value = nullptr;  // enums
};

// The rules of `(gen.svc.field).validate`, checked against the field's type.
// On a repeated or map field they apply to each element (each map value).
struct FieldRules {
  bool required = false;
  Format format = Format::kNone;
  std::vector<InValue> in;
  std::optional<Bound> min;
  std::optional<Bound> max;

  bool empty() const {
    return !required && format == Format::kNone && in.empty() && !min.has_value() &&
           !max.has_value();
  }
};

// ---- Elements ------------------------------------------------------------------

struct EnumMapping;

// The ways a public message converts (docs/reference/conversion.md): to its
// next-version or private counterpart, and back from either.
enum class Direction { kToNext, kToPrivate, kFromNext, kFromPrivate };

// How the values of one field convert in one direction: decided once, where
// the model checks that the field and its counterpart hold compatible values
// (compatibility.cc); every converter method is written from it.
struct ValueConversion {
  enum class Kind {
    kCopy,                // one type on both sides (scalars of one C++ type,
                          // the same message or enum): assigned as it is
    kMessage,             // by the converter of its chain in this domain
    kMessageOtherDomain,  // by the converter of another domain's chain
    kEnumMap,             // value by value, through `mapping`
  };
  // Map keys are always copied; the values convert as `kind` says.
  enum class Cardinality { kSingular, kRepeated, kMap };

  Kind kind = Kind::kCopy;
  Cardinality cardinality = Cardinality::kSingular;
  // The hop the values actually cross. Back from the next version, a field
  // with no next counterpart (a deprecated one) is read from private:
  // kFromPrivate, with `source_may_be_absent`.
  Direction direction = Direction::kToNext;
  const pb::FieldDescriptor* source = nullptr;  // read
  const pb::FieldDescriptor* target = nullptr;  // written
  // kMessage and kMessageOtherDomain: the public side's message type, whose
  // own file's converter converts the values.
  const pb::Descriptor* message = nullptr;
  // kEnumMap: the public field's mapping for this hop, read forward (to) or
  // backward (from).
  const EnumMapping* mapping = nullptr;
  // The source is a field of the private message that ToPublic(next, priv)
  // receives as a pointer, which may be null.
  bool source_may_be_absent = false;
  // kFromNext messages: the private field whose value the nested
  // ToPublic(next, priv) reads deprecated fields from; null when none.
  const pb::FieldDescriptor* private_source = nullptr;

  bool is_message() const { return kind == Kind::kMessage || kind == Kind::kMessageOtherDomain; }
};

// Per direction; unset where the element does not convert that way (no
// counterpart, or its message's converter is written by hand).
template <typename T>
struct PerDirection {
  std::optional<T> to_next, to_private, from_next, from_private;

  const std::optional<T>& operator[](Direction direction) const {
    switch (direction) {
      case Direction::kToNext:
        return to_next;
      case Direction::kToPrivate:
        return to_private;
      case Direction::kFromNext:
        return from_next;
      case Direction::kFromPrivate:
        break;
    }
    return from_private;
  }
};

// Which oneof a oneof's members are read from and written to, one direction.
struct OneofConversion {
  const pb::OneofDescriptor* source = nullptr;
  const pb::OneofDescriptor* target = nullptr;
  bool source_may_be_absent = false;  // as in ValueConversion
};

struct FieldModel {
  const pb::FieldDescriptor* descriptor = nullptr;
  bool deprecated = false;        // the field's own annotation
  bool receive_required = false;  // (gen.svc.field).receive.required
  // Counterparts; null where the chain has none (latest or deprecated fields
  // have no next; schema-only chains have no private).
  const pb::FieldDescriptor* next = nullptr;
  const pb::FieldDescriptor* private_counterpart = nullptr;
  FieldRules rules;
  PerDirection<ValueConversion> conversions;
  // CarryDeprecated descends into this field's values: a field converted
  // forward through the chain as a message that carries deprecated fields of
  // its own (MessageModel::carries_deprecated).
  bool carries_deprecated = false;
};

struct OneofModel {
  const pb::OneofDescriptor* descriptor = nullptr;  // a real (not synthetic) oneof
  bool deprecated = false;
  bool receive_required = false;
  bool required = false;  // (gen.svc.oneof).validate.required
  const pb::OneofDescriptor* next = nullptr;
  const pb::OneofDescriptor* private_counterpart = nullptr;
  PerDirection<OneofConversion> conversions;
};

struct MessageModel {
  const pb::Descriptor* descriptor = nullptr;
  const Package* package = nullptr;
  bool deprecated = false;  // own annotation, or inherited from an enclosing message
  bool converter_empty = false;
  const pb::Descriptor* next = nullptr;
  const pb::Descriptor* private_counterpart = nullptr;
  std::vector<FieldModel> fields;  // declaration order, oneof members included
  std::vector<OneofModel> oneofs;  // real oneofs, declaration order
  // True when validating this message can report anything: it has rules, or
  // reaches a message with rules through its fields.
  bool has_rules = false;
  // True when a deprecated field is reachable from this message through
  // non-deprecated message fields: converting it forward through the chain
  // would drop data that must be carried to private separately (docs/reference/conversion.md).
  bool carries_deprecated = false;

  const FieldModel* FindField(const pb::FieldDescriptor* field) const;
  const OneofModel* FindOneof(const pb::OneofDescriptor* oneof) const;
};

struct EnumValueModel {
  const pb::EnumValueDescriptor* descriptor = nullptr;
  std::string target_name;                 // delegate, or its own name
  std::vector<std::string> receive_names;  // counterpart values mapping back
};

struct EnumModel {
  const pb::EnumDescriptor* descriptor = nullptr;
  const Package* package = nullptr;
  std::vector<EnumValueModel> values;  // declaration order
};

// How an enum field's values map onto the values of its counterpart field's
// enum, in both directions (docs/reference/conversion.md). Checked when the model is built.
struct EnumMapping {
  const pb::EnumDescriptor* from = nullptr;
  const pb::EnumDescriptor* to = nullptr;
  // forward[i] is the counterpart of from->value(i).
  std::vector<const pb::EnumValueDescriptor*> forward;
  // (counterpart value, public value) pairs: which public value each
  // counterpart value maps back to. Counterpart values missing here cannot
  // be mapped back.
  std::vector<std::pair<const pb::EnumValueDescriptor*, const pb::EnumValueDescriptor*>> backward;
};

struct MethodModel {
  const pb::MethodDescriptor* descriptor = nullptr;
  bool deprecated = false;
  bool converter_empty = false;
  const pb::MethodDescriptor* next = nullptr;
  const pb::MethodDescriptor* private_counterpart = nullptr;
};

struct ServiceModel {
  const pb::ServiceDescriptor* descriptor = nullptr;
  const Package* package = nullptr;
  const pb::ServiceDescriptor* next = nullptr;
  const pb::ServiceDescriptor* private_counterpart = nullptr;
  // The unary RPCs, declaration order: all that the service class, chain,
  // conversion tests and gRPC binding serve.
  std::vector<MethodModel> methods;
  // Streaming RPCs, declaration order. Left out of everything generated
  // (warned about once per service where a chain is generated); the gRPC
  // binding does not override them, so gRPC answers them UNIMPLEMENTED.
  std::vector<const pb::MethodDescriptor*> streaming;

  // Whether grpc=true gives this service a gRPC binding: a public version's
  // service served by the chain, with a unary RPC to forward (streaming ones
  // are not overridden, so gRPC's base class answers them UNIMPLEMENTED).
  bool HasGrpcBinding() const;
};

// ---- Events (docs/reference/events.md) ----------------------------------------------------------

// The fields of the typed-event convention that a message declares; null
// where it does not. `event_name` (with its fixed_value) and `payload` are
// what make a message a convention event.
struct EventConvention {
  const pb::FieldDescriptor* event_name = nullptr;     // string, fixed_value
  const pb::FieldDescriptor* event_version = nullptr;  // string
  const pb::FieldDescriptor* aggregate_id = nullptr;   // string
  // int64 milliseconds since the epoch, or a google.protobuf.Timestamp
  // (`timestamp_is_message`); the envelope carries milliseconds.
  const pb::FieldDescriptor* timestamp = nullptr;
  bool timestamp_is_message = false;
  const pb::FieldDescriptor* trace_id = nullptr;  // string
  const pb::FieldDescriptor* payload = nullptr;   // a message
};

struct EventModel {
  const MessageModel* message = nullptr;
  std::string name;      // "user.account.created"
  std::string version;   // the package's last segment, "v1"
  std::string category;  // annotation, or the domain's last segment in PascalCase
  // Where the aggregate id comes from: the annotation's aggregate_field, else
  // the convention's aggregate_id; null when neither (the producer passes it).
  const pb::FieldDescriptor* aggregate_field = nullptr;
  // Set for convention events (`convention.payload != nullptr`): the envelope
  // carries the payload field, and the metadata fields map onto the envelope.
  EventConvention convention;
  // The same event in the next version; null in the latest version, or when
  // the message has no next counterpart (deprecated).
  const EventModel* next = nullptr;
  // The last event reached through `next` (this one when `next` is null):
  // what Unpack upcasts to.
  const EventModel* latest = nullptr;
  // For a latest event: the events upcast to it, oldest version first.
  std::vector<const EventModel*> older;

  bool is_convention() const { return convention.payload != nullptr; }
  // The message the envelope's payload bytes hold.
  const pb::Descriptor* PayloadType() const {
    return is_convention() ? convention.payload->message_type() : message->descriptor;
  }
};

// ---- Packages and chains ---------------------------------------------------

enum class PackageRole {
  kVersion,     // last segment is a version: part of a chain
  kPrivate,     // the domain's private package
  kStandalone,  // neither (shared types): validators only
};

struct Package {
  std::string name;  // full proto package, e.g. acme.people.v1
  PackageRole role = PackageRole::kStandalone;
  std::optional<Version> version;  // for kVersion
  const Domain* domain = nullptr;  // for kVersion and kPrivate
  const Package* next = nullptr;   // next version; null for latest
  bool latest = false;
  std::vector<const pb::FileDescriptor*> files;  // sorted by name
  std::vector<const MessageModel*> messages;     // depth-first, no map entries
  std::vector<const EnumModel*> enums;           // depth-first
  std::vector<const ServiceModel*> services;     // file order, then declaration
  std::vector<const EventModel*> events;         // in `messages` order
  // A file of the package with optimize_for = LITE_RUNTIME, if any (lite.cc).
  const pb::FileDescriptor* lite_file = nullptr;
  // Whether conversion-test helpers are generated: not where this version
  // or its private package is lite, since they need reflection.
  bool conversion_tests = true;

  // The package's last segment (`v1`, `private`), or its whole name.
  std::string LastSegment() const;
  // True when its services get generated classes: it belongs to a domain
  // with a private package (a service chain). Elsewhere services generate
  // nothing, and nothing about them is checked.
  bool HasServiceChain() const;
};

struct Domain {
  std::string name;                          // package minus its last segment
  std::vector<const Package*> versions;      // oldest first; the last is latest
  const Package* private_package = nullptr;  // null for a schema-only chain
};

// What one generated .proto file declares: the unit the emitters write as
// `<stem>.svc.h/.cc` (and the testing and gRPC pairs). The lists are the
// package's, kept to the elements declared in this file, in the same order.
struct FileModel {
  const pb::FileDescriptor* file = nullptr;
  const Package* package = nullptr;
  std::vector<const MessageModel*> messages;
  std::vector<const EnumModel*> enums;
  std::vector<const ServiceModel*> services;
  std::vector<const EventModel*> events;
};

class Model {
 public:
  const std::vector<std::unique_ptr<Package>>& packages() const { return packages_; }
  const std::vector<std::unique_ptr<Domain>>& domains() const { return domains_; }

  // The files being generated, sorted by name.
  const std::vector<std::unique_ptr<FileModel>>& files() const { return files_; }

  // Null for messages outside the files being generated (e.g. well-known
  // types), which are passed through as they are.
  const MessageModel* Find(const pb::Descriptor* message) const;
  // A message of a file this request imports but does not generate, read
  // only for its rules (`has_rules`): its code comes from another run, and
  // generated code that nests it calls that code. Null for generated files.
  const MessageModel* FindImported(const pb::Descriptor* message) const;
  const EnumModel* Find(const pb::EnumDescriptor* enumeration) const;
  const ServiceModel* Find(const pb::ServiceDescriptor* service) const;
  // Null when the message is not an event.
  const EventModel* FindEvent(const pb::Descriptor* message) const;
  const Package* FindPackage(const std::string& name) const;
  // The value mapping of an enum field onto its next or private counterpart;
  // null when that counterpart does not exist.
  const EnumMapping* NextMapping(const pb::FieldDescriptor* field) const;
  const EnumMapping* PrivateMapping(const pb::FieldDescriptor* field) const;

 private:
  friend class ModelBuilder;

  std::vector<std::unique_ptr<Package>> packages_;  // sorted by name
  std::vector<std::unique_ptr<FileModel>> files_;   // sorted by name
  // Imported, not generated: their own packages, never emitted or chained.
  std::vector<std::unique_ptr<Package>> imported_packages_;
  absl::flat_hash_map<const pb::Descriptor*, MessageModel*> imported_index_;
  std::vector<std::unique_ptr<Domain>> domains_;  // sorted by name
  std::vector<std::unique_ptr<MessageModel>> messages_;
  std::vector<std::unique_ptr<EnumModel>> enums_;
  std::vector<std::unique_ptr<ServiceModel>> services_;
  std::vector<std::unique_ptr<EnumMapping>> mappings_;
  std::vector<std::unique_ptr<EventModel>> events_;
  absl::flat_hash_map<const pb::Descriptor*, EventModel*> event_index_;
  absl::flat_hash_map<const pb::Descriptor*, MessageModel*> message_index_;
  absl::flat_hash_map<const pb::EnumDescriptor*, EnumModel*> enum_index_;
  absl::flat_hash_map<const pb::ServiceDescriptor*, ServiceModel*> service_index_;
  absl::flat_hash_map<std::string, Package*> package_index_;
  absl::flat_hash_map<const pb::FieldDescriptor*, const EnumMapping*> next_mappings_;
  absl::flat_hash_map<const pb::FieldDescriptor*, const EnumMapping*> private_mappings_;
};

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_MODEL_H_
