#include "cppsvc/testing.h"

#include <cerrno>
#include <cstdio>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "cppsvc/internal/status_macros.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"

namespace cppsvc::testing {
namespace {

using ::google::protobuf::Message;
using ::google::protobuf::util::MessageDifferencer;

// MessageDifferencer's stream format, worded for an expected message (left)
// and an actual one (right).
class DiffReporter : public MessageDifferencer::StreamReporter {
 public:
  using StreamReporter::StreamReporter;

  void ReportAdded(const Message& /*expected*/, const Message& actual,
                   const std::vector<MessageDifferencer::SpecificField>& path) override {
    Print("unexpected ");
    PrintPath(path, /*left_side=*/false);
    Print(": ");
    PrintValue(actual, path, /*left_side=*/false);
    Print("\n");
  }

  void ReportDeleted(const Message& expected, const Message& /*actual*/,
                     const std::vector<MessageDifferencer::SpecificField>& path) override {
    Print("missing ");
    PrintPath(path, /*left_side=*/true);
    Print(": ");
    PrintValue(expected, path, /*left_side=*/true);
    Print("\n");
  }

  void ReportModified(const Message& expected, const Message& actual,
                      const std::vector<MessageDifferencer::SpecificField>& path) override {
    const google::protobuf::FieldDescriptor* field = path.back().field;
    if (field == nullptr) {  // an unknown field: keep the stock wording
      StreamReporter::ReportModified(expected, actual, path);
      return;
    }
    // A message is reported as modified after each of its differing fields.
    if (field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) return;
    PrintPath(path, /*left_side=*/true);
    Print(": expected ");
    PrintValue(expected, path, /*left_side=*/true);
    Print(", got ");
    PrintValue(actual, path, /*left_side=*/false);
    Print("\n");
  }
};

// `indent` before every line of `text`, without its final '\n'.
std::string Indent(absl::string_view text, absl::string_view indent) {
  return absl::StrCat(indent, absl::StrReplaceAll(absl::StripSuffix(text, "\n"),
                                                  {{"\n", absl::StrCat("\n", indent)}}));
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return absl::ErrnoToStatus(errno, absl::StrCat("cannot open ", path));
  }
  std::string content;
  char buffer[8192];
  size_t size;
  while ((size = std::fread(buffer, 1, sizeof(buffer), file)) > 0) {
    content.append(buffer, size);
  }
  const int error = std::ferror(file) ? errno : 0;
  std::fclose(file);
  if (error != 0) return absl::ErrnoToStatus(error, absl::StrCat("cannot read ", path));
  return content;
}

absl::Status ParseJsonFile(const std::string& path, google::protobuf::Message& message) {
  CPPSVC_ASSIGN_OR_RETURN(const std::string json, ReadFile(path));
  message.Clear();
  const auto status = google::protobuf::util::JsonStringToMessage(json, &message);
  if (status.ok()) return absl::OkStatus();
  message.Clear();
  // protobuf adds lines that quote the text around the error: keep the error.
  const std::string error(status.message());
  return absl::InvalidArgumentError(absl::StrCat(path, ": invalid JSON for ", message.GetTypeName(),
                                                 ": ", error.substr(0, error.find('\n'))));
}

std::string Diff(const google::protobuf::Message& expected,
                 const google::protobuf::Message& actual) {
  std::string diff;
  {
    google::protobuf::io::StringOutputStream output(&diff);
    DiffReporter reporter(&output);  // writes through when destroyed
    reporter.SetMessages(expected, actual);
    MessageDifferencer differencer;
    differencer.ReportDifferencesTo(&reporter);
    differencer.Compare(expected, actual);
  }
  return diff;
}

ConversionTest::ConversionTest(const ConversionParams& params, std::string method,
                               std::string private_method)
    : params_(params), method_(std::move(method)), private_method_(std::move(private_method)) {}

bool ConversionTest::Load(google::protobuf::Message& public_input,
                          google::protobuf::Message& private_input,
                          google::protobuf::Message& private_output,
                          google::protobuf::Message& public_output) {
  const size_t problems = problems_.size();
  Parse(params_.public_input, public_input);
  Parse(params_.private_input, private_input);
  Parse(params_.private_output, private_output);
  Parse(params_.public_output, public_output);
  private_input_ = &private_input;
  private_output_ = &private_output;
  public_output_ = &public_output;
  return problems_.size() == problems;
}

absl::Status ConversionTest::AnswerPrivate(absl::string_view method,
                                           const google::protobuf::Message& request,
                                           google::protobuf::Message* response) {
  if (method != private_method_) {
    AddProblem(absl::StatusCode::kInternal,
               absl::StrCat(method, " was called instead of ", private_method_));
    return absl::UnimplementedError(absl::StrCat(method, " is not part of this conversion test"));
  }
  if (private_input_ == nullptr) {
    return absl::FailedPreconditionError("ConversionTest::Load was not called");
  }
  ++private_calls_;
  const std::string diff = Diff(*private_input_, request);
  if (!diff.empty()) {
    AddProblem(absl::StatusCode::kInternal,
               absl::StrCat(method, " received a request that differs from ", params_.private_input,
                            ":\n", Indent(diff, "    ")));
  }
  response->CopyFrom(*private_output_);
  return absl::OkStatus();
}

absl::Status ConversionTest::Finish(const absl::Status& status,
                                    const google::protobuf::Message& response) {
  if (!status.ok()) {
    AddProblem(status.code(), absl::StrCat("the call failed: ", status.ToString()));
    return Result();
  }
  if (private_calls_ != 1) {
    AddProblem(absl::StatusCode::kInternal, absl::StrCat(private_method_, " was called ",
                                                         private_calls_, " times instead of once"));
  }
  if (public_output_ != nullptr) {
    const std::string diff = Diff(*public_output_, response);
    if (!diff.empty()) {
      AddProblem(absl::StatusCode::kInternal,
                 absl::StrCat("the response differs from ", params_.public_output, ":\n",
                              Indent(diff, "    ")));
    }
  }
  return Result();
}

absl::Status ConversionTest::Result() const {
  if (problems_.empty()) return absl::OkStatus();
  return absl::Status(code_, absl::StrCat(method_, " conversion test: ", problems_.size(),
                                          problems_.size() == 1 ? " problem\n" : " problems\n",
                                          absl::StrJoin(problems_, "\n")));
}

void ConversionTest::AddProblem(absl::StatusCode code, std::string problem) {
  if (problems_.empty()) code_ = code;
  problems_.push_back(absl::StrCat("- ", problem));
}

void ConversionTest::Parse(const std::string& path, google::protobuf::Message& message) {
  absl::Status status = ParseJsonFile(path, message);
  if (!status.ok()) AddProblem(status.code(), std::string(status.message()));
}

}  // namespace cppsvc::testing
