#include "plugin/emit/grpc_emitter.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/names.h"
#include "plugin/emit/writer.h"

namespace cppsvc::plugin {
namespace {

std::string Signature(const pb::MethodDescriptor* method, const std::string& scope,
                      const std::string& context) {
  return absl::StrCat("::grpc::Status ", scope, names::GrpcMethod(method),
                      "(::grpc::ServerContext* ", context, "const ",
                      names::GrpcMessage(method->input_type()), "* request, ",
                      names::GrpcMessage(method->output_type()), "* response)");
}

std::string Declaration(const ServiceModel& service, const std::string& target) {
  std::vector<std::string> methods;
  for (const MethodModel& method : service.methods) {
    methods.push_back(absl::StrCat("// ", method.descriptor->full_name(), "\n",
                                   Signature(method.descriptor, "", "context, "), " override;"));
  }
  return Render(R"cc(
    // Serves $service$ over gRPC: implements the class grpc_cpp_plugin
    // generates for it by forwarding every RPC to `service` (e.g. a chain's
    // version service), with the absl::Status it returns mapped 1:1 to a
    // ::grpc::Status (cppsvc::ToGrpcStatus). Register it with
    // ::grpc::ServerBuilder::RegisterService; `service` must outlive it. gRPC
    // calls RPCs concurrently, so the private implementation must be
    // thread-safe. The ServerContext is not passed on.
    class $name$ : public $base$ {
     public:
      explicit $name$($target$& service);
      $name$(const $name$&) = delete;
      $name$& operator=(const $name$&) = delete;

      $methods$

     private:
      $target$& service_;
    };
  )cc",
                {{"service", service.descriptor->full_name()},
                 {"name", names::GrpcBinding(service.descriptor)},
                 {"base", names::GrpcServiceBase(service.descriptor)},
                 {"target", target},
                 {"methods", absl::StrJoin(methods, "\n\n")}});
}

std::string Definitions(const ServiceModel& service, const std::string& target) {
  const std::string name = names::GrpcBinding(service.descriptor);
  std::vector<std::string> parts = {Render(R"cc(
        $name$::$name$($target$& service) : service_(service) {}
      )cc",
                                           {{"name", name}, {"target", target}})};
  for (const MethodModel& method : service.methods) {
    parts.push_back(
        Render(R"cc(
      $signature$ {
        return ::cppsvc::ToGrpcStatus(service_.$method$(*request, response));
      }
    )cc",
               {{"signature", Signature(method.descriptor, name + "::", "/*context*/, ")},
                {"method", names::Method(method.descriptor)}}));
  }
  return JoinBlocks(parts);
}

// The message type's name, or an enclosing one's, that is a C++ keyword.
const pb::Descriptor* KeywordNamedType(const pb::Descriptor* type) {
  for (const pb::Descriptor* d = type; d != nullptr; d = d->containing_type()) {
    if (names::IsCppKeyword(d->name())) return d;
  }
  return nullptr;
}

std::string Unsupported(absl::string_view what, absl::string_view name) {
  return absl::StrCat(what, " \"", name,
                      "\" is a C++ keyword, which grpc_cpp_plugin 1.51 writes "
                      "unescaped, so its output would not compile; rename it, "
                      "or generate without grpc=true");
}

// A public version's service served by the chain gets a binding when it has
// a unary RPC to forward; streaming ones are not overridden, so gRPC's base
// class answers them UNIMPLEMENTED.
bool HasGrpcBinding(const ServiceModel& service) {
  return service.package->role == PackageRole::kVersion && service.package->HasServiceChain() &&
         service.private_counterpart != nullptr && !service.methods.empty();
}

}  // namespace

void EmitGrpcBinding(const Model& /*model*/, const FileModel& file, Sections& sections) {
  std::set<const pb::FileDescriptor*> files;
  for (const ServiceModel* service : file.services) {
    if (!HasGrpcBinding(*service)) continue;
    // Keyword names never get here: CheckGrpcNames rejected them.
    if (!names::GrpcNamesMatch(service->descriptor)) continue;
    const std::string target = absl::StrCat(names::QualifiedFileNamespace(file.file),
                                            "::", names::Service(service->descriptor));
    sections.header_blocks.push_back(Declaration(*service, target));
    sections.source_blocks.push_back(Definitions(*service, target));
    files.insert(service->descriptor->file());
  }
  if (files.empty()) return;
  for (const pb::FileDescriptor* file : files) {
    sections.header_includes.insert(names::GrpcProtoHeader(file));
  }
  sections.header_includes.insert("grpcpp/server_context.h");
  sections.header_includes.insert("grpcpp/support/status.h");
  sections.source_includes.insert("cppsvc/grpc.h");
}

void CheckGrpcNames(const Model& model, Diagnostics& diagnostics) {
  for (const auto& package : model.packages()) {
    for (const ServiceModel* service : package->services) {
      if (!HasGrpcBinding(*service)) continue;
      const pb::ServiceDescriptor* s = service->descriptor;
      if (names::IsCppKeyword(s->name())) {
        diagnostics.Error(
            s, absl::StrCat("service ", s->full_name(), ": ", Unsupported("its name", s->name())));
      }
      for (int i = 0; i < s->method_count(); ++i) {
        const pb::MethodDescriptor* m = s->method(i);
        if (names::IsCppKeyword(m->name())) {
          diagnostics.Error(
              m, absl::StrCat("method ", m->full_name(), ": ", Unsupported("its name", m->name())));
        }
        for (const pb::Descriptor* type : {m->input_type(), m->output_type()}) {
          if (const pb::Descriptor* keyword = KeywordNamedType(type)) {
            diagnostics.Error(
                m, absl::StrCat("method ", m->full_name(), ": ",
                                Unsupported(absl::StrCat("the name of ", type->full_name()),
                                            keyword->name())));
          }
        }
      }
    }
  }
}

}  // namespace cppsvc::plugin
