#include "plugin/naming/names.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "cppsvc/violations.h"
#include "google/protobuf/compiler/cpp/names.h"
#include "plugin/compat.h"

namespace cppsvc::plugin::names {

namespace cpp = ::google::protobuf::compiler::cpp;

namespace {

// `acme::people::private_`: a package as a C++ namespace, with segments that
// are C++ keywords escaped the way protobuf escapes other identifiers.
// protobuf 3.21's C++ generator does not escape them (it writes
// `namespace private`, which does not compile); cppsvc_generate fixes its
// output to match (cmake/CppSvcFixKeywordNamespaces.cmake).
std::string NamespaceOf(absl::string_view proto_package) {
  std::vector<std::string> parts;
  for (absl::string_view part : absl::StrSplit(proto_package, '.')) {
    parts.push_back(compat::CppKeywordEscaped(part));
  }
  return absl::StrJoin(parts, "::");
}

std::string FileNamespace(const pb::FileDescriptor* file) {
  if (file->package().empty()) return "";
  return absl::StrCat("::", NamespaceOf(file->package()));
}

// The qualified names computed in the current run, when a
// ScopedNameCache is active: the same type is named at every use.
thread_local absl::flat_hash_map<const void*, std::string>* active_name_cache = nullptr;

// protobuf's qualified name of a type, with its package part escaped by us:
// protobuf 27 and later escape keyword segments themselves and 3.21 does not,
// so the package part of cpp::QualifiedClassName is not used.
template <typename Descriptor>
std::string ComputeQualifiedTypeName(const Descriptor* type) {
  return absl::StrCat(FileNamespace(type->file()), "::", cpp::ClassName(type));
}

template <typename Descriptor>
std::string QualifiedTypeName(const Descriptor* type) {
  if (active_name_cache == nullptr) return ComputeQualifiedTypeName(type);
  std::string& name = (*active_name_cache)[type];
  if (name.empty()) name = ComputeQualifiedTypeName(type);
  return name;
}

}  // namespace

ScopedNameCache::ScopedNameCache() : previous_(active_name_cache) { active_name_cache = &names_; }
ScopedNameCache::~ScopedNameCache() { active_name_cache = previous_; }

std::string Message(const pb::Descriptor* message) { return QualifiedTypeName(message); }

std::string ClassName(const pb::Descriptor* message) { return cpp::ClassName(message); }

std::string Enum(const pb::EnumDescriptor* enumeration) { return QualifiedTypeName(enumeration); }

std::string EnumValue(const pb::EnumValueDescriptor* value) {
  const pb::Descriptor* parent = value->type()->containing_type();
  const std::string scope =
      parent != nullptr ? QualifiedTypeName(parent) : FileNamespace(value->file());
  return absl::StrCat(scope, "::", cpp::EnumValueName(value));
}

std::string EventInfo(const pb::Descriptor* event) {
  return absl::StrCat("k", cpp::ClassName(event), "Event");
}

std::string EventFactory(const pb::Descriptor* event) {
  return absl::StrCat("New", cpp::ClassName(event));
}

std::string Field(const pb::FieldDescriptor* field) { return cpp::FieldName(field); }

std::string OneofCase(const pb::FieldDescriptor* member) {
  return absl::StrCat(QualifiedTypeName(member->containing_type()),
                      "::", cpp::OneofCaseConstantName(member));
}

std::string OneofNotSet(const pb::OneofDescriptor* oneof) {
  return absl::StrCat(QualifiedTypeName(oneof->containing_type()),
                      "::", absl::AsciiStrToUpper(oneof->name()), "_NOT_SET");
}

std::string OneofCaseAccessor(const pb::OneofDescriptor* oneof) {
  return absl::StrCat(oneof->name(), "_case");
}

bool IsCppKeyword(absl::string_view name) { return compat::CppKeywordEscaped(name) != name; }

std::string Service(const pb::ServiceDescriptor* service) {
  return compat::CppKeywordEscaped(service->name());
}

std::string Method(const pb::MethodDescriptor* method) {
  return compat::CppKeywordEscaped(method->name());
}

std::string GrpcServiceBase(const pb::ServiceDescriptor* service) {
  return absl::StrCat(FileNamespace(service->file()), "::", service->name(), "::Service");
}

std::string GrpcMethod(const pb::MethodDescriptor* method) { return std::string(method->name()); }

std::string GrpcMessage(const pb::Descriptor* message) {
  // grpc_cpp_generator::ClassName: the outermost message's name, then the
  // nested names joined by `_`.
  const pb::Descriptor* outer = message;
  while (outer->containing_type() != nullptr) outer = outer->containing_type();
  return absl::StrCat(
      FileNamespace(message->file()), "::", outer->name(),
      absl::StrReplaceAll(message->full_name().substr(outer->full_name().size()), {{".", "_"}}));
}

bool GrpcNamesMatch(const pb::ServiceDescriptor* service) {
  if (Service(service) != service->name()) return false;
  for (int i = 0; i < service->method_count(); ++i) {
    const pb::MethodDescriptor* method = service->method(i);
    if (Method(method) != GrpcMethod(method) ||
        Message(method->input_type()) != GrpcMessage(method->input_type()) ||
        Message(method->output_type()) != GrpcMessage(method->output_type())) {
      return false;
    }
  }
  return true;
}

std::string GrpcBinding(const pb::ServiceDescriptor* service) {
  return absl::StrCat(Service(service), "Grpc");
}

std::string PackageNamespace(absl::string_view proto_package) { return NamespaceOf(proto_package); }

std::string GeneratedNamespace(absl::string_view proto_package) {
  if (proto_package.empty()) return std::string(kGeneratedNamespace);
  return absl::StrCat(NamespaceOf(proto_package), "::", kGeneratedNamespace);
}

std::string QualifiedGeneratedNamespace(absl::string_view proto_package) {
  return absl::StrCat("::", GeneratedNamespace(proto_package));
}

namespace {
// The path of a proto file without `.proto`: outputs sit beside protoc's.
std::string Stem(const pb::FileDescriptor* file) { return cpp::StripProto(file->name()); }
}  // namespace

std::string HeaderFile(const pb::FileDescriptor* file) {
  return absl::StrCat(Stem(file), ".svc.h");
}

std::string SourceFile(const pb::FileDescriptor* file) {
  return absl::StrCat(Stem(file), ".svc.cc");
}

std::string TestingHeaderFile(const pb::FileDescriptor* file) {
  return absl::StrCat(Stem(file), ".svc.testing.h");
}

std::string GrpcHeaderFile(const pb::FileDescriptor* file) {
  return absl::StrCat(Stem(file), ".svc.grpc.h");
}

std::string GrpcSourceFile(const pb::FileDescriptor* file) {
  return absl::StrCat(Stem(file), ".svc.grpc.cc");
}

std::string GrpcProtoHeader(const pb::FileDescriptor* file) {
  return absl::StrCat(Stem(file), ".grpc.pb.h");
}

std::string FileInlineNamespace(const pb::FileDescriptor* file) {
  const std::string path(file->name());
  const size_t slash = path.rfind('/');
  const std::string base =
      cpp::StripProto(slash == std::string::npos ? path : path.substr(slash + 1));
  // As protobuf names its per-file symbols: letters and digits as they are,
  // anything else (`_` too, and a leading digit) as `_` and two hex digits,
  // so names stay apart and are identifiers.
  std::string out;
  for (const char c : base) {
    if (absl::ascii_isalpha(c) || (absl::ascii_isdigit(c) && !out.empty())) {
      out += c;
    } else {
      absl::StrAppend(&out, "_", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    }
  }
  return absl::StrCat(out, "_proto");
}

std::string QualifiedFileNamespace(const pb::FileDescriptor* file) {
  return absl::StrCat(QualifiedGeneratedNamespace(file->package()),
                      "::", FileInlineNamespace(file));
}

std::string ProtoNamespace(absl::string_view proto_package) { return NamespaceOf(proto_package); }

std::string Chain(const pb::ServiceDescriptor* private_service) {
  return absl::StrCat(Service(private_service), "Chain");
}

std::string ChainOverrides(const pb::ServiceDescriptor* private_service) {
  return absl::StrCat(Service(private_service), "ChainOverrides");
}

std::string ConversionTestFunction(const pb::MethodDescriptor* method, bool with_service) {
  return absl::StrCat("Run", with_service ? GoCamelCase(method->service()->name()) : "",
                      GoCamelCase(method->name()), "ConversionTest");
}

std::string FakeImplementation(const pb::ServiceDescriptor* private_service) {
  return absl::StrCat("Fake", private_service->name());
}

std::string ValidatorClass(const pb::FileDescriptor* file) {
  return absl::StrCat(QualifiedFileNamespace(file), "::", kValidatorClass);
}

std::string ConverterClass(const pb::FileDescriptor* file) {
  return absl::StrCat(QualifiedFileNamespace(file), "::", kConverterClass);
}

std::string EnumMappingFunction(const pb::FieldDescriptor* field, absl::string_view direction) {
  const absl::string_view package = field->file()->package();
  absl::string_view name = field->full_name();
  if (!package.empty()) name.remove_prefix(package.size() + 1);
  // After the escaping every `_` starts an escape (`_0`, `_1`), so the `_`
  // before the direction (a letter) cannot be mistaken for part of a name.
  return absl::StrCat("Map", absl::StrReplaceAll(name, {{"_", "_1"}, {".", "_0"}}), "_", direction);
}

std::string HeaderGuard(const std::string& file) {
  // An escape no two paths share: letters and digits as they are, `_` as
  // `__`, `/` as `_S`, `.` as `_D`, anything else as `_X` and two hex digits.
  std::string guard = "CPPSVC_";
  for (const char c : file) {
    if (absl::ascii_isalnum(c)) {
      guard += c;
    } else if (c == '_') {
      guard += "__";
    } else if (c == '/') {
      guard += "_S";
    } else if (c == '.') {
      guard += "_D";
    } else {
      absl::StrAppend(&guard, "_X", absl::Hex(static_cast<unsigned char>(c), absl::kZeroPad2));
    }
  }
  return absl::StrCat(guard, "_");
}

std::string ProtoHeader(const pb::FileDescriptor* file) {
  return absl::StrCat(cpp::StripProto(file->name()), ".pb.h");
}

std::string ValueType(const pb::FieldDescriptor* field) {
  switch (field->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
      return "int32_t";
    case pb::FieldDescriptor::CPPTYPE_INT64:
      return "int64_t";
    case pb::FieldDescriptor::CPPTYPE_UINT32:
      return "uint32_t";
    case pb::FieldDescriptor::CPPTYPE_UINT64:
      return "uint64_t";
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
      return "float";
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
      return "double";
    case pb::FieldDescriptor::CPPTYPE_BOOL:
      return "bool";
    case pb::FieldDescriptor::CPPTYPE_ENUM:
      return Enum(field->enum_type());
    case pb::FieldDescriptor::CPPTYPE_STRING:
      return "::absl::string_view";
    case pb::FieldDescriptor::CPPTYPE_MESSAGE:
      return Message(field->message_type());
  }
  return "";
}

std::string Int64Literal(int64_t value) {
  if (value == std::numeric_limits<int64_t>::min()) {
    return "(-9223372036854775807 - 1)";  // the literal itself does not fit
  }
  return absl::StrCat(value);
}

std::string Uint64Literal(uint64_t value) { return absl::StrCat(value, "u"); }

namespace {
template <typename T>
std::string ShortestFloating(T value, absl::string_view suffix, absl::string_view type) {
  if (std::isinf(value)) {
    return absl::StrCat(value < 0 ? "-" : "", "std::numeric_limits<", type, ">::infinity()");
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  std::string text(buffer, result.ptr);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return absl::StrCat(text, suffix);
}
}  // namespace

std::string DoubleLiteral(double value) { return ShortestFloating(value, "", "double"); }

std::string FloatLiteral(float value) { return ShortestFloating(value, "f", "float"); }

std::string StringLiteral(absl::string_view value) {
  // Octal escapes never run into a following digit the way \x escapes can;
  // `?` is escaped so that no trigraph can form.
  const std::string literal =
      absl::StrCat("\"", absl::StrReplaceAll(absl::CEscape(value), {{"?", "\\?"}}), "\"");
  // A plain literal decays to `const char*`, which absl::string_view measures
  // with strlen: it would end at the first NUL. Give such a value its length.
  if (value.find('\0') == absl::string_view::npos) return literal;
  return absl::StrCat("::absl::string_view(", literal, ", ", value.size(), ")");
}

std::string CommentText(absl::string_view text) {
  std::string out;
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e || c == '\\' || c == '?') {
      absl::StrAppend(&out, "\\x", absl::Hex(byte, absl::kZeroPad2));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace cppsvc::plugin::names
