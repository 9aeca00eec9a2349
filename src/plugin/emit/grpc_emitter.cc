#include "plugin/emit/grpc_emitter.h"

namespace cppsvc::plugin {

void EmitGrpcBinding(const Model& /*model*/, const Package& /*package*/,
                     Sections& /*sections*/) {}

}  // namespace cppsvc::plugin
