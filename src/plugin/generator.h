// The plugin's pipeline as a function: parameters, model, checks, emitters.
// The executable runs it behind its own streaming reader and writer of the
// plugin protocol (response_stream.h); tests call it in-process.
#ifndef CPPSVC_PLUGIN_GENERATOR_H_
#define CPPSVC_PLUGIN_GENERATOR_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "plugin/emit/file_emitter.h"
#include "plugin/model/source_locations.h"

namespace cppsvc::plugin {

// Parses `parameter`, builds the model of `files` and emits every package.
// On bad input returns InvalidArgument whose message is a summary line
// followed by every diagnostic, one per line, sorted. Warnings (which do not
// stop generation) and notes are appended to `warnings`, one per line, when
// given, unless the parameter warnings=off silences them. `from_protoc`:
// the request came from protoc (it carries a compiler_version).
// Receives each generated file as soon as it is complete, so a run never
// holds more than one proto file's output.
using FileSink = std::function<absl::Status(GeneratedFile file)>;

// Generates `files` (a run's files_to_generate) with `parameter`, passing
// each output to `sink`. Warnings and notes are appended to `warnings` (when
// not null); problems in the protos are an InvalidArgument error, returned
// before any file is generated.
// `locations` (may be null) holds the SourceCodeInfo of files built without it.
absl::Status GenerateFiles(const std::vector<const google::protobuf::FileDescriptor*>& files,
                           const std::string& parameter, const FileSink& sink,
                           std::string* warnings = nullptr, bool from_protoc = false,
                           const SourceLocations* locations = nullptr);

// The same, collecting every output (tests and tools).
absl::StatusOr<std::vector<GeneratedFile>> GenerateFiles(
    const std::vector<const google::protobuf::FileDescriptor*>& files, const std::string& parameter,
    std::string* warnings = nullptr, bool from_protoc = false);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_GENERATOR_H_
