#include "people_store.h"

namespace example {

namespace priv = ::acme::people::private_;

absl::Status PeopleStore::Create(const priv::CreateRequest& request,
                                 priv::CreateResponse* response) {
  last_create_ = request;
  priv::Person& person = people_[request.id()];
  person.set_id(request.id());
  person.set_full_name(request.full_name());
  person.set_first_name(request.first_name());
  person.set_last_name(request.last_name());
  // v2 clients send only the full name; v1 clients still read both parts.
  const size_t space = request.full_name().find(' ');
  if (person.first_name().empty() && space != std::string::npos) {
    person.set_first_name(request.full_name().substr(0, space));
    person.set_last_name(request.full_name().substr(space + 1));
  }
  person.set_age(request.age());
  person.set_employment(request.employment());
  person.set_email(request.email());
  *person.mutable_hobby() = request.hobby();
  person.mutable_created_at()->set_seconds(1637522265);
  *person.mutable_updated_at() = person.created_at();
  *response->mutable_person() = person;
  return absl::OkStatus();
}

absl::Status PeopleStore::Fetch(const priv::GetRequest& request, priv::GetResponse* response) {
  auto found = people_.find(request.id());
  if (found == people_.end()) return absl::NotFoundError("record not found");
  *response->mutable_person() = found->second;
  return absl::OkStatus();
}

absl::Status PeopleStore::Delete(const priv::DeleteRequest& request,
                                 priv::DeleteResponse* /*response*/) {
  if (people_.erase(request.id()) == 0) return absl::NotFoundError("record not found");
  return absl::OkStatus();
}

absl::Status PeopleStore::List(const priv::ListRequest& /*request*/, priv::ListResponse* response) {
  for (const auto& [id, person] : people_) *response->add_people() = person;
  return absl::OkStatus();
}

absl::Status PeopleStore::Batch(const priv::BatchRequest& request, priv::BatchResponse* response) {
  for (const priv::CreateRequest& create : request.creates()) {
    priv::CreateResponse created;
    absl::Status status = Create(create, &created);
    if (!status.ok()) return status;
    *response->add_people() = created.person();
  }
  return absl::OkStatus();
}

absl::Status PeopleStore::Ping(const priv::PingRequest& /*request*/,
                               priv::PingResponse* /*response*/) {
  return absl::OkStatus();
}

}  // namespace example
