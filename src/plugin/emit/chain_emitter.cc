#include "plugin/emit/chain_emitter.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/names.h"
#include "plugin/emit/writer.h"

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
  const std::string name = names::Service(service.descriptor);
  const std::vector<const ServiceModel*> versions = VersionsOf(service);
  std::vector<std::string> overrides;
  std::vector<std::string> accessors;
  std::vector<std::string> members;
  for (const ServiceModel* version : versions) {
    const std::string segment = version->package->LastSegment();
    overrides.push_back(absl::StrCat("const ", VersionNamespace(*version), "::Validator* ", segment,
                                     "_validator = nullptr;\nconst ", VersionNamespace(*version),
                                     "::Converter* ", segment, "_converter = nullptr;"));
    accessors.push_back(absl::StrCat("// ", version->descriptor->full_name(), "\n",
                                     VersionClass(*version), "& ", segment, "() { return *",
                                     segment, "_; }"));
  }
  // Newest first: each version's service refers to the next one's.
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    members.push_back(absl::StrCat("std::unique_ptr<", VersionClass(**it), "> ",
                                   (*it)->package->LastSegment(), "_;"));
  }
  return Render(
      R"cc(
    // Validators and converters that replace the generated defaults in a
    // $name$Chain; null keeps the default. Not owned: they must outlive the
    // chain. Nested messages go through an override too.
    struct $name$ChainOverrides {
      const Validator* private_validator = nullptr;
      $overrides$
    };

    // Every public version of $service$, served at once by one
    // implementation: each version validates, converts towards private,
    // and converts responses back. Owns the version services it builds.
    //
    //   MyPeople implementation;            // implements $name$
    //   $name$Chain chain(implementation);
    //   chain.$oldest$().$first_method$(request, &response);
    class $name$Chain {
     public:
      explicit $name$Chain($name$& implementation);
      $name$Chain($name$& implementation, const $name$ChainOverrides& overrides);
      $name$Chain(const $name$Chain&) = delete;
      $name$Chain& operator=(const $name$Chain&) = delete;
      ~$name$Chain();

      $accessors$

     private:
      $members$
    };
  )cc",
      {{"name", name},
       {"service", service.descriptor->full_name()},
       {"oldest", versions.empty() ? "v1" : versions.front()->package->LastSegment()},
       {"first_method",
        service.methods.empty() ? "Method" : names::Method(service.methods.front().descriptor)},
       {"overrides", absl::StrJoin(overrides, "\n")},
       {"accessors", absl::StrJoin(accessors, "\n\n")},
       {"members", absl::StrJoin(members, "\n")}});
}

std::string ChainDefinition(const ServiceModel& service) {
  const std::string name = names::Service(service.descriptor);
  const std::vector<const ServiceModel*> versions = VersionsOf(service);
  std::vector<std::string> initializers;
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    const ServiceModel& version = **it;
    const std::string segment = version.package->LastSegment();
    const std::string ns = VersionNamespace(version);
    const std::string next =
        version.next != nullptr
            ? absl::StrCat(version.package->next->LastSegment(), "_.get(),\n      ")
            : "";
    initializers.push_back(absl::StrCat(
        segment, "_(std::make_unique<", VersionClass(version), ">(\n      ",
        "::cppsvc::internal::OrDefault(overrides.", segment, "_validator, ", ns,
        "::Validator::Default()),\n      ::cppsvc::internal::OrDefault(overrides.", segment,
        "_converter, ", ns, "::Converter::Default()),\n      ", next,
        "::cppsvc::internal::OrDefault(overrides.private_validator, Validator::Default()),\n"
        "      implementation))"));
  }
  const bool empty = initializers.empty();
  return Render(R"cc(
    $name$Chain::$name$Chain($name$& implementation)
        : $name$Chain(implementation, $name$ChainOverrides()) {}

    $name$Chain::$name$Chain($name$& $implementation$,
                             const $name$ChainOverrides& $overrides$)$colon$
        $initializers$ {}

    $name$Chain::~$name$Chain() = default;
  )cc",
                {{"name", name},
                 {"implementation", empty ? "/*implementation*/" : "implementation"},
                 {"overrides", empty ? "/*overrides*/" : "overrides"},
                 {"colon", initializers.empty() ? "" : "\n    :"},
                 {"initializers", absl::StrJoin(initializers, ",\n")}});
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
