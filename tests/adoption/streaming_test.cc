// Streaming RPCs in a chain: the unary RPCs of the same services are served,
// the streaming ones are in no generated class (and a service with only
// streaming RPCs gets an empty chain). Services in domains without a private
// package generate nothing, so their names and streaming RPCs are accepted
// and the run's validators are generated.
#include <type_traits>

#include "acme/stream/private/stream.svc.h"
#include "acme/tools/tools.svc.h"
#include "ctr/services/version/v1/version.svc.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::acme::stream::v1;
namespace priv = ::acme::stream::private_;

// Implements only the unary RPCs: the interface has no streaming ones (an
// implementation that must also define them would be abstract).
class Feed : public priv::svc::Feed {
 public:
  absl::Status Get(const priv::GetRequest& request, priv::Item* response) override {
    response->set_id(request.id());
    response->set_text("got");
    return absl::OkStatus();
  }
  absl::Status Put(const priv::Item&, priv::Ack* response) override {
    response->set_count(1);
    return absl::OkStatus();
  }
};

class Tail : public priv::svc::Tail {};

static_assert(!std::is_abstract_v<Feed>);
static_assert(!std::is_abstract_v<Tail>);

TEST(AdoptionStreamingTest, UnaryRpcsOfAMixedServiceAreServed) {
  Feed implementation;
  priv::svc::FeedChain chain(implementation);
  v1::GetRequest request;
  request.set_id("i1");
  v1::Item item;
  ASSERT_TRUE(chain.v1().Get(request, &item).ok());
  EXPECT_EQ(item.id(), "i1");
  EXPECT_EQ(item.text(), "got");
  v1::Item put;
  put.set_id("i2");
  v1::Ack ack;
  ASSERT_TRUE(chain.v1().Put(put, &ack).ok());
  EXPECT_EQ(ack.count(), 1);
}

TEST(AdoptionStreamingTest, AnAllStreamingServiceHasAnEmptyChain) {
  Tail implementation;
  priv::svc::TailChain chain(implementation);
  (void)chain.v1();
  (void)chain.v2();
}

TEST(AdoptionNotGeneratedTest, ServicesWithoutAChainDoNotBlockValidators) {
  ::ctr::services::version::v1::VersionResponse response;
  EXPECT_FALSE(::ctr::services::version::v1::svc::Validate(response).ok());
  response.set_version("1.7");
  EXPECT_TRUE(::ctr::services::version::v1::svc::Validate(response).ok());
  ::acme::tools::Job job;
  EXPECT_FALSE(::acme::tools::svc::Validate(job).ok());
}

}  // namespace
