#include "plugin/emit/event_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

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
    declarations.push_back(
        Render(R"cc(
      // Registers every event of $file$ with `registry`.
      ::absl::Status $RegisterEvents$(::cppsvc::events::Registry& registry);
    )cc",
               {{"file", file_.file->name()}, {"RegisterEvents", names::kRegisterEventsFunction}}));
    definitions.push_back(RegisterEvents());
    sections_.header_blocks.push_back(Render(R"cc(
      // ---- Events ----

      $declarations$
    )cc",
                                             {{"declarations", JoinBlocks(declarations)}}));
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
      ::absl::StatusOr<::cppsvc::events::Envelope> $Pack$(
          const $message$& event, const ::cppsvc::events::EventOptions& options = {});
      // $Pack$, then serialise, in one step into `*bytes` (its buffer reused):
      // what a producer writing to a topic or a stream needs.
      ::absl::Status $PackTo$(const $message$& event, std::string* bytes,
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
                {"message", names::Message(message)},
                {"Pack", names::kPackFunction},
                {"PackTo", names::kPackToFunction}})};
    if (Upcasts(event)) {
      parts.push_back(Render(R"cc(
        // Unpacks an envelope (an Envelope, a view of one, or its bytes) of
        // this event, version $version$ or older ($older$, upcast through the
        // chain with `converters`), and validates it in the version it was
        // written in. Envelopes of other events or of versions this code does
        // not know are errors.
        ::absl::Status $Unpack$(const ::cppsvc::events::EnvelopeView& envelope, $message$* event,
                              const ::cppsvc::events::Converters& converters = {});
        ::absl::Status $Unpack$(::absl::string_view envelope_bytes, $message$* event,
                              const ::cppsvc::events::Converters& converters = {});
      )cc",
                             {{"Unpack", names::kUnpackFunction},
                              {"version", event.version},
                              {"older", OlderVersions(event)},
                              {"message", names::Message(message)}}));
    } else {
      parts.push_back(
          Render(R"cc(
        // Unpacks an envelope (an Envelope, a view of one, or its bytes) of
        // exactly this event and version, validated.
        ::absl::Status $Unpack$(const ::cppsvc::events::EnvelopeView& envelope, $message$* event);
        ::absl::Status $Unpack$(::absl::string_view envelope_bytes, $message$* event);
      )cc",
                 {{"Unpack", names::kUnpackFunction}, {"message", names::Message(message)}}));
    }
    if (event.latest != &event) {
      parts.push_back(
          Render(R"cc(
        // Converts `event` to the latest version, $latest$, hop by hop with
        // each version's converter (an override installed in `converters`, or
        // the generated one).
        ::absl::Status $ToLatest$(const $message$& event, $latest_message$* latest,
                                const ::cppsvc::events::Converters& converters = {});
      )cc",
                 {{"ToLatest", names::kToLatestFunction},
                  {"latest", event.latest->message->descriptor->full_name()},
                  {"message", names::Message(message)},
                  {"latest_message", names::Message(event.latest->message->descriptor)}}));
    }
    if (event.is_convention()) parts.push_back(FactoryDeclaration(event));
    return JoinBlocks(parts);
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
      $message$ $factory$($#aggregate_id$std::string aggregate_id, $/aggregate_id$$payload$ payload$#trace_id$, std::string trace_id = {}$/trace_id$);
    )cc",
                  {{"class", names::ClassName(message)},
                   {"filled", FactoryFilledComment(event)},
                   {"message", names::Message(message)},
                   {"factory", names::EventFactory(message)},
                   {"aggregate_id", Flag(event.convention.aggregate_id != nullptr)},
                   {"payload", names::Message(event.convention.payload->message_type())},
                   {"trace_id", Flag(event.convention.trace_id != nullptr)}});
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
    const bool convention = event.is_convention();
    std::string timestamp = FieldOrEmpty(c.timestamp, "0");
    if (c.timestamp_is_message) {
      timestamp = absl::StrCat("::cppsvc::events::internal::TimestampMillis(", timestamp, ")");
    }
    // NewEnvelope's metadata arguments: aggregate id, timestamp, trace id.
    const std::string metadata = absl::StrJoin({aggregate, convention ? timestamp : "0",
                                                convention ? FieldOrEmpty(c.trace_id, "{}") : "{}"},
                                               ", ");
    return Render(R"cc(
      ::absl::StatusOr<::cppsvc::events::Envelope> $Pack$(
          const $message$& event, const ::cppsvc::events::EventOptions& options) {
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckValid($Validate$(event), $info$));
        $#convention$
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckFixedMetadata(
            $event_name$, $event_version$, $info$));
        $/convention$
        ::cppsvc::events::Envelope envelope =
            ::cppsvc::events::internal::NewEnvelope($info$, options, $metadata$);
        $payload$.SerializeToString(envelope.mutable_payload());
        return envelope;
      }

      ::absl::Status $PackTo$(const $message$& event, std::string* bytes,
                            const ::cppsvc::events::EventOptions& options) {
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckValid($Validate$(event), $info$));
        $#convention$
        CPPSVC_RETURN_IF_ERROR(::cppsvc::events::internal::CheckFixedMetadata(
            $event_name$, $event_version$, $info$));
        $/convention$
        ::cppsvc::events::internal::SerializeNewEnvelope($info$, options, $metadata$, $payload$,
                                                         bytes);
        return ::absl::OkStatus();
      }
    )cc",
                  {{"Pack", names::kPackFunction},
                   {"PackTo", names::kPackToFunction},
                   {"Validate", names::kValidateFunction},
                   {"message", names::Message(message)},
                   {"info", names::EventInfo(message)},
                   {"convention", Flag(convention)},
                   {"event_name", FieldOrEmpty(c.event_name, "{}")},
                   {"event_version", FieldOrEmpty(c.event_version, "{}")},
                   {"metadata", metadata},
                   {"payload", convention ? FieldOrEmpty(c.payload, "") : "event"}});
  }

  // Parses the payload and fills the convention's metadata from the
  // envelope; `event` is the pointer being filled.
  std::string ExactUnpackBody(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventConvention& c = event.convention;
    const bool convention = event.is_convention();
    return Render(R"cc(
      $#convention$
      event->Clear();
      if (!event->mutable_$payload$()->ParseFromArray(envelope.payload.data(),
                                                     static_cast<int>(envelope.payload.size()))) {
        return ::cppsvc::events::internal::BadPayload(envelope, $payload_type$);
      }
      $#event_name$event->set_$event_name$(envelope.name.data(), envelope.name.size());$/event_name$
      $#event_version$event->set_$event_version$(envelope.version.data(), envelope.version.size());$/event_version$
      $#aggregate_id$event->set_$aggregate_id$(envelope.aggregate_id.data(), envelope.aggregate_id.size());$/aggregate_id$
      $#timestamp_message$::cppsvc::events::internal::SetTimestampMillis(envelope.timestamp, event->mutable_$timestamp_message$());$/timestamp_message$
      $#timestamp$event->set_$timestamp$(envelope.timestamp);$/timestamp$
      $#trace_id$event->set_$trace_id$(envelope.trace_id.data(), envelope.trace_id.size());$/trace_id$
      $/convention$
      $^convention$
      if (!event->ParseFromArray(envelope.payload.data(),
                                 static_cast<int>(envelope.payload.size()))) {
        return ::cppsvc::events::internal::BadPayload(envelope, $type$);
      }
      $/convention$
      return ::cppsvc::events::internal::CheckValid($Validate$(*event), $info$);
    )cc",
                  {{"convention", Flag(convention)},
                   {"payload", FieldName(c.payload)},
                   {"payload_type",
                    convention ? names::StringLiteral(c.payload->message_type()->full_name()) : ""},
                   {"event_name", FieldName(c.event_name)},
                   {"event_version", FieldName(c.event_version)},
                   {"aggregate_id", FieldName(c.aggregate_id)},
                   {"timestamp_message", c.timestamp_is_message ? FieldName(c.timestamp) : ""},
                   {"timestamp", c.timestamp_is_message ? "" : FieldName(c.timestamp)},
                   {"trace_id", FieldName(c.trace_id)},
                   {"type", names::StringLiteral(message->full_name())},
                   {"Validate", names::kValidateFunction},
                   {"info", names::EventInfo(message)}});
  }

  // A field's accessor stem; empty for a field the convention lacks.
  static std::string FieldName(const pb::FieldDescriptor* field) {
    return field == nullptr ? "" : names::Field(field);
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
          CPPSVC_RETURN_IF_ERROR($namespace$::$Unpack$(envelope, &older));
          return $namespace$::$ToLatest$(older, event, converters);
        }
      )cc",
          {{"info", QualifiedInfo(*older)},
           {"older_message", names::Message(older->message->descriptor)},
           {"namespace", names::QualifiedFileNamespace(older->message->descriptor->file())},
           {"Unpack", names::kUnpackFunction},
           {"ToLatest", names::kToLatestFunction}}));
    }
    accepted.push_back(names::EventInfo(message));
    return Render(
        R"cc(
      ::absl::Status $Unpack$(const ::cppsvc::events::EnvelopeView& envelope, $message$* event$#upcasts$, const ::cppsvc::events::Converters& converters$/upcasts$) {
        $upcasts$
        if (!::cppsvc::events::internal::Holds(envelope, $info$)) {
          return ::cppsvc::events::internal::NotAccepted(envelope, $type$,
                                                         {$accepted$});
        }
        CPPSVC_RETURN_IF_ERROR(
            ::cppsvc::events::internal::CheckPayloadType(envelope, $info$.payload_type));
        $body$
      }

      ::absl::Status $Unpack$(::absl::string_view envelope_bytes, $message$* event$#upcasts$, const ::cppsvc::events::Converters& converters$/upcasts$) {
        ::absl::StatusOr<::cppsvc::events::EnvelopeView> envelope =
            ::cppsvc::events::EnvelopeView::Parse(envelope_bytes);
        if (!envelope.ok()) return envelope.status();
        return $Unpack$(*envelope, event$#upcasts$, converters$/upcasts$);
      }
    )cc",
        {{"Unpack", names::kUnpackFunction},
         {"message", names::Message(message)},
         {"upcasts", absl::StrJoin(upcasts, "")},
         {"info", names::EventInfo(message)},
         {"type", names::StringLiteral(message->full_name())},
         {"accepted", absl::StrJoin(accepted, ", ")},
         {"body", ExactUnpackBody(event)}});
  }

  std::string ToLatestDefinition(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventModel& latest = *event.latest;
    const bool last_hop = event.next == event.latest;
    // On the last hop a convention event takes the latest version's
    // identity. Converters write field by field and append to repeated
    // fields: start from an empty message, whatever the caller passed (a
    // reused event).
    return Render(R"cc(
      ::absl::Status $ToLatest$(const $message$& event, $latest_message$* latest,
                              const ::cppsvc::events::Converters& converters) {
        latest->Clear();
        $#last_hop$
        CPPSVC_RETURN_IF_ERROR(converters.Get<$Converter$>().ToNext(event, *latest));
        $#event_name$latest->set_$event_name$(std::string($latest_info$.name));$/event_name$
        $#event_version$latest->set_$event_version$(std::string($latest_info$.version));$/event_version$
        return ::absl::OkStatus();
        $/last_hop$
        $^last_hop$
        $next_message$ next;
        CPPSVC_RETURN_IF_ERROR(converters.Get<$Converter$>().ToNext(event, next));
        return $next_namespace$::$ToLatest$(next, latest, converters);
        $/last_hop$
      }
    )cc",
                  {{"ToLatest", names::kToLatestFunction},
                   {"Converter", names::kConverterClass},
                   {"message", names::Message(message)},
                   {"latest_message", names::Message(latest.message->descriptor)},
                   {"last_hop", Flag(last_hop)},
                   {"event_name", FieldName(latest.convention.event_name)},
                   {"event_version", FieldName(latest.convention.event_version)},
                   {"latest_info", QualifiedInfo(latest)},
                   {"next_message", names::Message(event.next->message->descriptor)},
                   {"next_namespace",
                    names::QualifiedFileNamespace(event.next->message->descriptor->file())}});
  }

  std::string FactoryDefinition(const EventModel& event) const {
    const pb::Descriptor* message = event.message->descriptor;
    const EventConvention& c = event.convention;
    return Render(R"cc(
      $message$ $factory$($#aggregate_id$std::string aggregate_id, $/aggregate_id$$payload_type$ payload$#trace_id$, std::string trace_id$/trace_id$) {
        $message$ event;
        $#event_name$event.set_$event_name$(std::string($info$.name));$/event_name$
        $#event_version$event.set_$event_version$(std::string($info$.version));$/event_version$
        $#timestamp_message$::cppsvc::events::internal::SetTimestampMillis(::cppsvc::events::NowMillis(), event.mutable_$timestamp_message$());$/timestamp_message$
        $#timestamp$event.set_$timestamp$(::cppsvc::events::NowMillis());$/timestamp$
        $#aggregate_id$event.set_$aggregate_id$(std::move(aggregate_id));$/aggregate_id$
        $#trace_id$event.set_$trace_id$(std::move(trace_id));$/trace_id$
        *event.mutable_$payload$() = std::move(payload);
        return event;
      }
    )cc",
                  {{"message", names::Message(message)},
                   {"factory", names::EventFactory(message)},
                   {"payload_type", names::Message(c.payload->message_type())},
                   {"info", names::EventInfo(message)},
                   {"event_name", FieldName(c.event_name)},
                   {"event_version", FieldName(c.event_version)},
                   {"timestamp_message", c.timestamp_is_message ? FieldName(c.timestamp) : ""},
                   {"timestamp", c.timestamp_is_message ? "" : FieldName(c.timestamp)},
                   {"aggregate_id", FieldName(c.aggregate_id)},
                   {"trace_id", FieldName(c.trace_id)},
                   {"payload", FieldName(c.payload)}});
  }

  std::string RegisterEvents() const {
    std::vector<std::string> registrations;
    for (const EventModel* event : file_.events) {
      const pb::Descriptor* message = event->message->descriptor;
      registrations.push_back(
          Render(R"cc(
        binding.info = $info$;
        binding.prototype = &$message$::default_instance();
        binding.latest_prototype = &$latest_message$::default_instance();
        binding.payload_descriptor = $payload$::descriptor();
        binding.unpack = [](const ::cppsvc::events::Envelope& envelope,
                            ::google::protobuf::Message* event) {
          return $Unpack$(envelope, static_cast<$message$*>(event));
        };
        $#latest$binding.to_latest = nullptr;  // the latest version$/latest$
        $^latest$
        binding.to_latest = [](const ::google::protobuf::Message& event,
                               ::google::protobuf::Message* latest,
                               const ::cppsvc::events::Converters& converters) {
          return $ToLatest$(static_cast<const $message$&>(event),
                          static_cast<$latest_message$*>(latest), converters);
        };
        $/latest$
        CPPSVC_RETURN_IF_ERROR(registry.Register(binding));
      )cc",
                 {
                     {"Unpack", names::kUnpackFunction},
                     {"ToLatest", names::kToLatestFunction},
                     {"latest", Flag(event->latest == event)},
                     {"info", names::EventInfo(message)},
                     {"message", names::Message(message)},
                     {"latest_message", names::Message(event->latest->message->descriptor)},
                     {"payload", names::Message(event->PayloadType())},
                 }));
    }
    return Render(R"cc(
      ::absl::Status $RegisterEvents$(::cppsvc::events::Registry& registry) {
        ::cppsvc::events::EventBinding binding;
        $registrations$
        return ::absl::OkStatus();
      }
    )cc",
                  {{"RegisterEvents", names::kRegisterEventsFunction},
                   {"registrations", JoinBlocks(registrations)}});
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
