// The people example's chain as most tests build it: with a v1 converter
// override (usually the example's own, examples/people/v1_converter.h).
// Needs the generated acme/people/private/people.svc.h on the include path.
#ifndef CPPSVC_TESTS_SUPPORT_PEOPLE_CHAIN_H_
#define CPPSVC_TESTS_SUPPORT_PEOPLE_CHAIN_H_

#include "acme/people/private/people.svc.h"

namespace cppsvc::testing {

// Overrides that use `converter` for v1 and the generated code elsewhere.
// `converter` must outlive the chain built with them.
inline ::acme::people::private_::svc::PeopleChainOverrides V1Overrides(
    const ::acme::people::v1::svc::Converter& converter) {
  ::acme::people::private_::svc::PeopleChainOverrides overrides;
  overrides.v1_converter = &converter;
  return overrides;
}

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_PEOPLE_CHAIN_H_
