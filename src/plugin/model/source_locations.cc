#include "plugin/model/source_locations.h"

namespace cppsvc::plugin {
namespace {

namespace pb = ::google::protobuf;
using Fields = pb::FileDescriptorProto;

std::vector<int> Append(std::vector<int> path, int field, int index) {
  path.push_back(field);
  path.push_back(index);
  return path;
}

}  // namespace

void SourceLocations::Add(const std::string& file, const pb::SourceCodeInfo& info) {
  info.SerializeToString(&serialized_[file]);
}

void SourceLocations::Add(const std::string& file, std::string serialized_info) {
  serialized_[file] = std::move(serialized_info);
}

bool SourceLocations::Find(const std::string& file, const std::vector<int>& path, int* line,
                           int* column) const {
  auto serialized = serialized_.find(file);
  if (serialized == serialized_.end()) return false;
  std::unique_ptr<pb::SourceCodeInfo>& info = parsed_[file];
  if (info == nullptr) {
    info = std::make_unique<pb::SourceCodeInfo>();
    if (!info->ParseFromString(serialized->second)) return false;
  }
  for (const pb::SourceCodeInfo::Location& location : info->location()) {
    if (location.span_size() < 2 || location.path_size() != static_cast<int>(path.size()) ||
        !std::equal(path.begin(), path.end(), location.path().begin())) {
      continue;
    }
    *line = location.span(0);
    *column = location.span(1);
    return true;
  }
  return false;
}

std::vector<int> LocationPath(const pb::Descriptor* message) {
  if (const pb::Descriptor* parent = message->containing_type()) {
    return Append(LocationPath(parent), pb::DescriptorProto::kNestedTypeFieldNumber,
                  message->index());
  }
  return {Fields::kMessageTypeFieldNumber, message->index()};
}

std::vector<int> LocationPath(const pb::FieldDescriptor* field) {
  if (field->is_extension()) {
    if (const pb::Descriptor* scope = field->extension_scope()) {
      return Append(LocationPath(scope), pb::DescriptorProto::kExtensionFieldNumber,
                    field->index());
    }
    return {Fields::kExtensionFieldNumber, field->index()};
  }
  return Append(LocationPath(field->containing_type()), pb::DescriptorProto::kFieldFieldNumber,
                field->index());
}

std::vector<int> LocationPath(const pb::OneofDescriptor* oneof) {
  return Append(LocationPath(oneof->containing_type()), pb::DescriptorProto::kOneofDeclFieldNumber,
                oneof->index());
}

std::vector<int> LocationPath(const pb::EnumDescriptor* enumeration) {
  if (const pb::Descriptor* parent = enumeration->containing_type()) {
    return Append(LocationPath(parent), pb::DescriptorProto::kEnumTypeFieldNumber,
                  enumeration->index());
  }
  return {Fields::kEnumTypeFieldNumber, enumeration->index()};
}

std::vector<int> LocationPath(const pb::EnumValueDescriptor* value) {
  return Append(LocationPath(value->type()), pb::EnumDescriptorProto::kValueFieldNumber,
                value->index());
}

std::vector<int> LocationPath(const pb::ServiceDescriptor* service) {
  return {Fields::kServiceFieldNumber, service->index()};
}

std::vector<int> LocationPath(const pb::MethodDescriptor* method) {
  return Append(LocationPath(method->service()), pb::ServiceDescriptorProto::kMethodFieldNumber,
                method->index());
}

std::vector<int> LocationPath(const pb::FileDescriptor* /*file*/) { return {}; }

}  // namespace cppsvc::plugin
