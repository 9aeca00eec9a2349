// Emits the service chain (docs/reference/services.md), transport-neutral on absl::Status:
// - in the private package, the interface users implement, one per service;
// - in each public version, a service class per service that validates,
//   converts and calls the next version (or private), then converts back.
#ifndef CPPSVC_PLUGIN_EMIT_SERVICE_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_SERVICE_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

void EmitServices(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_SERVICE_EMITTER_H_
