// Emits a package's events (docs/reference/events.md): per event an EventInfo constant, Pack,
// Unpack (upcasting older versions in the latest), ToLatest for older
// versions, a factory for convention events, and RegisterEvents for the
// package. The runtime half is include/cppsvc/events.h.
#ifndef CPPSVC_PLUGIN_EMIT_EVENT_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_EVENT_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

void EmitEvents(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_EVENT_EMITTER_H_
