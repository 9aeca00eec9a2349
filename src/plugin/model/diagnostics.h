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
#include "plugin/model/source_locations.h"

namespace cppsvc::plugin {

struct Diagnostic {
  std::string file;  // as protoc names it, e.g. acme/people/v1/people.proto
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
  std::string message;
  bool warning = false;  // reported, but generation goes on

  // `file:line:col: message` (`file:line:col: warning: message`), or
  // `file: message` without a location.
  std::string ToString() const;
};

class Diagnostics {
 public:
  // Reports a problem at the declaration of `element` (any descriptor type).
  template <typename Descriptor>
  void Error(const Descriptor* element, std::string message) {
    At(element, std::move(message), /*warning=*/false);
  }
  // A problem at `element` that does not stop generation.
  template <typename Descriptor>
  void Warning(const Descriptor* element, std::string message) {
    At(element, std::move(message), /*warning=*/true);
  }
  void ErrorInFile(const google::protobuf::FileDescriptor* file, std::string message);
  // At an element of `file` given by its SourceCodeInfo path (e.g. {2} for
  // the package statement, {3, i} for the i-th import).
  void AtPath(const google::protobuf::FileDescriptor* file, const std::vector<int>& path,
              std::string message, bool warning);
  // A problem that does not stop generation.
  void WarningInFile(const google::protobuf::FileDescriptor* file, std::string message);

  // Advice that applies to the whole run rather than one element, e.g. how to
  // pass a split chain in one request: printed once after the warnings,
  // however often it is added.
  void Note(std::string message);

  // Where to find locations of files whose descriptors were built without
  // their SourceCodeInfo. Not owned; may be null.
  void UseSourceLocations(const SourceLocations* locations) { locations_ = locations; }

  // True when there is no error (warnings do not count).
  bool empty() const { return Sorted(false).empty(); }

  // Errors (or warnings), sorted by file, line, column, then text; duplicates
  // removed.
  std::vector<Diagnostic> Sorted(bool warnings = false) const;

  // One line per error (or warning), sorted, newline-terminated. Warnings
  // are followed by the notes, `note: ...`, in the order first added.
  std::string Render(bool warnings = false) const;

 private:
  static const google::protobuf::FileDescriptor* FileOf(
      const google::protobuf::FileDescriptor* file) {
    return file;
  }
  template <typename Descriptor>
  static const google::protobuf::FileDescriptor* FileOf(const Descriptor* element) {
    return element->file();
  }
  template <typename Descriptor>
  void At(const Descriptor* element, std::string message, bool warning) {
    google::protobuf::SourceLocation location;
    if (element->GetSourceLocation(&location)) {
      Add(std::string(FileOf(element)->name()), location.start_line + 1, location.start_column + 1,
          std::move(message), warning);
      return;
    }
    // Built without its SourceCodeInfo (the plugin keeps it aside).
    AtPath(FileOf(element), LocationPath(element), std::move(message), warning);
  }
  void Add(std::string file, int line, int column, std::string message, bool warning = false);

  std::vector<Diagnostic> diagnostics_;
  std::vector<std::string> notes_;
  const SourceLocations* locations_ = nullptr;
};

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_DIAGNOSTICS_H_
