#include "plugin/generator.h"

#include <cstring>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/compiler/plugin.pb.h"
#include "google/protobuf/io/zero_copy_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "plugin/model/builder.h"
#include "plugin/naming/names.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {
namespace {

absl::Status WriteToContext(const GeneratedFile& file,
                            google::protobuf::compiler::GeneratorContext& context) {
  std::unique_ptr<google::protobuf::io::ZeroCopyOutputStream> output(context.Open(file.name));
  void* data = nullptr;
  int size = 0;
  size_t written = 0;
  while (written < file.content.size()) {
    if (!output->Next(&data, &size)) {
      return absl::InternalError(absl::StrCat("could not write ", file.name));
    }
    const size_t chunk = std::min(static_cast<size_t>(size), file.content.size() - written);
    std::memcpy(data, file.content.data() + written, chunk);
    written += chunk;
    if (chunk < static_cast<size_t>(size)) output->BackUp(size - static_cast<int>(chunk));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status GenerateFiles(const std::vector<const google::protobuf::FileDescriptor*>& files,
                           const std::string& parameter, const FileSink& sink,
                           std::string* warnings, bool from_protoc,
                           const SourceLocations* locations) {
  absl::StatusOr<Parameters> parameters = ParseParameters(parameter);
  if (!parameters.ok()) return parameters.status();
  parameters->from_protoc = from_protoc;
  const names::ScopedNameCache name_cache;
  Diagnostics diagnostics;
  diagnostics.UseSourceLocations(locations);
  std::unique_ptr<const Model> model = BuildModel(files, *parameters, diagnostics);
  if (!parameters->ignored.empty()) {
    diagnostics.Note(
        absl::StrCat("ignored parameters of the Go plugins, which mean nothing for C++ output: ",
                     absl::StrJoin(parameters->ignored, ", ")));
  }
  // warnings=off silences warnings and notes; errors are returned below.
  if (warnings != nullptr && parameters->warnings) {
    *warnings += diagnostics.Render(/*warnings=*/true);
  }
  if (!diagnostics.empty()) {
    const size_t count = diagnostics.Sorted().size();
    return absl::InvalidArgumentError(absl::StrCat(count, count == 1 ? " problem" : " problems",
                                                   " in the proto files:\n", diagnostics.Render()));
  }
  for (const auto& file : model->files()) {
    for (GeneratedFile& output : EmitFile(*model, *file, *parameters)) {
      absl::Status written = sink(std::move(output));
      if (!written.ok()) return written;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<GeneratedFile>> GenerateFiles(
    const std::vector<const google::protobuf::FileDescriptor*>& files, const std::string& parameter,
    std::string* warnings, bool from_protoc) {
  std::vector<GeneratedFile> generated;
  absl::Status status = GenerateFiles(
      files, parameter,
      [&](GeneratedFile file) {
        generated.push_back(std::move(file));
        return absl::OkStatus();
      },
      warnings, from_protoc);
  if (!status.ok()) return status;
  return generated;
}

bool CppSvcGenerator::Generate(const google::protobuf::FileDescriptor* file,
                               const std::string& parameter,
                               google::protobuf::compiler::GeneratorContext* context,
                               std::string* error) const {
  return GenerateAll({file}, parameter, context, error);
}

bool CppSvcGenerator::GenerateAll(const std::vector<const google::protobuf::FileDescriptor*>& files,
                                  const std::string& parameter,
                                  google::protobuf::compiler::GeneratorContext* context,
                                  std::string* error) const {
  // Warnings go to stderr, which protoc and buf pass on to the user; the
  // plugin protocol of protobuf 3.21 has no place for them.
  std::string warnings;
  google::protobuf::compiler::Version version;
  context->GetCompilerVersion(&version);
  const bool from_protoc = version.major() != 0 || version.minor() != 0;
  absl::Status status = GenerateFiles(
      files, parameter, [&](GeneratedFile file) { return WriteToContext(file, *context); },
      &warnings, from_protoc);
  if (!warnings.empty()) std::cerr << warnings << std::flush;
  if (!status.ok()) {
    std::string message(status.message());
    if (!message.empty() && message.back() == '\n') message.pop_back();
    *error = message;
    return false;
  }
  return true;
}

}  // namespace cppsvc::plugin
