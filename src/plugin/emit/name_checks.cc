#include "plugin/emit/name_checks.h"

#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "plugin/emit/names.h"

namespace cppsvc::plugin {
namespace {

// Reports every element whose C++ name an earlier element of the same scope
// already has. Elements are offered in declaration order, so the report is the
// same on every run.
class Scope {
 public:
  // `what`: "C++ class name"; `where`: "" or " in namespace a::b::svc".
  Scope(Diagnostics& diagnostics, std::string what, std::string where = "")
      : diagnostics_(diagnostics), what_(std::move(what)), where_(std::move(where)) {}

  template <typename Descriptor>
  void Add(const Descriptor* element, absl::string_view kind, const std::string& cpp_name) {
    auto [it, inserted] = seen_.emplace(cpp_name, element->full_name());
    if (inserted) return;
    diagnostics_.Error(element, absl::StrCat(kind, " ", element->full_name(), ": its ", what_,
                                             " \"", cpp_name, "\"", where_, " is also that of ",
                                             it->second, "; rename one of them"));
  }

 private:
  Diagnostics& diagnostics_;
  const std::string what_;
  const std::string where_;
  std::map<std::string, std::string> seen_;  // C++ name -> the element's full name
};

// The RPCs of `service` against the data members (and the class name) of a
// class whose member functions they become.
// Streaming RPCs are left out of every generated class, so only the unary
// ones (`service.methods`) become member functions.
void CheckMembers(const ServiceModel& served, const std::string& class_name,
                  const std::set<absl::string_view>& members, absl::string_view class_label,
                  bool grpc_names, Diagnostics& diagnostics) {
  const pb::ServiceDescriptor* service = served.descriptor;
  for (const MethodModel& unary : served.methods) {
    const pb::MethodDescriptor* method = unary.descriptor;
    const std::string name = grpc_names ? names::GrpcMethod(method) : names::Method(method);
    const std::string what =
        absl::StrCat("method ", method->full_name(), ": the name \"", name, "\" is ");
    if (members.count(name) > 0) {
      diagnostics.Error(method,
                        absl::StrCat(what, "a data member of ", class_label, "; rename the RPC"));
    } else if (name == class_name && name != names::Service(service)) {
      // (An RPC named like its own service is reported by the model.)
      diagnostics.Error(method, absl::StrCat(what, "the class name of ", class_label,
                                             ", so it would be its constructor; rename the RPC"));
    }
  }
}

// Services and RPCs whose proto names differ only by protobuf's keyword
// escape (`delete` and `delete_`) would be one C++ class or member function.
void CheckEscapedNames(const Package& package, Diagnostics& diagnostics) {
  Scope classes(diagnostics, "C++ class name",
                absl::StrCat(" in namespace ", names::GeneratedNamespace(package)));
  for (const ServiceModel* service : package.services) {
    classes.Add(service->descriptor, "service", names::Service(service->descriptor));
    Scope members(diagnostics, "C++ member function name");
    for (const MethodModel& method : service->methods) {
      members.Add(method.descriptor, "method", names::Method(method.descriptor));
    }
  }
}

// A public version's conversion-test functions keep the Go plugin's CamelCase
// names (`get_item` and `GetItem` are both RunGetItemConversionTest), so
// those that would coincide are reported.
void CheckConversionTests(const Package& package, Diagnostics& diagnostics) {
  int tested = 0;
  for (const ServiceModel* service : package.services) {
    if (service->private_counterpart != nullptr && !service->methods.empty()) ++tested;
  }
  Scope functions(diagnostics, "conversion test function");
  for (const ServiceModel* service : package.services) {
    if (service->private_counterpart == nullptr) continue;
    for (const MethodModel& method : service->methods) {
      functions.Add(method.descriptor, "method",
                    names::ConversionTestFunction(method.descriptor, tested > 1));
    }
  }
}

}  // namespace

void CheckNames(const Model& model, const Parameters& parameters, Diagnostics& diagnostics) {
  const std::set<absl::string_view> service_members(std::begin(names::kServiceMembers),
                                                    std::end(names::kServiceMembers));
  std::set<const pb::ServiceDescriptor*> faked;
  for (const auto& package : model.packages()) {
    // Without a service chain no service class, binding or test is written,
    // so nothing there can clash.
    if (!package->HasServiceChain()) continue;
    CheckEscapedNames(*package, diagnostics);
    for (const ServiceModel* service : package->services) {
      // Every version's service class (and so every private one's
      // counterpart) holds these members.
      CheckMembers(*service, names::Service(service->descriptor), service_members,
                   "the generated service class", false, diagnostics);
    }
    if (package->role != PackageRole::kVersion) continue;
    CheckConversionTests(*package, diagnostics);
    for (const ServiceModel* service : package->services) {
      if (service->private_counterpart == nullptr) continue;
      if (!service->methods.empty()) faked.insert(service->private_counterpart);
      if (parameters.grpc && names::GrpcNamesMatch(service->descriptor)) {
        CheckMembers(*service, names::GrpcBinding(service->descriptor), {names::kGrpcBindingMember},
                     absl::StrCat("its gRPC binding ", names::GrpcBinding(service->descriptor)),
                     true, diagnostics);
      }
    }
  }
  // The fake private implementation in the conversion tests overrides every
  // RPC of the private service.
  for (const pb::ServiceDescriptor* service : faked) {
    const ServiceModel* private_service = model.Find(service);
    if (private_service == nullptr) continue;
    CheckMembers(*private_service, names::FakeImplementation(service), {names::kFakeMember},
                 absl::StrCat("the conversion tests' fake ", names::FakeImplementation(service)),
                 false, diagnostics);
  }
}

}  // namespace cppsvc::plugin
