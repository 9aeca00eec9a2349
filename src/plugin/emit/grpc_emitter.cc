#include "plugin/emit/grpc_emitter.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {
namespace {

std::string Declaration(const ServiceModel& service, const std::string& target) {
  std::vector<std::string> methods;
  for (const MethodModel& method : service.methods) {
    const pb::MethodDescriptor* rpc = method.descriptor;
    methods.push_back(Render(R"cc(
      // $full_name$
      ::grpc::Status $method$(
          ::grpc::ServerContext* context,
          const $request$* request,
          $response$* response) override;
    )cc",
                             {{"full_name", rpc->full_name()},
                              {"method", names::GrpcMethod(rpc)},
                              {"request", names::GrpcMessage(rpc->input_type())},
                              {"response", names::GrpcMessage(rpc->output_type())}}));
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
                 {"methods", JoinBlocks(methods)}});
}

std::string Definitions(const ServiceModel& service, const std::string& target) {
  const std::string name = names::GrpcBinding(service.descriptor);
  std::vector<std::string> parts = {Render(R"cc(
        $name$::$name$($target$& service) : service_(service) {}
      )cc",
                                           {{"name", name}, {"target", target}})};
  for (const MethodModel& method : service.methods) {
    const pb::MethodDescriptor* rpc = method.descriptor;
    parts.push_back(Render(R"cc(
      ::grpc::Status $name$::$grpc_method$(
          ::grpc::ServerContext* /*context*/,
          const $request$* request,
          $response$* response) {
        return ::cppsvc::ToGrpcStatus(service_.$method$(*request, response));
      }
    )cc",
                           {{"name", name},
                            {"grpc_method", names::GrpcMethod(rpc)},
                            {"request", names::GrpcMessage(rpc->input_type())},
                            {"response", names::GrpcMessage(rpc->output_type())},
                            {"method", names::Method(rpc)}}));
  }
  return JoinBlocks(parts);
}

}  // namespace

void EmitGrpcBinding(const Model& /*model*/, const FileModel& file, Sections& sections) {
  std::set<const pb::FileDescriptor*> files;
  for (const ServiceModel* service : file.services) {
    if (!service->HasGrpcBinding()) continue;
    // Keyword names never get here: the model rejected them (CheckGrpcNames).
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

}  // namespace cppsvc::plugin
