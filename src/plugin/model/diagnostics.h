// Collects user-facing problems found while reading the proto tree.
//
// Every mistake in the input is reported as `file:line:col: message`, naming
// the element (`field acme.people.v1.Person.name: ...`). The builder keeps
// going after a problem so that all of them are reported at once, sorted.
#ifndef CPPSVC_PLUGIN_MODEL_DIAGNOSTICS_H_
#define CPPSVC_PLUGIN_MODEL_DIAGNOSTICS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace cppsvc::plugin {

struct Diagnostic {
  std::string file;  // as protoc names it, e.g. acme/people/v1/people.proto
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  std::string message;

  // `file:line:col: message`, or `file: message` without a location.
  std::string ToString() const;
};

class Diagnostics {
 public:
  // Reports a problem at the declaration of `element` (any descriptor type).
  template <typename Descriptor>
  void Error(const Descriptor* element, std::string message) {
    google::protobuf::SourceLocation location;
    const bool found = element->GetSourceLocation(&location);
    Add(FileOf(element)->name(), found ? location.start_line + 1 : 0,
        found ? location.start_column + 1 : 0, std::move(message));
  }
  void ErrorInFile(const google::protobuf::FileDescriptor* file,
                   std::string message);

  bool empty() const { return diagnostics_.empty(); }
  size_t size() const { return diagnostics_.size(); }

  // Sorted by file, line, column, then text; duplicates removed.
  std::vector<Diagnostic> Sorted() const;

  // One line per diagnostic, sorted, newline-terminated.
  std::string Render() const;

 private:
  static const google::protobuf::FileDescriptor* FileOf(
      const google::protobuf::FileDescriptor* file) {
    return file;
  }
  template <typename Descriptor>
  static const google::protobuf::FileDescriptor* FileOf(
      const Descriptor* element) {
    return element->file();
  }
  void Add(std::string file, int line, int column, std::string message);

  std::vector<Diagnostic> diagnostics_;
};

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_DIAGNOSTICS_H_
