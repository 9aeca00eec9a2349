// Counts heap allocations made by this test binary, to check that validating
// a valid message allocates nothing.
#ifndef CPPSVC_TESTS_GENERATED_ALLOCATION_COUNTER_H_
#define CPPSVC_TESTS_GENERATED_ALLOCATION_COUNTER_H_

#include <cstddef>

namespace cppsvc::testing {

// Allocations made through global operator new since the program started.
size_t AllocationCount();

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_GENERATED_ALLOCATION_COUNTER_H_
