// Stage 1 of the model: packages, their elements and annotations, and the
// grouping of packages into domains and version chains.
#include "plugin/model/builder.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/model/annotations.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

// The namespace, nested in each package's namespace, that holds what we
// generate for that package.
constexpr absl::string_view kGeneratedNamespace = "svc";

absl::string_view LastSegmentOf(absl::string_view package) {
  const size_t dot = package.rfind('.');
  return dot == absl::string_view::npos ? package : package.substr(dot + 1);
}

absl::string_view DomainOf(absl::string_view package) {
  const size_t dot = package.rfind('.');
  return dot == absl::string_view::npos ? absl::string_view()
                                        : package.substr(0, dot);
}

std::string DomainLabel(const std::string& name) {
  return name.empty() ? "(the root package)" : name;
}

}  // namespace

std::unique_ptr<const Model> BuildModel(
    const std::vector<const pb::FileDescriptor*>& files,
    const Parameters& parameters, Diagnostics& diagnostics) {
  return ModelBuilder(parameters, diagnostics).Build(files);
}

std::unique_ptr<const Model> ModelBuilder::Build(
    const std::vector<const pb::FileDescriptor*>& files) {
  CollectPackages(files);
  FormChains();
  CheckLayout();
  WarnAboutSplitChains();
  for (const auto& domain : model_->domains_) ResolveDomain(*domain);
  ParseRules();
  ComputeHasRules();
  ComputeCarriesDeprecated();
  CollectEvents();
  CheckLiteRuntime();
  for (const auto& package : model_->packages_) {
    CheckGeneratedNamespace(*package);
    CheckServiceNames(*package);
  }
  return std::move(model_);
}

void ModelBuilder::CollectPackages(
    const std::vector<const pb::FileDescriptor*>& files) {
  std::map<std::string, std::vector<const pb::FileDescriptor*>> by_package;
  for (const pb::FileDescriptor* file : files) {
    by_package[file->package()].push_back(file);
  }
  for (auto& [name, package_files] : by_package) {
    auto package = std::make_unique<Package>();
    package->name = name;
    std::sort(package_files.begin(), package_files.end(),
              [](const pb::FileDescriptor* a, const pb::FileDescriptor* b) {
                return a->name() < b->name();
              });
    package->files = package_files;
    const absl::string_view last = LastSegmentOf(name);
    if (!name.empty() && (last == "private" ||
                          parameters_.private_packages.count(name) > 0)) {
      package->role = PackageRole::kPrivate;
    } else if (!name.empty() && (package->version = ParseVersion(last))) {
      package->role = PackageRole::kVersion;
    }
    for (const pb::FileDescriptor* file : package->files) {
      for (int i = 0; i < file->enum_type_count(); ++i) {
        CollectEnum(file->enum_type(i), *package);
      }
      for (int i = 0; i < file->message_type_count(); ++i) {
        CollectMessage(file->message_type(i), *package, false);
      }
      for (int i = 0; i < file->service_count(); ++i) {
        CollectService(file->service(i), *package);
      }
    }
    model_->package_index_[name] = package.get();
    model_->packages_.push_back(std::move(package));
  }
  for (const std::string& name : parameters_.private_packages) {
    if (model_->package_index_.count(name) == 0) {
      diagnostics_.ErrorInFile(
          files.empty() ? nullptr : files.front(),
          absl::StrCat("parameter private_package: package \"", name,
                       "\" is not among the files being generated"));
    }
  }
}

void ModelBuilder::CollectMessage(const pb::Descriptor* message,
                                  Package& package, bool parent_deprecated) {
  if (message->options().map_entry()) return;  // part of its map field
  auto model = std::make_unique<MessageModel>();
  const gen::svc::MessageAnnotation& annotation = AnnotationOf(message);
  model->descriptor = message;
  model->package = &package;
  model->deprecated = parent_deprecated || annotation.deprecated();
  model->converter_empty = annotation.converter().empty();
  for (int i = 0; i < message->field_count(); ++i) {
    const pb::FieldDescriptor* field = message->field(i);
    const gen::svc::FieldAnnotation& field_annotation = AnnotationOf(field);
    FieldModel field_model;
    field_model.descriptor = field;
    field_model.deprecated = field_annotation.deprecated();
    field_model.receive_required = field_annotation.receive().required();
    model->fields.push_back(std::move(field_model));
  }
  for (int i = 0; i < message->real_oneof_decl_count(); ++i) {
    const pb::OneofDescriptor* oneof = message->oneof_decl(i);
    const gen::svc::OneofAnnotation& oneof_annotation = AnnotationOf(oneof);
    OneofModel oneof_model;
    oneof_model.descriptor = oneof;
    oneof_model.deprecated = oneof_annotation.deprecated();
    oneof_model.receive_required = oneof_annotation.receive().required();
    oneof_model.required = ParseOneofRequired(oneof);
    model->oneofs.push_back(oneof_model);
  }
  const bool deprecated = model->deprecated;
  model_->message_index_[message] = model.get();
  messages_by_name_[message->full_name()] = model.get();
  package.messages.push_back(model.get());
  model_->messages_.push_back(std::move(model));
  for (int i = 0; i < message->enum_type_count(); ++i) {
    CollectEnum(message->enum_type(i), package);
  }
  for (int i = 0; i < message->nested_type_count(); ++i) {
    CollectMessage(message->nested_type(i), package, deprecated);
  }
}

void ModelBuilder::CollectEnum(const pb::EnumDescriptor* enumeration,
                               Package& package) {
  auto model = std::make_unique<EnumModel>();
  model->descriptor = enumeration;
  model->package = &package;
  for (int i = 0; i < enumeration->value_count(); ++i) {
    const pb::EnumValueDescriptor* value = enumeration->value(i);
    model->values.push_back(
        EnumValueModel{value, TargetName(value), ReceiveNames(value)});
  }
  model_->enum_index_[enumeration] = model.get();
  package.enums.push_back(model.get());
  model_->enums_.push_back(std::move(model));
}

void ModelBuilder::CollectService(const pb::ServiceDescriptor* service,
                                  Package& package) {
  auto model = std::make_unique<ServiceModel>();
  model->descriptor = service;
  model->package = &package;
  for (int i = 0; i < service->method_count(); ++i) {
    const pb::MethodDescriptor* method = service->method(i);
    if (method->client_streaming() || method->server_streaming()) {
      model->streaming.push_back(method);
      continue;
    }
    const gen::svc::MethodAnnotation& annotation = AnnotationOf(method);
    MethodModel method_model;
    method_model.descriptor = method;
    method_model.deprecated = annotation.deprecated();
    method_model.converter_empty = annotation.converter().empty();
    model->methods.push_back(method_model);
  }
  model_->service_index_[service] = model.get();
  package.services.push_back(model.get());
  model_->services_.push_back(std::move(model));
}

void ModelBuilder::FormChains() {
  std::map<std::string, std::unique_ptr<Domain>> domains;
  for (const auto& package : model_->packages_) {
    if (package->role == PackageRole::kStandalone) continue;
    std::unique_ptr<Domain>& domain = domains[std::string(DomainOf(package->name))];
    if (domain == nullptr) {
      domain = std::make_unique<Domain>();
      domain->name = std::string(DomainOf(package->name));
    }
    package->domain = domain.get();
    if (package->role == PackageRole::kVersion) {
      domain->versions.push_back(package.get());
    } else if (domain->private_package != nullptr) {
      diagnostics_.ErrorInFile(
          package->files.front(),
          absl::StrCat("package ", package->name, ": domain ",
                       DomainLabel(domain->name),
                       " already has the private package ",
                       domain->private_package->name));
    } else {
      domain->private_package = package.get();
    }
  }
  for (auto& [name, domain] : domains) {
    std::stable_sort(domain->versions.begin(), domain->versions.end(),
              [](const Package* a, const Package* b) {
                return *a->version < *b->version;
              });
    // v1 and v01 are one version (buf accepts both spellings): one of them
    // cannot have a place in the chain.
    for (size_t i = 1; i < domain->versions.size();) {
      const Package* kept = domain->versions[i - 1];
      const Package* same = domain->versions[i];
      if (!(*kept->version == *same->version)) {
        ++i;
        continue;
      }
      diagnostics_.AtPath(
          same->files.front(), {2},
          absl::StrCat("package ", same->name, ": version ", same->LastSegment(),
                       " is the same version as package ", kept->name,
                       "; rename one of them"),
          /*warning=*/false);
      domain->versions.erase(domain->versions.begin() + i);
    }
    for (size_t i = 0; i < domain->versions.size(); ++i) {
      Package* package = model_->package_index_[domain->versions[i]->name];
      if (i + 1 < domain->versions.size()) {
        package->next = domain->versions[i + 1];
      } else {
        package->latest = true;
      }
    }
    model_->domains_.push_back(std::move(domain));
  }
}

// Our code for package p lives in namespace p::svc. A package-level symbol of
// that name (a message, enum, enum value or service) would clash with it.
void ModelBuilder::CheckGeneratedNamespace(const Package& package) {
  auto clash = [&](const auto* element, absl::string_view kind) {
    diagnostics_.Error(
        element,
        absl::StrCat(kind, " ", element->full_name(), ": the name \"",
                     kGeneratedNamespace,
                     "\" is reserved at package level for the namespace of "
                     "generated code; rename it"));
  };
  for (const pb::FileDescriptor* file : package.files) {
    for (int i = 0; i < file->message_type_count(); ++i) {
      if (file->message_type(i)->name() == kGeneratedNamespace) {
        clash(file->message_type(i), "message");
      }
    }
    for (int i = 0; i < file->enum_type_count(); ++i) {
      const pb::EnumDescriptor* enumeration = file->enum_type(i);
      if (enumeration->name() == kGeneratedNamespace) clash(enumeration, "enum");
      for (int j = 0; j < enumeration->value_count(); ++j) {
        if (enumeration->value(j)->name() == kGeneratedNamespace) {
          clash(enumeration->value(j), "enum value");
        }
      }
    }
    for (int i = 0; i < file->service_count(); ++i) {
      if (file->service(i)->name() == kGeneratedNamespace) {
        clash(file->service(i), "service");
      }
    }
  }
}

// Services become classes in the package's generated namespace, next to what
// we generate there ourselves, and RPCs become member functions next to the
// class's own members: names that would collide are reported instead of
// emitting code that does not compile.
void ModelBuilder::CheckServiceNames(const Package& package) {
  if (!package.HasServiceChain()) return;  // no service classes generated
  static const absl::flat_hash_set<std::string> kReservedClassNames = {
      "Validator", "Converter", "Validate", "testing",  "Pack",
      "PackTo",    "Unpack",    "ToLatest", "RegisterEvents"};
  static constexpr absl::string_view kDerivedSuffixes[] = {"Chain", "ChainOverrides", "Grpc"};

  absl::flat_hash_set<std::string> service_names;
  for (const ServiceModel* service : package.services) {
    service_names.insert(service->descriptor->name());
  }
  for (const ServiceModel* service : package.services) {
    const pb::ServiceDescriptor* descriptor = service->descriptor;
    const std::string& name = descriptor->name();
    const std::string where = absl::StrCat("service ", descriptor->full_name());
    if (kReservedClassNames.contains(name)) {
      diagnostics_.Error(descriptor,
                         absl::StrCat(where, ": the name \"", name,
                                      "\" is taken by generated code in namespace ",
                                      package.name, ".svc; rename the service"));
    }
    for (absl::string_view suffix : kDerivedSuffixes) {
      if (absl::EndsWith(name, suffix) &&
          service_names.contains(name.substr(0, name.size() - suffix.size()))) {
        diagnostics_.Error(
            descriptor, absl::StrCat(where, ": the name \"", name, "\" is what service \"",
                                     name.substr(0, name.size() - suffix.size()),
                                     "\" generates for its ", suffix,
                                     " class; rename one of them"));
      }
    }
    // Streaming RPCs become no member functions, so only unary ones count.
    for (const MethodModel& served : service->methods) {
      const pb::MethodDescriptor* method = served.descriptor;
      const std::string what = absl::StrCat("method ", method->full_name());
      if (method->name() == name) {
        diagnostics_.Error(method, absl::StrCat(what, ": an RPC named like its service "
                                                      "would be the C++ class's constructor; "
                                                      "rename the RPC or the service"));
      }  // Data members: emit/name_checks.cc, from the names module.
    }
    WarnAboutStreaming(*service);
  }
}

// The service chain serves unary RPCs only. Streaming ones are left out of
// every generated class (the model holds them apart, see ServiceModel), and
// said so once per service.
void ModelBuilder::WarnAboutStreaming(const ServiceModel& service) {
  if (service.streaming.empty()) return;
  std::vector<std::string> names;
  for (const pb::MethodDescriptor* method : service.streaming) {
    names.push_back(method->name());
  }
  const bool one = names.size() == 1;
  diagnostics_.Warning(
      service.descriptor,
      absl::StrCat("service ", service.descriptor->full_name(), ": streaming RPC",
                   one ? " " : "s ", absl::StrJoin(names, ", "), one ? " is" : " are",
                   " left out of the service chain, which serves unary RPCs only",
                   service.package->role == PackageRole::kPrivate
                       ? ""
                       : absl::StrCat("; the gRPC binding answers ", one ? "it" : "them",
                                      " UNIMPLEMENTED (override ", one ? "it" : "them",
                                      " in a subclass of the binding to serve ",
                                      one ? "it" : "them", ")")));
}

MessageModel* ModelBuilder::MutableFind(const pb::Descriptor* message) const {
  auto it = model_->message_index_.find(message);
  return it == model_->message_index_.end() ? nullptr : it->second;
}

MessageModel* ModelBuilder::FindInPackage(const Package& package,
                                          const std::string& full_name) const {
  auto it = messages_by_name_.find(full_name);
  if (it == messages_by_name_.end() || it->second->package != &package) {
    return nullptr;
  }
  return it->second;
}

// ---- Model lookups -------------------------------------------------------------

namespace {
template <typename Map, typename Key>
auto FindOrNull(const Map& map, const Key& key) ->
    typename Map::mapped_type {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}
}  // namespace

const MessageModel* Model::Find(const pb::Descriptor* message) const {
  return FindOrNull(message_index_, message);
}
const EnumModel* Model::Find(const pb::EnumDescriptor* enumeration) const {
  return FindOrNull(enum_index_, enumeration);
}
const ServiceModel* Model::Find(const pb::ServiceDescriptor* service) const {
  return FindOrNull(service_index_, service);
}
const Package* Model::FindPackage(const std::string& name) const {
  return FindOrNull(package_index_, name);
}
const EnumMapping* Model::NextMapping(const pb::FieldDescriptor* field) const {
  return FindOrNull(next_mappings_, field);
}
const EnumMapping* Model::PrivateMapping(
    const pb::FieldDescriptor* field) const {
  return FindOrNull(private_mappings_, field);
}

const FieldModel* MessageModel::FindField(
    const pb::FieldDescriptor* field) const {
  for (const FieldModel& candidate : fields) {
    if (candidate.descriptor == field) return &candidate;
  }
  return nullptr;
}

const OneofModel* MessageModel::FindOneof(
    const pb::OneofDescriptor* oneof) const {
  for (const OneofModel& candidate : oneofs) {
    if (candidate.descriptor == oneof) return &candidate;
  }
  return nullptr;
}

std::string Package::LastSegment() const {
  return std::string(LastSegmentOf(name));
}

bool Package::HasServiceChain() const {
  return domain != nullptr && domain->private_package != nullptr;
}

}  // namespace cppsvc::plugin
