#include "plugin/emit/testing_emitter.h"

#include <set>
#include <string>
#include <vector>

#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {
namespace {

// The services of a public version that a private implementation serves,
// each with at least one method to test.
std::vector<const ServiceModel*> TestedServices(const FileModel& file) {
  std::vector<const ServiceModel*> services;
  for (const ServiceModel* service : file.services) {
    if (service->private_counterpart != nullptr && !service->methods.empty()) {
      services.push_back(service);
    }
  }
  return services;
}

class ConversionTestEmitter {
 public:
  ConversionTestEmitter(const Model& model, const FileModel& file,
                        const std::vector<const ServiceModel*>& services)
      : model_(model), file_(file), package_(*file.package), services_(services) {}

  // The file's conversion-test helpers, defined in the header: only tests
  // include it, so code that does not use them never compiles them.
  std::string Helpers() const {
    std::vector<std::string> fakes;
    std::set<const pb::ServiceDescriptor*> faked;
    std::vector<std::string> functions;
    for (const ServiceModel* service : services_) {
      if (faked.insert(service->private_counterpart).second) {
        fakes.push_back(Fake(service->private_counterpart));
      }
      for (const MethodModel& method : service->methods) {
        functions.push_back(Function(*service, method));
      }
    }
    return Render(R"cc(
      // Conversion tests of $package$ (see cppsvc/testing.h). Each
      // function calls one public method through the chain as a client would,
      // over a fake private implementation that compares the request it gets
      // with `params.private_input` and answers with `params.private_output`,
      // and compares the response with `params.public_output`. Returns
      // OkStatus(), or an error that lists every problem. `overrides` go to
      // the chain, e.g. a converter that fills what the next version needs.
      namespace $testing$ {

      using ConversionParams = ::cppsvc::testing::ConversionParams;

      // Used by the functions below; not part of the API.
      namespace internal {

      $fakes$

      }  // namespace internal

      $functions$

      }  // namespace $testing$
    )cc",
                  {{"package", file_.file->name()},
                   {"testing", names::kTestingNamespace},
                   {"fakes", JoinBlocks(fakes)},
                   {"functions", JoinBlocks(functions)}});
  }

 private:
  // The private implementation of a conversion test: every call goes to the
  // test, which expects exactly one.
  std::string Fake(const pb::ServiceDescriptor* private_service) const {
    std::vector<std::string> methods;
    // The private interface's methods: its unary RPCs (streaming ones are
    // not in it).
    for (const MethodModel& served : model_.Find(private_service)->methods) {
      const pb::MethodDescriptor* method = served.descriptor;
      methods.push_back(Render(R"cc(
        ::absl::Status $method$(
            const $request$& request,
            $response$* response) override {
          return test_.AnswerPrivate($full_name$, request, response);
        }
      )cc",
                               {{"method", names::Method(method)},
                                {"request", names::Message(method->input_type())},
                                {"response", names::Message(method->output_type())},
                                {"full_name", names::StringLiteral(method->full_name())}}));
    }
    return Render(R"cc(
      // The private implementation of a conversion test, faking
      // $service$: every call goes to the test, which
      // expects exactly one, of the private method under test.
      class $fake$ final : public $private_namespace$::$service_class$ {
       public:
        explicit $fake$(::cppsvc::testing::ConversionTest& test) : test_(test) {}

        $methods$

       private:
        ::cppsvc::testing::ConversionTest& test_;
      };
    )cc",
                  {{"service", private_service->full_name()},
                   {"fake", names::FakeImplementation(private_service)},
                   {"private_namespace", PrivateNamespace(private_service)},
                   {"service_class", names::Service(private_service)},
                   {"methods", JoinBlocks(methods)}});
  }

  std::string Function(const ServiceModel& service, const MethodModel& method) const {
    const pb::MethodDescriptor* private_method = method.private_counterpart;
    return Render(
        R"cc(
      // $method_name$, served by $private_method_name$.
      inline ::absl::Status $function$(
          const ConversionParams& params,
          const $private_namespace$::$overrides$& overrides = {}) {
        $request$ request;
        $private_request$ expected_private_request;
        $private_response$ private_response;
        $response$ expected_response;
        ::cppsvc::testing::ConversionTest test(params, $method$,
                                               $private_method$);
        if (!test.Load(request, expected_private_request, private_response,
                       expected_response)) {
          return test.Result();
        }
        internal::$fake$ implementation(test);
        $private_namespace$::$chain$ chain(implementation, overrides);
        $response$ response;
        return test.Finish(chain.$version$().$call$(request, &response), response);
      }
    )cc",
        // Two services may both have a `Put`: in a package that serves
        // several services, every function's name includes its service.
        {{"function", names::ConversionTestFunction(method.descriptor, services_.size() > 1)},
         {"overrides", names::ChainOverrides(service.private_counterpart)},
         {"method_name", method.descriptor->full_name()},
         {"private_method_name", private_method->full_name()},
         {"request", names::Message(method.descriptor->input_type())},
         {"response", names::Message(method.descriptor->output_type())},
         {"private_request", names::Message(private_method->input_type())},
         {"private_response", names::Message(private_method->output_type())},
         {"method", names::StringLiteral(method.descriptor->full_name())},
         {"private_method", names::StringLiteral(private_method->full_name())},
         {"fake", names::FakeImplementation(service.private_counterpart)},
         {"private_namespace", PrivateNamespace(service.private_counterpart)},
         {"chain", names::Chain(service.private_counterpart)},
         {"version", package_.LastSegment()},
         {"call", names::Method(method.descriptor)}});
  }

  // Where the chain and the interface of a private service are declared.
  static std::string PrivateNamespace(const pb::ServiceDescriptor* private_service) {
    return names::QualifiedFileNamespace(private_service->file());
  }

  const Model& model_;
  const FileModel& file_;
  const Package& package_;
  const std::vector<const ServiceModel*>& services_;
};

}  // namespace

void EmitConversionTests(const Model& model, const FileModel& file, Sections& sections) {
  const Package& package = *file.package;
  if (package.role == PackageRole::kVersion && !package.conversion_tests) {
    sections.header_blocks.push_back(
        Render(R"cc(
      // $package$ has no conversion tests: they need reflection, and
      // $file$ sets optimize_for = LITE_RUNTIME.
      namespace $testing$ {}  // namespace $testing$
    )cc",
               {{"package", package.name},
                {"testing", names::kTestingNamespace},
                {"file", package.lite_file != nullptr
                             ? package.lite_file->name()
                             : package.domain->private_package->lite_file->name()}}));
    return;
  }
  const std::vector<const ServiceModel*> services = TestedServices(file);
  if (services.empty()) {
    sections.header_blocks.push_back(
        Render(R"cc(
      // $package$ serves no service through a private implementation, so it
      // has no conversion tests.
      namespace $testing$ {}  // namespace $testing$
    )cc",
               {{"package", file.file->name()}, {"testing", names::kTestingNamespace}}));
    return;
  }
  sections.header_includes.insert("absl/status/status.h");
  sections.header_includes.insert("cppsvc/testing.h");
  for (const ServiceModel* service : services) {
    // Each function builds the chain and converts its method's messages.
    sections.header_includes.insert(names::HeaderFile(service->private_counterpart->file()));
    for (const MethodModel& method : service->methods) {
      for (const pb::MethodDescriptor* m : {method.descriptor, method.private_counterpart}) {
        sections.header_includes.insert(names::ProtoHeader(m->input_type()->file()));
        sections.header_includes.insert(names::ProtoHeader(m->output_type()->file()));
      }
    }
  }
  ConversionTestEmitter emitter(model, file, services);
  sections.header_blocks.push_back(emitter.Helpers());
}

}  // namespace cppsvc::plugin
