// The tests' differences between the protobuf versions the project builds
// with (3.21 as in Debian bookworm, and 31): base classes whose virtual
// functions changed signature, and the names protoc gives C++20 keywords.
// The plugin's and the runtime's own differences are in src/plugin/compat.h
// and cppsvc/internal/protobuf_compat.h.
#ifndef CPPSVC_TESTS_SUPPORT_PROTOBUF_COMPAT_H_
#define CPPSVC_TESTS_SUPPORT_PROTOBUF_COMPAT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "cppsvc/internal/protobuf_version.h"
#include "google/protobuf/compiler/importer.h"
#if CPPSVC_PROTOBUF_VERSION >= 4022000
#include "absl/log/globals.h"
#else
#include "google/protobuf/stubs/logging.h"
#endif

namespace cppsvc::testing {

// compiler::SourceTree::Open takes absl::string_view since protobuf 22.
class SourceTreeBase : public ::google::protobuf::compiler::SourceTree {
 public:
  virtual ::google::protobuf::io::ZeroCopyInputStream* OpenFile(const std::string& name) = 0;
#if CPPSVC_PROTOBUF_VERSION >= 4022000
  ::google::protobuf::io::ZeroCopyInputStream* Open(absl::string_view name) override {
    return OpenFile(std::string(name));
  }
#else
  ::google::protobuf::io::ZeroCopyInputStream* Open(const std::string& name) override {
    return OpenFile(name);
  }
#endif
};

// compiler::MultiFileErrorCollector reports through RecordError
// (absl::string_view) since protobuf 26, AddError before.
class FileErrorsBase : public ::google::protobuf::compiler::MultiFileErrorCollector {
 public:
  virtual void OnError(absl::string_view filename, int line, int column,
                       absl::string_view message) = 0;
#if CPPSVC_PROTOBUF_VERSION >= 5026000
  void RecordError(absl::string_view filename, int line, int column,
                   absl::string_view message) override {
    OnError(filename, line, column, message);
  }
#else
  void AddError(const std::string& filename, int line, int column,
                const std::string& message) override {
    OnError(filename, line, column, message);
  }
#endif
};

// Silences protobuf's error log (e.g. one line per invalid UTF-8 string
// parsed) while in scope: its own LogSilencer up to 3.21, Abseil logging,
// which protobuf 22 and later log through, after.
class QuietProtobufLogs {
 public:
#if CPPSVC_PROTOBUF_VERSION >= 4022000
  QuietProtobufLogs() : previous_(absl::MinLogLevel()) {
    absl::SetMinLogLevel(absl::LogSeverityAtLeast::kInfinity);
  }
  ~QuietProtobufLogs() { absl::SetMinLogLevel(previous_); }

 private:
  absl::LogSeverityAtLeast previous_;
#else
 private:
  ::google::protobuf::LogSilencer silencer_;
#endif
};

}  // namespace cppsvc::testing

// The C++ name protoc gives a field, method or message named after a C++20
// keyword (co_await, requires, char8_t, ...): protobuf 27 and later append
// `_`, as for the C++17 keywords; 3.21 keeps the name (not a keyword in
// C++17, which generated code is compiled as).
#if CPPSVC_PROTOBUF_VERSION >= 5027000
#define CPPSVC_CXX20_KEYWORD(name) name##_
#else
#define CPPSVC_CXX20_KEYWORD(name) name
#endif

#endif  // CPPSVC_TESTS_SUPPORT_PROTOBUF_COMPAT_H_
