// Stage 5 of the model: the layout of the tree (docs/reference/diagnostics-and-parameters.md), and
// warnings for chains that arrive split across plugin calls.
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

// SourceCodeInfo paths into FileDescriptorProto.
constexpr int kPackageField = 2;
constexpr int kDependencyField = 3;

bool IsLowerSnakeCase(absl::string_view name) {
  if (name.empty() || !absl::ascii_islower(name.front())) return false;
  char previous = 0;
  for (char c : name) {
    const bool ok =
        absl::ascii_islower(c) || absl::ascii_isdigit(c) || (c == '_' && previous != '_');
    if (!ok) return false;
    previous = c;
  }
  return previous != '_';
}

std::string Directory(absl::string_view file_name) {
  const size_t slash = file_name.rfind('/');
  return std::string(slash == absl::string_view::npos ? "" : file_name.substr(0, slash));
}

std::string BaseName(absl::string_view file_name) {
  const size_t slash = file_name.rfind('/');
  absl::string_view base = file_name;
  if (slash != absl::string_view::npos) base.remove_prefix(slash + 1);
  absl::ConsumeSuffix(&base, ".proto");
  return std::string(base);
}

// Imports a self-contained file may keep: the well-known types and the
// plugin's own protos.
bool IsSharedImport(absl::string_view path) {
  return absl::StartsWith(path, "google/protobuf/") || absl::StartsWith(path, "gen/svc/") ||
         absl::StartsWith(path, "cppsvc/");
}

}  // namespace

void ModelBuilder::CheckLayout() {
  if (parameters_.lint == Parameters::Lint::kOff) return;
  const bool warning = parameters_.lint == Parameters::Lint::kWarn;
  for (const auto& package : model_->packages_) {
    for (const pb::FileDescriptor* file : package->files) {
      auto report = [&](const std::vector<int>& path, std::string message) {
        diagnostics_.AtPath(file, path, absl::StrCat("layout: ", message), warning);
      };
      const std::string& name = package->name;
      const std::string expected = absl::StrReplaceAll(Directory(file->name()), {{"/", "."}});
      if (name.empty()) {
        report({}, "the file declares no package");
      } else if (name != expected) {
        report({kPackageField}, absl::StrCat("package ", name, " does not match its directory \"",
                                             Directory(file->name()), "/\" (expected package ",
                                             expected.empty() ? "(none)" : expected, ")"));
      }
      if (!name.empty() && package->role == PackageRole::kStandalone) {
        report({kPackageField}, absl::StrCat("package ", name,
                                             " should end in a version (v1, v2beta1, "
                                             "v20240101) or \"private\""));
      }
      if (!parameters_.lint_prefix.empty() && name != parameters_.lint_prefix &&
          !absl::StartsWith(name, absl::StrCat(parameters_.lint_prefix, "."))) {
        report({kPackageField},
               absl::StrCat("package ", name, " does not start with the organisation prefix \"",
                            parameters_.lint_prefix, ".\""));
      }
      if (!IsLowerSnakeCase(BaseName(file->name()))) {
        report({}, absl::StrCat("file name \"", BaseName(file->name()),
                                ".proto\" is not lower_snake_case"));
      }
      if (!parameters_.lint_self_contained) continue;
      for (int i = 0; i < file->dependency_count(); ++i) {
        if (IsSharedImport(file->dependency(i)->name())) continue;
        report({kDependencyField, i},
               absl::StrCat("import \"", file->dependency(i)->name(),
                            "\": files must be self-contained (lint_self_contained=true); "
                            "only google/protobuf/ and the plugin's protos may be imported"));
      }
    }
  }
}

// A chain that spans v1/, v2/ and private/ can reach the plugin in pieces:
// buf's default strategy generates each directory on its own, and a protoc
// command line may name only some of the files. Each piece is valid on its
// own, so say what the pieces look like: one short warning per domain, and the
// advice once for the run. protoc sends its compiler_version and buf does not;
// without one the advice names buf first but covers both.
void ModelBuilder::WarnAboutSplitChains() {
  const std::string advice = absl::StrCat(
      "a service chain is generated when a domain's public versions and its private "
      "package are in one request: ",
      parameters_.from_protoc
          ? "name all their files in one protoc run"
          : "with buf, set `strategy: all` on this plugin in buf.gen.yaml (buf's default "
            "strategy runs it once per directory); with protoc, name all their files in one run",
      ". The parameter warnings=off silences warnings.");
  for (const auto& domain : model_->domains_) {
    const Package* priv = domain->private_package;
    if (priv != nullptr && domain->versions.empty() && !priv->services.empty()) {
      diagnostics_.WarningInFile(
          priv->files.front(),
          absl::StrCat("domain ", domain->name, ": the private package ", priv->name,
                       " has services, but no public version is in this request, so "
                       "nothing serves them"));
      diagnostics_.Note(advice);
    }
    if (priv != nullptr) continue;
    for (const Package* version : domain->versions) {
      if (version->services.empty()) continue;
      diagnostics_.WarningInFile(
          version->files.front(),
          absl::StrCat("domain ", domain->name, ": ", version->name,
                       " has services, but no private package is in this request, so "
                       "no service chain is generated"));
      diagnostics_.Note(advice);
      break;
    }
  }
}

}  // namespace cppsvc::plugin
