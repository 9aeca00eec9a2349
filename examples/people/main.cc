// The people example, end to end on code protoc-gen-cpp-svc generated:
// 1. validators: good and bad requests, and what a client would be told;
// 2. the service chain: a v1 and a v2 client served by one private
//    implementation, with what that implementation received.
#include <iostream>
#include <string>

#include "acme/people/private/people.svc.h"
#include "people_store.h"
#include "v1_converter.h"

namespace v1 = ::acme::people::v1;
namespace v2 = ::acme::people::v2;
namespace priv = ::acme::people::private_;  // `private` is a C++ keyword

namespace {

constexpr char kId[] = "f95616f1-23e3-4694-8658-8082b0a18267";

// Prints one validation as a service would answer it, then the structured
// violations behind the text.
void Show(const std::string& label, const google::protobuf::Message& request,
          const cppsvc::Violations& violations) {
  std::cout << label << "\n  request: {" << request.ShortDebugString() << "}\n";
  const absl::Status status = violations.ToStatus();
  std::cout << "  status:  " << (status.ok() ? "OK" : status.ToString()) << "\n";
  for (const cppsvc::Violation& violation : violations) {
    std::cout << "    - " << violation.FieldPath() << " [" << cppsvc::RuleId(violation.rule) << "] "
              << violation.message << "\n";
  }
  std::cout << "\n";
}

}  // namespace

// One call through the chain, printed as request -> private -> response.
template <typename Request, typename Response, typename Call>
void ShowCall(const std::string& label, const Request& request, Call call,
              const example::PeopleStore& store) {
  Response response;
  const absl::Status status = call(request, &response);
  std::cout << label << "\n  request:  {" << request.ShortDebugString() << "}\n";
  if (status.ok()) {
    std::cout << "  private:  {" << store.last_create().ShortDebugString() << "}\n"
              << "  response: {" << response.ShortDebugString() << "}\n\n";
  } else {
    std::cout << "  status:   " << status.ToString() << "\n\n";
  }
}

void ShowChain() {
  std::cout << "== The service chain: v1 and v2 served by one private implementation\n\n";
  example::PeopleStore store;
  example::PeopleV1Converter v1_converter;
  priv::svc::PeopleChainOverrides overrides;
  overrides.v1_converter = &v1_converter;
  priv::svc::PeopleChain chain(store, overrides);

  v1::CreateRequest v1_request;
  v1_request.set_id(kId);
  v1_request.set_first_name("Dane");
  v1_request.set_last_name("Harrigan");
  v1_request.set_employment(v1::Person::EMPLOYED);
  v1_request.mutable_hobby()->mutable_biking()->set_style("road");
  ShowCall<v1::CreateRequest, v1::CreateResponse>(
      "v1 Create (-> v2 -> private)", v1_request,
      [&](const auto& request, auto* response) { return chain.v1().Create(request, response); },
      store);

  v2::CreateRequest v2_request;
  v2_request.set_id("0c0e7a8e-5d2b-4c1a-9f3e-2b7d6a1c9e40");
  v2_request.set_full_name("Ada Lovelace");
  v2_request.set_age(36);
  v2_request.set_employment(v2::Person::PART_TIME);
  v2_request.set_email("ada@example.com");
  v2_request.mutable_hobby()->mutable_coding()->set_language("Analytical Engine");
  ShowCall<v2::CreateRequest, v2::CreateResponse>(
      "v2 Create (-> private)", v2_request,
      [&](const auto& request, auto* response) { return chain.v2().Create(request, response); },
      store);

  v1::GetRequest get;
  get.set_id("0c0e7a8e-5d2b-4c1a-9f3e-2b7d6a1c9e40");
  v1::GetResponse got;
  std::cout << "v1 Get of the person v2 created (-> v2 Get -> private Fetch)\n"
            << "  status:   " << chain.v1().Get(get, &got).ToString() << "\n"
            << "  response: {" << got.ShortDebugString() << "}\n"
            << "  (PART_TIME reads back as EMPLOYED; names come from private)\n\n";

  v1::CreateRequest bad = v1_request;
  bad.set_id("not-a-uuid");
  ShowCall<v1::CreateRequest, v1::CreateResponse>(
      "v1 Create with a bad id", bad,
      [&](const auto& request, auto* response) { return chain.v1().Create(request, response); },
      store);

  v2::DeleteRequest remove;
  remove.set_id("11111111-2222-3333-4444-555555555555");
  v2::DeleteResponse removed;
  std::cout << "v2 Delete of an unknown id (the implementation's error, unchanged)\n"
            << "  status:   " << chain.v2().Delete(remove, &removed).ToString() << "\n";
}

int main() {
  std::cout << "== Validators\n\n";
  v1::CreateRequest good;
  good.set_id(kId);
  good.set_first_name("Dane");
  good.set_last_name("Harrigan");
  good.set_employment(v1::Person::EMPLOYED);
  good.mutable_hobby()->mutable_biking()->set_style("road");
  Show("v1 Create, valid", good, v1::svc::Validate(good));

  v1::CreateRequest bad = good;
  bad.set_id("F95616F1-23E3-4694-8658-8082B0A18267");
  bad.set_first_name("D");
  bad.mutable_hobby()->mutable_biking()->set_style("unicycle");
  Show("v1 Create, uppercase UUID, short name, unknown bike style", bad, v1::svc::Validate(bad));

  v1::CreateRequest blank;
  Show("v1 Create, empty", blank, v1::svc::Validate(blank));

  v2::BatchRequest batch;
  v2::CreateRequest* first = batch.add_creates();
  first->set_id(kId);
  first->set_full_name("Dane Harrigan");
  first->set_email("dane@example.com");
  first->mutable_hobby()->mutable_coding()->set_language("C++");
  v2::CreateRequest* second = batch.add_creates();
  second->set_id("not-a-uuid");
  second->set_email("dane@localhost");
  Show("v2 Batch, second element invalid", batch, v2::svc::Validate(batch));

  priv::CreateRequest converted;
  converted.set_id(kId);
  converted.set_full_name("Dane Harrigan");
  converted.set_age(10);
  converted.set_employment(priv::Person::UNDEFINED);
  converted.mutable_hobby()->mutable_cycling()->set_style("road");
  Show("private Create (what the implementation would receive), too young", converted,
       priv::svc::Validate(converted));
  ShowChain();
  return 0;
}
