// Helpers that only generated converters and services use. Not part of the
// public API: they may change with any runtime version.
#ifndef CPPSVC_INTERNAL_CONVERT_SUPPORT_H_
#define CPPSVC_INTERNAL_CONVERT_SUPPORT_H_

#include "absl/status/status.h"
#include "cppsvc/internal/status_macros.h"  // CPPSVC_RETURN_IF_ERROR, for generated code

namespace cppsvc {
namespace internal {

// Deprecated fields do not exist in the next version, so a request converted
// forward through the chain loses them. Each version whose request has such
// fields adds a Carry for it on its stack; the version that calls private
// applies them all, oldest first, after converting its own request (docs/reference/conversion.md,
// the Go plugin's mutators). A linked list of stack objects: no allocation.
template <typename PrivateRequest>
class Carry {
 public:
  explicit Carry(const Carry* older) : older_(older) {}
  virtual ~Carry() = default;

  absl::Status ApplyAll(PrivateRequest& request) const {
    if (older_ != nullptr) CPPSVC_RETURN_IF_ERROR(older_->ApplyAll(request));
    return Apply(request);
  }

 protected:
  virtual absl::Status Apply(PrivateRequest& request) const = 0;

 private:
  const Carry* older_;
};

// The Carry of one version: `converter.CarryDeprecated(request, private)`.
template <typename Converter, typename Request, typename PrivateRequest>
class CarryOf final : public Carry<PrivateRequest> {
 public:
  CarryOf(const Converter& converter, const Request& request, const Carry<PrivateRequest>* older)
      : Carry<PrivateRequest>(older), converter_(converter), request_(request) {}

 protected:
  absl::Status Apply(PrivateRequest& request) const override {
    return converter_.CarryDeprecated(request_, request);
  }

 private:
  const Converter& converter_;
  const Request& request_;
};

// A conversion that failed is FailedPrecondition with its text (docs/reference/services.md),
// whatever code an override returned.
inline absl::Status ConversionFailure(const absl::Status& status) {
  if (status.ok() || status.code() == absl::StatusCode::kFailedPrecondition) {
    return status;
  }
  return absl::FailedPreconditionError(status.message());
}

// `override` when set, else the generated default.
template <typename T>
const T& OrDefault(const T* override, const T& default_value) {
  return override != nullptr ? *override : default_value;
}

// Applies `carried` (may be null) to `request`.
template <typename PrivateRequest>
absl::Status ApplyCarried(const Carry<PrivateRequest>* carried, PrivateRequest& request) {
  return carried == nullptr ? absl::OkStatus() : carried->ApplyAll(request);
}

}  // namespace internal
}  // namespace cppsvc

#endif  // CPPSVC_INTERNAL_CONVERT_SUPPORT_H_
