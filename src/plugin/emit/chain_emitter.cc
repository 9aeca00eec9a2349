#include "plugin/emit/chain_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {
namespace {

// The public services served by `service`, oldest version first.
std::vector<const ServiceModel*> VersionsOf(const ServiceModel& service) {
  std::vector<const ServiceModel*> versions;
  for (const Package* package : service.package->domain->versions) {
    for (const ServiceModel* candidate : package->services) {
      if (candidate->private_counterpart == service.descriptor) versions.push_back(candidate);
    }
  }
  return versions;
}

std::string VersionNamespace(const ServiceModel& version) {
  return names::QualifiedFileNamespace(version.descriptor->file());
}

std::string VersionClass(const ServiceModel& version) {
  return absl::StrCat(VersionNamespace(version), "::", names::Service(version.descriptor));
}

std::string ChainDeclaration(const ServiceModel& service) {
  const std::vector<const ServiceModel*> versions = VersionsOf(service);
  std::vector<std::string> overrides;
  std::vector<std::string> accessors;
  std::vector<std::string> members;
  for (const ServiceModel* version : versions) {
    const pb::FileDescriptor* file = version->descriptor->file();
    overrides.push_back(Render(R"cc(
      const $validator$* $version$_validator = nullptr;
      const $converter$* $version$_converter = nullptr;
    )cc",
                               {{"validator", names::ValidatorClass(file)},
                                {"converter", names::ConverterClass(file)},
                                {"version", version->package->LastSegment()}}));
    accessors.push_back(Render(R"cc(
      // $service$
      $class$& $version$() { return *$version$_; }
    )cc",
                               {{"service", version->descriptor->full_name()},
                                {"class", VersionClass(*version)},
                                {"version", version->package->LastSegment()}}));
  }
  // Newest first: each version's service refers to the next one's.
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    members.push_back(
        Render("std::unique_ptr<$class$> $version$_;",
               {{"class", VersionClass(**it)}, {"version", (*it)->package->LastSegment()}}));
  }
  return Render(
      R"cc(
    // Validators and converters that replace the generated defaults in a
    // $chain$; null keeps the default. Not owned: they must outlive the
    // chain. Nested messages go through an override too.
    struct $overrides_struct$ {
      const $validator$* private_validator = nullptr;
      $overrides$
    };

    // Every public version of $service$, served at once by one
    // implementation: each version validates, converts towards private,
    // and converts responses back. Owns the version services it builds.
    //
    //   MyPeople implementation;            // implements $name$
    //   $chain$ chain(implementation);
    //   chain.$oldest$().$first_method$(request, &response);
    class $chain$ {
     public:
      explicit $chain$($name$& implementation);
      $chain$($name$& implementation, const $overrides_struct$& overrides);
      $chain$(const $chain$&) = delete;
      $chain$& operator=(const $chain$&) = delete;
      ~$chain$();

      $accessors$

     private:
      $members$
    };
  )cc",
      {{"name", names::Service(service.descriptor)},
       {"chain", names::Chain(service.descriptor)},
       {"overrides_struct", names::ChainOverrides(service.descriptor)},
       {"validator", names::kValidatorClass},
       {"service", service.descriptor->full_name()},
       {"oldest", versions.empty() ? "v1" : versions.front()->package->LastSegment()},
       {"first_method",
        service.methods.empty() ? "Method" : names::Method(service.methods.front().descriptor)},
       {"overrides", absl::StrJoin(overrides, "")},
       {"accessors", JoinBlocks(accessors)},
       {"members", absl::StrJoin(members, "")}});
}

// How the chain builds one version's service: the overrides or the defaults,
// and the next version's service, built before it.
std::string VersionInitializer(const ServiceModel& version) {
  const pb::FileDescriptor* file = version.descriptor->file();
  return Render(R"cc(
    $version$_(std::make_unique<$class$>(
        ::cppsvc::internal::OrDefault(overrides.$version$_validator, $validator$::Default()),
        ::cppsvc::internal::OrDefault(overrides.$version$_converter, $converter$::Default()),
        $#next$$next$_.get(),$/next$
        ::cppsvc::internal::OrDefault(overrides.private_validator, $private_validator$::Default()),
        implementation))
  )cc",
                {{"version", version.package->LastSegment()},
                 {"class", VersionClass(version)},
                 {"validator", names::ValidatorClass(file)},
                 {"converter", names::ConverterClass(file)},
                 {"next", version.next != nullptr ? version.package->next->LastSegment() : ""},
                 {"private_validator", names::kValidatorClass}});
}

std::string ChainDefinition(const ServiceModel& service) {
  const std::vector<const ServiceModel*> versions = VersionsOf(service);
  std::vector<std::string> initializers;
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    initializers.push_back(VersionInitializer(**it));
  }
  const bool empty = initializers.empty();
  return Render(R"cc(
    $chain$::$chain$($name$& implementation)
        : $chain$(implementation, $overrides_struct$()) {}

    $chain$::$chain$(
        $name$& $implementation$, const $overrides_struct$& $overrides$)$^inits$ {}$/inits$
        $#inits$
        : $inits$ {}
        $/inits$

    $chain$::~$chain$() = default;
  )cc",
                {{"name", names::Service(service.descriptor)},
                 {"chain", names::Chain(service.descriptor)},
                 {"overrides_struct", names::ChainOverrides(service.descriptor)},
                 {"implementation", empty ? "/*implementation*/" : "implementation"},
                 {"overrides", empty ? "/*overrides*/" : "overrides"},
                 {"inits", JoinList(initializers, ",")}});
}

}  // namespace

void EmitChains(const Model& /*model*/, const FileModel& file, Sections& sections) {
  if (file.package->role != PackageRole::kPrivate || file.services.empty()) return;
  sections.header_includes.insert("<memory>");
  sections.source_includes.insert("cppsvc/internal/convert_support.h");
  for (const ServiceModel* service : file.services) {
    for (const ServiceModel* version : VersionsOf(*service)) {
      // Whoever builds a chain calls its versions: their headers come along
      // (a flat list; no version header includes another or this one).
      sections.header_includes.insert(names::HeaderFile(version->descriptor->file()));
    }
  }
  for (const ServiceModel* service : file.services) {
    sections.header_blocks.push_back(ChainDeclaration(*service));
    sections.source_blocks.push_back(ChainDefinition(*service));
  }
}

}  // namespace cppsvc::plugin
