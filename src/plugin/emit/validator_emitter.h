// Emits a file's validators (docs/reference/validation.md): a `Validator` class with one
// virtual `Validate` overload per message, and a free `Validate` per message
// that runs the generated rules.
#ifndef CPPSVC_PLUGIN_EMIT_VALIDATOR_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_VALIDATOR_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

void EmitValidators(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_VALIDATOR_EMITTER_H_
