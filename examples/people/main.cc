// Validates good and bad requests of the people example with the validators
// protoc-gen-cpp-svc generated, and prints what a client would be told.
#include <iostream>
#include <string>

#include "acme/people/private.svc.h"
#include "acme/people/v1.svc.h"
#include "acme/people/v2.svc.h"

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
    std::cout << "    - " << violation.FieldPath() << " ["
              << cppsvc::RuleId(violation.rule) << "] " << violation.message
              << "\n";
  }
  std::cout << "\n";
}

}  // namespace

int main() {
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
  Show("v1 Create, uppercase UUID, short name, unknown bike style", bad,
       v1::svc::Validate(bad));

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
  return 0;
}
