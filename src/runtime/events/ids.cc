// Event ids and clocks (SPEC §7): RFC 4122 version-4 UUIDs and epoch millis.
#include <array>
#include <cstdint>
#include <string>

#include "absl/random/random.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cppsvc/events.h"

namespace cppsvc::events {
namespace {

// One generator per thread: absl::BitGen is seeded from the OS once and is
// not thread-safe, so sharing one would need a lock on the pack path.
absl::BitGen& ThreadBitGen() {
  thread_local absl::BitGen gen;
  return gen;
}

constexpr char kHex[] = "0123456789abcdef";

// Writes the 8 bytes of `value` (most significant first) as 16 hex digits,
// skipping the dash positions of the canonical 8-4-4-4-12 layout.
char* PutHex(uint64_t value, int bytes, char* out, std::array<int, 2> dashes_after,
             int* written) {
  for (int i = bytes - 1; i >= 0; --i) {
    const auto byte = static_cast<unsigned>((value >> (8 * i)) & 0xff);
    *out++ = kHex[byte >> 4];
    *out++ = kHex[byte & 0xf];
    ++*written;
    if (*written == dashes_after[0] || *written == dashes_after[1]) *out++ = '-';
  }
  return out;
}

}  // namespace

std::string NewEventId() {
  absl::BitGen& gen = ThreadBitGen();
  uint64_t high = absl::Uniform<uint64_t>(gen);
  uint64_t low = absl::Uniform<uint64_t>(gen);
  // RFC 4122 §4.4: version 4 in the high nibble of byte 6, variant 10xx in
  // the top bits of byte 8.
  high = (high & ~uint64_t{0xf000}) | uint64_t{0x4000};
  low = (low & ~(uint64_t{0xc0} << 56)) | (uint64_t{0x80} << 56);
  std::string id(36, '\0');
  char* out = id.data();
  int written = 0;
  out = PutHex(high, 8, out, {4, 6}, &written);  // 8-4-4
  *out++ = '-';
  written = 0;
  PutHex(low, 8, out, {2, 0}, &written);  // 4-12
  return id;
}

int64_t NowMillis() { return absl::ToUnixMillis(absl::Now()); }

}  // namespace cppsvc::events
