// What the emitters of one concern contribute to a package's output files.
#ifndef CPPSVC_PLUGIN_EMIT_SECTIONS_H_
#define CPPSVC_PLUGIN_EMIT_SECTIONS_H_

#include <set>
#include <string>
#include <vector>

namespace cppsvc::plugin {

struct Sections {
  std::set<std::string> header_includes;  // "path" of #include "path"
  std::set<std::string> source_includes;
  std::vector<std::string> header_blocks;  // inside the generated namespace
  std::vector<std::string> source_blocks;  // inside the generated namespace
};

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_SECTIONS_H_
