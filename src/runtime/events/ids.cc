// Event ids and clocks (docs/reference/events.md): RFC 4122 version-4 UUIDs and epoch millis.
//
// Ids come from a per-thread xoshiro256** generator seeded once per thread
// (and again in a forked child) from absl::BitGen, which is seeded from the
// OS. xoshiro256** is not cryptographic: event ids must be unique, not
// unguessable, and 122 random bits from a 256-bit state seeded by the OS are
// that. It is ~10x cheaper than drawing from absl::BitGen per id, which is
// what keeps the id off the pack path's profile.
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>

#if defined(__unix__) || defined(__APPLE__)
#include <pthread.h>
#define CPPSVC_HAVE_PTHREAD_ATFORK 1
#endif

#include "absl/random/random.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cppsvc/events.h"
#include "ids_internal.h"

namespace cppsvc::events {
namespace {

// Bumped in the child after fork(): a child must not repeat the ids its
// parent goes on to draw from the same state.
std::atomic<uint64_t> fork_generation{1};

#ifdef CPPSVC_HAVE_PTHREAD_ATFORK
void OnForkChild() { fork_generation.fetch_add(1, std::memory_order_relaxed); }
#endif

// Trivially constructible, so thread_local costs no init guard per call.
struct Xoshiro256 {
  uint64_t s[4];
  uint64_t generation;  // 0: not seeded on this thread yet

  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t Next() {
    const uint64_t result = Rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = Rotl(s[3], 45);
    return result;
  }

  void Seed() {
#ifdef CPPSVC_HAVE_PTHREAD_ATFORK
    static std::once_flag registered;
    std::call_once(registered, [] { pthread_atfork(nullptr, nullptr, &OnForkChild); });
#endif
    absl::BitGen os_seeded;
    do {
      for (uint64_t& word : s) word = absl::Uniform<uint64_t>(os_seeded);
    } while ((s[0] | s[1] | s[2] | s[3]) == 0);  // the one state xoshiro cannot leave
    generation = fork_generation.load(std::memory_order_relaxed);
  }
};

thread_local Xoshiro256 thread_generator{};

Xoshiro256& ThreadGenerator() {
  Xoshiro256& gen = thread_generator;
  if (gen.generation != fork_generation.load(std::memory_order_relaxed)) gen.Seed();
  return gen;
}

// "000102...ff": two hex digits per byte value.
struct HexPairs {
  char digits[512];
  constexpr HexPairs() : digits() {
    constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 256; ++i) {
      digits[2 * i] = kHex[i >> 4];
      digits[2 * i + 1] = kHex[i & 0xf];
    }
  }
};
constexpr HexPairs kHexPairs;

// `bytes` bytes of `value`, most significant first, as 2 * bytes hex digits.
inline char* PutHex(uint64_t value, int bytes, char* out) {
  for (int i = bytes - 1; i >= 0; --i) {
    std::memcpy(out, &kHexPairs.digits[2 * ((value >> (8 * i)) & 0xff)], 2);
    out += 2;
  }
  return out;
}

}  // namespace

namespace internal {

void WriteNewEventId(char* out) {
  Xoshiro256& gen = ThreadGenerator();
  uint64_t high = gen.Next();
  uint64_t low = gen.Next();
  // RFC 4122 §4.4: version 4 in the high nibble of byte 6, variant 10xx in
  // the top bits of byte 8; the other 122 bits random.
  high = (high & ~uint64_t{0xf000}) | uint64_t{0x4000};
  low = (low & ~(uint64_t{0xc0} << 56)) | (uint64_t{0x80} << 56);
  // 8-4-4-4-12
  out = PutHex(high >> 32, 4, out);
  *out++ = '-';
  out = PutHex(high >> 16, 2, out);
  *out++ = '-';
  out = PutHex(high, 2, out);
  *out++ = '-';
  out = PutHex(low >> 48, 2, out);
  *out++ = '-';
  PutHex(low, 6, out);
}

}  // namespace internal

std::string NewEventId() {
  char id[internal::kEventIdSize];
  internal::WriteNewEventId(id);
  return std::string(id, sizeof(id));
}

// absl::Now interpolates the kernel clock with the cycle counter: ~20 ns
// where clock_gettime (std::chrono::system_clock) measured ~45 ns here.
int64_t NowMillis() { return absl::ToUnixMillis(absl::Now()); }

}  // namespace cppsvc::events
