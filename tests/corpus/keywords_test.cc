// C++ keywords and reserved identifiers (corpus.operator): a keyword package
// segment, keyword enum/value/message/nested message/field/oneof/service/rpc
// names, leading underscores and C macro names. protobuf appends `_` to C++
// keywords (C++20-only ones such as `requires`, `concept`, `co_yield` are left
// as they are under protobuf 3.21); the generated code must use the same names.
#include <string>

#include "corpus/operator/private/keywords.svc.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "support/protobuf_compat.h"

namespace {

namespace v1 = ::corpus::operator_::v1;
namespace priv = ::corpus::operator_::private_;

v1::namespace_ Valid() {
  v1::namespace_ n;
  n.set_class_("c");
  n.set_int_(1);
  n.set_float_(1.5f);
  n.set_bool_(true);
  n.set_return_(v1::delete_);
  n.add_goto_()->set_decltype_("d");
  (*n.CPPSVC_CXX20_KEYWORD(mutable_co_await)())["k"].set_decltype_("k");
  (*n.CPPSVC_CXX20_KEYWORD(mutable_co_await)())["k"].mutable_and_()->set_xor_eq_(9);
  n.CPPSVC_CXX20_KEYWORD(set_requires)("rq");
  n.set__reserved("r");
  n.set___dunder("abc");
  n.set_static_assert_("deprecated");
  n.set_alignas_("renamed");
  n.CPPSVC_CXX20_KEYWORD(add_char8_t)(v1::constexpr_);
  (*n.CPPSVC_CXX20_KEYWORD(mutable_co_return)())[-1] = v1::nullptr_;
  return n;
}

TEST(CorpusKeywordsTest, ValidatorsUseEscapedNames) {
  EXPECT_TRUE(v1::svc::Validate(Valid()).ok()) << v1::svc::Validate(Valid()).ToString();
  v1::namespace_ n = Valid();
  n.clear_class_();
  n.set_int_(-1);
  n.set_return_(v1::constexpr_);
  n.set___dunder("abcd");
  n.CPPSVC_CXX20_KEYWORD(add_char8_t)(v1::nullptr_);
  (*n.CPPSVC_CXX20_KEYWORD(mutable_co_await)())["k"].mutable_and_()->set_xor_eq_(10);
  n.add_goto_();
  n.CPPSVC_CXX20_KEYWORD(set_requires)("r");
  EXPECT_EQ(v1::svc::Validate(n).ToString(),
            "__dunder: the length must be no more than 3; char8_t: (1: must be a valid "
            "value.); class: cannot be blank; co_await: (k: (and: (xor_eq: must be no "
            "greater than 9.).).); goto: (1: (decltype: cannot be blank.).); int: must be "
            "no less than 1; requires: the length must be no less than 2; return: must be a "
            "valid value.");
  v1::namespace_ none = Valid();
  none.clear_asm();
  EXPECT_EQ(v1::svc::Validate(none).ToString(), "Asm: cannot be blank.");
  v1::_Underscore u;
  EXPECT_EQ(v1::svc::Validate(u).ToString(), "DOMAIN: cannot be blank.");
}

TEST(CorpusKeywordsTest, ConvertersMapRenamedKeywords) {
  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  priv::namespace_ p;
  ASSERT_TRUE(converter.ToPrivate(Valid(), p).ok());
  EXPECT_EQ(p.return_(), priv::goto_);            // delete -> goto
  EXPECT_EQ(p.alignof_(), "renamed");             // alignas -> alignof
  EXPECT_EQ(p.static_assert_(), "deprecated");    // carried
  EXPECT_EQ(p.CPPSVC_CXX20_KEYWORD(co_return)().at(-1), priv::nullptr_);
  v1::namespace_ back;
  ASSERT_TRUE(converter.ToDeprecatedPublic(p, back).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(Valid(), back))
      << back.ShortDebugString();
}

class Keywords : public priv::svc::mutable_ {
 public:
  absl::Status throw_(const priv::namespace_& request, priv::template_* response) override {
    received = request;
    *response = request.goto_(0);
    return absl::OkStatus();
  }
  absl::Status catch_(const priv::template_& request, priv::template_* response) override {
    *response = request;
    return absl::OkStatus();
  }
  priv::namespace_ received;
};

class Friend : public priv::svc::friend_ {
 public:
  absl::Status CPPSVC_CXX20_KEYWORD(co_yield)(const priv::template_&,
                                              priv::namespace_* response) override {
    response->set_class_("from friend");
    return absl::OkStatus();
  }
  absl::Status noexcept_(const priv::_Underscore& request, priv::_Underscore* response) override {
    *response = request;
    return absl::OkStatus();
  }
};

TEST(CorpusKeywordsTest, KeywordServicesServeThroughTheChain) {
  Keywords implementation;
  priv::svc::mutable_Chain chain(implementation);
  v1::template_ response;
  ASSERT_TRUE(chain.v1().throw_(Valid(), &response).ok());
  EXPECT_EQ(response.decltype_(), "d");
  EXPECT_EQ(implementation.received.static_assert_(), "deprecated");
  v1::namespace_ invalid = Valid();
  invalid.set_int_(0);
  invalid.clear_class_();
  EXPECT_EQ(chain.v1().throw_(invalid, &response).message(), "class: cannot be blank.");

  Friend friend_implementation;
  priv::svc::friend_Chain friends(friend_implementation);
  v1::template_ request;
  request.set_decltype_("x");
  v1::namespace_ answer;
  ASSERT_TRUE(friends.v1().CPPSVC_CXX20_KEYWORD(co_yield)(request, &answer).ok());
  EXPECT_EQ(answer.class_(), "from friend");
  v1::_Underscore u;
  u.set_domain("d");
  u.set_null("n");
  u.set_eof("e");
  u.set_stdin("s");
  u.set_linux("l");
  v1::_Underscore u_back;
  ASSERT_TRUE(friends.v1().noexcept_(u, &u_back).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(u, u_back));
}

}  // namespace
