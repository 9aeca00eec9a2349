#include "plugin/model/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace cppsvc::plugin {

std::string Diagnostic::ToString() const {
  if (file.empty()) return message;
  if (line == 0) return absl::StrCat(file, ": ", message);
  return absl::StrCat(file, ":", line, ":", column, ": ", message);
}

void Diagnostics::ErrorInFile(const google::protobuf::FileDescriptor* file,
                              std::string message) {
  Add(file == nullptr ? "" : file->name(), 0, 0, std::move(message));
}

void Diagnostics::Add(std::string file, int line, int column,
                      std::string message) {
  diagnostics_.push_back(
      Diagnostic{std::move(file), line, column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = diagnostics_;
  auto key = [](const Diagnostic& d) {
    return std::tie(d.file, d.line, d.column, d.message);
  };
  std::sort(sorted.begin(), sorted.end(),
            [&](const Diagnostic& a, const Diagnostic& b) {
              return key(a) < key(b);
            });
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [&](const Diagnostic& a, const Diagnostic& b) {
                             return key(a) == key(b);
                           }),
               sorted.end());
  return sorted;
}

std::string Diagnostics::Render() const {
  std::string out;
  for (const Diagnostic& diagnostic : Sorted()) {
    absl::StrAppend(&out, diagnostic.ToString(), "\n");
  }
  return out;
}

}  // namespace cppsvc::plugin
