// A static object that is constructed in place on first use and never
// destroyed: no heap allocation, and safe to use during static destruction.
// Generated code keeps its shared default objects (validators, converters) in
// one. Not part of the public API.
#ifndef CPPSVC_INTERNAL_NO_DESTRUCTOR_H_
#define CPPSVC_INTERNAL_NO_DESTRUCTOR_H_

#include <new>
#include <utility>

namespace cppsvc {
namespace internal {

template <typename T>
class NoDestructor {
 public:
  template <typename... Args>
  explicit NoDestructor(Args&&... args) {
    new (storage_) T(std::forward<Args>(args)...);
  }
  NoDestructor(const NoDestructor&) = delete;
  NoDestructor& operator=(const NoDestructor&) = delete;

  const T& get() const { return *std::launder(reinterpret_cast<const T*>(storage_)); }

 private:
  alignas(T) unsigned char storage_[sizeof(T)];
};

}  // namespace internal
}  // namespace cppsvc

#endif  // CPPSVC_INTERNAL_NO_DESTRUCTOR_H_
