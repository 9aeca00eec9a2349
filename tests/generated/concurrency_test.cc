// Threads over one service chain: every thread calls v1 and v2 of the same
// chain at once (as gRPC does), and every thread builds its own chain at the
// same moment, racing on the first use of the generated defaults (default
// converters and validators, built on first use). CTest runs each test in
// its own process, so that first use really is the first. Results are
// checked here; scripts/test-tsan.sh runs this under ThreadSanitizer.
#include <atomic>

#include "acme/people/private/people.svc.h"
#include "gtest/gtest.h"
#include "support/people_requests.h"
#include "support/run_together.h"
#include "v1_converter.h"  // the example's v1 override

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;

using ::cppsvc::testing::RunTogether;

constexpr int kThreads = 8;
constexpr int kRounds = 200;

// Thread-safe: no state.
class StatelessPeople : public priv::svc::People {
 public:
  absl::Status Create(const priv::CreateRequest& request, priv::CreateResponse* response) override {
    priv::Person* person = response->mutable_person();
    person->set_id(request.id());
    person->set_full_name(request.full_name());
    person->set_first_name(request.first_name());
    person->set_last_name(request.last_name());
    person->set_employment(request.employment());
    *person->mutable_hobby() = request.hobby();
    return absl::OkStatus();
  }
  absl::Status Fetch(const priv::GetRequest& request, priv::GetResponse* response) override {
    response->mutable_person()->set_id(request.id());
    return absl::OkStatus();
  }
  absl::Status Delete(const priv::DeleteRequest&, priv::DeleteResponse*) override {
    return absl::OkStatus();
  }
  absl::Status List(const priv::ListRequest&, priv::ListResponse*) override {
    return absl::OkStatus();
  }
  absl::Status Batch(const priv::BatchRequest&, priv::BatchResponse*) override {
    return absl::OkStatus();
  }
  absl::Status Ping(const priv::PingRequest&, priv::PingResponse*) override {
    return absl::OkStatus();
  }
};

priv::svc::PeopleChainOverrides Overrides() {
  static const example::PeopleV1Converter* const v1_converter = new example::PeopleV1Converter;
  priv::svc::PeopleChainOverrides overrides;
  overrides.v1_converter = v1_converter;
  return overrides;
}

// Both versions' Create, through the whole chain, checked on the way back.
bool CreateBothVersions(priv::svc::PeopleChain& chain) {
  v1::CreateResponse v1_response;
  v2::CreateResponse v2_response;
  return chain.v1().Create(::cppsvc::testing::V1CreateRequest(), &v1_response).ok() &&
         v1_response.person().id() == ::cppsvc::testing::kPersonId &&
         chain.v2().Create(::cppsvc::testing::V2CreateRequest(), &v2_response).ok() &&
         v2_response.person().full_name() == "Dane Harrigan";
}

TEST(ChainConcurrencyTest, ChainsBuiltAtOnceOnFirstUseOfTheDefaults) {
  StatelessPeople implementation;
  std::atomic<int> failures{0};
  RunTogether(kThreads, [&](int) {
    priv::svc::PeopleChain chain(implementation, Overrides());
    if (!CreateBothVersions(chain)) failures.fetch_add(1);
  });
  EXPECT_EQ(failures.load(), 0);
}

TEST(ChainConcurrencyTest, OneChainCalledFromManyThreads) {
  StatelessPeople implementation;
  priv::svc::PeopleChain chain(implementation, Overrides());
  std::atomic<int> failures{0};
  RunTogether(kThreads, [&](int) {
    for (int i = 0; i < kRounds; ++i) {
      if (!CreateBothVersions(chain)) failures.fetch_add(1);
    }
  });
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
