// Every C++ name the plugin writes, in one place, and the names they reserve.
//
// Names of protobuf's own types and members come from libprotoc's C++ naming
// functions, so references are exactly what `--cpp_out` declares (`class_`,
// `Outer_Inner`, `delete_`). Names we invent are built here too, and never
// clash with protobuf's: our code for package `a.b.v1` lives in namespace
// `a::b::v1::svc`, and the model rejects package-level symbols named `svc`.
//
// Where a name we write could meet a proto name (a service's class next to
// our `Validator`, an RPC's member function next to our data members), the
// names it must not meet are declared beside it (`kFileScopeNames`,
// `kDerivedClasses`, `kServiceMembers`, ...): the model's clash checks
// (model/name_checks.cc) read them from here, and the emitters write the same
// names from here, so the two cannot drift apart.
#ifndef CPPSVC_PLUGIN_NAMING_NAMES_H_
#define CPPSVC_PLUGIN_NAMING_NAMES_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace cppsvc::plugin {
namespace pb = ::google::protobuf;
}  // namespace cppsvc::plugin

namespace cppsvc::plugin::names {

// While one exists, the qualified names of types are computed once per
// type and reused (they are asked for at every use, thousands of times in a
// large run); without one, on every call. GenerateFiles keeps one for its
// run: descriptors must outlive it.
class ScopedNameCache {
 public:
  ScopedNameCache();
  ~ScopedNameCache();
  ScopedNameCache(const ScopedNameCache&) = delete;
  ScopedNameCache& operator=(const ScopedNameCache&) = delete;

 private:
  absl::flat_hash_map<const void*, std::string> names_;
  absl::flat_hash_map<const void*, std::string>* previous_;
};

// `::acme::people::v1::Person_Hobby`.
std::string Message(const pb::Descriptor* message);
// `Person_Hobby`: protobuf's unqualified class name.
std::string ClassName(const pb::Descriptor* message);
// `::acme::people::v1::Person_Employment`.
std::string Enum(const pb::EnumDescriptor* enumeration);
// `::acme::people::v1::Person::EMPLOYED`: the constant of an enum value.
std::string EnumValue(const pb::EnumValueDescriptor* value);
// The accessor stem of a field: `first_name`, `class_`.
std::string Field(const pb::FieldDescriptor* field);
// `::acme::people::v1::Person::kCoding`, the oneof case of a member.
std::string OneofCase(const pb::FieldDescriptor* member);
// `::acme::people::v1::Person::TYPE_NOT_SET`.
std::string OneofNotSet(const pb::OneofDescriptor* oneof);
// `type_case`, the accessor of a oneof's case.
std::string OneofCaseAccessor(const pb::OneofDescriptor* oneof);

// True when `name` is a C++ keyword (protobuf escapes those with a `_`).
bool IsCppKeyword(absl::string_view name);

// Our class for a service and our member function for an RPC: their proto
// names, with C++ keywords escaped (`virtual_`).
std::string Service(const pb::ServiceDescriptor* service);
std::string Method(const pb::MethodDescriptor* method);
// The data members of a public version's service class, next to the member
// functions named after its RPCs (Method): an RPC of one of these names is
// reported, and so is one named like the class (its constructor).
inline constexpr absl::string_view kServiceMembers[] = {"validator_", "converter_", "next_",
                                                        "private_validator_", "implementation_"};

// grpc_cpp_plugin's names (1.51). It escapes no C++ keyword: it writes the
// proto names as they are, except package segments, which cppsvc_generate
// rewrites in its output as in protobuf's (`private_`).
// `::acme::people::v1::People::Service`: the class a binding implements.
std::string GrpcServiceBase(const pb::ServiceDescriptor* service);
// `Create`: the virtual member function of that class for an RPC.
std::string GrpcMethod(const pb::MethodDescriptor* method);
// `::acme::people::v1::Person_Hobby`: how its output spells a message type.
std::string GrpcMessage(const pb::Descriptor* message);
// True when grpc_cpp_plugin's output for the service compiles and names the
// classes --cpp_out declares: neither the service, nor an RPC, nor a request
// or response type has a name that protobuf or we escape (a C++ keyword).
bool GrpcNamesMatch(const pb::ServiceDescriptor* service);
// Our gRPC binding of a service: `PeopleGrpc`.
std::string GrpcBinding(const pb::ServiceDescriptor* service);
// The binding's data member, next to member functions named GrpcMethod.
inline constexpr absl::string_view kGrpcBindingMember = "service_";

// Events (docs/reference/events.md): `kAccountCreatedEvent`, the EventInfo constant of an
// event message, and `NewEmailChanged`, a convention event's factory.
std::string EventInfo(const pb::Descriptor* event);
std::string EventFactory(const pb::Descriptor* event);

// The namespace, nested in each package's namespace, that holds what we
// generate for the package: a package-level proto symbol of this name is
// reported.
inline constexpr absl::string_view kGeneratedNamespace = "svc";
// `acme::people::v1` (no leading `::`; empty for the root package).
std::string PackageNamespace(absl::string_view proto_package);
// `acme::people::v1::svc`, where our code for the package lives.
std::string GeneratedNamespace(absl::string_view proto_package);
// `::acme::people::v1::svc`.
std::string QualifiedGeneratedNamespace(absl::string_view proto_package);

// Output files of a proto file, beside protoc's `.pb.h`: for
// `acme/people/v1/people.proto`, `acme/people/v1/people.svc.h` and `.svc.cc`.
std::string HeaderFile(const pb::FileDescriptor* file);
std::string SourceFile(const pb::FileDescriptor* file);
// Conversion-test helpers, header only: `.../people.svc.testing.h`.
std::string TestingHeaderFile(const pb::FileDescriptor* file);
// The gRPC binding (with grpc=true): `.../people.svc.grpc.h` and `.svc.grpc.cc`.
std::string GrpcHeaderFile(const pb::FileDescriptor* file);
std::string GrpcSourceFile(const pb::FileDescriptor* file);
// The header grpc_cpp_plugin writes for a proto file: `.../people.grpc.pb.h`.
std::string GrpcProtoHeader(const pb::FileDescriptor* file);
// `people_proto` (`user_5faccount_proto` for `user_account.proto`, escaped as
// protobuf names per-file symbols): the inline namespace, inside the package's generated
// namespace, that holds one file's code. Files of one package each declare a
// `Validator` (and `Converter`); the inline namespace keeps them apart while
// `acme::people::v1::svc::Validator` still names the one a user includes.
std::string FileInlineNamespace(const pb::FileDescriptor* file);
// `::acme::people::v1::svc::people_proto`: how other files' code names it.
std::string QualifiedFileNamespace(const pb::FileDescriptor* file);
// `acme::people::v1` for a proto package (keyword segments escaped).
std::string ProtoNamespace(absl::string_view proto_package);
// The chain of a private service and its overrides, in the private package's
// generated namespace: `PeopleChain`, `PeopleChainOverrides`.
std::string Chain(const pb::ServiceDescriptor* private_service);
std::string ChainOverrides(const pb::ServiceDescriptor* private_service);

// What each file's inline namespace declares besides the services' classes
// (Service): the validator and converter classes, the free functions of
// validation and events, and the conversion tests' namespace.
inline constexpr absl::string_view kValidatorClass = "Validator";
inline constexpr absl::string_view kConverterClass = "Converter";
inline constexpr absl::string_view kValidateFunction = "Validate";
inline constexpr absl::string_view kTestingNamespace = "testing";
inline constexpr absl::string_view kPackFunction = "Pack";
inline constexpr absl::string_view kPackToFunction = "PackTo";
inline constexpr absl::string_view kUnpackFunction = "Unpack";
inline constexpr absl::string_view kToLatestFunction = "ToLatest";
inline constexpr absl::string_view kRegisterEventsFunction = "RegisterEvents";
// All of them: a service of one of these names is reported.
inline constexpr absl::string_view kFileScopeNames[] = {
    kValidatorClass, kConverterClass, kValidateFunction, kTestingNamespace,      kPackFunction,
    kPackToFunction, kUnpackFunction, kToLatestFunction, kRegisterEventsFunction};
// The classes named after a service, in the same namespace as the services'
// own classes: a service named like one that another service derives
// (`PeopleChain` next to `People`) is reported. `label` names the class in
// that report.
struct DerivedClass {
  absl::string_view label;
  std::string (*name)(const pb::ServiceDescriptor* service);
};
inline constexpr DerivedClass kDerivedClasses[] = {
    {"Chain", Chain}, {"ChainOverrides", ChainOverrides}, {"Grpc", GrpcBinding}};
// The conversion test of a public method: `RunCreateConversionTest`, or
// `RunPeopleCreateConversionTest` `with_service` (when a package serves
// several services). Go-style CamelCase, as the Go plugin names it.
std::string ConversionTestFunction(const pb::MethodDescriptor* method, bool with_service);
// The fake private implementation of a testing source: `FakePeople`, the
// proto name as it is (`Fakemy_svc` and `FakeMySvc` stay apart).
std::string FakeImplementation(const pb::ServiceDescriptor* private_service);
// The fake's data member, next to the member functions named after the
// private service's RPCs.
inline constexpr absl::string_view kFakeMember = "test_";
// `::acme::people::v1::svc::people_proto::Validator` and `...::Converter` of
// a file: always qualified, so that an RPC named `Validator` (a member
// function of the service class) cannot hide them.
std::string ValidatorClass(const pb::FileDescriptor* file);
std::string ConverterClass(const pb::FileDescriptor* file);
// The function mapping the values of an enum field, `direction` one of
// ToNext, ToPrivate, FromNext, FromPrivate: `MapOuter_0Inner_0x_ToNext` for
// field `x` of `Outer.Inner`. Built from the field's name relative to its
// package with `.` written `_0` and `_` written `_1`, so that distinct fields
// get distinct functions (`Outer.Inner.x` and `Outer.Inner_x` would both
// be `Outer_Inner_x` in protobuf's class naming).
std::string EnumMappingFunction(const pb::FieldDescriptor* field, absl::string_view direction);

// The include guard of an output file, derived so that no two paths share it:
// `CPPSVC_acme_Speople_Sv1_Speople_Dsvc_Dh_` for `acme/people/v1/people.svc.h`.
std::string HeaderGuard(const std::string& file);
// The protobuf header of a proto file: `acme/people/v1/people.pb.h`.
std::string ProtoHeader(const pb::FileDescriptor* file);

// The C++ type of a field's values (`int32_t`, `::acme::Person_Kind`,
// `absl::string_view` for strings and bytes, which is how we compare them).
std::string ValueType(const pb::FieldDescriptor* field);

// C++ literals.
std::string Int64Literal(int64_t value);
std::string Uint64Literal(uint64_t value);
std::string DoubleLiteral(double value);
std::string FloatLiteral(float value);
// A C++ string literal with everything outside printable ASCII escaped, for
// code that takes an absl::string_view. A value with a NUL byte becomes
// `::absl::string_view("ab\000cd", 5)`, so that nothing measures it with
// strlen and cuts it at the NUL.
std::string StringLiteral(absl::string_view value);
// Any user text (an event name, a file name) as it may appear inside a `//`
// comment: every byte outside printable ASCII, and `\` and `?`, written as
// `\xNN`. The result has no line break and never ends in a backslash (which
// would splice the next line into the comment), so the text stays a comment.
std::string CommentText(absl::string_view text);

}  // namespace cppsvc::plugin::names

#endif  // CPPSVC_PLUGIN_NAMING_NAMES_H_
