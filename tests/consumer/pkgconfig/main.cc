// Built with nothing but `c++ main.cc $(pkg-config --cflags --libs cppsvc)`
// (CTest Consumer.PkgConfig): uses the runtime's parts that need protobuf
// and the Abseil libraries (status, strings, random, time), so a missing
// library in cppsvc.pc fails the link. Exits non-zero on a mismatch.
#include <iostream>
#include <string>

#include "cppsvc/events.h"
#include "cppsvc/formats.h"
#include "cppsvc/version.h"
#include "cppsvc/violations.h"
#include "gen/svc/annotations.pb.h"
#include "google/protobuf/descriptor.pb.h"

namespace {

int failures = 0;

void Expect(const std::string& what, const std::string& got, const std::string& want) {
  if (got == want) return;
  ++failures;
  std::cerr << "MISMATCH " << what << "\n  got:  " << got << "\n  want: " << want << "\n";
}

}  // namespace

int main() {
  cppsvc::Violations violations;
  violations.Add(
      {{{cppsvc::PathElement::Kind::kField, "id"}}, cppsvc::Rule::kIsUuid, "must be a valid UUID"});
  Expect("status", violations.ToStatus().ToString(), "INVALID_ARGUMENT: id: must be a valid UUID.");

  const std::string id = cppsvc::events::NewEventId();
  Expect("NewEventId is a UUID", cppsvc::IsUuid(id) ? "yes" : "no", "yes");
  Expect("NowMillis after 2020", cppsvc::events::NowMillis() > 1577836800000 ? "yes" : "no", "yes");

  // The annotations' compiled form is in the runtime library.
  google::protobuf::FieldOptions options;
  options.MutableExtension(gen::svc::field)->mutable_validate()->set_required(true);
  google::protobuf::FieldOptions parsed;
  parsed.ParseFromString(options.SerializeAsString());
  Expect("annotation round trip",
         parsed.GetExtension(gen::svc::field).validate().required() ? "yes" : "no", "yes");

  if (failures != 0) return 1;
  std::cout << "cppsvc " << CPPSVC_VERSION_STRING << " via pkg-config: OK\n";
  return 0;
}
