// Emits a public version's conversion-test helpers (docs/reference/services.md): per public
// method, a function that runs the chain from four JSON files against a fake
// private implementation and reports every difference.
#ifndef CPPSVC_PLUGIN_EMIT_TESTING_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_TESTING_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

void EmitConversionTests(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_TESTING_EMITTER_H_
