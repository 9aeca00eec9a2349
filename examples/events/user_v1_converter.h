// The example's override of acme.user.v1's converter: v2 split the account
// holder's name into given and family names. The generated upcast copies the
// whole name into given_name (nothing is lost); this splits it at the last
// space, which is what the team decided v1 names mean.
#ifndef EXAMPLES_EVENTS_USER_V1_CONVERTER_H_
#define EXAMPLES_EVENTS_USER_V1_CONVERTER_H_

#include <string>

#include "acme/user/v1/user.svc.h"

namespace example {

class UserV1Converter : public acme::user::v1::svc::Converter {
 public:
  using Converter::ToNext;  // keep the generated overloads for other messages

  absl::Status ToNext(const acme::user::v1::AccountCreated& in,
                      acme::user::v2::AccountCreated& out) const override {
    absl::Status status = Converter::ToNext(in, out);  // the generated mapping
    const std::string& name = in.name();
    const size_t space = name.rfind(' ');
    if (space != std::string::npos) {
      out.set_given_name(name.substr(0, space));
      out.set_family_name(name.substr(space + 1));
    }
    return status;
  }
};

}  // namespace example

#endif  // EXAMPLES_EVENTS_USER_V1_CONVERTER_H_
