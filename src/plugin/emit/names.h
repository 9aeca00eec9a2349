// The names module moved to plugin/naming/names.h, where the model's clash
// checks use it too. This header only forwards there, for code not yet
// updated; include plugin/naming/names.h instead.
#ifndef CPPSVC_PLUGIN_EMIT_NAMES_H_
#define CPPSVC_PLUGIN_EMIT_NAMES_H_

#include "plugin/naming/names.h"

#endif  // CPPSVC_PLUGIN_EMIT_NAMES_H_
