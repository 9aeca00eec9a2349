// Messages, fields, enums, oneofs and packages named after C++ keywords.
#include "gtest/gtest.h"
#include "kw/private/keywords.svc.h"
#include "kw/v1/keywords.svc.h"

namespace {

TEST(KeywordsTest, GeneratedCodeCompilesAndValidates) {
  kw::v1::class_ message;
  EXPECT_EQ(kw::v1::svc::Validate(message).ToString(),
            "Namespace: cannot be blank; delete: cannot be blank.");
  message.set_delete_("f95616f1-23e3-4694-8658-8082b0a18267");
  message.set_new_(0);
  message.set_switch_(kw::v1::int_);
  message.set_typename_("x");
  message.add_default_();
  EXPECT_EQ(kw::v1::svc::Validate(message).ToString(),
            "default: (0: (private: cannot be blank.).); switch: must be a valid value; "
            "typename: the length must be no less than 2.");
  message.mutable_this_()->mutable_register_();
  (*message.mutable_auto_())["k"].set_private_("p");
  EXPECT_EQ(kw::v1::svc::Validate(message).ToString(),
            "default: (0: (private: cannot be blank.).); switch: must be a valid value; "
            "this: (private: cannot be blank; register: (volatile: cannot be blank.).).");
}

TEST(KeywordsTest, KeywordPackageSegmentsAreEscaped) {
  kw::private_::struct_ message;
  message.set_private_("p");
  message.mutable_register_()->set_volatile_(true);
  EXPECT_TRUE(kw::private_::svc::Validate(message).ok());
}

}  // namespace

namespace {

// service virtual { rpc return(class) returns (struct); } as a chain.
class Implementation : public kw::private_::svc::virtual_ {
 public:
  absl::Status return_(const kw::private_::class_& request,
                       kw::private_::struct_* response) override {
    response->set_private_(request.delete_());
    response->mutable_register_()->set_volatile_(true);
    return absl::OkStatus();
  }
};

TEST(KeywordsTest, KeywordServiceAndMethodServeThroughTheChain) {
  Implementation implementation;
  kw::private_::svc::virtual_Chain chain(implementation);
  kw::v1::class_ request;
  request.set_delete_("f95616f1-23e3-4694-8658-8082b0a18267");
  request.set_typename_("ok");
  request.set_switch_(kw::v1::template_);
  kw::v1::struct_ response;
  ASSERT_TRUE(chain.v1().return_(request, &response).ok());
  EXPECT_EQ(response.private_(), "f95616f1-23e3-4694-8658-8082b0a18267");
  EXPECT_TRUE(response.register_().volatile_());
}

}  // namespace
