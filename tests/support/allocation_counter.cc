#include "support/allocation_counter.h"

#include <atomic>
#include <cstdlib>
#include <new>

#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CPPSVC_UNDER_TSAN 1
#endif
#endif

namespace {
std::atomic<size_t> allocations{0};
}  // namespace

#ifdef CPPSVC_UNDER_TSAN
// ThreadSanitizer's static runtime defines the global operator new itself, so
// replacing it is a duplicate symbol. Its allocator calls a hook on every
// user allocation instead; that also counts malloc, so counts under TSan can
// only be higher than in other builds (scripts/test-tsan.sh runs no test that
// asserts an exact count).
#include <sanitizer/allocator_interface.h>

namespace {
void CountAllocation(const volatile void*, size_t) {
  allocations.fetch_add(1, std::memory_order_relaxed);
}
void IgnoreFree(const volatile void*) {}
const bool hooks_installed =
    __sanitizer_install_malloc_and_free_hooks(CountAllocation, IgnoreFree) != 0;
}  // namespace
#else
void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// Every form that ends in the replaced delete must allocate with malloc too:
// libprotobuf uses the nothrow form (map sorting in DebugString), and ASan
// reports new/free mismatches.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
#endif

namespace cppsvc::testing {
size_t AllocationCount() {
#ifdef CPPSVC_UNDER_TSAN
  (void)hooks_installed;
#endif
  return allocations.load(std::memory_order_relaxed);
}
}  // namespace cppsvc::testing
