// libFuzzer target: the plugin's whole pipeline in-process on a mutated
// CodeGeneratorRequest, as protoc-gen-cpp-svc runs it under protoc.
//
// Replicates protobuf 3.21's compiler/plugin.cc (PluginMain -> GenerateCode):
// parse the request, BuildFile() every proto_file into a fresh DescriptorPool
// (an input whose files do not build is skipped, as the real plugin gives up
// on it), look up file_to_generate, then run cppsvc::plugin::GenerateFiles
// with the request's parameter and discard what it returns (files or
// diagnostics). Anything the sanitizers report, a crash or a hang is a bug.
// Seeds: tests/fuzz/corpus/plugin/ (tests/fuzz/seeds/write_plugin_seeds.sh).
//
// Mutation is structure-aware (LLVMFuzzerCustomMutator below): most of a
// request's bytes are its dependencies (protoc sends descriptor.proto with its
// comments: 50 KB of the example's 80), and protobuf's parser and
// DescriptorPool are not instrumented, so raw-byte mutation mostly breaks the
// request or one of those files (measured: 7% of raw mutants parse, 5% build).
// The mutator usually mutates the serialized bytes of one file to generate,
// or the parameter, and re-assembles the request; one mutation in 16 is a
// plain libFuzzer one. CPPSVC_FUZZ_RAW=1 turns the custom part off (to
// compare); CPPSVC_FUZZ_STATS=1 prints how far the inputs got, at exit.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "google/protobuf/compiler/plugin.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/logging.h"
#include "plugin/generator.h"

namespace {

// BuildFile's errors are expected on mutated input; keep them quiet.
class QuietErrors : public google::protobuf::DescriptorPool::ErrorCollector {
 public:
  void AddError(const std::string&, const std::string&, const google::protobuf::Message*,
                ErrorLocation, const std::string&) override {}
  void AddWarning(const std::string&, const std::string&, const google::protobuf::Message*,
                  ErrorLocation, const std::string&) override {}
};

// How far inputs got (CPPSVC_FUZZ_STATS=1).
struct Stats {
  size_t inputs = 0, parsed = 0, built = 0, generated = 0, diagnosed = 0;
  ~Stats() {
    if (std::getenv("CPPSVC_FUZZ_STATS") == nullptr) return;
    std::fprintf(stderr,
                 "plugin_fuzzer: %zu inputs, %zu parsed, %zu built, %zu generated files, "
                 "%zu rejected with diagnostics\n",
                 inputs, parsed, built, generated, diagnosed);
  }
} stats;

}  // namespace

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  static const bool raw = std::getenv("CPPSVC_FUZZ_RAW") != nullptr;
  std::minstd_rand random(seed);
  google::protobuf::compiler::CodeGeneratorRequest request;
  if (raw || random() % 16 == 0 || !request.ParseFromArray(data, static_cast<int>(size))) {
    return LLVMFuzzerMutate(data, size, max_size);
  }
  // The files to generate (protoc sends them last, after their imports).
  std::vector<int> targets;
  for (int i = 0; i < request.proto_file_size(); ++i) {
    for (const std::string& name : request.file_to_generate()) {
      if (request.proto_file(i).name() == name) targets.push_back(i);
    }
  }
  // A mutation of a file's bytes often no longer parses: try a few.
  bool mutated = false;
  for (int attempt = 0; attempt < 8 && !mutated; ++attempt) {
    const size_t pick = random() % (targets.size() + 1);
    std::string bytes = pick == targets.size()
                            ? request.parameter()
                            : request.proto_file(targets[pick]).SerializeAsString();
    const size_t old_size = bytes.size();
    const size_t grown = old_size + 64 + old_size / 8;
    bytes.resize(grown);
    bytes.resize(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(bytes.data()), old_size, grown));
    if (pick == targets.size()) {
      request.set_parameter(bytes);
      mutated = true;
    } else {
      mutated = request.mutable_proto_file(targets[pick])->ParseFromString(bytes);
    }
  }
  if (!mutated) return LLVMFuzzerMutate(data, size, max_size);
  const std::string out = request.SerializeAsString();
  if (out.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, out.data(), out.size());
  return out.size();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool quiet = [] {
    google::protobuf::SetLogHandler(nullptr);  // protobuf's own GOOGLE_LOG lines
    return true;
  }();
  (void)quiet;
  ++stats.inputs;

  google::protobuf::compiler::CodeGeneratorRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return 0;
  ++stats.parsed;

  google::protobuf::DescriptorPool pool;
  QuietErrors errors;
  for (const google::protobuf::FileDescriptorProto& file : request.proto_file()) {
    if (pool.BuildFileCollectingErrors(file, &errors) == nullptr) return 0;
  }
  std::vector<const google::protobuf::FileDescriptor*> files;
  for (const std::string& name : request.file_to_generate()) {
    const google::protobuf::FileDescriptor* file = pool.FindFileByName(name);
    if (file == nullptr) return 0;  // protoc never sends this; the plugin reports it
    files.push_back(file);
  }
  ++stats.built;

  std::string warnings;
  absl::StatusOr<std::vector<cppsvc::plugin::GeneratedFile>> generated =
      cppsvc::plugin::GenerateFiles(files, request.parameter(), &warnings);
  // Touch the output so nothing is optimised away.
  size_t total = warnings.size();
  if (generated.ok()) {
    ++stats.generated;
    for (const auto& file : *generated) total += file.name.size() + file.content.size();
  } else {
    ++stats.diagnosed;
    total += generated.status().message().size();
  }
  volatile size_t sink = total;
  (void)sink;
  return 0;
}
