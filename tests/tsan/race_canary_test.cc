// Built only with CPPSVC_TSAN (scripts/test-tsan.sh). Proves that the
// ThreadSanitizer run can fail: a plain data race in code of our own
// namespace, the same kind of code as the runtime, must be reported even with
// tests/tsan-suppressions.txt loaded. If a suppression ever matched our own
// code, or the build lost -fsanitize=thread, this test would fail.
#include <gtest/gtest.h>

#include <thread>

namespace cppsvc::testing {
namespace {

// Not static and not inlined away: TSan sees both increments.
[[gnu::noinline]] void Increment(int* counter) { ++*counter; }

void RaceOnPurpose() {
  int counter = 0;
  std::thread other([&counter] { Increment(&counter); });
  Increment(&counter);  // no happens-before with the other thread's write
  other.join();
  std::_Exit(0);  // reached only if TSan did not stop the process
}

TEST(TsanCanary, ReportsADataRaceInOurOwnCode) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  // scripts/test-tsan.sh sets halt_on_error=1: the first report ends the
  // process with TSan's exit code, 66.
  EXPECT_EXIT(RaceOnPurpose(), ::testing::ExitedWithCode(66), "ThreadSanitizer: data race");
}

}  // namespace
}  // namespace cppsvc::testing
