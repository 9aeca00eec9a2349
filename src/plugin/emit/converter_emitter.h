// Emits a public package's converters (docs/reference/conversion.md): a `Converter` class with a
// virtual overload per message and direction (ToNext, ToPrivate, ToPublic,
// ToDeprecatedPublic, CarryDeprecated). Nested messages convert through the
// same object, so an override applies wherever its message appears.
#ifndef CPPSVC_PLUGIN_EMIT_CONVERTER_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_CONVERTER_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

// Does nothing for packages that are not public versions.
void EmitConverters(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_CONVERTER_EMITTER_H_
