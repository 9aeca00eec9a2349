// Helpers generated event code calls (SPEC §7); see event_support.h.
#include "cppsvc/internal/event_support.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/events.h"

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
  if (options.event_id.empty()) {
    envelope->set_event_id(NewEventId());
  } else {
    envelope->set_event_id(options.event_id);
  }
  envelope->set_name(info.name.data(), info.name.size());
  envelope->set_version(info.version.data(), info.version.size());
  envelope->set_payload_type(info.payload_type.data(), info.payload_type.size());
  const absl::string_view aggregate_id =
      options.aggregate_id.empty() ? event_aggregate_id : absl::string_view(options.aggregate_id);
  envelope->set_aggregate_id(aggregate_id.data(), aggregate_id.size());
  envelope->set_category(info.category.data(), info.category.size());
  envelope->set_timestamp(options.timestamp != 0   ? options.timestamp
                          : event_timestamp != 0 ? event_timestamp
                                                 : NowMillis());
  envelope->set_correlation_id(options.correlation_id.empty() ? envelope->event_id()
                                                              : options.correlation_id);
  envelope->set_causation_id(options.causation_id.empty() ? envelope->event_id()
                                                          : options.causation_id);
  const absl::string_view trace_id =
      options.trace_id.empty() ? event_trace_id : absl::string_view(options.trace_id);
  envelope->set_trace_id(trace_id.data(), trace_id.size());
  envelope->clear_metadata();
  if (!options.metadata.empty()) {
    envelope->mutable_metadata()->insert(options.metadata.begin(), options.metadata.end());
  }
  envelope->clear_payload();
}

bool Holds(const Envelope& envelope, const EventInfo& info) {
  return envelope.name() == info.name && envelope.version() == info.version;
}

absl::Status UnknownVersion(absl::string_view name, absl::string_view version,
                            const std::vector<absl::string_view>& known) {
  int newest = -1;
  for (absl::string_view v : known) newest = std::max(newest, VersionNumber(v));
  const int number = VersionNumber(version);
  std::string text = absl::StrCat("event \"", name, "\" version ",
                                  version.empty() ? "\"\"" : version,
                                  " is not known here (known: ", absl::StrJoin(known, ", "),
                                  ")");
  if (number > newest && newest >= 0) absl::StrAppend(&text, ": produced by newer code?");
  return absl::NotFoundError(text);
}

absl::Status NotAccepted(const Envelope& envelope, absl::string_view message_type,
                         std::initializer_list<EventInfo> accepted) {
  std::vector<absl::string_view> versions;
  std::vector<std::string> names;
  for (const EventInfo& info : accepted) {
    if (info.name == envelope.name()) versions.push_back(info.version);
    std::string quoted = absl::StrCat("\"", info.name, "\"");
    if (names.empty() || names.back() != quoted) names.push_back(std::move(quoted));
  }
  if (versions.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "envelope holds event \"", envelope.name(), "\" version ",
        envelope.version().empty() ? "\"\"" : envelope.version(), ", not a ", message_type,
        " (", absl::StrJoin(names, ", "), ")"));
  }
  return UnknownVersion(envelope.name(), envelope.version(), versions);
}

absl::Status BadPayload(const Envelope& envelope, absl::string_view message_type) {
  return absl::InvalidArgumentError(absl::StrCat(
      "event \"", envelope.name(), "\" version ", envelope.version(), ": the payload (",
      envelope.payload().size(), " bytes) does not parse as ", message_type));
}

absl::Status CheckValid(const Violations& violations, const EventInfo& info) {
  if (violations.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("event ", info.name, " ", info.version,
                                                 " is invalid: ", violations.ToString()));
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
