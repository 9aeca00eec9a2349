// Requests of the people example that several tests send: the Go plugin's
// example person, as v1 and as v2 clients write it.
#ifndef CPPSVC_TESTS_SUPPORT_PEOPLE_REQUESTS_H_
#define CPPSVC_TESTS_SUPPORT_PEOPLE_REQUESTS_H_

#include "acme/people/v1/people.pb.h"
#include "acme/people/v2/people.pb.h"

namespace cppsvc::testing {

inline constexpr char kPersonId[] = "f95616f1-23e3-4694-8658-8082b0a18267";

// A valid v1 create: first and last name, EMPLOYED, a road bike.
inline acme::people::v1::CreateRequest V1CreateRequest() {
  acme::people::v1::CreateRequest request;
  request.set_id(kPersonId);
  request.set_first_name("Dane");
  request.set_last_name("Harrigan");
  request.set_employment(acme::people::v1::Person::EMPLOYED);
  request.mutable_hobby()->mutable_biking()->set_style("road");
  return request;
}

// A valid v2 create: full name, age 25, FULL_TIME, road cycling.
inline acme::people::v2::CreateRequest V2CreateRequest() {
  acme::people::v2::CreateRequest request;
  request.set_id(kPersonId);
  request.set_full_name("Dane Harrigan");
  request.set_age(25);
  request.set_employment(acme::people::v2::Person::FULL_TIME);
  request.mutable_hobby()->mutable_cycling()->set_style("road");
  return request;
}

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_PEOPLE_REQUESTS_H_
