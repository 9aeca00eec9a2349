// Reports heap allocations per iteration next to a benchmark's timings.
#ifndef CPPSVC_BENCH_ALLOCATIONS_H_
#define CPPSVC_BENCH_ALLOCATIONS_H_

#include "benchmark/benchmark.h"
#include "support/allocation_counter.h"

namespace cppsvc::bench {

// Counts the allocations made while it is alive (the benchmark loop) and
// adds them to the benchmark's counters as `allocs/op`.
class AllocationScope {
 public:
  explicit AllocationScope(benchmark::State& state)
      : state_(state), before_(cppsvc::testing::AllocationCount()) {}
  ~AllocationScope() {
    state_.counters["allocs/op"] =
        benchmark::Counter(static_cast<double>(cppsvc::testing::AllocationCount() - before_),
                           benchmark::Counter::kAvgIterations);
  }

 private:
  benchmark::State& state_;
  size_t before_;
};

}  // namespace cppsvc::bench

#endif  // CPPSVC_BENCH_ALLOCATIONS_H_
