// A chain whose files are all optimize_for = LITE_RUNTIME
// (tests/realworld/written/lite): validators, converters and the service
// chain work on MessageLite classes; conversion-test helpers are not
// generated for them (the realworld.lite test asserts the warning).
#include <type_traits>

#include "acme/notes/private/notes.svc.h"
#include "google/protobuf/message.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::acme::notes::v1;
namespace v2 = ::acme::notes::v2;
namespace priv = ::acme::notes::private_;

static_assert(!std::is_base_of_v<google::protobuf::Message, v1::Note>,
              "the tree must be compiled as LITE_RUNTIME");
static_assert(!std::is_base_of_v<google::protobuf::Message, priv::Note>,
              "the tree must be compiled as LITE_RUNTIME");

class EchoNotes : public priv::svc::Notes {
 public:
  absl::Status Create(const priv::CreateRequest& request, priv::CreateResponse* response) override {
    received = request;
    *response->mutable_note() = request.note();
    return absl::OkStatus();
  }
  priv::CreateRequest received;
};

v1::CreateRequest V1Request() {
  v1::CreateRequest request;
  v1::Note* note = request.mutable_note();
  note->set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  note->set_title("Groceries");
  note->set_body("milk, eggs");
  note->set_color(v1::COLOR_WARM);
  note->add_tags("home");
  return request;
}

TEST(LiteChainTest, V1ReachesPrivateWithItsDeprecatedFieldAndComesBack) {
  EchoNotes implementation;
  priv::svc::NotesChain chain(implementation);
  v1::CreateResponse response;
  ASSERT_EQ(chain.v1().Create(V1Request(), &response), absl::OkStatus());
  EXPECT_EQ(implementation.received.note().title(), "Groceries");
  EXPECT_EQ(implementation.received.note().body(),
            "milk, eggs");  // carried past v2
  EXPECT_EQ(implementation.received.note().color(), priv::COLOR_WARM);
  EXPECT_EQ(response.note().title(), "Groceries");
  EXPECT_EQ(response.note().body(), "milk, eggs");
  EXPECT_EQ(response.note().color(), v1::COLOR_WARM);
  ASSERT_EQ(response.note().tags_size(), 1);
}

TEST(LiteChainTest, V2IsValidated) {
  EchoNotes implementation;
  priv::svc::NotesChain chain(implementation);
  v2::CreateRequest request;
  request.mutable_note()->set_id("not-a-uuid");
  request.mutable_note()->set_title("ab");
  v2::CreateResponse response;
  const absl::Status status = chain.v2().Create(request, &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_NE(status.message().find("must be a valid UUID"), absl::string_view::npos) << status;
  EXPECT_NE(status.message().find("the length must be no less than 3"), absl::string_view::npos)
      << status;
}

}  // namespace
