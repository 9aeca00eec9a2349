// Counts heap allocations made through global operator new in the binary it
// is linked into (tests and benchmarks), to check allocation-free paths.
#ifndef CPPSVC_TESTS_SUPPORT_ALLOCATION_COUNTER_H_
#define CPPSVC_TESTS_SUPPORT_ALLOCATION_COUNTER_H_

#include <cstddef>

namespace cppsvc::testing {

// Allocations made through global operator new since the program started.
size_t AllocationCount();

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_ALLOCATION_COUNTER_H_
