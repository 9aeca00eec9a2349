// Private to src/runtime/events: the allocation-free event id that
// NewEventId and SerializeNewEnvelope share (ids.cc).
#ifndef CPPSVC_SRC_RUNTIME_EVENTS_IDS_INTERNAL_H_
#define CPPSVC_SRC_RUNTIME_EVENTS_IDS_INTERNAL_H_

#include <cstddef>

namespace cppsvc::events::internal {

inline constexpr size_t kEventIdSize = 36;

// Writes a new lowercase RFC 4122 version-4 UUID with dashes (36 chars, no
// terminator) into `out`. No heap allocation.
void WriteNewEventId(char* out);

}  // namespace cppsvc::events::internal

#endif  // CPPSVC_SRC_RUNTIME_EVENTS_IDS_INTERNAL_H_
