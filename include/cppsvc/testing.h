// Conversion tests: run one call through a version chain from JSON files.
//
// For each proto file the plugin writes `<stem>.svc.testing.h`, with one
// function per public method of the file's services, deprecated ones included,
// e.g. `acme::people::v1::svc::testing::RunCreateConversionTest`; in a
// file that declares several services the service is part of the name
// (`RunPeopleCreateConversionTest`). A test is four files of protobuf's
// canonical JSON:
//
//   public_input    the request a client sends to the public method
//   private_input   the request the private implementation must receive
//   private_output  the response the private implementation returns
//   public_output   the response the client must receive
//
// The generated function builds the domain's chain (with any overrides) over
// a fake private implementation, calls the public method as a client would
// (its version's validation runs, and the private validator runs before the
// fake, as in production), and returns OkStatus() or an error whose message
// lists every problem found:
//
//   acme.people.v1.People.Create conversion test: 2 problems
//   - acme.people.private.People.Create received a request that differs from in.json:
//       age: expected 36, got 35
//   - the response differs from out.json:
//       unexpected person.email: "dane@example.com"
//
// Example (any test framework):
//   acme::people::v1::svc::testing::ConversionParams params;
//   params.public_input = "testdata/v1/create-request.json";
//   ...
//   acme::people::private_::svc::PeopleChainOverrides overrides;
//   overrides.v1_converter = &my_v1_converter;
//   absl::Status status =
//       acme::people::v1::svc::testing::RunCreateConversionTest(params, overrides);
//   EXPECT_TRUE(status.ok()) << status;
//
// The functions below are what the generated code is made of; they are also
// usable on their own.
#ifndef CPPSVC_TESTING_H_
#define CPPSVC_TESTING_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace cppsvc::testing {

// The four JSON files of one conversion test (see the file comment). Each
// generated testing namespace names this type `ConversionParams`.
struct ConversionParams {
  std::string public_input;    // the request a client sends
  std::string private_input;   // the request the implementation must receive
  std::string private_output;  // the response the implementation returns
  std::string public_output;   // the response the client must receive
};

// The contents of the file at `path`. An error (NotFound, PermissionDenied,
// ...) names the path.
absl::StatusOr<std::string> ReadFile(const std::string& path);

// Replaces `message` with the protobuf canonical JSON in the file at `path`,
// parsed with default options: proto field names and lowerCamel JSON names,
// enum values by name or number, RFC 3339 timestamps, 64-bit integers as
// numbers or strings; an unknown field is an error. Errors name the path:
// ReadFile's, or InvalidArgument for text that is not such JSON.
absl::Status ParseJsonFile(const std::string& path, google::protobuf::Message& message);

// How `actual` differs from `expected` (proto equality, as
// google::protobuf::util::MessageDifferencer compares): empty when they are
// equal, otherwise one line per differing value, each ending in '\n':
//
//   person.age: expected 36, got 35
//   missing person.first_name: "Dane"     (expected, absent in actual)
//   unexpected person.email: "d@h.com"    (in actual, not expected)
//
// Paths use proto field names and `[index]` for repeated elements. Both
// messages must be of the same type.
std::string Diff(const google::protobuf::Message& expected,
                 const google::protobuf::Message& actual);

// One run of a conversion test: the files, the private call the fake
// expects, and every problem found. Generated code drives it:
//
//   ConversionTest test(params, "acme.people.v1.People.Create",
//                       "acme.people.private.People.Create");
//   if (!test.Load(request, expected_private_request, private_response,
//                  expected_response)) {
//     return test.Result();
//   }
//   FakePeople implementation(test);  // every method calls AnswerPrivate
//   PeopleChain chain(implementation, overrides);
//   return test.Finish(chain.v1().Create(request, &response), response);
class ConversionTest {
 public:
  // `method` is the full name of the public method under test,
  // `private_method` that of the private method it must reach.
  ConversionTest(const ConversionParams& params, std::string method, std::string private_method);
  ConversionTest(const ConversionTest&) = delete;
  ConversionTest& operator=(const ConversionTest&) = delete;

  // Parses the four files into these messages, which this object keeps
  // referring to: they must outlive it. Returns false when any file could not
  // be read or parsed (each one is a problem).
  bool Load(google::protobuf::Message& public_input, google::protobuf::Message& private_input,
            google::protobuf::Message& private_output, google::protobuf::Message& public_output);

  // What the fake private implementation does for a call of `method` (a full
  // name): for the expected method, records how `request` differs from the
  // expected private input, copies the private output into `response` and
  // returns OkStatus(); any other method is a problem and Unimplemented.
  absl::Status AnswerPrivate(absl::string_view method, const google::protobuf::Message& request,
                             google::protobuf::Message* response);

  // Records the outcome of the public call: its error status, or else a
  // private method that was never called and how `response` differs from
  // the expected public output. Returns Result().
  absl::Status Finish(const absl::Status& status, const google::protobuf::Message& response);

  // OkStatus() when nothing went wrong. Otherwise an error whose message
  // names the method and lists every problem, one per `- ` line (a
  // difference is followed by its indented Diff lines). Its code is that of
  // the first problem: the file's error for an unreadable or invalid file,
  // the call's own code when the call failed, Internal for a difference.
  absl::Status Result() const;

 private:
  void AddProblem(absl::StatusCode code, std::string problem);
  void Parse(const std::string& path, google::protobuf::Message& message);

  const ConversionParams params_;
  const std::string method_;
  const std::string private_method_;
  const google::protobuf::Message* private_input_ = nullptr;
  const google::protobuf::Message* private_output_ = nullptr;
  const google::protobuf::Message* public_output_ = nullptr;
  int private_calls_ = 0;
  absl::StatusCode code_ = absl::StatusCode::kOk;
  std::vector<std::string> problems_;
};

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTING_H_
