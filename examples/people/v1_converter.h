// The example's override of v1's converter: v2 merged v1's first and last
// names into full_name and added a required age, which a v1 request does not
// carry. Filling them here lets v1 clients keep working unchanged.
#ifndef EXAMPLES_PEOPLE_V1_CONVERTER_H_
#define EXAMPLES_PEOPLE_V1_CONVERTER_H_

#include "acme/people/v1/people.svc.h"
#include "acme/people/v2/people.pb.h"  // the v2 types this override fills

namespace example {

class PeopleV1Converter : public acme::people::v1::svc::Converter {
 public:
  using Converter::ToNext;  // keep the generated overloads for other messages

  absl::Status ToNext(const acme::people::v1::CreateRequest& in,
                      acme::people::v2::CreateRequest& out) const override {
    absl::Status status = Converter::ToNext(in, out);  // the generated mapping
    out.set_full_name(in.first_name() + " " + in.last_name());
    out.set_age(36);  // v1 never asked; the private API requires an adult
    return status;
  }
};

}  // namespace example

#endif  // EXAMPLES_PEOPLE_V1_CONVERTER_H_
