// The event type registry (docs/reference/events.md); see cppsvc/events.h.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "cppsvc/events.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/internal/event_support.h"
#include "cppsvc/internal/status_macros.h"

namespace cppsvc::events {
namespace {

namespace pb = ::google::protobuf;

std::string TypeName(const pb::Message* message) {
  return message == nullptr ? std::string("(none)")
                            : std::string(message->GetDescriptor()->full_name());
}

absl::Status CheckBinding(const EventBinding& binding) {
  const std::string what =
      absl::StrCat("event binding \"", binding.info.name, "\" ", binding.info.version);
  if (binding.info.name.empty() || binding.info.version.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, ": an event binding needs a name and a version"));
  }
  if (binding.prototype == nullptr || binding.unpack == nullptr ||
      binding.payload_descriptor == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, ": prototype, payload_descriptor and unpack must be set"));
  }
  if (binding.latest_prototype != nullptr &&
      binding.latest_prototype->GetDescriptor() != binding.prototype->GetDescriptor() &&
      binding.to_latest == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(what, ": its latest version is ",
                                                   TypeName(binding.latest_prototype),
                                                   ", but it has no to_latest conversion"));
  }
  if (internal::PayloadPrototype(binding) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, ": payload type ", binding.payload_descriptor->full_name(), " is neither the event ",
        TypeName(binding.prototype), " nor one of its message fields"));
  }
  return absl::OkStatus();
}

const pb::Message& Latest(const EventBinding& binding) {
  return binding.latest_prototype != nullptr ? *binding.latest_prototype : *binding.prototype;
}

}  // namespace

absl::Status Registry::Register(const EventBinding& binding) {
  CPPSVC_RETURN_IF_ERROR(CheckBinding(binding));
  auto key = std::make_pair(std::string(binding.info.name), std::string(binding.info.version));
  auto [it, inserted] = bindings_.emplace(std::move(key), binding);
  if (!inserted && it->second.prototype->GetDescriptor() != binding.prototype->GetDescriptor()) {
    return absl::AlreadyExistsError(absl::StrCat(
        "event \"", binding.info.name, "\" version ", binding.info.version,
        " is already registered as ", TypeName(it->second.prototype), "; cannot register ",
        TypeName(binding.prototype), " under the same name and version"));
  }
  return absl::OkStatus();
}

const EventBinding* Registry::Find(absl::string_view name, absl::string_view version) const {
  auto it = bindings_.find(std::make_pair(std::string(name), std::string(version)));
  return it == bindings_.end() ? nullptr : &it->second;
}

std::vector<const EventBinding*> Registry::Bindings() const {
  std::vector<const EventBinding*> all;
  all.reserve(bindings_.size());
  for (const auto& [key, binding] : bindings_) all.push_back(&binding);
  return all;
}

const EventBinding* Registry::FindOrError(const Envelope& envelope, absl::Status* error) const {
  if (envelope.name().empty()) {
    *error = absl::InvalidArgumentError(
        "not an event envelope: it has no event name (empty or non-envelope bytes?)");
    return nullptr;
  }
  if (const EventBinding* binding = Find(envelope.name(), envelope.version())) {
    *error = internal::CheckPayloadType(envelope, binding->payload_descriptor->full_name());
    if (!error->ok()) return nullptr;
    return binding;
  }
  std::vector<absl::string_view> versions;
  std::vector<std::string> names;
  for (const auto& [key, binding] : bindings_) {
    if (key.first == envelope.name()) versions.push_back(key.second);
    if (names.empty() || names.back() != key.first) names.push_back(key.first);
  }
  if (!versions.empty()) {
    *error = internal::UnknownVersion(envelope.name(), envelope.version(), versions);
  } else {
    *error = absl::NotFoundError(
        absl::StrCat("no event named \"", envelope.name(), "\" is registered (registered: ",
                     names.empty() ? std::string("none") : absl::StrJoin(names, ", "), ")"));
  }
  return nullptr;
}

absl::StatusOr<std::unique_ptr<pb::Message>> Registry::Unpack(const Envelope& envelope) const {
  absl::Status error;
  const EventBinding* binding = FindOrError(envelope, &error);
  if (binding == nullptr) return error;
  std::unique_ptr<pb::Message> event(binding->prototype->New());
  CPPSVC_RETURN_IF_ERROR(binding->unpack(envelope, event.get()));
  return event;
}

absl::StatusOr<std::unique_ptr<pb::Message>> Registry::UnpackLatest(
    const Envelope& envelope) const {
  CPPSVC_ASSIGN_OR_RETURN(std::unique_ptr<pb::Message> event, Unpack(envelope));
  const EventBinding* binding = Find(envelope.name(), envelope.version());
  const pb::Message& latest_prototype = Latest(*binding);
  if (latest_prototype.GetDescriptor() == event->GetDescriptor()) return event;
  std::unique_ptr<pb::Message> latest(latest_prototype.New());
  CPPSVC_RETURN_IF_ERROR(binding->to_latest(*event, latest.get(), converters_));
  return latest;
}

absl::Status Registry::Dispatch(const Envelope& envelope) const {
  CPPSVC_ASSIGN_OR_RETURN(std::unique_ptr<pb::Message> event, UnpackLatest(envelope));
  const pb::Descriptor* latest_type = event->GetDescriptor();
  auto handler = handlers_.find(latest_type);
  if (handler == handlers_.end()) {
    return absl::NotFoundError(absl::StrCat(
        "no handler for event \"", envelope.name(), "\" (version ", envelope.version(),
        ", handled as ", latest_type->full_name(), "): register one with Registry::On<",
        absl::StrReplaceAll(latest_type->full_name(), {{".", "::"}}), ">"));
  }
  return handler->second(*event, envelope);
}

absl::Status Registry::Dispatch(absl::string_view envelope_bytes) const {
  CPPSVC_ASSIGN_OR_RETURN(const Envelope envelope, ParseEnvelope(envelope_bytes));
  return Dispatch(envelope);
}

absl::StatusOr<std::string> Registry::ToJson(const Envelope& envelope) const {
  CPPSVC_RETURN_IF_ERROR(Unpack(envelope).status());
  return Decoder(*this).ToJson(envelope);
}

absl::StatusOr<Envelope> Registry::FromJson(absl::string_view json) const {
  CPPSVC_ASSIGN_OR_RETURN(
      Envelope envelope,
      EnvelopeFromJson(json, [this](const Envelope& parsed) -> absl::StatusOr<const pb::Message*> {
        absl::Status error;
        const EventBinding* binding = FindOrError(parsed, &error);
        if (binding == nullptr) return error;
        return internal::PayloadPrototype(*binding);
      }));
  CPPSVC_RETURN_IF_ERROR(Unpack(envelope).status());
  return envelope;
}

}  // namespace cppsvc::events
