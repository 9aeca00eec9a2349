#include "plugin/emit/sections.h"

#include "absl/strings/str_cat.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {

void UseMessage(Sections& sections, const pb::Descriptor* type) {
  if (type->file() == sections.file) return;  // the header includes its own .pb.h
  sections.forward[{names::ProtoNamespace(type->file()->package()), ""}].insert(
      names::ClassName(type));
  sections.source_includes.insert(names::ProtoHeader(type->file()));
}

void UseGenerated(Sections& sections, const pb::FileDescriptor* file, const std::string& name) {
  if (file == sections.file) return;
  const std::string outer = names::QualifiedGeneratedNamespace(file->package()).substr(2);
  sections.forward[{outer, names::FileInlineNamespace(file)}].insert(name);
  sections.source_includes.insert(names::HeaderFile(file));
}

void CallGenerated(Sections& sections, const pb::FileDescriptor* file) {
  if (file == sections.file) return;
  sections.source_includes.insert(names::HeaderFile(file));
}

}  // namespace cppsvc::plugin
