// Assembles a package's output files from the sections its emitters fill.
#ifndef CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_

#include <string>
#include <vector>

#include "plugin/model/model.h"

namespace cppsvc::plugin {

struct GeneratedFile {
  std::string name;  // relative to the output directory
  std::string content;
};

// The header and source of one package: `a/b/v1.svc.h`, `a/b/v1.svc.cc`.
std::vector<GeneratedFile> EmitPackage(const Model& model,
                                       const Package& package);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_FILE_EMITTER_H_
