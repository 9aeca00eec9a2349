#include "plugin/model/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace cppsvc::plugin {

std::string Diagnostic::ToString() const {
  const std::string text = warning ? absl::StrCat("warning: ", message) : message;
  if (file.empty()) return text;
  if (line == 0) return absl::StrCat(file, ": ", text);
  return absl::StrCat(file, ":", line, ":", column, ": ", text);
}

void Diagnostics::ErrorInFile(const google::protobuf::FileDescriptor* file, std::string message) {
  Add(file == nullptr ? "" : std::string(file->name()), 0, 0, std::move(message));
}

void Diagnostics::WarningInFile(const google::protobuf::FileDescriptor* file, std::string message) {
  Add(file == nullptr ? "" : std::string(file->name()), 0, 0, std::move(message), true);
}

void Diagnostics::AtPath(const google::protobuf::FileDescriptor* file, const std::vector<int>& path,
                         std::string message, bool warning) {
  google::protobuf::SourceLocation location;
  int line = -1;
  int column = -1;
  if (file->GetSourceLocation(path, &location)) {
    line = location.start_line;
    column = location.start_column;
  } else if (locations_ != nullptr) {
    locations_->Find(std::string(file->name()), path, &line, &column);
  }
  Add(std::string(file->name()), line + 1, column + 1, std::move(message), warning);
}

void Diagnostics::Note(std::string message) {
  if (std::find(notes_.begin(), notes_.end(), message) == notes_.end()) {
    notes_.push_back(std::move(message));
  }
}

void Diagnostics::Add(std::string file, int line, int column, std::string message, bool warning) {
  diagnostics_.push_back(Diagnostic{std::move(file), line, column, std::move(message), warning});
}

std::vector<Diagnostic> Diagnostics::Sorted(bool warnings) const {
  std::vector<Diagnostic> sorted;
  for (const Diagnostic& diagnostic : diagnostics_) {
    if (diagnostic.warning == warnings) sorted.push_back(diagnostic);
  }
  auto key = [](const Diagnostic& d) { return std::tie(d.file, d.line, d.column, d.message); };
  std::sort(sorted.begin(), sorted.end(),
            [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  sorted.erase(
      std::unique(sorted.begin(), sorted.end(),
                  [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
      sorted.end());
  return sorted;
}

std::string Diagnostics::Render(bool warnings) const {
  std::string out;
  for (const Diagnostic& diagnostic : Sorted(warnings)) {
    absl::StrAppend(&out, diagnostic.ToString(), "\n");
  }
  if (!warnings) return out;
  for (const std::string& note : notes_) absl::StrAppend(&out, "note: ", note, "\n");
  return out;
}

}  // namespace cppsvc::plugin
