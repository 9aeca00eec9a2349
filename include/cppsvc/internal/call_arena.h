// Helpers that only generated services use. Not part of the public API: they
// may change with any runtime version.
#ifndef CPPSVC_INTERNAL_CALL_ARENA_H_
#define CPPSVC_INTERNAL_CALL_ARENA_H_

#include <cstddef>

#include "google/protobuf/arena.h"
#include "google/protobuf/port_def.inc"  // GOOGLE_PROTOBUF_VERSION

namespace cppsvc {
namespace internal {

// The arena of one call through a service chain. Every message a call makes
// on its way (each hop's converted request and response, the private request
// and the private response the implementation fills) lives only as long as
// the call, so they are created here: the first kBlockSize bytes come from
// this object (on the caller's stack), more from the heap in blocks, and all
// of it is released at once when the call returns. Without it, each message,
// sub-message and string of a hop is a separate heap allocation.
class CallArena {
 public:
  CallArena() : arena_(Options(block_)) {}
  CallArena(const CallArena&) = delete;
  CallArena& operator=(const CallArena&) = delete;

  google::protobuf::Arena* get() { return &arena_; }

  // Enough for the messages of a typical call through three versions; a
  // larger call continues on the heap.
  static constexpr std::size_t kBlockSize = 2048;

 private:
  static google::protobuf::ArenaOptions Options(char* block) {
    google::protobuf::ArenaOptions options;
    options.initial_block = block;
    options.initial_block_size = kBlockSize;
    return options;
  }

  alignas(std::max_align_t) char block_[kBlockSize];
  google::protobuf::Arena arena_;
};

// A message of type T that lives in `arena`. protobuf 3.21 builds an arena
// message only through CreateMessage (its Create would make a message that
// allocates its fields on the heap); newer versions build one through Create
// and no longer have CreateMessage.
template <typename T>
T* NewMessage(google::protobuf::Arena* arena) {
#if GOOGLE_PROTOBUF_VERSION >= 5026000
  return google::protobuf::Arena::Create<T>(arena);
#else
  return google::protobuf::Arena::CreateMessage<T>(arena);
#endif
}

}  // namespace internal
}  // namespace cppsvc

#include "google/protobuf/port_undef.inc"

#endif  // CPPSVC_INTERNAL_CALL_ARENA_H_
