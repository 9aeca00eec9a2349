// Threads over the runtime's shared, read-only paths: one Registry and one
// Decoder used by many threads at once (Unpack, UnpackLatest, Dispatch, JSON
// both ways), packing from many threads, and the first use of the generated
// defaults (converters, validators) racing on every thread. Correct results
// are checked here; scripts/test-tsan.sh runs this under ThreadSanitizer,
// which checks that no two threads race.
#include <atomic>
#include <string>

#include "acme/user/v1/user.svc.h"
#include "acme/user/v2/user.svc.h"
#include "cppsvc/events.h"
#include "cppsvc/events/decoder.h"
#include "gtest/gtest.h"
#include "support/run_together.h"
#include "user_v1_converter.h"

namespace {

namespace user_v1 = ::acme::user::v1;
namespace user_v2 = ::acme::user::v2;

using ::cppsvc::testing::RunTogether;

constexpr int kThreads = 8;
constexpr int kRounds = 200;

user_v1::AccountCreated Account(int t, int i) {
  user_v1::AccountCreated created;
  created.set_account_id("5a8f2b1c-3d4e-4f60-8a7b-9c0d1e2f3a4b");
  created.set_name("Ada Lovelace");
  created.set_email("ada" + std::to_string(t) + "_" + std::to_string(i) + "@example.com");
  return created;
}

// The first Unpack of a v1 event into v2 builds the default converters and
// validators; every thread gets there at the same moment.
TEST(EventsConcurrencyTest, FirstUseOfGeneratedDefaultsFromManyThreads) {
  std::atomic<int> failures{0};
  RunTogether(kThreads, [&](int t) {
    std::string bytes;
    if (!user_v1::svc::PackTo(Account(t, 0), &bytes).ok()) failures.fetch_add(1);
    user_v2::AccountCreated latest;
    if (!user_v2::svc::Unpack(bytes, &latest).ok() ||
        latest.email_address() != Account(t, 0).email()) {
      failures.fetch_add(1);
    }
  });
  EXPECT_EQ(failures.load(), 0);
}

TEST(EventsConcurrencyTest, OneRegistryAndOneDecoderSharedByManyThreads) {
  example::UserV1Converter v1_converter;
  cppsvc::events::Registry registry;
  ASSERT_TRUE(user_v1::svc::RegisterEvents(registry).ok());
  ASSERT_TRUE(user_v2::svc::RegisterEvents(registry).ok());
  registry.converters().Use(v1_converter);
  std::atomic<int> handled{0};
  registry.On<user_v2::AccountCreated>(
      [&](const user_v2::AccountCreated& event, const cppsvc::events::Envelope&) {
        if (event.family_name() == "Lovelace") handled.fetch_add(1);
        return absl::OkStatus();
      });
  const cppsvc::events::Decoder decoder(registry);
  std::atomic<int> failures{0};
  RunTogether(kThreads, [&](int t) {
    for (int i = 0; i < kRounds; ++i) {
      absl::StatusOr<cppsvc::events::Envelope> envelope = user_v1::svc::Pack(Account(t, i));
      if (!envelope.ok()) {
        failures.fetch_add(1);
        continue;
      }
      if (!registry.Dispatch(envelope->SerializeAsString()).ok()) failures.fetch_add(1);
      if (!registry.UnpackLatest(*envelope).ok()) failures.fetch_add(1);
      absl::StatusOr<std::string> json = decoder.ToJson(*envelope);
      if (!json.ok()) {
        failures.fetch_add(1);
        continue;
      }
      absl::StatusOr<cppsvc::events::Envelope> back = decoder.FromJson(*json);
      if (!back.ok() || back->payload() != envelope->payload()) failures.fetch_add(1);
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(handled.load(), kThreads * kRounds);
}

}  // namespace
