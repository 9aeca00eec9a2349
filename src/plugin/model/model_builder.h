// Internal to the model: the stages of BuildModel, each in its own file.
#ifndef CPPSVC_PLUGIN_MODEL_MODEL_BUILDER_H_
#define CPPSVC_PLUGIN_MODEL_MODEL_BUILDER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "plugin/model/diagnostics.h"
#include "plugin/model/model.h"
#include "plugin/parameters.h"

namespace cppsvc::plugin {

class ModelBuilder {
 public:
  ModelBuilder(const Parameters& parameters, Diagnostics& diagnostics)
      : parameters_(parameters), diagnostics_(diagnostics), model_(std::make_unique<Model>()) {}

  std::unique_ptr<const Model> Build(const std::vector<const pb::FileDescriptor*>& files);

 private:
  // builder.cc: packages, elements and annotations, domains and chains.
  void CollectPackages(const std::vector<const pb::FileDescriptor*>& files);
  void CollectMessage(const pb::Descriptor* message, Package& package, bool parent_deprecated);
  void CollectEnum(const pb::EnumDescriptor* enumeration, Package& package);
  void CollectService(const pb::ServiceDescriptor* service, Package& package);
  void CollectImported(const std::vector<const pb::FileDescriptor*>& files);
  void CollectFiles(const std::vector<const pb::FileDescriptor*>& files);
  void FormChains();
  void WarnAboutStreaming(const ServiceModel& service);

  // name_checks.cc: generated names against each other and against proto
  // names, from the names module.
  void CheckNames();
  void CheckGeneratedNamespace(const Package& package);
  void CheckServiceNames(const Package& package);
  void CheckMemberNames();
  void CheckGrpcNames();

  // resolve.cc: counterparts of every element of every public version.
  void ResolveDomain(const Domain& domain);
  void ResolveMessage(MessageModel& message);
  void ResolveFields(MessageModel& message);
  void ResolveOneofs(MessageModel& message);
  void ResolveEnumDelegate(const EnumModel& enumeration);
  void ResolveService(ServiceModel& service);
  void ResolveMethod(const ServiceModel& service, const ServiceModel& next_or_private,
                     MethodModel& method);
  void MarkHandWrittenConverters(const Package& package);
  const pb::FieldDescriptor* FindOneofMember(const pb::FieldDescriptor* member,
                                             const pb::OneofDescriptor* target, bool to_private);
  void CheckMethodTypes(const MethodModel& method);

  // compatibility.cc: field types against their counterparts, how each
  // field's values convert; enum mappings.
  using Kind = ValueConversion::Kind;
  void DecideConversions(MessageModel& message);
  std::optional<Kind> CheckFieldType(const MessageModel& message, const FieldModel& field,
                                     const pb::FieldDescriptor* counterpart, bool is_next);
  void RecordConversions(FieldModel& field, std::optional<Kind> next_kind,
                         std::optional<Kind> private_kind) const;
  void RecordConversions(OneofModel& oneof) const;
  ValueConversion MakeConversion(const FieldModel& field, Kind kind, Direction direction) const;
  void MapEnumField(const FieldModel& field, const pb::FieldDescriptor* counterpart, bool is_next);
  std::optional<Kind> ClassifyValues(const MessageModel& message, const pb::FieldDescriptor* from,
                                     const pb::FieldDescriptor* to, bool is_next) const;
  std::optional<Kind> ClassifyMessages(const MessageModel& message, const pb::Descriptor* from,
                                       const pb::Descriptor* to, bool is_next) const;
  std::string MessageTypeHint(const pb::Descriptor* type, const pb::Descriptor* wanted,
                              bool is_next) const;
  const EnumMapping* MapEnum(const pb::FieldDescriptor* from, const pb::FieldDescriptor* to,
                             const EnumMapping* through);
  static void ComposeEnumMapping(const EnumMapping& through, const EnumMapping& onward,
                                 EnumMapping& mapping);
  void MapEnumValues(const pb::FieldDescriptor* from_field, const pb::FieldDescriptor* to_field,
                     EnumMapping& mapping);

  // rules.cc is a free function (ParseFieldRules); this stage applies it.
  void ParseRules();
  void ComputeHasRules();
  void ComputeCarriesDeprecated();
  template <typename Follows>
  void Propagate(bool MessageModel::*flag, Follows follows);

  // events.cc: events by annotation or convention, linked version to version.
  void CollectEvents();
  void CollectEvent(const MessageModel& message, Package& package);
  bool ApplyFixedEventName(const pb::FieldDescriptor* event_name, const std::string& fixed_name,
                           EventModel& event);
  bool EventStringsAreUtf8(const EventModel& event, const pb::FieldDescriptor* fixed_name_field);
  bool ResolveAggregateField(const std::string& aggregate, EventModel& event);
  bool ReadConvention(const pb::Descriptor& message, EventConvention& convention);
  void CheckEventIdentities();
  void LinkEventVersions();

  // lite.cc: what LITE_RUNTIME files get (no reflection).
  void CheckLiteRuntime();

  // layout.cc: the tree convention (lint) and split-chain warnings.
  void CheckLayout();
  void WarnAboutSplitChains();

  MessageModel* MutableFind(const pb::Descriptor* message) const;
  // Generated or imported: what has_rules propagates through.
  const MessageModel* FindAny(const pb::Descriptor* message) const;
  MessageModel* FindInPackage(const Package& package, const std::string& full_name) const;

  const Parameters& parameters_;
  Diagnostics& diagnostics_;
  std::unique_ptr<Model> model_;
  absl::flat_hash_map<std::string, MessageModel*> messages_by_name_;
};

// Parses `(gen.svc.field).validate` of `field` against its type. Problems go to
// `diagnostics`, and the offending rule is left out of the result.
FieldRules ParseFieldRules(const pb::FieldDescriptor* field, Diagnostics& diagnostics);

// `(gen.svc.oneof).validate.required`.
bool ParseOneofRequired(const pb::OneofDescriptor* oneof);

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_MODEL_BUILDER_H_
