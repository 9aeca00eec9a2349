// Assembles a package's output files from the sections its emitters fill.
#ifndef CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_

#include <string>
#include <vector>

#include "plugin/model/model.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {

struct GeneratedFile {
  std::string name;  // relative to the output directory
  std::string content;
};

// The outputs of one proto file `dir/x.proto`, always all of them (a file
// that declares nothing we generate gets a short valid pair): `dir/x.svc.{h,cc}`
// (validators, converters, services, the chain of a private service, events),
// `dir/x.svc.testing.{h,cc}`, and with grpc=true `dir/x.svc.grpc.{h,cc}`.
std::vector<GeneratedFile> EmitFile(const Model& model, const FileModel& file,
                                    const Parameters& parameters);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_
