// The program every build-system consumer test builds (tests/consumer/*):
// shop/common/v1/money.proto and shop/orders/v1/orders.proto are generated in
// separate runs (or targets), and validating an Order must still apply
// Money's rule. Exits non-zero, saying what differs, on any mismatch.
#include <iostream>
#include <string>

#include "cppsvc/violations.h"
#include "shop/orders/v1/orders.svc.h"

namespace {

int failures = 0;

void Expect(const std::string& what, const std::string& got, const std::string& want) {
  if (got == want) return;
  ++failures;
  std::cerr << "MISMATCH " << what << "\n  got:  " << got << "\n  want: " << want << "\n";
}

}  // namespace

int main() {
  shop::orders::v1::Order order;
  order.set_id("o-1");
  order.mutable_total()->set_currency("GBP");
  order.mutable_total()->set_units(12);
  cppsvc::Violations violations = shop::orders::v1::svc::Validate(order);
  Expect("violation count", std::to_string(violations.size()), "1");
  if (violations.size() == 1) {
    Expect("path", violations[0].FieldPath(), "total.currency");
    Expect("rule", std::string(cppsvc::RuleId(violations[0].rule)), "in");
  }

  order.mutable_total()->set_currency("EUR");
  Expect("valid order", shop::orders::v1::svc::Validate(order).ToString(), "");

  if (failures != 0) {
    std::cerr << "shop consumer: " << failures << " mismatch(es)\n";
    return 1;
  }
  std::cout << "shop consumer: Order.total.currency checked by Money's validator\n";
  return 0;
}
