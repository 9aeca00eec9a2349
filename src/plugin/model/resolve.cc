// Stage 2 of the model: every element of every public version is resolved to
// its counterparts (docs/reference/chains.md).
//
// Versions are resolved newest first, so that an element's private
// counterpart can be taken from its next counterpart (transitively: a rename
// in v1 -> v2 and another in v2 -> private resolve). Latest and deprecated
// elements resolve directly against private, where their delegate names the
// private counterpart.
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/compat.h"
#include "plugin/model/annotations.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

// The problem text for an element whose counterpart is missing.
template <typename Descriptor>
std::string NotFound(absl::string_view kind, const Descriptor* element, absl::string_view scope) {
  const std::string& delegate = AnnotationOf(element).delegate().name();
  if (!delegate.empty()) {
    return absl::StrCat(kind, " ", element->full_name(), ": delegate \"", delegate,
                        "\" not found in ", scope);
  }
  return absl::StrCat(kind, " ", element->full_name(), ": no ", kind, " \"", element->name(),
                      "\" in ", scope, " (add one, or name the counterpart with a delegate)");
}

// Where the counterpart of an element of `package` is looked up: private for
// the latest version and for deprecated elements, the next version otherwise.
bool GoesToPrivate(const Package& package, bool deprecated) { return deprecated || package.latest; }

std::string NoPrivatePackage(absl::string_view kind, absl::string_view name, const Domain& domain) {
  return absl::StrCat(kind, " ", name, " is deprecated, but domain ", domain.name,
                      " has no private package to carry it");
}

}  // namespace

void ModelBuilder::ResolveDomain(const Domain& domain) {
  for (auto it = domain.versions.rbegin(); it != domain.versions.rend(); ++it) {
    const Package& package = **it;
    MarkHandWrittenConverters(package);
    // Parents come before their nested messages in `messages`, so a nested
    // message can resolve relative to its parent's counterpart.
    for (const MessageModel* message : package.messages) {
      ResolveMessage(*MutableFind(message->descriptor));
    }
    for (const MessageModel* message : package.messages) {
      ResolveFields(*MutableFind(message->descriptor));
      ResolveOneofs(*MutableFind(message->descriptor));
    }
    for (const MessageModel* message : package.messages) {
      DecideConversions(*MutableFind(message->descriptor));
    }
    for (const EnumModel* enumeration : package.enums) {
      ResolveEnumDelegate(*enumeration);
    }
    for (const ServiceModel* service : package.services) {
      ResolveService(*model_->service_index_[service->descriptor]);
    }
  }
}

void ModelBuilder::ResolveMessage(MessageModel& message) {
  const Package& package = *message.package;
  const Package* private_package = package.domain->private_package;
  const pb::Descriptor* parent = message.descriptor->containing_type();
  const MessageModel* parent_model = parent ? MutableFind(parent) : nullptr;
  const bool to_private = GoesToPrivate(package, message.deprecated);
  const Package* target_package = to_private ? private_package : package.next;

  if (target_package == nullptr) {
    // Latest version of a schema-only chain: nothing to map to.
    if (message.deprecated && (parent_model == nullptr || !parent_model->deprecated)) {
      diagnostics_.Error(
          message.descriptor,
          NoPrivatePackage("message", message.descriptor->full_name(), *package.domain));
    }
    return;
  }
  std::string scope = target_package->name;
  if (parent_model != nullptr) {
    const pb::Descriptor* parent_target =
        to_private ? parent_model->private_counterpart : parent_model->next;
    if (parent_target == nullptr) return;  // the parent's problem is reported
    scope = parent_target->full_name();
  }
  const std::string target_name = scope.empty()
                                      ? TargetName(message.descriptor)
                                      : absl::StrCat(scope, ".", TargetName(message.descriptor));
  const MessageModel* target = FindInPackage(*target_package, target_name);
  if (target == nullptr) {
    diagnostics_.Error(message.descriptor, NotFound("message", message.descriptor, scope));
    return;
  }
  if (to_private) {
    message.private_counterpart = target->descriptor;
  } else {
    message.next = target->descriptor;
    message.private_counterpart = target->private_counterpart;
  }
}

void ModelBuilder::ResolveFields(MessageModel& message) {
  const Package& package = *message.package;
  // Two fields mapping onto one counterpart would overwrite each other.
  absl::flat_hash_map<const pb::FieldDescriptor*, const pb::FieldDescriptor*> claimed;
  for (FieldModel& field : message.fields) {
    if (field.descriptor->real_containing_oneof() != nullptr) continue;
    const bool to_private = GoesToPrivate(package, field.deprecated || message.deprecated);
    const pb::Descriptor* target = to_private ? message.private_counterpart : message.next;
    // No counterpart message: reported with the message. In a chain without
    // a private package a deprecated field has nowhere to go and is dropped
    // on the way to the next version (events upcast lossily by nature).
    if (target == nullptr) continue;
    const pb::FieldDescriptor* counterpart = target->FindFieldByName(TargetName(field.descriptor));
    if (counterpart == nullptr) {
      diagnostics_.Error(field.descriptor,
                         NotFound("field", field.descriptor, target->full_name()));
      continue;
    }
    if (counterpart->real_containing_oneof() != nullptr) {
      diagnostics_.Error(field.descriptor,
                         absl::StrCat("field ", field.descriptor->full_name(), ": maps to ",
                                      counterpart->full_name(), ", a member of oneof ",
                                      counterpart->real_containing_oneof()->name(),
                                      "; a plain field cannot map to a oneof member"));
      continue;
    }
    auto [owner, fresh] = claimed.emplace(counterpart, field.descriptor);
    if (!fresh) {
      diagnostics_.Error(
          field.descriptor,
          absl::StrCat("field ", field.descriptor->full_name(), ": maps to ",
                       counterpart->full_name(), ", as field ", owner->second->name(),
                       " does; two fields cannot share a counterpart"));
      continue;
    }
    if (to_private) {
      field.private_counterpart = counterpart;
    } else {
      field.next = counterpart;
      const FieldModel* next_field = MutableFind(message.next)->FindField(counterpart);
      field.private_counterpart = next_field->private_counterpart;
    }
  }
}

void ModelBuilder::ResolveOneofs(MessageModel& message) {
  const Package& package = *message.package;
  for (OneofModel& oneof : message.oneofs) {
    const bool to_private = GoesToPrivate(package, oneof.deprecated || message.deprecated);
    const pb::Descriptor* target = to_private ? message.private_counterpart : message.next;
    if (target == nullptr) continue;
    const pb::OneofDescriptor* counterpart = target->FindOneofByName(TargetName(oneof.descriptor));
    if (counterpart == nullptr || compat::IsSyntheticOneof(counterpart)) {
      diagnostics_.Error(oneof.descriptor,
                         NotFound("oneof", oneof.descriptor, target->full_name()));
      continue;
    }
    const OneofModel* next_oneof =
        to_private ? nullptr : MutableFind(message.next)->FindOneof(counterpart);
    if (to_private) {
      oneof.private_counterpart = counterpart;
    } else {
      oneof.next = counterpart;
      oneof.private_counterpart = next_oneof->private_counterpart;
    }
    for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
      const pb::FieldDescriptor* member = oneof.descriptor->field(i);
      FieldModel& member_model = *const_cast<FieldModel*>(message.FindField(member));
      const pb::FieldDescriptor* member_target = FindOneofMember(member, counterpart, to_private);
      if (member_target == nullptr) continue;  // reported
      if (to_private) {
        member_model.private_counterpart = member_target;
      } else {
        member_model.next = member_target;
        member_model.private_counterpart =
            MutableFind(message.next)->FindField(member_target)->private_counterpart;
      }
    }
  }
}

// A oneof member maps to the member of the target oneof with its name (or
// delegate); failing that, a message-typed member without a delegate maps to
// the one member whose type is its type's counterpart. The second rule keeps
// protos written for protoc-gen-go-svc working: that plugin matched members
// by type only. A delegate that names no member is reported, never matched
// by type (a typo must not pass silently), and so are two members of the
// wanted type. Returns null after reporting.
const pb::FieldDescriptor* ModelBuilder::FindOneofMember(const pb::FieldDescriptor* member,
                                                         const pb::OneofDescriptor* target,
                                                         bool to_private) {
  const pb::FieldDescriptor* by_name =
      target->containing_type()->FindFieldByName(TargetName(member));
  if (by_name != nullptr && by_name->containing_oneof() == target) {
    return by_name;
  }
  const std::string what = absl::StrCat("oneof member ", member->full_name(), ": ");
  const std::string& delegate = AnnotationOf(member).delegate().name();
  if (!delegate.empty()) {
    diagnostics_.Error(member, absl::StrCat(what, "delegate \"", delegate, "\" not found in oneof ",
                                            target->full_name()));
    return nullptr;
  }
  std::vector<const pb::FieldDescriptor*> candidates;
  // Local message types map to their counterpart; external ones to themselves.
  const pb::Descriptor* wanted = member->message_type();
  if (const MessageModel* type = wanted != nullptr ? MutableFind(wanted) : nullptr) {
    wanted = to_private ? type->private_counterpart : type->next;
  }
  for (int i = 0; wanted != nullptr && i < target->field_count(); ++i) {
    if (target->field(i)->message_type() == wanted) candidates.push_back(target->field(i));
  }
  if (candidates.size() == 1) return candidates.front();
  if (candidates.empty()) {
    diagnostics_.Error(
        member, absl::StrCat(what, "no member \"", member->name(), "\"",
                             member->message_type() ? " nor one of the counterpart type" : "",
                             " in oneof ", target->full_name()));
    return nullptr;
  }
  std::vector<std::string> names;
  for (const pb::FieldDescriptor* candidate : candidates) {
    names.push_back(std::string(candidate->name()));
  }
  diagnostics_.Error(
      member,
      absl::StrCat(what, "no member \"", member->name(), "\" in oneof ", target->full_name(),
                   ", and members ", absl::StrJoin(names, ", "), " all have type ",
                   wanted->full_name(), "; name the counterpart with a delegate"));
  return nullptr;
}

// The enum type delegate (which protoc-gen-go-svc declared but never read)
// must name an enum that exists. Values map per field, through the enum of
// the counterpart field (compatibility.cc).
void ModelBuilder::ResolveEnumDelegate(const EnumModel& enumeration) {
  const std::string& delegate = AnnotationOf(enumeration.descriptor).delegate().name();
  if (delegate.empty()) return;
  const Package& package = *enumeration.package;
  const Package* target_package = package.latest ? package.domain->private_package : package.next;
  if (target_package == nullptr) return;
  std::string scope = target_package->name;
  if (const pb::Descriptor* parent = enumeration.descriptor->containing_type()) {
    const MessageModel* parent_model = MutableFind(parent);
    const pb::Descriptor* parent_target = package.latest || parent_model->deprecated
                                              ? parent_model->private_counterpart
                                              : parent_model->next;
    if (parent_target == nullptr) return;
    scope = parent_target->full_name();
  }
  const pb::DescriptorPool* pool = enumeration.descriptor->file()->pool();
  if (pool->FindEnumTypeByName(scope.empty() ? delegate : absl::StrCat(scope, ".", delegate)) ==
      nullptr) {
    diagnostics_.Error(enumeration.descriptor, NotFound("enum", enumeration.descriptor, scope));
  }
}

// `(gen.svc.method).converter.empty` makes the converters of the method's
// request and response hand-written, as a message-level flag would
// (protoc-gen-go-svc instead overwrote the message-level flag: fixed).
void ModelBuilder::MarkHandWrittenConverters(const Package& package) {
  for (const ServiceModel* service : package.services) {
    for (const MethodModel& method : service->methods) {
      if (!method.converter_empty) continue;
      for (const pb::Descriptor* type :
           {method.descriptor->input_type(), method.descriptor->output_type()}) {
        if (MessageModel* message = MutableFind(type)) {
          message->converter_empty = true;
        }
      }
    }
  }
}

void ModelBuilder::ResolveService(ServiceModel& service) {
  const Package& package = *service.package;
  const Package* private_package = package.domain->private_package;
  const Package* target_package = package.latest ? private_package : package.next;
  if (target_package == nullptr) return;  // schema-only chain: no service chain

  const ServiceModel* target = nullptr;
  for (const ServiceModel* candidate : target_package->services) {
    if (candidate->descriptor->name() == service.descriptor->name()) {
      target = candidate;
    }
  }
  if (target == nullptr) {
    diagnostics_.Error(service.descriptor,
                       absl::StrCat("service ", service.descriptor->full_name(), ": no service \"",
                                    service.descriptor->name(), "\" in ", target_package->name));
    return;
  }
  if (package.latest) {
    service.private_counterpart = target->descriptor;
  } else {
    service.next = target->descriptor;
    service.private_counterpart = target->private_counterpart;
  }

  for (MethodModel& method : service.methods) ResolveMethod(service, *target, method);
}

// The counterpart of one of `service`'s unary methods, in the next version's
// service `next_or_private` (or private's), and the private one it reaches.
void ModelBuilder::ResolveMethod(const ServiceModel& service, const ServiceModel& next_or_private,
                                 MethodModel& method) {
  const Package& package = *service.package;
  const bool to_private = GoesToPrivate(package, method.deprecated);
  const pb::ServiceDescriptor* target_service =
      to_private ? service.private_counterpart : service.next;
  if (target_service == nullptr) {
    if (method.deprecated && package.domain->private_package == nullptr) {
      diagnostics_.Error(
          method.descriptor,
          NoPrivatePackage("method", method.descriptor->full_name(), *package.domain));
    }
    return;
  }
  const pb::MethodDescriptor* counterpart =
      target_service->FindMethodByName(TargetName(method.descriptor));
  if (counterpart == nullptr) {
    diagnostics_.Error(method.descriptor,
                       NotFound("method", method.descriptor, target_service->full_name()));
    return;
  }
  if (counterpart->client_streaming() || counterpart->server_streaming()) {
    diagnostics_.Error(method.descriptor,
                       absl::StrCat("method ", method.descriptor->full_name(), ": maps to ",
                                    counterpart->full_name(),
                                    ", a streaming RPC, which the service chain does not serve; "
                                    "make both unary, or both streaming"));
    return;
  }
  if (to_private) {
    method.private_counterpart = counterpart;
  } else {
    method.next = counterpart;
    for (const MethodModel& next_method :
         model_->service_index_[next_or_private.descriptor]->methods) {
      if (next_method.descriptor == counterpart) {
        method.private_counterpart = next_method.private_counterpart;
      }
    }
  }
  CheckMethodTypes(method);
}

}  // namespace cppsvc::plugin
