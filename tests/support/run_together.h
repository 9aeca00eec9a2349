// Starts threads that run at the same moment, for the concurrency tests (and
// ThreadSanitizer, which sees more interleavings when they overlap).
#ifndef CPPSVC_TESTS_SUPPORT_RUN_TOGETHER_H_
#define CPPSVC_TESTS_SUPPORT_RUN_TOGETHER_H_

#include <atomic>
#include <thread>
#include <vector>

namespace cppsvc::testing {

// Runs `body(thread index)` on `threads` threads that wait for each other
// before starting, and joins them.
template <typename Body>
void RunTogether(int threads, Body body) {
  std::atomic<int> ready{0};
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < threads) std::this_thread::yield();
      body(t);
    });
  }
  for (std::thread& thread : running) thread.join();
}

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_RUN_TOGETHER_H_
