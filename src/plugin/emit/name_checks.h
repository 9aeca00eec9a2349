// Checks, before anything is emitted, that distinct proto elements get
// distinct C++ names in every scope we write them into. Where names.h can
// derive a name injectively it does (helper functions, fakes, qualified class
// references); what remains is fixed by outside conventions (protobuf's
// keyword escaping, the Go plugin's CamelCase test names, the data members of
// our classes next to member functions named after RPCs) and is reported
// here, located at the element, instead of emitting code that does not
// compile.
#ifndef CPPSVC_PLUGIN_EMIT_NAME_CHECKS_H_
#define CPPSVC_PLUGIN_EMIT_NAME_CHECKS_H_

#include "plugin/model/diagnostics.h"
#include "plugin/model/model.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {

void CheckNames(const Model& model, const Parameters& parameters, Diagnostics& diagnostics);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_NAME_CHECKS_H_
