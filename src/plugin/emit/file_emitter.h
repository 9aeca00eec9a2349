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

// The files of one package: `a/b/v1.svc.{h,cc}`; for a public version also
// `a/b/v1.svc.testing.{h,cc}` (and `a/b/v1.svc.grpc.{h,cc}` with grpc=true);
// for a private package `a/b/private.chain.{h,cc}`.
std::vector<GeneratedFile> EmitPackage(const Model& model, const Package& package,
                                       const Parameters& parameters);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_
