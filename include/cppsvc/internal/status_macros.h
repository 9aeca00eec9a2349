// Early returns on an error absl::Status or absl::StatusOr, for the runtime,
// the tools and generated code. Abseil 20220623 ships no such macros (its
// status_macros.h is internal to Google), so these follow the usual
// RETURN_IF_ERROR / ASSIGN_OR_RETURN shape. Not part of the public API: they
// may change with any runtime version.
#ifndef CPPSVC_INTERNAL_STATUS_MACROS_H_
#define CPPSVC_INTERNAL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns `expr` (an absl::Status) from the enclosing function when it is not
// OK.
#define CPPSVC_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::absl::Status cppsvc_status_ = (expr);          \
    if (!cppsvc_status_.ok()) return cppsvc_status_; \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); returns its status from the
// enclosing function when it is not OK, else moves its value into `lhs`,
// which may declare a variable (`CPPSVC_ASSIGN_OR_RETURN(auto x, F());`).
// A statement, not an expression: one per line.
#define CPPSVC_ASSIGN_OR_RETURN(lhs, rexpr) \
  CPPSVC_ASSIGN_OR_RETURN_IMPL_(CPPSVC_STATUS_CONCAT_(cppsvc_statusor_, __LINE__), lhs, rexpr)

#define CPPSVC_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = *std::move(statusor)

#define CPPSVC_STATUS_CONCAT_(a, b) CPPSVC_STATUS_CONCAT_INNER_(a, b)
#define CPPSVC_STATUS_CONCAT_INNER_(a, b) a##b

#endif  // CPPSVC_INTERNAL_STATUS_MACROS_H_
