// Builds descriptors in-process from proto text, as protoc would, so the model
// can be tested without spawning protoc. `gen/svc/annotations.proto` and the
// well-known types are importable, as is the example tree.
#ifndef CPPSVC_TESTS_SUPPORT_PROTO_TREE_H_
#define CPPSVC_TESTS_SUPPORT_PROTO_TREE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "google/protobuf/compiler/importer.h"
#include "google/protobuf/descriptor.h"
#include "plugin/model/builder.h"

namespace cppsvc::testing {

class ProtoTree {
 public:
  ProtoTree();
  ~ProtoTree();

  // Adds an in-memory file at `path`.
  ProtoTree& Add(const std::string& path, const std::string& content);
  // Adds an in-memory file that is only imported: on the import path, but not
  // among the files to generate (as protoc's request describes a dependency).
  ProtoTree& AddImported(const std::string& path, const std::string& content);

  // Parses `paths` (in-memory or on the import path). Syntax errors are
  // returned in `errors()` and the failing file is left out.
  std::vector<const google::protobuf::FileDescriptor*> Load(const std::vector<std::string>& paths);
  const std::string& errors() const;

  // Loads every in-memory file, builds the model and returns the rendered
  // diagnostics (empty when none).
  std::string Diagnose(const std::string& parameter = "");
  // The same, but the warnings.
  std::string Warnings(const std::string& parameter = "");

  // Loads every in-memory file and builds the model; fails the current test
  // when there are diagnostics.
  std::unique_ptr<const plugin::Model> Build(const std::string& parameter = "");

 private:
  class Tree;
  class Errors;
  std::unique_ptr<Tree> tree_;
  std::unique_ptr<Errors> errors_;
  std::unique_ptr<google::protobuf::compiler::Importer> importer_;
  std::vector<std::string> added_;
};

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_PROTO_TREE_H_
