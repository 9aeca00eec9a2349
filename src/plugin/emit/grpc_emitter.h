// Emits the gRPC binding of a public version (docs/reference/services.md), with `grpc=true`:
// for each service, a class implementing the `Service` class that
// grpc_cpp_plugin generates for it, forwarding every RPC to the version's
// transport-neutral service and mapping absl status codes 1:1.
#ifndef CPPSVC_PLUGIN_EMIT_GRPC_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_GRPC_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

void EmitGrpcBinding(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_GRPC_EMITTER_H_
