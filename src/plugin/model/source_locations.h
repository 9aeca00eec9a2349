// Where the elements of a proto file are, for files whose descriptors were
// built without their SourceCodeInfo.
//
// A CodeGeneratorRequest carries SourceCodeInfo for every file to generate:
// on a large tree it is most of the request, and kept in the descriptor pool
// it was most of the plugin's memory (each Location a message of its own).
// The plugin needs it only to point diagnostics at a line and column, so it
// keeps each file's SourceCodeInfo serialized (a fraction of its parsed
// size) and reads a file's back only when a diagnostic in that file asks.
#ifndef CPPSVC_PLUGIN_MODEL_SOURCE_LOCATIONS_H_
#define CPPSVC_PLUGIN_MODEL_SOURCE_LOCATIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"

namespace cppsvc::plugin {

class SourceLocations {
 public:
  // Keeps `info`, the SourceCodeInfo of the file named `file`.
  void Add(const std::string& file, const google::protobuf::SourceCodeInfo& info);
  // The same, already serialized (as it arrives in a request).
  void Add(const std::string& file, std::string serialized_info);

  // The 0-based start line and column of the element at `path` in `file`,
  // as FileDescriptor::GetSourceLocation gives them (the first location
  // with that path). False when unknown.
  bool Find(const std::string& file, const std::vector<int>& path, int* line, int* column) const;

 private:
  absl::flat_hash_map<std::string, std::string> serialized_;
  // Files read back so far (diagnostics are few, and often in one file).
  mutable absl::flat_hash_map<std::string, std::unique_ptr<google::protobuf::SourceCodeInfo>>
      parsed_;
};

// The SourceCodeInfo path of an element, as descriptor.proto numbers it:
// {4, i} for the i-th top-level message, then {3, j} for a nested one,
// {2, k} for a field, and so on.
std::vector<int> LocationPath(const google::protobuf::Descriptor* message);
std::vector<int> LocationPath(const google::protobuf::FieldDescriptor* field);
std::vector<int> LocationPath(const google::protobuf::OneofDescriptor* oneof);
std::vector<int> LocationPath(const google::protobuf::EnumDescriptor* enumeration);
std::vector<int> LocationPath(const google::protobuf::EnumValueDescriptor* value);
std::vector<int> LocationPath(const google::protobuf::ServiceDescriptor* service);
std::vector<int> LocationPath(const google::protobuf::MethodDescriptor* method);
std::vector<int> LocationPath(const google::protobuf::FileDescriptor* file);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_SOURCE_LOCATIONS_H_
