// The example's private implementation: an in-memory store of people. It only
// knows the private API; every public version reaches it through the chain.
#ifndef EXAMPLES_PEOPLE_PEOPLE_STORE_H_
#define EXAMPLES_PEOPLE_PEOPLE_STORE_H_

#include <map>
#include <string>

#include "acme/people/private/people.svc.h"

namespace example {

class PeopleStore : public acme::people::private_::svc::People {
 public:
  using Request = acme::people::private_::CreateRequest;

  absl::Status Create(const acme::people::private_::CreateRequest& request,
                      acme::people::private_::CreateResponse* response) override;
  absl::Status Fetch(const acme::people::private_::GetRequest& request,
                     acme::people::private_::GetResponse* response) override;
  absl::Status Delete(const acme::people::private_::DeleteRequest& request,
                      acme::people::private_::DeleteResponse* response) override;
  absl::Status List(const acme::people::private_::ListRequest& request,
                    acme::people::private_::ListResponse* response) override;
  absl::Status Batch(const acme::people::private_::BatchRequest& request,
                     acme::people::private_::BatchResponse* response) override;
  absl::Status Ping(const acme::people::private_::PingRequest& request,
                    acme::people::private_::PingResponse* response) override;

  // The last request Create received, as the implementation saw it.
  const acme::people::private_::CreateRequest& last_create() const { return last_create_; }

 private:
  std::map<std::string, acme::people::private_::Person> people_;
  acme::people::private_::CreateRequest last_create_;
};

}  // namespace example

#endif  // EXAMPLES_PEOPLE_PEOPLE_STORE_H_
