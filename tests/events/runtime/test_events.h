// Hand-made EventBindings for the example's events (what the generated
// RegisterEvents will provide), over plain protoc --cpp_out messages:
//   user.account.created v1, v2   (annotated events; v1 upcasts to v2)
//   user.email.changed v1         (a typed-convention event with a payload)
#ifndef CPPSVC_TESTS_EVENTS_RUNTIME_TEST_EVENTS_H_
#define CPPSVC_TESTS_EVENTS_RUNTIME_TEST_EVENTS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "acme/user/v1/user.pb.h"
#include "acme/user/v2/user.pb.h"
#include "cppsvc/events.h"

namespace cppsvc::events::testing {

inline constexpr EventInfo kAccountCreatedV1{"user.account.created", "v1", "User",
                                             "acme.user.v1.AccountCreated"};
inline constexpr EventInfo kAccountCreatedV2{"user.account.created", "v2", "User",
                                             "acme.user.v2.AccountCreated"};
inline constexpr EventInfo kEmailChangedV1{"user.email.changed", "v1", "User",
                                           "acme.user.v1.EmailChangedPayload"};

EventBinding AccountCreatedV1Binding();
EventBinding AccountCreatedV2Binding();
EventBinding EmailChangedV1Binding();
// All three, registered.
absl::Status RegisterAll(Registry& registry);

// What the generated Pack does: NewEnvelope + the payload bytes.
Envelope Pack(const acme::user::v1::AccountCreated& event, const EventOptions& options = {});
Envelope Pack(const acme::user::v2::AccountCreated& event, const EventOptions& options = {});
Envelope Pack(const acme::user::v1::EmailChanged& event, const EventOptions& options = {});

// A valid v1 AccountCreated with unicode and a large int64.
acme::user::v1::AccountCreated SampleAccountCreated();

}  // namespace cppsvc::events::testing

#endif  // CPPSVC_TESTS_EVENTS_RUNTIME_TEST_EVENTS_H_
