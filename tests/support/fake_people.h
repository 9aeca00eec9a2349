// The people example's private service as tests fake it: records what it
// receives and answers with the person it was given, timestamped. RPCs may run
// on a server's threads (tests/grpc), so every member is behind one mutex.
// Needs the generated acme/people/private/people.svc.h on the include path.
#ifndef CPPSVC_TESTS_SUPPORT_FAKE_PEOPLE_H_
#define CPPSVC_TESTS_SUPPORT_FAKE_PEOPLE_H_

#include <cstdint>
#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "acme/people/private/people.svc.h"
#include "support/people_requests.h"

namespace cppsvc::testing {

class FakePeople : public ::acme::people::private_::svc::People {
 public:
  using CreateRequest = ::acme::people::private_::CreateRequest;
  using PingRequest = ::acme::people::private_::PingRequest;
  using Person = ::acme::people::private_::Person;

  absl::Status Create(const CreateRequest& request,
                      ::acme::people::private_::CreateResponse* response) override {
    std::lock_guard<std::mutex> lock(mutex_);
    ++creates_;
    received_create_ = request;
    if (!error_.ok()) return error_;
    Person* person = response->mutable_person();
    person->set_id(request.id());
    person->set_full_name(request.full_name());
    person->set_first_name(request.first_name());
    person->set_last_name(request.last_name());
    person->set_age(request.age());
    person->set_employment(answer_employment_ != 0
                               ? static_cast<Person::Employment>(answer_employment_)
                               : request.employment());
    *person->mutable_hobby() = request.hobby();
    person->mutable_created_at()->set_seconds(1637522265);
    if (drop_names_) {
      person->clear_first_name();
      person->clear_last_name();
    }
    return absl::OkStatus();
  }
  // Always the example person, part-time.
  absl::Status Fetch(const ::acme::people::private_::GetRequest& request,
                     ::acme::people::private_::GetResponse* response) override {
    std::lock_guard<std::mutex> lock(mutex_);
    fetched_id_ = request.id();
    response->mutable_person()->set_id(request.id());
    response->mutable_person()->set_first_name("Dane");
    response->mutable_person()->set_last_name("Harrigan");
    response->mutable_person()->set_employment(Person::PART_TIME);
    return absl::OkStatus();
  }
  absl::Status Delete(const ::acme::people::private_::DeleteRequest&,
                      ::acme::people::private_::DeleteResponse*) override {
    return absl::NotFoundError("record not found");
  }
  // One person, unemployed.
  absl::Status List(const ::acme::people::private_::ListRequest& request,
                    ::acme::people::private_::ListResponse* response) override {
    std::lock_guard<std::mutex> lock(mutex_);
    listed_page_size_ = request.page_size();
    Person* person = response->add_people();
    person->set_id(kPersonId);
    person->set_first_name("Dane");
    person->set_last_name("Harrigan");
    person->set_employment(Person::UNEMPLOYED);
    return absl::OkStatus();
  }
  absl::Status Batch(const ::acme::people::private_::BatchRequest& request,
                     ::acme::people::private_::BatchResponse* response) override {
    for (const CreateRequest& create : request.creates()) {
      response->add_people()->set_id(create.id());
    }
    return absl::OkStatus();
  }
  absl::Status Ping(const PingRequest& request, ::acme::people::private_::PingResponse*) override {
    std::lock_guard<std::mutex> lock(mutex_);
    pinged_ = true;
    received_ping_ = request;
    return absl::OkStatus();
  }

  // What Create answers: this error instead of a person; this employment
  // (an enum number, possibly out of range) instead of the request's; the
  // person without first and last name.
  void set_error(absl::Status error) {
    Locked([&] { error_ = std::move(error); });
  }
  void set_answer_employment(int value) {
    Locked([&] { answer_employment_ = value; });
  }
  void set_drop_names(bool drop) {
    Locked([&] { drop_names_ = drop; });
  }

  int creates() { return Get(creates_); }
  CreateRequest received_create() { return Get(received_create_); }
  std::string fetched_id() { return Get(fetched_id_); }
  uint32_t listed_page_size() { return Get(listed_page_size_); }
  bool pinged() { return Get(pinged_); }
  PingRequest received_ping() { return Get(received_ping_); }

 private:
  template <typename F>
  void Locked(F f) {
    std::lock_guard<std::mutex> lock(mutex_);
    f();
  }
  template <typename T>
  T Get(const T& member) {
    std::lock_guard<std::mutex> lock(mutex_);
    return member;
  }

  std::mutex mutex_;
  int creates_ = 0;
  CreateRequest received_create_;
  PingRequest received_ping_;
  std::string fetched_id_;
  uint32_t listed_page_size_ = 0;
  bool pinged_ = false;
  absl::Status error_;
  int answer_employment_ = 0;
  bool drop_names_ = false;
};

}  // namespace cppsvc::testing

#endif  // CPPSVC_TESTS_SUPPORT_FAKE_PEOPLE_H_
