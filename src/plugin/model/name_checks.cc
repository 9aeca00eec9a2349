// The model's checks of generated names: distinct proto elements must get
// distinct C++ names in every scope we write them into, and none may meet a
// name we write there ourselves. The names, and beside each the names it must
// not meet, come from the names module (naming/names.h), which the emitters
// write them from: these checks only compare. What names.h cannot make
// injective is fixed by outside conventions (protobuf's keyword escaping,
// grpc_cpp_plugin's unescaped names, the Go plugin's CamelCase test names)
// and is reported here, located at the element, instead of emitting code
// that does not compile.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "plugin/model/model_builder.h"
#include "plugin/naming/names.h"

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

template <typename Names>
bool Contains(const Names& names, absl::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// The RPCs of `service` against the data members (and the class name) of a
// class whose member functions they become.
// Streaming RPCs are left out of every generated class, so only the unary
// ones (`service.methods`) become member functions.
template <typename Members>
void CheckMembers(const ServiceModel& served, const std::string& class_name, const Members& members,
                  absl::string_view class_label, bool grpc_names, Diagnostics& diagnostics) {
  const pb::ServiceDescriptor* service = served.descriptor;
  for (const MethodModel& unary : served.methods) {
    const pb::MethodDescriptor* method = unary.descriptor;
    const std::string name = grpc_names ? names::GrpcMethod(method) : names::Method(method);
    const std::string what =
        absl::StrCat("method ", method->full_name(), ": the name \"", name, "\" is ");
    if (Contains(members, name)) {
      diagnostics.Error(method,
                        absl::StrCat(what, "a data member of ", class_label, "; rename the RPC"));
    } else if (name == class_name && name != names::Service(service)) {
      // (An RPC named like its own service is reported by CheckServiceNames.)
      diagnostics.Error(method, absl::StrCat(what, "the class name of ", class_label,
                                             ", so it would be its constructor; rename the RPC"));
    }
  }
}

// Services and RPCs whose proto names differ only by protobuf's keyword
// escape (`delete` and `delete_`) would be one C++ class or member function.
void CheckEscapedNames(const Package& package, Diagnostics& diagnostics) {
  Scope classes(diagnostics, "C++ class name",
                absl::StrCat(" in namespace ", names::GeneratedNamespace(package.name)));
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

// The message type's name, or an enclosing one's, that is a C++ keyword.
const pb::Descriptor* KeywordNamedType(const pb::Descriptor* type) {
  for (const pb::Descriptor* d = type; d != nullptr; d = d->containing_type()) {
    if (names::IsCppKeyword(d->name())) return d;
  }
  return nullptr;
}

std::string UnsupportedByGrpc(absl::string_view what, absl::string_view name) {
  return absl::StrCat(what, " \"", name,
                      "\" is a C++ keyword, which grpc_cpp_plugin 1.51 writes "
                      "unescaped, so its output would not compile; rename it, "
                      "or generate without grpc=true");
}

}  // namespace

void ModelBuilder::CheckNames() {
  for (const auto& package : model_->packages_) {
    CheckGeneratedNamespace(*package);
    CheckServiceNames(*package);
  }
  CheckMemberNames();
  if (parameters_.grpc) CheckGrpcNames();
}

// Our code for package p lives in namespace p::svc. A package-level symbol of
// that name (a message, enum, enum value or service) would clash with it.
void ModelBuilder::CheckGeneratedNamespace(const Package& package) {
  auto clash = [&](const auto* element, absl::string_view kind) {
    diagnostics_.Error(element, absl::StrCat(kind, " ", element->full_name(), ": the name \"",
                                             names::kGeneratedNamespace,
                                             "\" is reserved at package level for the namespace of "
                                             "generated code; rename it"));
  };
  for (const pb::FileDescriptor* file : package.files) {
    for (int i = 0; i < file->message_type_count(); ++i) {
      if (file->message_type(i)->name() == names::kGeneratedNamespace) {
        clash(file->message_type(i), "message");
      }
    }
    for (int i = 0; i < file->enum_type_count(); ++i) {
      const pb::EnumDescriptor* enumeration = file->enum_type(i);
      if (enumeration->name() == names::kGeneratedNamespace) clash(enumeration, "enum");
      for (int j = 0; j < enumeration->value_count(); ++j) {
        if (enumeration->value(j)->name() == names::kGeneratedNamespace) {
          clash(enumeration->value(j), "enum value");
        }
      }
    }
    for (int i = 0; i < file->service_count(); ++i) {
      if (file->service(i)->name() == names::kGeneratedNamespace) {
        clash(file->service(i), "service");
      }
    }
  }
}

// Services become classes in the package's generated namespace, next to what
// we generate there ourselves (names::kFileScopeNames, and the classes
// derived from each service's name, names::kDerivedClasses), and RPCs become
// member functions of them: names that would collide are reported instead of
// emitting code that does not compile.
void ModelBuilder::CheckServiceNames(const Package& package) {
  if (!package.HasServiceChain()) return;  // no service classes generated
  // Each derived class name, with the service and the kind of class it is.
  std::map<std::string, std::pair<const pb::ServiceDescriptor*, absl::string_view>> derived;
  for (const ServiceModel* service : package.services) {
    for (const names::DerivedClass& kind : names::kDerivedClasses) {
      derived.emplace(kind.name(service->descriptor),
                      std::make_pair(service->descriptor, kind.label));
    }
  }
  for (const ServiceModel* service : package.services) {
    const pb::ServiceDescriptor* descriptor = service->descriptor;
    const std::string name(descriptor->name());
    const std::string cpp_name = names::Service(descriptor);
    const std::string where = absl::StrCat("service ", descriptor->full_name());
    if (Contains(names::kFileScopeNames, cpp_name)) {
      diagnostics_.Error(
          descriptor,
          absl::StrCat(where, ": the name \"", name, "\" is taken by generated code in namespace ",
                       package.name, ".", names::kGeneratedNamespace, "; rename the service"));
    }
    if (auto it = derived.find(cpp_name); it != derived.end()) {
      const auto& [origin, label] = it->second;
      diagnostics_.Error(
          descriptor,
          absl::StrCat(where, ": the name \"", name, "\" is what service \"", origin->name(),
                       "\" generates for its ", label, " class; rename one of them"));
    }
    // Streaming RPCs become no member functions, so only unary ones count.
    for (const MethodModel& served : service->methods) {
      const pb::MethodDescriptor* method = served.descriptor;
      if (method->name() == name) {
        diagnostics_.Error(method, absl::StrCat("method ", method->full_name(),
                                                ": an RPC named like its service "
                                                "would be the C++ class's constructor; "
                                                "rename the RPC or the service"));
      }
    }
  }
}

// The RPCs against the data members of each class they become member
// functions of: every version's service class, the conversion tests' fakes,
// and the gRPC bindings.
void ModelBuilder::CheckMemberNames() {
  std::set<const pb::ServiceDescriptor*> faked;
  for (const auto& package : model_->packages_) {
    // Without a service chain no service class, binding or test is written,
    // so nothing there can clash.
    if (!package->HasServiceChain()) continue;
    CheckEscapedNames(*package, diagnostics_);
    for (const ServiceModel* service : package->services) {
      // Every version's service class (and so every private one's
      // counterpart) holds these members.
      CheckMembers(*service, names::Service(service->descriptor), names::kServiceMembers,
                   "the generated service class", false, diagnostics_);
    }
    if (package->role != PackageRole::kVersion) continue;
    CheckConversionTests(*package, diagnostics_);
    for (const ServiceModel* service : package->services) {
      if (service->private_counterpart == nullptr) continue;
      if (!service->methods.empty()) faked.insert(service->private_counterpart);
      if (parameters_.grpc && names::GrpcNamesMatch(service->descriptor)) {
        const std::string binding = names::GrpcBinding(service->descriptor);
        const absl::string_view members[] = {names::kGrpcBindingMember};
        CheckMembers(*service, binding, members, absl::StrCat("its gRPC binding ", binding), true,
                     diagnostics_);
      }
    }
  }
  // The fake private implementation in the conversion tests overrides every
  // RPC of the private service.
  for (const pb::ServiceDescriptor* service : faked) {
    const ServiceModel* private_service = model_->Find(service);
    if (private_service == nullptr) continue;
    const std::string fake = names::FakeImplementation(service);
    const absl::string_view members[] = {names::kFakeMember};
    CheckMembers(*private_service, fake, members, absl::StrCat("the conversion tests' fake ", fake),
                 false, diagnostics_);
  }
}

// With grpc=true: grpc_cpp_plugin 1.51 writes proto names unescaped, so its
// output does not compile for a service, RPC, request or response type named
// after a C++ keyword. Each one is a diagnostic, rather than a build that
// fails later in grpc_cpp_plugin's code, for the services that get a binding
// (which includes grpc_cpp_plugin's header) only.
void ModelBuilder::CheckGrpcNames() {
  for (const auto& package : model_->packages_) {
    for (const ServiceModel* service : package->services) {
      if (!service->HasGrpcBinding()) continue;
      const pb::ServiceDescriptor* s = service->descriptor;
      if (names::IsCppKeyword(s->name())) {
        diagnostics_.Error(s, absl::StrCat("service ", s->full_name(), ": ",
                                           UnsupportedByGrpc("its name", s->name())));
      }
      for (int i = 0; i < s->method_count(); ++i) {
        const pb::MethodDescriptor* m = s->method(i);
        if (names::IsCppKeyword(m->name())) {
          diagnostics_.Error(m, absl::StrCat("method ", m->full_name(), ": ",
                                             UnsupportedByGrpc("its name", m->name())));
        }
        for (const pb::Descriptor* type : {m->input_type(), m->output_type()}) {
          if (const pb::Descriptor* keyword = KeywordNamedType(type)) {
            diagnostics_.Error(
                m, absl::StrCat("method ", m->full_name(), ": ",
                                UnsupportedByGrpc(absl::StrCat("the name of ", type->full_name()),
                                                  keyword->name())));
          }
        }
      }
    }
  }
}

}  // namespace cppsvc::plugin
