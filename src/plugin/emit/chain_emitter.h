// Emits the registration of each service chain (docs/reference/services.md): for a private
// service, a `<Service>Chain` class that builds every public version's
// service on top of the user's implementation, with optional validator and
// converter overrides per version, and owns them. It goes in the `.svc.{h,cc}`
// of the private file that declares the service, whose header includes each
// version's header (none of which includes another's or this one).
#ifndef CPPSVC_PLUGIN_EMIT_CHAIN_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_CHAIN_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

void EmitChains(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_CHAIN_EMITTER_H_
