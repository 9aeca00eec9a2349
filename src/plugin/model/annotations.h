// Reads the `gen.svc` options of an element. Only the model builder uses
// these; emitters read the model instead.
#ifndef CPPSVC_PLUGIN_MODEL_ANNOTATIONS_H_
#define CPPSVC_PLUGIN_MODEL_ANNOTATIONS_H_

#include <string>
#include <vector>

#include "gen/svc/annotations.pb.h"
#include "google/protobuf/descriptor.h"

namespace cppsvc::plugin {

inline const gen::svc::FieldAnnotation& AnnotationOf(
    const google::protobuf::FieldDescriptor* field) {
  return field->options().GetExtension(gen::svc::field);
}
inline const gen::svc::OneofAnnotation& AnnotationOf(
    const google::protobuf::OneofDescriptor* oneof) {
  return oneof->options().GetExtension(gen::svc::oneof);
}
inline const gen::svc::MessageAnnotation& AnnotationOf(
    const google::protobuf::Descriptor* message) {
  return message->options().GetExtension(gen::svc::message);
}
inline const gen::svc::EnumAnnotation& AnnotationOf(
    const google::protobuf::EnumDescriptor* enumeration) {
  return enumeration->options().GetExtension(gen::svc::enum_);
}
inline const gen::svc::EnumValueAnnotation& AnnotationOf(
    const google::protobuf::EnumValueDescriptor* value) {
  return value->options().GetExtension(gen::svc::enum_value);
}
inline const gen::svc::MethodAnnotation& AnnotationOf(
    const google::protobuf::MethodDescriptor* method) {
  return method->options().GetExtension(gen::svc::method);
}

// The name an element maps to: its delegate if one is set, else its own name.
template <typename Descriptor>
std::string TargetName(const Descriptor* element) {
  const std::string& delegate = AnnotationOf(element).delegate().name();
  return delegate.empty() ? std::string(element->name()) : delegate;
}

// The counterpart values an enum value receives: `receive.names`, with
// `receive.name` as shorthand for one more; empty when neither is set.
inline std::vector<std::string> ReceiveNames(const google::protobuf::EnumValueDescriptor* value) {
  const gen::svc::Receive& receive = AnnotationOf(value).receive();
  std::vector<std::string> names(receive.names().begin(), receive.names().end());
  if (!receive.name().empty()) names.insert(names.begin(), receive.name());
  return names;
}

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_MODEL_ANNOTATIONS_H_
