#include "plugin/emit/event_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/names.h"
#include "plugin/emit/writer.h"

namespace cppsvc::plugin {
namespace {

// `::acme::user::v1::svc::kAccountCreatedEvent`.
std::string QualifiedInfo(const EventModel& event) {
  return absl::StrCat(names::QualifiedFileNamespace(event.message->descriptor->file()),
                      "::", names::EventInfo(event.message->descriptor));
}

// Unpack takes the converters when it upcasts older versions.
bool Upcasts(const EventModel& event) { return !event.older.empty(); }

class EventEmitter {
 public:
  EventEmitter(const FileModel& file, Sections& sections) : file_(file), sections_(sections) {}

  void Emit() {
    sections_.header_includes.insert("absl/status/status.h");
    sections_.header_includes.insert("absl/status/statusor.h");
    sections_.header_includes.insert("absl/strings/string_view.h");
    sections_.header_includes.insert("cppsvc/events.h");
    sections_.source_includes.insert("cppsvc/internal/convert_support.h");
    sections_.source_includes.insert("cppsvc/internal/event_support.h");
    std::vector<std::string> declarations;
    std::vector<std::string> definitions;
    for (const EventModel* event : file_.events) {
      AddIncludes(*event);
      declarations.push_back(Declarations(*event));
      definitions.push_back(Definitions(*event));
    }
    declarations.push_back(Render(R"cc(
      // Registers every event of $file$ with `registry`.
      ::absl::Status RegisterEvents(::cppsvc::events::Registry& registry);
    )cc",
                                  {{"file", file_.file->name()}}));
    definitions.push_back(RegisterEvents());
    sections_.header_blocks.push_back(
        absl::StrCat("// ---- Events ----\n\n", JoinBlocks(declarations)));
    sections_.source_blocks.push_back(JoinBlocks(definitions));
  }

 private:
  void AddIncludes(const EventModel& event) {
    // ToLatest names the latest message, calls the next version's ToLatest
    // and, on the last hop, reads the latest's EventInfo; the latest's Unpack
    // calls each older version's Unpack and ToLatest.
    sections_.header_includes.insert(names::ProtoHeader(event.latest->message->descriptor->file()));
    if (event.next != nullptr) {
      CallGenerated(sections_, event.next->message->descriptor->file());
      CallGenerated(sections_, event.latest->message->descriptor->file());
    }
    for (const EventModel* older : event.older) {
      CallGenerated(sections_, older->message->descriptor->file());
    }
    if (event.aggregate_field != nullptr &&
        event.aggregate_field->cpp_type() != pb::FieldDescriptor::CPPTYPE_STRING) {
      sections_.source_includes.insert("absl/strings/str_cat.h");
    }
  }

  std::string Declarations(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    std::vector<std::string> parts = {
        Render(R"cc(
      // Event "$name$" version $version$ ($type$), category "$category$"$aggregate$.
      inline constexpr ::cppsvc::events::EventInfo $info${
          $name_literal$, $version_literal$, $category_literal$, $payload_literal$};

      // Validates `event` and packs it into an envelope whose metadata is
      // filled from `options`: InvalidArgument when the event is invalid.
      ::absl::StatusOr<::cppsvc::events::Envelope> Pack(
          const $message$& event, const ::cppsvc::events::EventOptions& options = {});
      // Pack, then serialise, in one step into `*bytes` (its buffer reused):
      // what a producer writing to a topic or a stream needs.
      ::absl::Status PackTo(const $message$& event, std::string* bytes,
                            const ::cppsvc::events::EventOptions& options = {});
    )cc",
               {{"name", names::CommentText(event.name)},
                {"version", event.version},
                {"type", message->full_name()},
                {"category", names::CommentText(event.category)},
                {"aggregate", AggregateComment(event)},
                {"info", names::EventInfo(message)},
                {"name_literal", names::StringLiteral(event.name)},
                {"version_literal", names::StringLiteral(event.version)},
                {"category_literal", names::StringLiteral(event.category)},
                {"payload_literal", names::StringLiteral(event.PayloadType()->full_name())},
                {"message", names::Message(message)}})};
    if (Upcasts(event)) {
      parts.push_back(Render(R"cc(
        // Unpacks an envelope (an Envelope, a view of one, or its bytes) of
        // this event, version $version$ or older ($older$, upcast through the
        // chain with `converters`), and validates it in the version it was
        // written in. Envelopes of other events or of versions this code does
        // not know are errors.
        ::absl::Status Unpack(const ::cppsvc::events::EnvelopeView& envelope, $message$* event,
                              const ::cppsvc::events::Converters& converters = {});
        ::absl::Status Unpack(::absl::string_view envelope_bytes, $message$* event,
                              const ::cppsvc::events::Converters& converters = {});
      )cc",
                             {{"version", event.version},
                              {"older", OlderVersions(event)},
                              {"message", names::Message(message)}}));
    } else {
      parts.push_back(Render(R"cc(
        // Unpacks an envelope (an Envelope, a view of one, or its bytes) of
        // exactly this event and version, validated.
        ::absl::Status Unpack(const ::cppsvc::events::EnvelopeView& envelope, $message$* event);
        ::absl::Status Unpack(::absl::string_view envelope_bytes, $message$* event);
      )cc",
                             {{"message", names::Message(message)}}));
    }
    if (event.latest != &event) {
      parts.push_back(
          Render(R"cc(
        // Converts `event` to the latest version, $latest$, hop by hop with
        // each version's converter (an override installed in `converters`, or
        // the generated one).
        ::absl::Status ToLatest(const $message$& event, $latest_message$* latest,
                                const ::cppsvc::events::Converters& converters = {});
      )cc",
                 {{"latest", event.latest->message->descriptor->full_name()},
                  {"message", names::Message(message)},
                  {"latest_message", names::Message(event.latest->message->descriptor)}}));
    }
    if (event.is_convention()) parts.push_back(FactoryDeclaration(event));
    return absl::StrJoin(parts, "\n");
  }

  static std::string AggregateComment(const EventModel& event) {
    if (event.aggregate_field == nullptr) return "";
    return absl::StrCat(", aggregate id from ", event.aggregate_field->name());
  }

  static std::string OlderVersions(const EventModel& event) {
    std::vector<std::string> versions;
    for (const EventModel* older : event.older) versions.push_back(older->version);
    return absl::StrJoin(versions, ", ");
  }

  std::string FactoryDeclaration(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    return Render(R"cc(
      // A new $class$ event with its metadata set$filled$.
      $message$ $factory$($parameters$);
    )cc",
                  {{"class", names::ClassName(message)},
                   {"filled", FactoryFilledComment(event)},
                   {"message", names::Message(message)},
                   {"factory", names::EventFactory(message)},
                   {"parameters", absl::StrJoin(FactoryParameters(event, true), ", ")}});
  }

  static std::string FactoryFilledComment(const EventModel& event) {
    const EventConvention& c = event.convention;
    std::vector<std::string> filled = {"event_name"};
    if (c.event_version != nullptr) filled.push_back("event_version");
    if (c.timestamp != nullptr) filled.push_back("timestamp (now)");
    if (c.aggregate_id != nullptr) filled.push_back("aggregate_id");
    if (c.trace_id != nullptr) filled.push_back("trace_id");
    return absl::StrCat(": ", absl::StrJoin(filled, ", "));
  }

  static std::vector<std::string> FactoryParameters(const EventModel& event, bool defaults) {
    const EventConvention& c = event.convention;
    std::vector<std::string> parameters;
    if (c.aggregate_id != nullptr) parameters.push_back("std::string aggregate_id");
    parameters.push_back(absl::StrCat(names::Message(c.payload->message_type()), " payload"));
    if (c.trace_id != nullptr) {
      parameters.push_back(defaults ? "std::string trace_id = {}" : "std::string trace_id");
    }
    return parameters;
  }

  // ---- Definitions ----

  std::string Definitions(const EventModel& event) const {
    std::vector<std::string> parts = {PackDefinition(event), UnpackDefinition(event)};
    if (event.latest != &event) parts.push_back(ToLatestDefinition(event));
    if (event.is_convention()) parts.push_back(FactoryDefinition(event));
    return JoinBlocks(parts);
  }

  static std::string FieldOrEmpty(const pb::FieldDescriptor* field, absl::string_view empty) {
    if (field == nullptr) return std::string(empty);
    return absl::StrCat("event.", names::Field(field), "()");
  }

  std::string PackDefinition(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventConvention& c = event.convention;
    std::string aggregate = "{}";
    if (event.aggregate_field != nullptr) {
      aggregate = FieldOrEmpty(event.aggregate_field, "");
      if (event.aggregate_field->cpp_type() != pb::FieldDescriptor::CPPTYPE_STRING) {
        aggregate = absl::StrCat("::absl::StrCat(", aggregate, ")");
      }
    }
    std::string check_fixed;
    std::string metadata;  // NewEnvelope's event_* arguments
    std::string payload = "event";
    if (event.is_convention()) {
      check_fixed = Render(R"cc(
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckFixedMetadata(
            $name$, $version$, $info$));
      )cc",
                           {{"name", FieldOrEmpty(c.event_name, "{}")},
                            {"version", FieldOrEmpty(c.event_version, "{}")},
                            {"info", names::EventInfo(message)}});
      std::string timestamp = FieldOrEmpty(c.timestamp, "0");
      if (c.timestamp_is_message) {
        timestamp = absl::StrCat("::cppsvc::events::internal::TimestampMillis(", timestamp, ")");
      }
      metadata = absl::StrCat(aggregate, ", ", timestamp, ", ", FieldOrEmpty(c.trace_id, "{}"));
      payload = absl::StrCat("event.", names::Field(c.payload), "()");
    } else {
      metadata = absl::StrCat(aggregate, ", 0, {}");
    }
    return Render(R"cc(
      ::absl::StatusOr<::cppsvc::events::Envelope> Pack(
          const $message$& event, const ::cppsvc::events::EventOptions& options) {
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckValid(Validate(event), $info$));
        $check_fixed$
        ::cppsvc::events::Envelope envelope =
            ::cppsvc::events::internal::NewEnvelope($info$, options, $metadata$);
        $payload$.SerializeToString(envelope.mutable_payload());
        return envelope;
      }

      ::absl::Status PackTo(const $message$& event, std::string* bytes,
                            const ::cppsvc::events::EventOptions& options) {
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckValid(Validate(event), $info$));
        $check_fixed$
        ::cppsvc::events::internal::SerializeNewEnvelope($info$, options, $metadata$, $payload$,
                                                         bytes);
        return ::absl::OkStatus();
      }
    )cc",
                  {{"message", names::Message(message)},
                   {"info", names::EventInfo(message)},
                   {"check_fixed", check_fixed},
                   {"metadata", metadata},
                   {"payload", payload}});
  }

  // Parses the payload and fills the convention's metadata from the
  // envelope; `event` is the pointer being filled.
  std::string ExactUnpackBody(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventConvention& c = event.convention;
    std::string parse;
    if (event.is_convention()) {
      std::vector<std::string> sets;
      auto set = [&](const pb::FieldDescriptor* field, absl::string_view value) {
        if (field != nullptr) {
          sets.push_back(absl::StrCat("event->set_", names::Field(field), "(", value, ");"));
        }
      };
      set(c.event_name, "envelope.name.data(), envelope.name.size()");
      set(c.event_version, "envelope.version.data(), envelope.version.size()");
      set(c.aggregate_id, "envelope.aggregate_id.data(), envelope.aggregate_id.size()");
      if (c.timestamp_is_message) {
        sets.push_back(absl::StrCat(
            "::cppsvc::events::internal::SetTimestampMillis(envelope.timestamp, event->mutable_",
            names::Field(c.timestamp), "());"));
      } else {
        set(c.timestamp, "envelope.timestamp");
      }
      set(c.trace_id, "envelope.trace_id.data(), envelope.trace_id.size()");
      parse =
          Render(R"cc(
        event->Clear();
        if (!event->mutable_$payload$()->ParseFromArray(envelope.payload.data(),
                                                       static_cast<int>(envelope.payload.size()))) {
          return ::cppsvc::events::internal::BadPayload(envelope, $payload_type$);
        }
        $sets$
      )cc",
                 {{"payload", names::Field(c.payload)},
                  {"payload_type", names::StringLiteral(c.payload->message_type()->full_name())},
                  {"sets", absl::StrJoin(sets, "\n")}});
    } else {
      parse = Render(R"cc(
        if (!event->ParseFromArray(envelope.payload.data(),
                                   static_cast<int>(envelope.payload.size()))) {
          return ::cppsvc::events::internal::BadPayload(envelope, $type$);
        }
      )cc",
                     {{"type", names::StringLiteral(message->full_name())}});
    }
    return Render(R"cc(
      $parse$
      return ::cppsvc::events::internal::CheckValid(Validate(*event), $info$);
    )cc",
                  {{"parse", parse}, {"info", names::EventInfo(message)}});
  }

  std::string UnpackDefinition(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    std::vector<std::string> accepted;
    std::vector<std::string> upcasts;
    for (const EventModel* older : event.older) {
      accepted.push_back(QualifiedInfo(*older));
      upcasts.push_back(Render(
          R"cc(
        if (::cppsvc::events::internal::Holds(envelope, $info$)) {
          $older_message$ older;
          CPPSVC_RETURN_IF_ERROR($namespace$::Unpack(envelope, &older));
          return $namespace$::ToLatest(older, event, converters);
        }
      )cc",
          {{"info", QualifiedInfo(*older)},
           {"older_message", names::Message(older->message->descriptor)},
           {"namespace", names::QualifiedFileNamespace(older->message->descriptor->file())}}));
    }
    accepted.push_back(names::EventInfo(message));
    return Render(
        R"cc(
      ::absl::Status Unpack(const ::cppsvc::events::EnvelopeView& envelope, $message$* event$converters$) {
        $upcasts$
        if (!::cppsvc::events::internal::Holds(envelope, $info$)) {
          return ::cppsvc::events::internal::NotAccepted(envelope, $type$,
                                                         {$accepted$});
        }
        CPPSVC_RETURN_IF_ERROR(
            ::cppsvc::events::internal::CheckPayloadType(envelope, $info$.payload_type));
        $body$
      }

      ::absl::Status Unpack(::absl::string_view envelope_bytes, $message$* event$converters$) {
        ::absl::StatusOr<::cppsvc::events::EnvelopeView> envelope =
            ::cppsvc::events::EnvelopeView::Parse(envelope_bytes);
        if (!envelope.ok()) return envelope.status();
        return Unpack(*envelope, event$pass_converters$);
      }
    )cc",
        {{"message", names::Message(message)},
         {"converters", Upcasts(event) ? ", const ::cppsvc::events::Converters& converters" : ""},
         {"pass_converters", Upcasts(event) ? ", converters" : ""},
         {"upcasts", absl::StrJoin(upcasts, "")},
         {"info", names::EventInfo(message)},
         {"type", names::StringLiteral(message->full_name())},
         {"accepted", absl::StrJoin(accepted, ", ")},
         {"body", ExactUnpackBody(event)}});
  }

  std::string ToLatestDefinition(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventModel& latest = *event.latest;
    std::string body;
    if (event.next == event.latest) {
      // The last hop: a convention event takes the latest version's identity.
      std::vector<std::string> sets;
      if (latest.convention.event_name != nullptr) {
        sets.push_back(absl::StrCat("latest->set_", names::Field(latest.convention.event_name),
                                    "(std::string(", QualifiedInfo(latest), ".name));"));
      }
      if (latest.convention.event_version != nullptr) {
        sets.push_back(absl::StrCat("latest->set_", names::Field(latest.convention.event_version),
                                    "(std::string(", QualifiedInfo(latest), ".version));"));
      }
      body = Render(R"cc(
        CPPSVC_RETURN_IF_ERROR(converters.Get<Converter>().ToNext(event, *latest));
        $sets$
        return ::absl::OkStatus();
      )cc",
                    {{"sets", absl::StrJoin(sets, "\n")}});
    } else {
      body = Render(R"cc(
        $next_message$ next;
        CPPSVC_RETURN_IF_ERROR(converters.Get<Converter>().ToNext(event, next));
        return $next_namespace$::ToLatest(next, latest, converters);
      )cc",
                    {{"next_message", names::Message(event.next->message->descriptor)},
                     {"next_namespace",
                      names::QualifiedFileNamespace(event.next->message->descriptor->file())}});
    }
    // Converters write field by field and append to repeated fields: start
    // from an empty message, whatever the caller passed (a reused event).
    return Render(R"cc(
      ::absl::Status ToLatest(const $message$& event, $latest_message$* latest,
                              const ::cppsvc::events::Converters& converters) {
        latest->Clear();
        $body$
      }
    )cc",
                  {{"message", names::Message(message)},
                   {"latest_message", names::Message(latest.message->descriptor)},
                   {"body", body}});
  }

  std::string FactoryDefinition(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventConvention& c = event.convention;
    std::vector<std::string> sets;
    auto set = [&](const pb::FieldDescriptor* field, const std::string& value) {
      if (field != nullptr) {
        sets.push_back(absl::StrCat("event.set_", names::Field(field), "(", value, ");"));
      }
    };
    const std::string info = names::EventInfo(message);
    set(c.event_name, absl::StrCat("std::string(", info, ".name)"));
    set(c.event_version, absl::StrCat("std::string(", info, ".version)"));
    if (c.timestamp_is_message) {
      sets.push_back(absl::StrCat(
          "::cppsvc::events::internal::SetTimestampMillis(::cppsvc::events::NowMillis(), "
          "event.mutable_",
          names::Field(c.timestamp), "());"));
    } else {
      set(c.timestamp, "::cppsvc::events::NowMillis()");
    }
    set(c.aggregate_id, "std::move(aggregate_id)");
    set(c.trace_id, "std::move(trace_id)");
    sets.push_back(
        absl::StrCat("*event.mutable_", names::Field(c.payload), "() = std::move(payload);"));
    return Render(R"cc(
      $message$ $factory$($parameters$) {
        $message$ event;
        $sets$
        return event;
      }
    )cc",
                  {{"message", names::Message(message)},
                   {"factory", names::EventFactory(message)},
                   {"parameters", absl::StrJoin(FactoryParameters(event, false), ", ")},
                   {"sets", absl::StrJoin(sets, "\n")}});
  }

  std::string RegisterEvents() const {
    std::vector<std::string> registrations;
    for (const EventModel* event : file_.events) {
      const pb::Descriptor* message = event->message->descriptor;
      const std::string to_latest =
          event->latest == event
              ? "binding.to_latest = nullptr;  // the latest version"
              : Render(R"cc(
                  binding.to_latest = [](const ::google::protobuf::Message& event,
                                         ::google::protobuf::Message* latest,
                                         const ::cppsvc::events::Converters& converters) {
                    return ToLatest(static_cast<const $message$&>(event),
                                    static_cast<$latest_message$*>(latest), converters);
                  };
                )cc",
                       {{"message", names::Message(message)},
                        {"latest_message", names::Message(event->latest->message->descriptor)}});
      registrations.push_back(
          Render(R"cc(
        binding.info = $info$;
        binding.prototype = &$message$::default_instance();
        binding.latest_prototype = &$latest_message$::default_instance();
        binding.payload_descriptor = $payload$::descriptor();
        binding.unpack = [](const ::cppsvc::events::Envelope& envelope,
                            ::google::protobuf::Message* event) {
          return Unpack(envelope, static_cast<$message$*>(event));
        };
        $to_latest$
        CPPSVC_RETURN_IF_ERROR(registry.Register(binding));
      )cc",
                 {{"info", names::EventInfo(message)},
                  {"message", names::Message(message)},
                  {"latest_message", names::Message(event->latest->message->descriptor)},
                  {"payload", names::Message(event->PayloadType())},
                  {"to_latest", to_latest}}));
    }
    return Render(R"cc(
      ::absl::Status RegisterEvents(::cppsvc::events::Registry& registry) {
        ::cppsvc::events::EventBinding binding;
        $registrations$
        return ::absl::OkStatus();
      }
    )cc",
                  {{"registrations", absl::StrJoin(registrations, "\n")}});
  }

  const FileModel& file_;
  Sections& sections_;
};

}  // namespace

void EmitEvents(const Model& /*model*/, const FileModel& file, Sections& sections) {
  if (file.events.empty()) return;
  EventEmitter(file, sections).Emit();
}

}  // namespace cppsvc::plugin
