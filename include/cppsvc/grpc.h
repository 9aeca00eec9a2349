// absl::Status to grpc::Status, for the generated gRPC bindings.
//
// Header-only, so that the cppsvc runtime library itself does not depend on
// gRPC: only targets that serve over gRPC (cppsvc_generate(... GRPC)) include
// it, and they link gRPC::grpc++.
//
// The mapping is 1:1: absl's canonical codes have the numbers of gRPC's
// (InvalidArgument is 3 in both), and the message is kept byte for byte.
// Payloads attached to an absl::Status are not carried over.
//
// Example:
//   ::grpc::Status Create(::grpc::ServerContext*, const CreateRequest* request,
//                         CreateResponse* response) override {
//     return cppsvc::ToGrpcStatus(service_.Create(*request, response));
//   }
#ifndef CPPSVC_GRPC_H_
#define CPPSVC_GRPC_H_

#include <string>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace cppsvc {

namespace grpc_internal {
constexpr bool SameCode(absl::StatusCode absl_code, ::grpc::StatusCode grpc_code) {
  return static_cast<int>(absl_code) == static_cast<int>(grpc_code);
}
static_assert(SameCode(absl::StatusCode::kOk, ::grpc::StatusCode::OK));
static_assert(SameCode(absl::StatusCode::kCancelled, ::grpc::StatusCode::CANCELLED));
static_assert(SameCode(absl::StatusCode::kUnknown, ::grpc::StatusCode::UNKNOWN));
static_assert(SameCode(absl::StatusCode::kInvalidArgument, ::grpc::StatusCode::INVALID_ARGUMENT));
static_assert(SameCode(absl::StatusCode::kDeadlineExceeded, ::grpc::StatusCode::DEADLINE_EXCEEDED));
static_assert(SameCode(absl::StatusCode::kNotFound, ::grpc::StatusCode::NOT_FOUND));
static_assert(SameCode(absl::StatusCode::kAlreadyExists, ::grpc::StatusCode::ALREADY_EXISTS));
static_assert(SameCode(absl::StatusCode::kPermissionDenied, ::grpc::StatusCode::PERMISSION_DENIED));
static_assert(SameCode(absl::StatusCode::kResourceExhausted,
                       ::grpc::StatusCode::RESOURCE_EXHAUSTED));
static_assert(SameCode(absl::StatusCode::kFailedPrecondition,
                       ::grpc::StatusCode::FAILED_PRECONDITION));
static_assert(SameCode(absl::StatusCode::kAborted, ::grpc::StatusCode::ABORTED));
static_assert(SameCode(absl::StatusCode::kOutOfRange, ::grpc::StatusCode::OUT_OF_RANGE));
static_assert(SameCode(absl::StatusCode::kUnimplemented, ::grpc::StatusCode::UNIMPLEMENTED));
static_assert(SameCode(absl::StatusCode::kInternal, ::grpc::StatusCode::INTERNAL));
static_assert(SameCode(absl::StatusCode::kUnavailable, ::grpc::StatusCode::UNAVAILABLE));
static_assert(SameCode(absl::StatusCode::kDataLoss, ::grpc::StatusCode::DATA_LOSS));
static_assert(SameCode(absl::StatusCode::kUnauthenticated, ::grpc::StatusCode::UNAUTHENTICATED));
}  // namespace grpc_internal

// The same code and message. absl::Status::code() is always one of the
// canonical codes above (absl reports any other number as kUnknown).
inline ::grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return ::grpc::Status::OK;
  return ::grpc::Status(static_cast<::grpc::StatusCode>(status.code()),
                        std::string(status.message()));
}

}  // namespace cppsvc

#endif  // CPPSVC_GRPC_H_
