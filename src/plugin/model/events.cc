// Stage 5 of the model: events (docs/reference/events.md).
//
// A message is an event when `(gen.svc.message).event` is set, or when it
// follows the typed-event convention: a string `event_name` field whose value
// is fixed by a `fixed_value` field option, and a `payload` message field
// (plus, optionally, `event_version`, `aggregate_id`, `timestamp` and
// `trace_id`). The `fixed_value` extension is declared in the user's own
// package, so it is found by name in the descriptor pool and its value read
// from the option's unknown fields. Events of one name in successive versions
// are linked through the chain so that older ones upcast to the latest.
#include <map>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/internal/protobuf_compat.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/unknown_field_set.h"
#include "plugin/compat.h"
#include "plugin/model/annotations.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

constexpr absl::string_view kFixedValueOption = "fixed_value";

// The value of the `fixed_value` option on `field`, if it has one. Every
// FieldOptions extension named `fixed_value` in the field's pool counts (the
// convention declares it once, in the team's own package).
std::optional<std::string> FixedValue(const pb::FieldDescriptor* field) {
  const pb::DescriptorPool* pool = field->file()->pool();
  const pb::Descriptor* options_type = pool->FindMessageTypeByName("google.protobuf.FieldOptions");
  if (options_type == nullptr) return std::nullopt;
  std::vector<const pb::FieldDescriptor*> extensions;
  pool->FindAllExtensions(options_type, &extensions);
  const pb::UnknownFieldSet& unknown =
      field->options().GetReflection()->GetUnknownFields(field->options());
  for (const pb::FieldDescriptor* extension : extensions) {
    if (extension->name() != kFixedValueOption ||
        extension->type() != pb::FieldDescriptor::TYPE_STRING) {
      continue;
    }
    for (int i = 0; i < unknown.field_count(); ++i) {
      const pb::UnknownField& value = unknown.field(i);
      if (value.number() == extension->number() &&
          value.type() == pb::UnknownField::TYPE_LENGTH_DELIMITED) {
        return std::string(value.length_delimited());
      }
    }
  }
  return std::nullopt;
}

// `user_account` -> `UserAccount`: the default category of a domain's events.
std::string PascalCase(absl::string_view snake) {
  std::string out;
  bool upper = true;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out.push_back(upper ? absl::ascii_toupper(c) : c);
    upper = false;
  }
  return out;
}

absl::string_view LastSegment(absl::string_view name) {
  const size_t dot = name.rfind('.');
  return dot == absl::string_view::npos ? name : name.substr(dot + 1);
}

bool IsSingular(const pb::FieldDescriptor* field) {
  return field != nullptr && !field->is_repeated();
}

bool IsSingularString(const pb::FieldDescriptor* field) {
  return IsSingular(field) && field->type() == pb::FieldDescriptor::TYPE_STRING;
}

// Aggregate ids are strings in the envelope; integer ids are written in
// decimal.
bool CanHoldAggregateId(const pb::FieldDescriptor* field) {
  if (!IsSingular(field)) return false;
  switch (field->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING:
      return field->type() == pb::FieldDescriptor::TYPE_STRING;
    case pb::FieldDescriptor::CPPTYPE_INT32:
    case pb::FieldDescriptor::CPPTYPE_INT64:
    case pb::FieldDescriptor::CPPTYPE_UINT32:
    case pb::FieldDescriptor::CPPTYPE_UINT64:
      return true;
    default:
      return false;
  }
}

// Quoted and C-escaped, so that a diagnostic shows any byte of a user string.
std::string Quoted(absl::string_view text) {
  return absl::StrCat("\"", absl::CHexEscape(text), "\"");
}

}  // namespace

void ModelBuilder::CollectEvents() {
  for (const auto& package : model_->packages_) {
    for (const MessageModel* message : package->messages) {
      CollectEvent(*message, *package);
    }
  }
  CheckEventIdentities();
  LinkEventVersions();
}

void ModelBuilder::CollectEvent(const MessageModel& message, Package& package) {
  const pb::Descriptor* descriptor = message.descriptor;
  const gen::svc::MessageAnnotation& annotation = AnnotationOf(descriptor);
  const pb::FieldDescriptor* event_name = descriptor->FindFieldByName("event_name");
  const std::optional<std::string> fixed_name =
      event_name != nullptr ? FixedValue(event_name) : std::nullopt;
  if (!annotation.has_event() && !fixed_name.has_value()) return;

  if (package.role != PackageRole::kVersion) {
    diagnostics_.Error(descriptor,
                       absl::StrCat("message ", descriptor->full_name(),
                                    " is an event, but package \"", package.name,
                                    "\" does not end in a version: an event's version is "
                                    "its package's last segment (e.g. acme.user.v1)"));
    return;
  }

  auto event = std::make_unique<EventModel>();
  event->message = &message;
  event->version = package.LastSegment();
  event->name = annotation.event().name();
  event->category = annotation.event().category();
  if (event->category.empty()) event->category = PascalCase(LastSegment(package.domain->name));

  if (fixed_name.has_value() && !ApplyFixedEventName(event_name, *fixed_name, *event)) return;
  if (event->name.empty()) {
    diagnostics_.Error(descriptor, absl::StrCat("message ", descriptor->full_name(),
                                                ": (gen.svc.message).event needs a name"));
    return;
  }
  if (!EventStringsAreUtf8(*event, fixed_name.has_value() ? event_name : nullptr)) return;
  if (!ResolveAggregateField(annotation.event().aggregate_field(), *event)) return;

  model_->event_index_[descriptor] = event.get();
  package.events.push_back(event.get());
  model_->events_.push_back(std::move(event));
}

// The typed convention: a field event_name with a fixed_value names the event
// (and must agree with the annotation's name, when there is one).
bool ModelBuilder::ApplyFixedEventName(const pb::FieldDescriptor* event_name,
                                       const std::string& fixed_name, EventModel& event) {
  if (!IsSingularString(event_name)) {
    diagnostics_.Error(event_name, absl::StrCat("field ", event_name->full_name(),
                                                ": an event's event_name must be a string"));
  }
  if (!event.name.empty() && event.name != fixed_name) {
    diagnostics_.Error(
        event_name,
        absl::StrCat("field ", event_name->full_name(), ": fixed_value \"", fixed_name,
                     "\" disagrees with the event annotation's name \"", event.name, "\""));
  }
  event.name = fixed_name;
  return ReadConvention(*event.message->descriptor, event.convention);
}

// Envelopes carry name and category in proto3 `string` fields: bytes that
// are not UTF-8 would pack fine and make envelopes no consumer can parse.
// `fixed_name_field`: the event_name field the name came from, or null.
bool ModelBuilder::EventStringsAreUtf8(const EventModel& event,
                                       const pb::FieldDescriptor* fixed_name_field) {
  const pb::Descriptor* descriptor = event.message->descriptor;
  const std::string what = absl::StrCat("message ", descriptor->full_name());
  bool utf8 = true;
  auto check_utf8 = [&](const auto* element, absl::string_view label, absl::string_view text) {
    if (::cppsvc::internal::protobuf_compat::IsValidUtf8(text)) return;
    diagnostics_.Error(element, absl::StrCat(label, " ", Quoted(text),
                                             " is not valid UTF-8, which an envelope's string "
                                             "fields must be"));
    utf8 = false;
  };
  if (fixed_name_field != nullptr) {
    check_utf8(fixed_name_field,
               absl::StrCat("field ", fixed_name_field->full_name(), ": event name"), event.name);
  } else {
    check_utf8(descriptor, absl::StrCat(what, ": event name"), event.name);
  }
  check_utf8(descriptor, absl::StrCat(what, ": event category"), event.category);
  return utf8;
}

// The field whose value is the envelope's aggregate id: the annotation's
// aggregate_field, else the typed convention's; it must hold an id.
bool ModelBuilder::ResolveAggregateField(const std::string& aggregate, EventModel& event) {
  const pb::Descriptor* descriptor = event.message->descriptor;
  if (!aggregate.empty()) {
    event.aggregate_field = descriptor->FindFieldByName(aggregate);
    if (event.aggregate_field == nullptr) {
      diagnostics_.Error(descriptor,
                         absl::StrCat("message ", descriptor->full_name(), ": aggregate_field \"",
                                      aggregate, "\" is not a field of the message"));
      return false;
    }
  } else {
    event.aggregate_field = event.convention.aggregate_id;
  }
  if (event.aggregate_field != nullptr && !CanHoldAggregateId(event.aggregate_field)) {
    diagnostics_.Error(event.aggregate_field,
                       absl::StrCat("field ", event.aggregate_field->full_name(),
                                    ": an aggregate id must be a singular string or "
                                    "integer field"));
    return false;
  }
  return true;
}

bool ModelBuilder::ReadConvention(const pb::Descriptor& message, EventConvention& convention) {
  convention.event_name = message.FindFieldByName("event_name");
  convention.event_version = message.FindFieldByName("event_version");
  convention.aggregate_id = message.FindFieldByName("aggregate_id");
  convention.timestamp = message.FindFieldByName("timestamp");
  convention.trace_id = message.FindFieldByName("trace_id");
  convention.payload = message.FindFieldByName("payload");
  bool ok = true;
  auto expect = [&](const pb::FieldDescriptor* field, bool fits, absl::string_view type) {
    if (field == nullptr || fits) return;
    diagnostics_.Error(field,
                       absl::StrCat("field ", field->full_name(), ": the typed-event convention's ",
                                    field->name(), " must be ", type));
    ok = false;
  };
  expect(convention.event_version, IsSingularString(convention.event_version), "a string");
  expect(convention.aggregate_id, IsSingularString(convention.aggregate_id), "a string");
  expect(convention.trace_id, IsSingularString(convention.trace_id), "a string");
  const pb::FieldDescriptor* timestamp = convention.timestamp;
  convention.timestamp_is_message =
      timestamp != nullptr && timestamp->message_type() != nullptr &&
      timestamp->message_type()->full_name() == "google.protobuf.Timestamp";
  expect(timestamp,
         IsSingular(timestamp) && (timestamp->cpp_type() == pb::FieldDescriptor::CPPTYPE_INT64 ||
                                   convention.timestamp_is_message),
         "an int64 (milliseconds since the Unix epoch) or a google.protobuf.Timestamp");
  expect(convention.payload,
         IsSingular(convention.payload) &&
             convention.payload->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE,
         "a message");
  if (convention.payload == nullptr) {
    diagnostics_.Error(&message,
                       absl::StrCat("message ", message.full_name(),
                                    ": a typed event (event_name with fixed_value) needs a "
                                    "payload message field"));
    ok = false;
  }
  return ok;
}

void ModelBuilder::CheckEventIdentities() {
  // Packages and their messages are in a fixed order, so the first
  // declaration of a (name, version) is the same on every run.
  std::map<std::pair<std::string, std::string>, const EventModel*> seen;
  for (const auto& event : model_->events_) {
    auto [it, inserted] = seen.emplace(std::make_pair(event->name, event->version), event.get());
    if (inserted) continue;
    diagnostics_.Error(
        event->message->descriptor,
        absl::StrCat("message ", event->message->descriptor->full_name(), ": event \"", event->name,
                     "\" version ", event->version, " is already declared by ",
                     it->second->message->descriptor->full_name()));
  }
}

void ModelBuilder::LinkEventVersions() {
  for (const auto& event : model_->events_) {
    const pb::Descriptor* next = event->message->next;
    if (next == nullptr) continue;
    auto found = model_->event_index_.find(next);
    if (found == model_->event_index_.end()) {
      diagnostics_.Error(
          event->message->descriptor,
          absl::StrCat("message ", event->message->descriptor->full_name(),
                       " is an event, but its next-version counterpart ", next->full_name(),
                       " is not: upcasting converts an event version by "
                       "version, so mark it as an event too"));
      continue;
    }
    event->next = found->second;
  }
  // Oldest versions first, so that `older` lists come out oldest first.
  for (const auto& domain : model_->domains_) {
    for (const Package* package : domain->versions) {
      for (const EventModel* event : package->events) {
        EventModel* mutable_event = model_->event_index_[event->message->descriptor];
        const EventModel* latest = event;
        while (latest->next != nullptr) latest = latest->next;
        mutable_event->latest = latest;
        if (latest != event) {
          model_->event_index_[latest->message->descriptor]->older.push_back(event);
        }
      }
    }
  }
}

const EventModel* Model::FindEvent(const pb::Descriptor* message) const {
  auto it = event_index_.find(message);
  return it == event_index_.end() ? nullptr : it->second;
}

}  // namespace cppsvc::plugin
