// What the emitters of one concern contribute to a file's outputs.
#ifndef CPPSVC_PLUGIN_EMIT_SECTIONS_H_
#define CPPSVC_PLUGIN_EMIT_SECTIONS_H_

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "google/protobuf/descriptor.h"

namespace cppsvc::plugin {

struct Sections {
  explicit Sections(const google::protobuf::FileDescriptor* file) : file(file) {}

  const google::protobuf::FileDescriptor* file;  // the proto file being written
  std::set<std::string> header_includes;         // "path" of #include "path"
  std::set<std::string> source_includes;
  // Classes of other files the header names only by reference or pointer,
  // declared instead of including their headers: a header never pulls in the
  // next version's or the private package's headers. Keyed by (namespace,
  // inline namespace; empty for protobuf's classes).
  std::map<std::pair<std::string, std::string>, std::set<std::string>> forward;
  std::vector<std::string> header_blocks;  // inside the generated namespace
  std::vector<std::string> source_blocks;  // inside the generated namespace
};

// The header names protobuf message `type`: another file's message is
// forward-declared there, and its `.pb.h` included by the source.
void UseMessage(Sections& sections, const google::protobuf::Descriptor* type);
// The header names our class `name` generated for `file` (a validator, a
// converter, a service): forward-declared, its `.svc.h` included by the source.
void UseGenerated(Sections& sections, const google::protobuf::FileDescriptor* file,
                  const std::string& name);
// The source calls code generated for `file`: includes its `.svc.h`.
void CallGenerated(Sections& sections, const google::protobuf::FileDescriptor* file);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_SECTIONS_H_
