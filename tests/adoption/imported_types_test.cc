// Types from imported files that are not generated in the same run: enums and
// messages of a shared package (acme.common) and well-known types
// (google.protobuf.NullValue, Struct), in singular, repeated, map and oneof
// fields of a three-version chain. The same type on both sides is copied as
// it is; a shared enum that private replaces with its own maps by value name.
#include "acme/ex/private/ex.svc.h"
#include "gtest/gtest.h"

namespace {

namespace common = ::acme::common;
namespace v1 = ::acme::ex::v1;
namespace priv = ::acme::ex::private_;

class EchoPrices : public priv::svc::Prices {
 public:
  absl::Status Quote(const priv::Price& request, priv::Price* response) override {
    received = request;
    *response = request;
    if (answer_settle_in != 0) {
      response->set_settle_in(static_cast<priv::Currency>(answer_settle_in));
    }
    return absl::OkStatus();
  }
  priv::Price received;
  int answer_settle_in = 0;
};

v1::Price FullPrice() {
  v1::Price price;
  price.set_sku("sku-1");
  price.set_currency(common::CURRENCY_USD);
  price.mutable_amount()->set_units(12);
  price.mutable_amount()->set_currency(common::CURRENCY_EUR);
  price.add_accepted(common::CURRENCY_EUR);
  price.add_accepted(common::CURRENCY_USD);
  (*price.mutable_by_region())["eu"] = common::CURRENCY_EUR;
  price.set_nothing(google::protobuf::NULL_VALUE);
  (*price.mutable_attributes()->mutable_fields())["color"].set_string_value("red");
  price.set_settle_in(common::CURRENCY_USD);
  price.mutable_cash()->set_units(3);
  price.add_history()->set_units(7);
  return price;
}

TEST(AdoptionImportedTypesTest, ReachPrivateAndComeBackEqual) {
  EchoPrices implementation;
  priv::svc::PricesChain chain(implementation);
  const v1::Price sent = FullPrice();
  v1::Price response;
  ASSERT_TRUE(chain.v1().Quote(sent, &response).ok());
  const priv::Price& got = implementation.received;
  EXPECT_EQ(got.currency(), common::CURRENCY_USD);
  EXPECT_EQ(got.amount().units(), 12);
  EXPECT_EQ(got.amount().currency(), common::CURRENCY_EUR);
  ASSERT_EQ(got.accepted_size(), 2);
  EXPECT_EQ(got.accepted(1), common::CURRENCY_USD);
  EXPECT_EQ(got.by_region().at("eu"), common::CURRENCY_EUR);
  EXPECT_EQ(got.attributes().fields().at("color").string_value(), "red");
  EXPECT_EQ(got.settle_in(), priv::CURRENCY_USD);  // mapped by name
  EXPECT_EQ(got.cash().units(), 3);
  EXPECT_EQ(got.history(0).units(), 7);
  EXPECT_EQ(response.SerializeAsString(), sent.SerializeAsString());
}

TEST(AdoptionImportedTypesTest, SharedEnumCarriesUnknownNumbersAsTheyAre) {
  // Copied as it is, not mapped: an open enum's unknown number survives.
  EchoPrices implementation;
  priv::svc::PricesChain chain(implementation);
  v1::Price sent = FullPrice();
  sent.set_currency(static_cast<common::Currency>(42));
  v1::Price response;
  ASSERT_TRUE(chain.v1().Quote(sent, &response).ok());
  EXPECT_EQ(static_cast<int>(implementation.received.currency()), 42);
  EXPECT_EQ(static_cast<int>(response.currency()), 42);
}

TEST(AdoptionImportedTypesTest, PrivateValueWithoutPublicReceiverFailsBack) {
  EchoPrices implementation;
  implementation.answer_settle_in = priv::CURRENCY_GBP;
  priv::svc::PricesChain chain(implementation);
  v1::Price response;
  const absl::Status status = chain.v1().Quote(FullPrice(), &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
}

TEST(AdoptionImportedTypesTest, ValidatorsCheckOwnFieldsNotImportedTypes) {
  EchoPrices implementation;
  priv::svc::PricesChain chain(implementation);
  v1::Price missing = FullPrice();
  missing.clear_sku();
  missing.clear_amount();
  v1::Price response;
  const absl::Status status = chain.v1().Quote(missing, &response);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("sku"), absl::string_view::npos) << status;
  EXPECT_NE(status.message().find("amount"), absl::string_view::npos) << status;
}

}  // namespace
