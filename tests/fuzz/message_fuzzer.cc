// libFuzzer target: the people example's generated validators, converters and
// service chain on mutated messages (tests/fuzz/message_cases.h gives the
// input format). Each case parses its message, validates it
// (svc::Validate), converts it along the chain (ToNext / ToPrivate /
// ToPublic, with examples/people/v1_converter.h's override of v1 -> v2
// CreateRequest) and sends it through the generated service chain
// (private::svc::PeopleChain, with the same override) to a fake private
// implementation. Cases named kPrivate*Response make the fake answer with the
// fuzzed message, so the chain converts it back to v2 and v1. Errors and
// violations are fine; crashes, sanitizer reports and hangs are not.
// Seeds: tests/fuzz/corpus/message/ (the example's conversion vectors in
// examples/people/testdata/conversions/, by cppsvc_fuzz_message_seeds).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "acme/people/private/people.svc.h"
#include "acme/people/v1/people.svc.h"
#include "acme/people/v2/people.svc.h"
#include "fuzz/message_cases.h"
#include "support/people_chain.h"
#include "support/people_requests.h"
#include "v1_converter.h"

namespace {

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;
using cppsvc::fuzz::MessageCase;

volatile size_t sink;
void Use(const absl::Status& status) { sink = sink + status.message().size(); }
void Use(const cppsvc::Violations& violations) {
  sink = sink + (violations.ok() ? 0 : violations.ToStatus().message().size());
}
void Use(const google::protobuf::Message& message) { sink = sink + message.ByteSizeLong(); }

// Echoes requests into responses, as a store would, unless told to answer
// with a given (fuzzed) response.
class FakePeople : public priv::svc::People {
 public:
  std::optional<priv::CreateResponse> create_answer;
  std::optional<priv::GetResponse> fetch_answer;
  std::optional<priv::ListResponse> list_answer;
  std::optional<priv::BatchResponse> batch_answer;

  absl::Status Create(const priv::CreateRequest& request, priv::CreateResponse* response) override {
    if (create_answer) {
      *response = *create_answer;
      return absl::OkStatus();
    }
    Fill(request, response->mutable_person());
    return absl::OkStatus();
  }
  absl::Status Fetch(const priv::GetRequest& request, priv::GetResponse* response) override {
    if (fetch_answer) {
      *response = *fetch_answer;
      return absl::OkStatus();
    }
    if (request.id().empty()) return absl::NotFoundError("record not found");
    response->mutable_person()->set_id(request.id());
    response->mutable_person()->set_full_name("Dane Harrigan");
    response->mutable_person()->set_employment(priv::Person::PART_TIME);
    return absl::OkStatus();
  }
  absl::Status Delete(const priv::DeleteRequest&, priv::DeleteResponse*) override {
    return absl::NotFoundError("record not found");
  }
  absl::Status List(const priv::ListRequest& request, priv::ListResponse* response) override {
    if (list_answer) {
      *response = *list_answer;
      return absl::OkStatus();
    }
    for (uint32_t i = 0; i < request.page_size() % 4; ++i) {
      response->add_people()->set_id(cppsvc::testing::kPersonId);
    }
    return absl::OkStatus();
  }
  absl::Status Batch(const priv::BatchRequest& request, priv::BatchResponse* response) override {
    if (batch_answer) {
      *response = *batch_answer;
      return absl::OkStatus();
    }
    for (const priv::CreateRequest& create : request.creates())
      Fill(create, response->add_people());
    return absl::OkStatus();
  }
  absl::Status Ping(const priv::PingRequest&, priv::PingResponse*) override {
    return absl::OkStatus();
  }

 private:
  static void Fill(const priv::CreateRequest& request, priv::Person* person) {
    person->set_id(request.id());
    person->set_full_name(request.full_name());
    person->set_first_name(request.first_name());
    person->set_last_name(request.last_name());
    person->set_age(request.age());
    person->set_employment(request.employment());
    *person->mutable_hobby() = request.hobby();
    person->set_email(request.email());
    person->mutable_created_at()->set_seconds(1637522265);
  }
};

// One chain per input: the fake's answers are per input.
struct Chain {
  FakePeople implementation;
  example::PeopleV1Converter v1_converter;
  priv::svc::PeopleChain chain{implementation, ::cppsvc::testing::V1Overrides(v1_converter)};
};

template <typename M>
bool Parse(const uint8_t* data, size_t size, M& message) {
  return message.ParseFromArray(data, static_cast<int>(size));
}

void V1Create(const v1::CreateRequest& request) {
  Use(v1::svc::Validate(request));
  example::PeopleV1Converter converter;
  v2::CreateRequest next;
  Use(converter.ToNext(request, next));
  priv::CreateRequest direct;
  Use(converter.ToPrivate(request, direct));
  priv::CreateRequest last;
  Use(v2::svc::Converter().ToPrivate(next, last));
  Use(priv::svc::Validate(last));
  // And back: private -> v2 -> v1, with the private message at hand.
  v2::CreateRequest back;
  Use(v2::svc::Converter().ToPublic(last, back));
  v1::CreateRequest back1;
  Use(converter.ToPublic(back, &last, back1));
  Chain chain;
  v1::CreateResponse response;
  Use(chain.chain.v1().Create(request, &response));
  Use(response);
}

void V2Create(const v2::CreateRequest& request) {
  Use(v2::svc::Validate(request));
  v2::svc::Converter converter;
  priv::CreateRequest next;
  Use(converter.ToPrivate(request, next));
  Use(priv::svc::Validate(next));
  v2::CreateRequest back;
  Use(converter.ToPublic(next, back));
  Chain chain;
  v2::CreateResponse response;
  Use(chain.chain.v2().Create(request, &response));
  Use(response);
}

void PrivateCreate(const priv::CreateRequest& request) {
  Use(priv::svc::Validate(request));
  v2::CreateRequest v2_request;
  Use(v2::svc::Converter().ToPublic(request, v2_request));
  Use(v2::svc::Validate(v2_request));
  v1::CreateRequest v1_request;
  example::PeopleV1Converter converter;
  Use(converter.ToPublic(v2_request, &request, v1_request));
  Use(converter.ToPublic(v2_request, nullptr, v1_request));
  Use(v1::svc::Validate(v1_request));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto which = static_cast<MessageCase>(data[0] % cppsvc::fuzz::kCaseCount);
  ++data;
  --size;
  switch (which) {
    case cppsvc::fuzz::kV1CreateRequest: {
      v1::CreateRequest request;
      if (Parse(data, size, request)) V1Create(request);
      break;
    }
    case cppsvc::fuzz::kV2CreateRequest: {
      v2::CreateRequest request;
      if (Parse(data, size, request)) V2Create(request);
      break;
    }
    case cppsvc::fuzz::kPrivateCreateRequest: {
      priv::CreateRequest request;
      if (Parse(data, size, request)) PrivateCreate(request);
      break;
    }
    case cppsvc::fuzz::kPrivateCreateResponse: {
      Chain chain;
      chain.implementation.create_answer.emplace();
      if (!Parse(data, size, *chain.implementation.create_answer)) break;
      Use(priv::svc::Validate(*chain.implementation.create_answer));
      v1::CreateResponse v1_response;
      Use(chain.chain.v1().Create(cppsvc::testing::V1CreateRequest(), &v1_response));
      Use(v1_response);
      v2::CreateResponse v2_response;
      Use(chain.chain.v2().Create(cppsvc::testing::V2CreateRequest(), &v2_response));
      Use(v2_response);
      v2::CreateResponse converted;
      Use(v2::svc::Converter().ToPublic(*chain.implementation.create_answer, converted));
      break;
    }
    case cppsvc::fuzz::kV1GetRequest: {
      v1::GetRequest request;
      if (!Parse(data, size, request)) break;
      Use(v1::svc::Validate(request));
      Chain chain;
      v1::GetResponse response;
      Use(chain.chain.v1().Get(request, &response));
      Use(response);
      break;
    }
    case cppsvc::fuzz::kV2GetRequest: {
      v2::GetRequest request;
      if (!Parse(data, size, request)) break;
      Use(v2::svc::Validate(request));
      Chain chain;
      v2::GetResponse response;
      Use(chain.chain.v2().Get(request, &response));
      Use(response);
      break;
    }
    case cppsvc::fuzz::kPrivateGetResponse: {
      Chain chain;
      chain.implementation.fetch_answer.emplace();
      if (!Parse(data, size, *chain.implementation.fetch_answer)) break;
      v1::GetRequest v1_request;
      v1_request.set_id(cppsvc::testing::kPersonId);
      v1::GetResponse v1_response;
      Use(chain.chain.v1().Get(v1_request, &v1_response));
      Use(v1_response);
      v2::GetRequest v2_request;
      v2_request.set_id(cppsvc::testing::kPersonId);
      v2::GetResponse v2_response;
      Use(chain.chain.v2().Get(v2_request, &v2_response));
      Use(v2_response);
      break;
    }
    case cppsvc::fuzz::kV1ListRequest: {
      v1::ListRequest request;
      if (!Parse(data, size, request)) break;
      Use(v1::svc::Validate(request));
      priv::ListRequest next;
      Use(v1::svc::Converter().ToPrivate(request, next));
      Chain chain;
      v1::ListResponse response;
      Use(chain.chain.v1().List(request, &response));
      Use(response);
      break;
    }
    case cppsvc::fuzz::kPrivateListResponse: {
      Chain chain;
      chain.implementation.list_answer.emplace();
      if (!Parse(data, size, *chain.implementation.list_answer)) break;
      v1::ListRequest request;
      request.set_page_size(10);
      v1::ListResponse response;
      Use(chain.chain.v1().List(request, &response));
      Use(response);
      break;
    }
    case cppsvc::fuzz::kV2BatchRequest: {
      v2::BatchRequest request;
      if (!Parse(data, size, request)) break;
      Use(v2::svc::Validate(request));
      priv::BatchRequest next;
      Use(v2::svc::Converter().ToPrivate(request, next));
      Chain chain;
      v2::BatchResponse response;
      Use(chain.chain.v2().Batch(request, &response));
      Use(response);
      break;
    }
    case cppsvc::fuzz::kPrivateBatchRequest: {
      priv::BatchRequest request;
      if (!Parse(data, size, request)) break;
      Use(priv::svc::Validate(request));
      v2::BatchRequest back;
      Use(v2::svc::Converter().ToPublic(request, back));
      Use(v2::svc::Validate(back));
      break;
    }
    case cppsvc::fuzz::kPrivateBatchResponse: {
      Chain chain;
      chain.implementation.batch_answer.emplace();
      if (!Parse(data, size, *chain.implementation.batch_answer)) break;
      v2::BatchRequest request;
      *request.add_creates() = cppsvc::testing::V2CreateRequest();
      v2::BatchResponse response;
      Use(chain.chain.v2().Batch(request, &response));
      Use(response);
      break;
    }
    case cppsvc::fuzz::kV1CreateResponse: {
      v1::CreateResponse response;
      if (!Parse(data, size, response)) break;
      Use(v1::svc::Validate(response));
      v2::CreateResponse next;
      Use(example::PeopleV1Converter().ToNext(response, next));
      priv::CreateResponse last;
      Use(v1::svc::Converter().ToPrivate(response, last));
      break;
    }
    case cppsvc::fuzz::kV2CreateResponse: {
      v2::CreateResponse response;
      if (!Parse(data, size, response)) break;
      Use(v2::svc::Validate(response));
      priv::CreateResponse last;
      Use(v2::svc::Converter().ToPrivate(response, last));
      v1::CreateResponse back;
      Use(v1::svc::Converter().ToPublic(response, &last, back));
      Use(v1::svc::Converter().ToPublic(response, nullptr, back));
      break;
    }
    case cppsvc::fuzz::kV2BatchResponse: {
      v2::BatchResponse response;
      if (!Parse(data, size, response)) break;
      Use(v2::svc::Validate(response));
      priv::BatchResponse last;
      Use(v2::svc::Converter().ToPrivate(response, last));
      break;
    }
    case cppsvc::fuzz::kV1DeleteRequest: {
      v1::DeleteRequest request;
      if (!Parse(data, size, request)) break;
      Chain chain;
      v1::DeleteResponse response;
      Use(chain.chain.v1().Delete(request, &response));
      break;
    }
    case cppsvc::fuzz::kV2DeleteRequest: {
      v2::DeleteRequest request;
      if (!Parse(data, size, request)) break;
      Chain chain;
      v2::DeleteResponse response;
      Use(chain.chain.v2().Delete(request, &response));
      break;
    }
    case cppsvc::fuzz::kCaseCount:
      break;
  }
  return 0;
}
