// Builds the model of one request.
#ifndef CPPSVC_PLUGIN_MODEL_BUILDER_H_
#define CPPSVC_PLUGIN_MODEL_BUILDER_H_

#include <memory>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "plugin/model/diagnostics.h"
#include "plugin/model/model.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {

// Builds the model of `files` (the files to generate). Every problem is added
// to `diagnostics`; the model is complete and consistent only when no
// diagnostic was added, and emitters must not run otherwise.
std::unique_ptr<const Model> BuildModel(const std::vector<const pb::FileDescriptor*>& files,
                                        const Parameters& parameters, Diagnostics& diagnostics);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_BUILDER_H_
