#include "plugin/emit/service_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {
namespace {

// The interface a user implements for a private service.
std::string PrivateInterface(const ServiceModel& service) {
  std::vector<std::string> methods;
  for (const MethodModel& method : service.methods) {
    methods.push_back(Render(R"cc(
      virtual ::absl::Status $method$(const $request$& request, $response$* response) = 0;
    )cc",
                             {{"method", names::Method(method.descriptor)},
                              {"request", names::Message(method.descriptor->input_type())},
                              {"response", names::Message(method.descriptor->output_type())}}));
  }
  return Render(R"cc(
    // The one implementation of $service$ that every public version of the
    // service calls, through its chain (see $chain$). Requests arrive
    // converted and validated; errors are returned to clients unchanged.
    class $name$ {
     public:
      virtual ~$name$() = default;

      $methods$
    };
  )cc",
                {{"service", service.descriptor->full_name()},
                 {"chain", names::HeaderFile(service.descriptor->file())},
                 {"name", names::Service(service.descriptor)},
                 {"methods", absl::StrJoin(methods, "")}});
}

class PublicServiceEmitter {
 public:
  PublicServiceEmitter(const Model& model, const ServiceModel& service, Sections& sections)
      : model_(model),
        service_(service),
        package_(*service.package),
        private_package_(*package_.domain->private_package),
        name_(names::Service(service.descriptor)),
        private_namespace_(names::QualifiedFileNamespace(service.private_counterpart->file())),
        sections_(sections) {}

  // What the declaration names from other files: declared, not included.
  void DeclareUses() const {
    const pb::FileDescriptor* private_file = service_.private_counterpart->file();
    UseGenerated(sections_, private_file, std::string(names::kValidatorClass));
    UseGenerated(sections_, private_file, names::Service(service_.private_counterpart));
    if (service_.next != nullptr) {
      UseGenerated(sections_, service_.next->file(), names::Service(service_.next));
    }
    for (const MethodModel& method : service_.methods) {
      for (const pb::MethodDescriptor* m :
           {method.descriptor, method.next, method.private_counterpart}) {
        if (m == nullptr) continue;
        UseMessage(sections_, m->input_type());
        UseMessage(sections_, m->output_type());
      }
    }
  }

  std::string Declaration() const {
    std::vector<std::string> entries;
    std::vector<std::string> steps;
    for (const MethodModel& method : service_.methods) {
      entries.push_back(EntryDeclaration(method));
      steps.push_back(StepSignature(method, "", ";"));
    }
    return Render(R"cc(
      // Serves $service$ on top of the private implementation: each call is
      // validated here, converted to $towards$, and its response converted back.
      // Built and owned by $private_namespace$::$chain$.
      class $name$ {
       public:
        $name$(
            const $validator$& validator,
            const $converter$& converter,
            $#next$$next$* next,$/next$
            const $private_validator$& private_validator,
            $implementation$& implementation);
        $name$(const $name$&) = delete;
        $name$& operator=(const $name$&) = delete;

        // The RPCs, as clients call them: InvalidArgument for a request that
        // fails validation, FailedPrecondition for a response that cannot be
        // converted back, the implementation's own errors unchanged.
        $entries$

        // Chain steps, called by the previous version's service: no
        // validation here; `carried` holds older versions' deprecated fields,
        // `private_response` receives the implementation's response, and
        // the messages of every hop are made in the call's `arena`.
        $steps$

       private:
        $#uses_validator$const $validator$& validator_;$/uses_validator$
        $#uses_converter$const $converter$& converter_;$/uses_converter$
        $#uses_next$$next$* next_;$/uses_next$
        $#uses_private_validator$const $private_validator$& private_validator_;$/uses_private_validator$
        $#uses_implementation$$implementation$& implementation_;$/uses_implementation$
      };
    )cc",
                  {{"service", service_.descriptor->full_name()},
                   {"towards", package_.latest ? private_package_.name : package_.next->name},
                   {"private_namespace", private_namespace_},
                   {"chain", names::Chain(service_.private_counterpart)},
                   {"name", name_},
                   {"validator", names::ValidatorClass(service_.descriptor->file())},
                   {"converter", names::ConverterClass(service_.descriptor->file())},
                   {"next", NextType()},
                   {"private_validator", PrivateValidatorClass()},
                   {"implementation", ImplementationClass()},
                   {"entries", JoinBlocks(entries)},
                   {"steps", JoinBlocks(steps)},
                   {"uses_validator", Flag(UsesValidator())},
                   {"uses_converter", Flag(UsesConverter())},
                   {"uses_next", Flag(UsesNext())},
                   {"uses_private_validator", Flag(UsesPrivateValidator())},
                   {"uses_implementation", Flag(UsesImplementation())}});
  }

  std::string Definitions() const {
    std::vector<std::string> parts = {Constructor()};
    for (const MethodModel& method : service_.methods) {
      parts.push_back(Entry(method));
      parts.push_back(Step(method));
    }
    return JoinBlocks(parts);
  }

 private:
  struct Types {
    std::string request;
    std::string response;
    std::string private_request;
    std::string private_response;
    std::string next_request;
    std::string next_response;
  };

  Types TypesOf(const MethodModel& method) const {
    Types types{names::Message(method.descriptor->input_type()),
                names::Message(method.descriptor->output_type()),
                names::Message(method.private_counterpart->input_type()),
                names::Message(method.private_counterpart->output_type()),
                "",
                ""};
    if (method.next != nullptr) {
      types.next_request = names::Message(method.next->input_type());
      types.next_response = names::Message(method.next->output_type());
    }
    return types;
  }

  // The next version's service class; empty for the latest version.
  std::string NextType() const {
    if (service_.next == nullptr) return "";
    return absl::StrCat(names::QualifiedFileNamespace(service_.next->file()),
                        "::", names::Service(service_.next));
  }

  std::string PrivateValidatorClass() const {
    return names::ValidatorClass(service_.private_counterpart->file());
  }

  std::string ImplementationClass() const {
    return absl::StrCat(private_namespace_, "::", names::Service(service_.private_counterpart));
  }

  std::string EntryDeclaration(const MethodModel& method) const {
    const Types types = TypesOf(method);
    return Render(R"cc(
      // $full_name$
      ::absl::Status $method$(const $request$& request, $response$* response);
    )cc",
                  {{"full_name", method.descriptor->full_name()},
                   {"method", names::Method(method.descriptor)},
                   {"request", types.request},
                   {"response", types.response}});
  }

  // A step's declaration (`scope` "", `end` ";") or the head of its
  // definition (`scope` "People::", `end` " {").
  std::string StepSignature(const MethodModel& method, absl::string_view scope,
                            absl::string_view end) const {
    const Types types = TypesOf(method);
    return Render(R"cc(
      ::absl::Status $scope$$method$(
          const $request$& request,
          const ::cppsvc::internal::Carry<$private_request$>* carried,
          $response$* response,
          $private_response$* private_response,
          ::google::protobuf::Arena* arena)$end$
    )cc",
                  {{"scope", scope},
                   {"method", names::Method(method.descriptor)},
                   {"request", types.request},
                   {"private_request", types.private_request},
                   {"response", types.response},
                   {"private_response", types.private_response},
                   {"end", end}});
  }

  // Every version's service is built the same way by the chain, but only
  // methods that reach private directly (latest and deprecated ones) use the
  // private validator and implementation: members nothing reads are left out
  // (clang's -Wunused-private-field).
  bool UsesImplementation() const {
    for (const MethodModel& method : service_.methods) {
      if (method.next == nullptr) return true;
    }
    return false;
  }

  bool UsesPrivateValidator() const {
    for (const MethodModel& method : service_.methods) {
      if (method.next == nullptr &&
          model_.Find(method.private_counterpart->input_type()) != nullptr) {
        return true;
      }
    }
    return false;
  }

  // Whether the entries validate (requests of types from outside the chain
  // are not validated), and whether any step converts or calls the next
  // version: a service whose RPCs are all streaming has no step at all.
  bool UsesValidator() const {
    for (const MethodModel& method : service_.methods) {
      if (model_.Find(method.descriptor->input_type()) != nullptr) return true;
    }
    return false;
  }

  bool UsesConverter() const { return !service_.methods.empty(); }

  bool UsesNext() const {
    for (const MethodModel& method : service_.methods) {
      if (method.next != nullptr) return true;
    }
    return false;
  }

  std::string Constructor() const {
    std::vector<std::string> inits;
    if (UsesValidator()) inits.push_back("validator_(validator)");
    if (UsesConverter()) inits.push_back("converter_(converter)");
    if (UsesNext()) inits.push_back("next_(next)");
    if (UsesPrivateValidator()) inits.push_back("private_validator_(private_validator)");
    if (UsesImplementation()) inits.push_back("implementation_(implementation)");
    // Parameters nothing reads are left unnamed (-Wunused-parameter).
    auto named = [](absl::string_view name, bool used) {
      return used ? std::string(name) : absl::StrCat("/*", name, "*/");
    };
    return Render(R"cc(
      $name$::$name$(
          const $validator_class$& $validator$,
          const $converter_class$& $converter$,
          $#next_class$$next_class$* $next$,$/next_class$
          const $private_validator_class$& $private_validator$,
          $implementation_class$& $implementation$)$^inits$ {}$/inits$
          $#inits$
          : $inits$ {}
          $/inits$
    )cc",
                  {{"name", name_},
                   {"validator_class", names::ValidatorClass(service_.descriptor->file())},
                   {"converter_class", names::ConverterClass(service_.descriptor->file())},
                   {"next_class", NextType()},
                   {"private_validator_class", PrivateValidatorClass()},
                   {"implementation_class", ImplementationClass()},
                   {"validator", named("validator", UsesValidator())},
                   {"converter", named("converter", UsesConverter())},
                   {"next", named("next", UsesNext())},
                   {"private_validator", named("private_validator", UsesPrivateValidator())},
                   {"implementation", named("implementation", UsesImplementation())},
                   {"inits", JoinList(inits, ",")}});
  }

  // Validation of a message of ours; types from outside the chain are valid.
  // `validator` validates the messages of `home`; a message of another file
  // is validated by that file's generated validator.
  std::string ValidateCall(const pb::Descriptor* type, std::string validator,
                           const pb::FileDescriptor* home, const std::string& message) const {
    if (model_.Find(type) == nullptr) return "";
    if (type->file() != home) {
      CallGenerated(sections_, type->file());
      validator = absl::StrCat(names::ValidatorClass(type->file()), "::Default()");
    }
    return Render(R"cc(
      {
        ::cppsvc::ValidationContext context;
        $validator$.Validate($message$, context);
        if (context.violation_count() > 0) return context.TakeViolations().ToStatus();
      }
    )cc",
                  {{"validator", validator}, {"message", message}});
  }

  std::string Entry(const MethodModel& method) const {
    const Types types = TypesOf(method);
    return Render(R"cc(
      ::absl::Status $name$::$method$(const $request$& request, $response$* response) {
        $validate$
        ::cppsvc::internal::CallArena arena;
        $private_response$* private_response =
            ::cppsvc::internal::NewMessage<$private_response$>(arena.get());
        return $method$(request, nullptr, response, private_response, arena.get());
      }
    )cc",
                  {{"name", name_},
                   {"method", names::Method(method.descriptor)},
                   {"request", types.request},
                   {"response", types.response},
                   {"private_response", types.private_response},
                   {"validate", ValidateCall(method.descriptor->input_type(), "validator_",
                                             service_.descriptor->file(), "request")}});
  }

  std::string Step(const MethodModel& method) const {
    const Types types = TypesOf(method);
    const bool to_private = method.next == nullptr;
    return Render(R"cc(
      $head$
        $body$
      }
    )cc",
                  {{"head", StepSignature(method, absl::StrCat(name_, "::"), " {")},
                   {"body", to_private ? PrivateStep(method, types) : NextStep(method, types)}});
  }

  // Latest and deprecated methods call the private implementation.
  std::string PrivateStep(const MethodModel& method, const Types& types) const {
    const bool latest_public = package_.latest && !method.deprecated;
    return Render(
        R"cc(
      $private_request$& private_request =
          *::cppsvc::internal::NewMessage<$private_request$>(arena);
      ::absl::Status status = converter_.ToPrivate(request, private_request);
      if (status.ok()) status = ::cppsvc::internal::ApplyCarried(carried, private_request);
      if (!status.ok()) return ::cppsvc::internal::ConversionFailure(status);
      $validate$
      status = implementation_.$private_method$(private_request, private_response);
      if (!status.ok()) return status;
      return ::cppsvc::internal::ConversionFailure(
          converter_.$back$(*private_response, *response));
    )cc",
        {{"private_request", types.private_request},
         {"validate", ValidateCall(method.private_counterpart->input_type(), "private_validator_",
                                   service_.private_counterpart->file(), "private_request")},
         {"private_method", names::Method(method.private_counterpart)},
         {"back", latest_public ? "ToPublic" : "ToDeprecatedPublic"}});
  }

  // Older versions call the next version's step, carrying deprecated fields.
  std::string NextStep(const MethodModel& method, const Types& types) const {
    const MessageModel* request = model_.Find(method.descriptor->input_type());
    const bool carries =
        request != nullptr && request->carries_deprecated && !request->converter_empty;
    return Render(
        R"cc(
      $next_request$& next_request = *::cppsvc::internal::NewMessage<$next_request$>(arena);
      ::absl::Status status = converter_.ToNext(request, next_request);
      if (!status.ok()) return ::cppsvc::internal::ConversionFailure(status);
      $#carries$
      // This version's deprecated fields skip the next version.
      const ::cppsvc::internal::CarryOf<$converter$, $request$, $private_request$> carry(converter_, request, carried);
      $/carries$
      $next_response$& next_response = *::cppsvc::internal::NewMessage<$next_response$>(arena);
      status = next_->$next_method$(next_request, $carried$, &next_response, private_response, arena);
      if (!status.ok()) return status;
      return ::cppsvc::internal::ConversionFailure(
          converter_.ToPublic(next_response, private_response, *response));
    )cc",
        {{"next_request", types.next_request},
         {"next_response", types.next_response},
         {"next_method", names::Method(method.next)},
         {"carries", Flag(carries)},
         {"carried", carries ? "&carry" : "carried"},
         {"converter", names::ConverterClass(service_.descriptor->file())},
         {"request", types.request},
         {"private_request", types.private_request}});
  }

  const Model& model_;
  const ServiceModel& service_;
  const Package& package_;
  const Package& private_package_;
  const std::string name_;
  const std::string private_namespace_;
  Sections& sections_;
};

}  // namespace

void EmitServices(const Model& model, const FileModel& file, Sections& sections) {
  const Package& package = *file.package;
  if (package.domain == nullptr || package.domain->private_package == nullptr) return;
  if (file.services.empty()) return;
  sections.header_includes.insert("absl/status/status.h");
  if (package.role == PackageRole::kPrivate) {
    for (const ServiceModel* service : file.services) {
      for (int i = 0; i < service->descriptor->method_count(); ++i) {
        UseMessage(sections, service->descriptor->method(i)->input_type());
        UseMessage(sections, service->descriptor->method(i)->output_type());
      }
      sections.header_blocks.push_back(PrivateInterface(*service));
    }
    return;
  }
  sections.header_includes.insert("cppsvc/internal/convert_support.h");
  sections.source_includes.insert("cppsvc/internal/call_arena.h");
  sections.source_includes.insert("cppsvc/validation.h");
  for (const ServiceModel* service : file.services) {
    if (service->private_counterpart == nullptr) continue;
    PublicServiceEmitter emitter(model, *service, sections);
    emitter.DeclareUses();
    sections.header_blocks.push_back(emitter.Declaration());
    sections.source_blocks.push_back(emitter.Definitions());
  }
}

}  // namespace cppsvc::plugin
