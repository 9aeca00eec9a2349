// Emits the gRPC binding of a public version (docs/reference/services.md), with `grpc=true`:
// for each service, a class implementing the `Service` class that
// grpc_cpp_plugin generates for it, forwarding every RPC to the version's
// transport-neutral service and mapping absl status codes 1:1.
#ifndef CPPSVC_PLUGIN_EMIT_GRPC_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_GRPC_EMITTER_H_

#include "plugin/emit/sections.h"
#include "plugin/model/diagnostics.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

// With grpc=true: grpc_cpp_plugin 1.51 writes proto names unescaped, so its
// output does not compile for a service, RPC, request or response type named
// after a C++ keyword. Each one is a diagnostic, rather than a build that
// fails later in grpc_cpp_plugin's code, for the services that get a binding
// (which includes grpc_cpp_plugin's header) only.
void CheckGrpcNames(const Model& model, Diagnostics& diagnostics);

void EmitGrpcBinding(const Model& model, const FileModel& file, Sections& sections);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_GRPC_EMITTER_H_
