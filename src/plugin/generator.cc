#include "plugin/generator.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/internal/status_macros.h"
#include "plugin/model/builder.h"
#include "plugin/naming/names.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {

absl::Status GenerateFiles(const std::vector<const google::protobuf::FileDescriptor*>& files,
                           const std::string& parameter, const FileSink& sink,
                           std::string* warnings, bool from_protoc,
                           const SourceLocations* locations) {
  CPPSVC_ASSIGN_OR_RETURN(Parameters parameters, ParseParameters(parameter));
  parameters.from_protoc = from_protoc;
  const names::ScopedNameCache name_cache;
  Diagnostics diagnostics;
  diagnostics.UseSourceLocations(locations);
  std::unique_ptr<const Model> model = BuildModel(files, parameters, diagnostics);
  if (!parameters.ignored.empty()) {
    diagnostics.Note(
        absl::StrCat("ignored parameters of the Go plugins, which mean nothing for C++ output: ",
                     absl::StrJoin(parameters.ignored, ", ")));
  }
  // warnings=off silences warnings and notes; errors are returned below.
  if (warnings != nullptr && parameters.warnings) {
    *warnings += diagnostics.Render(/*warnings=*/true);
  }
  if (!diagnostics.empty()) {
    const size_t count = diagnostics.Sorted().size();
    return absl::InvalidArgumentError(absl::StrCat(count, count == 1 ? " problem" : " problems",
                                                   " in the proto files:\n", diagnostics.Render()));
  }
  for (const auto& file : model->files()) {
    for (GeneratedFile& output : EmitFile(*model, *file, parameters)) {
      CPPSVC_RETURN_IF_ERROR(sink(std::move(output)));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<GeneratedFile>> GenerateFiles(
    const std::vector<const google::protobuf::FileDescriptor*>& files, const std::string& parameter,
    std::string* warnings, bool from_protoc) {
  std::vector<GeneratedFile> generated;
  CPPSVC_RETURN_IF_ERROR(GenerateFiles(
      files, parameter,
      [&](GeneratedFile file) {
        generated.push_back(std::move(file));
        return absl::OkStatus();
      },
      warnings, from_protoc));
  return generated;
}

}  // namespace cppsvc::plugin
