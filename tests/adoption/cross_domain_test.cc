// A message type from another domain with a chain of its own (acme.money:
// v1 renames `cents` to v2's `minor_units`, private adds `ledger`), used by
// each version of acme.shop. Generated in one run, shop's converters call
// money's converters for every hop, in singular, repeated and map fields.
// (Where money has no chain to convert through, or is not in the run, the
// field is a located error instead: DiagnosticsTest.CrossDomain*.)
#include "acme/shop/private/shop.svc.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::acme::shop::v1;
namespace priv = ::acme::shop::private_;

class RecordingOrders : public priv::svc::Orders {
 public:
  absl::Status Place(const priv::Order& request, priv::Order* response) override {
    received = request;
    *response = request;
    response->mutable_total()->set_ledger("books-1");
    response->mutable_total()->set_minor_units(request.total().minor_units() + 1);
    return absl::OkStatus();
  }
  priv::Order received;
};

TEST(AdoptionCrossDomainTest, NestedTypesConvertThroughTheirOwnDomainsChain) {
  RecordingOrders implementation;
  priv::svc::OrdersChain chain(implementation);
  v1::Order order;
  order.set_id("o-1");
  order.mutable_total()->set_cents(150);
  order.mutable_total()->set_currency("EUR");
  order.add_parts()->set_cents(100);
  order.add_parts()->set_cents(50);
  (*order.mutable_by_seller())["s-1"].set_cents(70);

  v1::Order response;
  ASSERT_TRUE(chain.v1().Place(order, &response).ok());

  const priv::Order& got = implementation.received;
  EXPECT_EQ(got.id(), "o-1");
  EXPECT_EQ(got.total().minor_units(), 150);
  EXPECT_EQ(got.total().currency(), "EUR");
  ASSERT_EQ(got.parts_size(), 2);
  EXPECT_EQ(got.parts(1).minor_units(), 50);
  EXPECT_EQ(got.by_seller().at("s-1").minor_units(), 70);

  EXPECT_EQ(response.id(), "o-1");
  EXPECT_EQ(response.total().cents(), 151);  // back through money's chain
  EXPECT_EQ(response.total().currency(), "EUR");
  ASSERT_EQ(response.parts_size(), 2);
  EXPECT_EQ(response.parts(0).cents(), 100);
  EXPECT_EQ(response.by_seller().at("s-1").cents(), 70);
}

}  // namespace
