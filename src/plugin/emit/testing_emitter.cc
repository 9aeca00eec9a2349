#include "plugin/emit/testing_emitter.h"

namespace cppsvc::plugin {

void EmitConversionTests(const Model& /*model*/, const Package& /*package*/,
                         Sections& /*sections*/) {}

}  // namespace cppsvc::plugin
