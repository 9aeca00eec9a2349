// Stage 3 of the model: a field and its counterpart must hold compatible
// values (docs/reference/chains.md), and enum fields get their value mappings
// (docs/reference/conversion.md).
//
// Only the hop an element was resolved through is checked (next for ordinary
// elements, private for latest and deprecated ones), so one mismatch is
// reported once, where it is introduced.
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "plugin/model/annotations.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

std::string ElementTypeName(const pb::FieldDescriptor* field) {
  if (field->message_type() != nullptr) return std::string(field->message_type()->full_name());
  if (field->enum_type() != nullptr) return std::string(field->enum_type()->full_name());
  return std::string(field->type_name());
}

std::string DescribeType(const pb::FieldDescriptor* field) {
  if (field->is_map()) {
    return absl::StrCat("map<", ElementTypeName(field->message_type()->map_key()), ", ",
                        ElementTypeName(field->message_type()->map_value()), ">");
  }
  return absl::StrCat(field->is_repeated() ? "repeated " : "", ElementTypeName(field));
}

std::string ValueName(const pb::EnumValueDescriptor* value) {
  return absl::StrCat(value->type()->full_name(), ".", value->name());
}

// A package name without its last segment: `acme.common` of `acme.common.v1`.
absl::string_view DomainOf(absl::string_view package) {
  const size_t dot = package.rfind('.');
  return dot == absl::string_view::npos ? absl::string_view() : package.substr(0, dot);
}

// Whether a message's own package has a hop to convert it through: the next
// version, or the private package of its domain.
bool HasConversionTarget(const MessageModel& message, bool is_next) {
  const Package& owner = *message.package;
  if (is_next) return owner.next != nullptr;
  return owner.domain != nullptr && owner.domain->private_package != nullptr &&
         owner.domain->private_package != &owner;
}

}  // namespace

// Why a message type does not convert to `wanted`: where it maps instead,
// or that nothing converts it (a type from another run or another domain).
std::string ModelBuilder::MessageTypeHint(const pb::Descriptor* type, const pb::Descriptor* wanted,
                                          bool is_next) const {
  if (wanted == nullptr) return "";
  const MessageModel* local = MutableFind(type);
  if (local == nullptr) {
    // Only worth saying when the two could be versions of one domain.
    if (DomainOf(type->file()->package()) != DomainOf(wanted->file()->package())) return "";
    return absl::StrCat(" (", type->full_name(),
                        " is imported, not generated in this run, so no "
                        "converter of it is known; generate ",
                        type->file()->name(),
                        " in the same run as this file to convert it through its own chain)");
  }
  const pb::Descriptor* maps_to = is_next ? local->next : local->private_counterpart;
  if (maps_to != nullptr) {
    return absl::StrCat(" (", type->full_name(), " maps to ", maps_to->full_name(), ")");
  }
  if (!HasConversionTarget(*local, is_next)) {
    return absl::StrCat(" (package ", local->package->name, " has no ",
                        is_next ? "next version" : "private package", " to convert ",
                        type->full_name(), " through)");
  }
  return "";
}

// Checks each field against its counterparts and records how its values
// convert in every direction. Only the hop a field was resolved through is
// checked (see the top of this file); the other hop follows from it and is
// only classified.
void ModelBuilder::DecideConversions(MessageModel& message) {
  // A message whose converter is written by hand may change types freely.
  if (message.converter_empty) return;
  for (FieldModel& field : message.fields) {
    std::optional<Kind> next_kind;
    std::optional<Kind> private_kind;
    if (field.next != nullptr) {
      next_kind = CheckFieldType(message, field, field.next, /*is_next=*/true);
      // Within one domain the hop to private follows from the next one. A
      // message type of another domain is converted by that domain's own
      // converter, whose hop to private need not match ours (a schema-only
      // chain has none), so that hop is checked too.
      if (next_kind == Kind::kMessageOtherDomain && field.private_counterpart != nullptr) {
        private_kind = CheckFieldType(message, field, field.private_counterpart, /*is_next=*/false);
      } else if (next_kind.has_value() && field.private_counterpart != nullptr) {
        private_kind = ClassifyValues(message, field.descriptor, field.private_counterpart,
                                      /*is_next=*/false);
      }
    } else if (field.private_counterpart != nullptr) {
      private_kind = CheckFieldType(message, field, field.private_counterpart, /*is_next=*/false);
    }
    RecordConversions(field, next_kind, private_kind);
  }
  for (OneofModel& oneof : message.oneofs) RecordConversions(oneof);
}

// Returns how the generated converter converts the field's values to
// `counterpart`; reports and returns nothing when it cannot.
std::optional<ModelBuilder::Kind> ModelBuilder::CheckFieldType(
    const MessageModel& message, const FieldModel& field, const pb::FieldDescriptor* counterpart,
    bool is_next) {
  const pb::FieldDescriptor* from = field.descriptor;
  if (const pb::Descriptor* type = ElementField(from)->message_type()) {
    const MessageModel* local = MutableFind(type);
    if (is_next && local != nullptr && local->deprecated && !local->converter_empty) {
      diagnostics_.Error(from,
                         absl::StrCat("field ", from->full_name(), ": its type ", type->full_name(),
                                      " is deprecated (it maps to private only), so "
                                      "the field must be deprecated too"));
      return std::nullopt;
    }
  }
  const std::optional<Kind> kind = ClassifyValues(message, from, counterpart, is_next);
  if (!kind.has_value()) {
    std::string hint;
    if (const pb::Descriptor* type = ElementField(from)->message_type()) {
      hint = MessageTypeHint(type, ElementField(counterpart)->message_type(), is_next);
    }
    diagnostics_.Error(
        from,
        absl::StrCat("field ", from->full_name(), ": type ", DescribeType(from), " does not match ",
                     DescribeType(counterpart), " of ", counterpart->full_name(), hint,
                     "; convert it by hand with "
                     "(gen.svc.message).converter.empty and an override"));
    return std::nullopt;
  }
  MapEnumField(field, counterpart, is_next);
  return kind;
}

// The four directions of a field, from the kinds of its two hops: back from
// the next version, a field without a next counterpart (a deprecated one) is
// read from the private message, which may be absent there.
void ModelBuilder::RecordConversions(FieldModel& field, std::optional<Kind> next_kind,
                                     std::optional<Kind> private_kind) const {
  PerDirection<ValueConversion>& conversions = field.conversions;
  if (next_kind.has_value()) {
    conversions.to_next = MakeConversion(field, *next_kind, Direction::kToNext);
    conversions.from_next = MakeConversion(field, *next_kind, Direction::kFromNext);
    if (conversions.from_next->is_message()) {
      conversions.from_next->private_source = field.private_counterpart;
    }
  }
  if (!private_kind.has_value()) return;
  conversions.to_private = MakeConversion(field, *private_kind, Direction::kToPrivate);
  conversions.from_private = MakeConversion(field, *private_kind, Direction::kFromPrivate);
  if (field.next == nullptr) {
    conversions.from_next = conversions.from_private;
    conversions.from_next->source_may_be_absent = true;
  }
}

ValueConversion ModelBuilder::MakeConversion(const FieldModel& field, Kind kind,
                                             Direction direction) const {
  const bool forward = direction == Direction::kToNext || direction == Direction::kToPrivate;
  const bool next = direction == Direction::kToNext || direction == Direction::kFromNext;
  const pb::FieldDescriptor* counterpart = next ? field.next : field.private_counterpart;
  ValueConversion conversion;
  conversion.kind = kind;
  conversion.cardinality = field.descriptor->is_map() ? ValueConversion::Cardinality::kMap
                           : field.descriptor->is_repeated()
                               ? ValueConversion::Cardinality::kRepeated
                               : ValueConversion::Cardinality::kSingular;
  conversion.direction = direction;
  conversion.source = forward ? field.descriptor : counterpart;
  conversion.target = forward ? counterpart : field.descriptor;
  if (conversion.is_message()) conversion.message = ElementField(field.descriptor)->message_type();
  if (kind == Kind::kEnumMap) {
    conversion.mapping =
        next ? model_->NextMapping(field.descriptor) : model_->PrivateMapping(field.descriptor);
  }
  return conversion;
}

// A oneof converts to the counterpart oneof its members' counterparts are in;
// back from the next version, a deprecated one is read from private.
void ModelBuilder::RecordConversions(OneofModel& oneof) const {
  PerDirection<OneofConversion>& conversions = oneof.conversions;
  if (oneof.next != nullptr) {
    conversions.to_next = OneofConversion{oneof.descriptor, oneof.next};
    conversions.from_next = OneofConversion{oneof.next, oneof.descriptor};
  }
  if (oneof.private_counterpart == nullptr) return;
  conversions.to_private = OneofConversion{oneof.descriptor, oneof.private_counterpart};
  conversions.from_private = OneofConversion{oneof.private_counterpart, oneof.descriptor};
  if (oneof.next == nullptr) {
    conversions.from_next = OneofConversion{oneof.private_counterpart, oneof.descriptor, true};
  }
}

// An enum field gets a value mapping for each hop whose enum differs; the
// same enum on both sides (e.g. one from a shared, imported package) is
// copied as it is and has no mapping.
void ModelBuilder::MapEnumField(const FieldModel& field, const pb::FieldDescriptor* counterpart,
                                bool is_next) {
  const pb::FieldDescriptor* from = field.descriptor;
  const pb::EnumDescriptor* from_enum = ElementField(from)->enum_type();
  if (from_enum == nullptr) return;
  const bool same = from_enum == ElementField(counterpart)->enum_type();
  if (!is_next) {
    if (!same) model_->private_mappings_[from] = MapEnum(from, counterpart, nullptr);
    return;
  }
  const EnumMapping* next = same ? nullptr : MapEnum(from, counterpart, nullptr);
  if (next != nullptr) model_->next_mappings_[from] = next;
  if (field.private_counterpart == nullptr) return;
  // On to private: compose the two hops, or take the one that maps.
  const EnumMapping* beyond = model_->PrivateMapping(counterpart);
  if (next != nullptr && beyond != nullptr) {
    model_->private_mappings_[from] = MapEnum(from, counterpart, next);
  } else if (next != nullptr || beyond != nullptr) {
    model_->private_mappings_[from] = next != nullptr ? next : beyond;
  }
}

// Whether values of `from` convert to values of `to` on one hop, and how:
// the one decision behind both the diagnostic and the generated code.
std::optional<ModelBuilder::Kind> ModelBuilder::ClassifyValues(const MessageModel& message,
                                                               const pb::FieldDescriptor* from,
                                                               const pb::FieldDescriptor* to,
                                                               bool is_next) const {
  if (from->is_map() != to->is_map() || from->is_repeated() != to->is_repeated()) {
    return std::nullopt;
  }
  if (from->is_map()) {
    // Keys are scalars (copied); the values decide.
    if (!ClassifyValues(message, from->message_type()->map_key(), to->message_type()->map_key(),
                        is_next)) {
      return std::nullopt;
    }
    return ClassifyValues(message, from->message_type()->map_value(),
                          to->message_type()->map_value(), is_next);
  }
  if (from->cpp_type() != to->cpp_type()) return std::nullopt;
  switch (from->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING:
      // string and bytes do not mix
      return from->type() == to->type() ? std::optional<Kind>(Kind::kCopy) : std::nullopt;
    case pb::FieldDescriptor::CPPTYPE_ENUM:
      // The same enum on both sides (e.g. one from a shared, imported
      // package) is copied as it is and has no mapping.
      return from->enum_type() == to->enum_type() ? Kind::kCopy : Kind::kEnumMap;
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
      return ClassifyMessages(message, from->message_type(), to->message_type(), is_next);
    default:
      return Kind::kCopy;  // same C++ type: int32/sint32/sfixed32 etc. carry over
  }
}

std::optional<ModelBuilder::Kind> ModelBuilder::ClassifyMessages(const MessageModel& message,
                                                                 const pb::Descriptor* from,
                                                                 const pb::Descriptor* to,
                                                                 bool is_next) const {
  if (from == to) return Kind::kCopy;
  const MessageModel* local = MutableFind(from);
  // A type not generated in this run has no converter we know of: only
  // the same type on both sides (copied as it is) is compatible.
  if (local == nullptr) return std::nullopt;
  const pb::Descriptor* maps_to = is_next ? local->next : local->private_counterpart;
  // No counterpart: reported where the type is declared when its own chain
  // has somewhere to map it. A type whose package has nowhere to go (a
  // standalone package, another domain's newest or private package) has no
  // converter at all, so it matches nothing but itself.
  const bool compatible = maps_to != nullptr ? maps_to == to : HasConversionTarget(*local, is_next);
  if (!compatible) return std::nullopt;
  const Domain* domain = local->package->domain;
  return domain == nullptr || domain != message.package->domain ? Kind::kMessageOtherDomain
                                                                : Kind::kMessage;
}

// Maps the enum values of `from` onto those of `to`. Directly: each value goes
// to its delegate (or same) name; a counterpart value maps back to the public
// value that receives it. Through `through` (from -> next): composed with the
// next field's own private mapping, so many-to-one receive rules of every hop
// apply on the way back (protoc-gen-go-svc's ToDeprecatedPublic skipped them).
const EnumMapping* ModelBuilder::MapEnum(const pb::FieldDescriptor* from_field,
                                         const pb::FieldDescriptor* to_field,
                                         const EnumMapping* through) {
  auto mapping = std::make_unique<EnumMapping>();
  mapping->from = ElementField(from_field)->enum_type();
  if (through != nullptr) {
    ComposeEnumMapping(*through, *model_->PrivateMapping(to_field), *mapping);
  } else {
    MapEnumValues(from_field, to_field, *mapping);
  }
  model_->mappings_.push_back(std::move(mapping));
  return model_->mappings_.back().get();
}

// from -> next composed with next -> private (`onward`): forward value by
// value, and back through every pair of hops.
void ModelBuilder::ComposeEnumMapping(const EnumMapping& through, const EnumMapping& onward,
                                      EnumMapping& mapping) {
  mapping.to = onward.to;
  for (const pb::EnumValueDescriptor* next_value : through.forward) {
    mapping.forward.push_back(next_value == nullptr ? nullptr
                                                    : onward.forward[next_value->index()]);
  }
  for (const auto& [private_value, next_value] : onward.backward) {
    for (const auto& [candidate, public_value] : through.backward) {
      if (candidate == next_value) mapping.backward.emplace_back(private_value, public_value);
    }
  }
}

// Each value of from_field's enum to its delegate (or same) name in
// to_field's, and back from each value it receives; reports every value that
// has no target, receives a value that does not exist, or receives a value
// another value receives already.
void ModelBuilder::MapEnumValues(const pb::FieldDescriptor* from_field,
                                 const pb::FieldDescriptor* to_field, EnumMapping& mapping) {
  const pb::EnumDescriptor* from = mapping.from;
  const pb::EnumDescriptor* to = ElementField(to_field)->enum_type();
  mapping.to = to;
  // Read from the descriptor: `from` may come from an imported file that is
  // not generated, and so not be in the model; its problems are then
  // reported at the field, in a file being generated.
  const bool external = model_->Find(from) == nullptr;
  auto report = [&](const pb::EnumValueDescriptor* value, const std::string& message) {
    if (external) {
      diagnostics_.Error(from_field,
                         absl::StrCat("field ", from_field->full_name(), ": ", message));
    } else {
      diagnostics_.Error(value, message);
    }
  };
  for (int i = 0; i < from->value_count(); ++i) {
    const EnumValueModel value{from->value(i), TargetName(from->value(i)),
                               ReceiveNames(from->value(i))};
    const pb::EnumValueDescriptor* target = to->FindValueByName(value.target_name);
    if (target == nullptr) {
      const bool delegated = value.target_name != value.descriptor->name();
      report(value.descriptor,
             absl::StrCat("enum value ", ValueName(value.descriptor), ": ",
                          delegated ? "delegate" : "no value", " \"", value.target_name, "\"",
                          delegated ? " not found" : "", " in ", to->full_name()));
    }
    mapping.forward.push_back(target);
    std::vector<std::string> receives = value.receive_names;
    if (receives.empty() && target != nullptr) receives.push_back(std::string(target->name()));
    for (const std::string& name : receives) {
      const pb::EnumValueDescriptor* received = to->FindValueByName(name);
      if (received == nullptr) {
        report(value.descriptor,
               absl::StrCat("enum value ", ValueName(value.descriptor), ": receives \"", name,
                            "\", which is not a value of ", to->full_name()));
        continue;
      }
      bool taken = false;
      for (const auto& [counterpart, receiver] : mapping.backward) {
        if (counterpart->number() == received->number()) {
          report(value.descriptor,
                 absl::StrCat("enum value ", ValueName(value.descriptor), ": receives ",
                              ValueName(received), ", which ", receiver->name(),
                              " receives already; each counterpart value maps "
                              "back to one value"));
          taken = true;
        }
      }
      if (!taken) mapping.backward.emplace_back(received, value.descriptor);
    }
  }
}

void ModelBuilder::CheckMethodTypes(const MethodModel& method) {
  if (method.converter_empty) return;
  const pb::MethodDescriptor* counterpart =
      method.next != nullptr ? method.next : method.private_counterpart;
  if (counterpart == nullptr) return;
  const bool is_next = method.next != nullptr;
  auto check = [&](const pb::Descriptor* from, const pb::Descriptor* to, absl::string_view what,
                   absl::string_view verb) {
    const MessageModel* local = MutableFind(from);
    // External types (e.g. google.protobuf.Empty) convert to an empty
    // counterpart message unless they are the same type (protoc-gen-go-svc).
    if (local == nullptr || local->converter_empty) return;
    const pb::Descriptor* maps_to = is_next ? local->next : local->private_counterpart;
    if (maps_to == nullptr || maps_to == to) return;
    diagnostics_.Error(method.descriptor,
                       absl::StrCat("method ", method.descriptor->full_name(), ": ", what, " ",
                                    from->full_name(), " maps to ", maps_to->full_name(), ", but ",
                                    counterpart->full_name(), " ", verb, " ", to->full_name()));
  };
  check(method.descriptor->input_type(), counterpart->input_type(), "request", "takes");
  check(method.descriptor->output_type(), counterpart->output_type(), "response", "returns");
}

}  // namespace cppsvc::plugin
