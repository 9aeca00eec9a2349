// Numeric version ordering (corpus.order): the chain is v2 -> v9 -> v10 ->
// private, not the string order (v10 < v2 < v9).
#include <type_traits>

#include "corpus/order/private/order.svc.h"
#include "gtest/gtest.h"

namespace {

namespace v2 = ::corpus::order::v2;
namespace v9 = ::corpus::order::v9;
namespace v10 = ::corpus::order::v10;
namespace priv = ::corpus::order::private_;

// v2's next version is v9, v9's is v10, and v10 is the latest (it converts
// straight from private).
static_assert(std::is_same_v<decltype(&v2::svc::Converter::ToNext),
                             absl::Status (v2::svc::Converter::*)(const v2::Item&, v9::Item&) const>);
static_assert(std::is_same_v<decltype(&v9::svc::Converter::ToNext),
                             absl::Status (v9::svc::Converter::*)(const v9::Item&, v10::Item&) const>);
static_assert(std::is_same_v<decltype(static_cast<absl::Status (v10::svc::Converter::*)(
                                          const priv::Item&, v10::Item&) const>(
                                          &v10::svc::Converter::ToPublic)),
                             absl::Status (v10::svc::Converter::*)(const priv::Item&, v10::Item&) const>);

class Orders : public priv::svc::Orders {
 public:
  absl::Status Place(const priv::Item& request, priv::Item* response) override {
    received = request;
    *response = request;
    return absl::OkStatus();
  }
  priv::Item received;
};

TEST(CorpusOrderTest, V2GoesThroughV9AndV10) {
  Orders orders;
  priv::svc::OrdersChain chain(orders);
  v2::Item item;
  item.set_id("i");
  item.set_n(7);
  item.set_kind(v2::A);
  v2::Item response;
  ASSERT_TRUE(chain.v2().Place(item, &response).ok());
  EXPECT_EQ(orders.received.total(), 7);  // n -> count -> total
  EXPECT_EQ(orders.received.kind(), priv::ALPHA);
  EXPECT_EQ(response.n(), 7);
  EXPECT_EQ(response.kind(), v2::A);
  // v9's rule runs only for v9 clients (intermediate versions are not validated).
  item.set_n(10);
  ASSERT_TRUE(chain.v2().Place(item, &response).ok());
  v9::Item v9_item;
  v9_item.set_id("i");
  v9_item.set_count(10);
  v9::Item v9_response;
  EXPECT_EQ(chain.v9().Place(v9_item, &v9_response).ToString(),
            "INVALID_ARGUMENT: count: must be no greater than 9.");
  v10::Item v10_item;
  v10_item.set_count(1);
  v10::Item v10_response;
  EXPECT_EQ(chain.v10().Place(v10_item, &v10_response).ToString(),
            "INVALID_ARGUMENT: id: cannot be blank.");
}

}  // namespace
