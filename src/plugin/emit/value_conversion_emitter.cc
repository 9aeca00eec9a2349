#include "plugin/emit/value_conversion_emitter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/violations.h"
#include "plugin/emit/conversion_templates.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {

namespace value_conversion {

using namespace conversion_templates;  // NOLINT: the shapes are made of them

// The templates of one way of converting values, by cardinality, and how a
// singular value's statement is guarded.
struct Shape {
  const char* singular;
  const char* repeated;
  const char* map;
  bool block;         // the singular template is statements, guarded in braces
  bool braces;        // unguarded, they keep their braces (they declare a local)
  bool unless_blank;  // see Guard
};
inline constexpr Shape kCopyScalarShape = {kCopyScalar, kCopyAll, kCopyAll, false, false, true};
inline constexpr Shape kCopyMessageShape = {kCopyAll, kCopyAll, kCopyAll, false, false, false};
inline constexpr Shape kEnumForwardShape = {
    kEnumForward, kEnumForwardRepeated, kEnumForwardMap, false, false, true};
inline constexpr Shape kEnumBackwardShape = {
    kEnumBackward, kEnumBackwardRepeated, kEnumBackwardMap, true, true, false};
inline constexpr Shape kMessageShape = {kMessage, kMessageRepeated, kMessageMap, true, false,
                                        false};
inline constexpr Shape kFromNextShape = {kFromNext, kFromNextRepeated, kFromNextMap, true, false,
                                         false};

// The values of a conversion's template variables (conversion_templates.h).
struct Pieces {
  std::string get, to, map, type, failed, call, private_value, lookup;

  Vars vars() const {
    return {{"get", get},
            {"to", to},
            {"map", map},
            {"type", type},
            {"failed", failed},
            {"call", call},
            {"private", private_value},
            {"lookup", lookup}};
  }
};

}  // namespace value_conversion

namespace {

using namespace conversion_templates;  // NOLINT: the file renders them all
using namespace value_conversion;      // NOLINT: its shapes
using FD = pb::FieldDescriptor;
using Cardinality = ValueConversion::Cardinality;

// A template of one expression or statement, without the line break Render
// ends every line with: for pieces that go inside a line of another template.
std::string Expr(const char* text, const Vars& vars) {
  std::string rendered = Render(text, vars);
  if (!rendered.empty() && rendered.back() == '\n') rendered.pop_back();
  return rendered;
}

// The object a method reads a conversion's source from: its parameter, and
// how its fields are reached (`in.`, `next.`, `priv.`, or `priv->` through
// ToPublic(next, priv)'s pointer, which may be null).
struct SourceObject {
  const char* prefix;
  bool ParamUse::*param;
};

SourceObject SourceOf(Direction direction, bool may_be_absent) {
  switch (direction) {
    case Direction::kToNext:
    case Direction::kToPrivate:
      return {"in.", &ParamUse::in};
    case Direction::kFromNext:
      return {"next.", &ParamUse::next};
    case Direction::kFromPrivate:
      break;
  }
  return {may_be_absent ? "priv->" : "priv.", &ParamUse::priv};
}

// How a value of `field` is tested for emptiness (ozzo's Required).
std::string Blank(const FD* field, absl::string_view object) {
  const std::string name = names::Field(field);
  const Vars vars = {{"object", object}, {"field", name}};
  if (field->is_repeated()) return Expr(kBlankRepeated, vars);
  switch (field->cpp_type()) {
    case FD::CPPTYPE_MESSAGE:
      return Expr(kBlankMessage, vars);
    case FD::CPPTYPE_STRING:
      return Expr(kBlankString, vars);
    case FD::CPPTYPE_BOOL:
      return Expr(kBlankBool, vars);
    default:
      return Expr(kBlankNumber, vars);
  }
}

// When a singular value is written: always for a oneof member (its case is
// set), only when set from a field with explicit presence, and (with
// `unless_blank`) only when not blank into one. Empty: always.
std::string Guard(const ValueConversion& conversion, absl::string_view object, bool unless_blank) {
  const FD* from = conversion.source;
  if (from->real_containing_oneof() != nullptr) return "";
  if (from->has_presence()) {
    return Expr(kHas, {{"object", object}, {"field", names::Field(from)}});
  }
  if (unless_blank && conversion.target->has_presence()) {
    return Expr(kNotBlank, {{"blank", Blank(from, object)}});
  }
  return "";
}

std::string RenderShape(const Shape& shape, const ValueConversion& conversion,
                        absl::string_view object, const Vars& vars) {
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      return Render(shape.map, vars);
    case Cardinality::kRepeated:
      return Render(shape.repeated, vars);
    case Cardinality::kSingular:
      break;
  }
  const std::string guard = Guard(conversion, object, shape.unless_blank);
  if (!shape.block) {
    return Render(guard.empty() ? kStatement : kGuardedStatement,
                  {{"guard", guard}, {"statement", Expr(shape.singular, vars)}});
  }
  const std::string statements = Render(shape.singular, vars);
  if (!guard.empty()) return Render(kGuardedBlock, {{"guard", guard}, {"statements", statements}});
  return shape.braces ? Render(kBlock, {{"statements", statements}}) : statements;
}

// The private message matching a nested one, for ToPublic(next, priv):
// deprecated fields inside it are read from there.
void PrivateValue(const ValueConversion& conversion, Pieces& pieces) {
  const FD* field = conversion.private_source;
  pieces.private_value = "nullptr";
  if (field == nullptr) return;
  const std::string pfield = names::Field(field);
  const std::string ptype = names::Message(ElementField(field)->message_type());
  const Vars vars = {{"pfield", pfield}, {"ptype", ptype}};
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      pieces.lookup = Render(kPrivateMapValue, vars);
      pieces.private_value = "private_value";
      return;
    case Cardinality::kRepeated:
      pieces.lookup = Render(kPrivateElement, vars);
      pieces.private_value = "private_value";
      return;
    case Cardinality::kSingular:
      break;
  }
  if (const pb::OneofDescriptor* oneof = field->real_containing_oneof()) {
    pieces.private_value = Expr(kPrivateMember, {{"case", names::OneofCaseAccessor(oneof)},
                                                 {"member", names::OneofCase(field)},
                                                 {"pfield", pfield}});
  } else {
    pieces.private_value = Expr(kPrivateField, vars);
  }
}

// The converter method a nested message converts through: the one of the
// same direction; back from private, ToPublic where the latest version's
// ToPublic(priv) is being written, ToDeprecatedPublic otherwise.
ConverterMethod NestedMethod(const ValueConversion& conversion, ConverterMethod method) {
  switch (conversion.direction) {
    case Direction::kToNext:
      return ConverterMethod::kToNext;
    case Direction::kToPrivate:
      return ConverterMethod::kToPrivate;
    case Direction::kFromNext:
      return ConverterMethod::kToPublicFromNext;
    case Direction::kFromPrivate:
      break;
  }
  return method == ConverterMethod::kToPublic ? ConverterMethod::kToPublic
                                              : ConverterMethod::kToDeprecatedPublic;
}

// How names::EnumMappingFunction tells the hops apart.
absl::string_view MappingDirection(Direction direction) {
  switch (direction) {
    case Direction::kToNext:
      return "ToNext";
    case Direction::kToPrivate:
      return "ToPrivate";
    case Direction::kFromNext:
      return "FromNext";
    case Direction::kFromPrivate:
      break;
  }
  return "FromPrivate";
}

}  // namespace

absl::string_view MethodName(ConverterMethod method) {
  switch (method) {
    case ConverterMethod::kToNext:
      return "ToNext";
    case ConverterMethod::kToPrivate:
      return "ToPrivate";
    case ConverterMethod::kToPublicFromNext:
    case ConverterMethod::kToPublic:
      return "ToPublic";
    case ConverterMethod::kToDeprecatedPublic:
      return "ToDeprecatedPublic";
    case ConverterMethod::kCarryDeprecated:
      break;
  }
  return "CarryDeprecated";
}

Direction DirectionOf(ConverterMethod method) {
  switch (method) {
    case ConverterMethod::kToNext:
      return Direction::kToNext;
    case ConverterMethod::kToPrivate:
    case ConverterMethod::kCarryDeprecated:
      return Direction::kToPrivate;
    case ConverterMethod::kToPublicFromNext:
      return Direction::kFromNext;
    case ConverterMethod::kToPublic:
    case ConverterMethod::kToDeprecatedPublic:
      break;
  }
  return Direction::kFromPrivate;
}

// ---- One field's values ----------------------------------------------------------

std::string ValueConversionEmitter::Field(const ValueConversion& conversion, ConverterMethod method,
                                          ParamUse& use) {
  const std::string statements = Statements(conversion, method, use);
  if (!conversion.source_may_be_absent) return statements;
  return Render(kIfPrivate, {{"statements", statements}});
}

std::string ValueConversionEmitter::Statements(const ValueConversion& conversion,
                                               ConverterMethod method, ParamUse& use) {
  const SourceObject source = SourceOf(conversion.direction, conversion.source_may_be_absent);
  use.*source.param = true;
  use.out = true;
  Pieces pieces;
  pieces.get = absl::StrCat(source.prefix, names::Field(conversion.source));
  pieces.to = names::Field(conversion.target);
  const Shape& shape = ShapeOf(conversion, method, pieces);
  // Back from next, a nested message reads its private counterpart too.
  if (conversion.private_source != nullptr) use.priv = true;
  return RenderShape(shape, conversion, source.prefix, pieces.vars());
}

// Picks the templates of a conversion and fills in what they need beyond
// the source and target: the enum mapping function, the nested call.
const Shape& ValueConversionEmitter::ShapeOf(const ValueConversion& conversion,
                                             ConverterMethod method, Pieces& pieces) {
  const bool forward =
      conversion.direction == Direction::kToNext || conversion.direction == Direction::kToPrivate;
  switch (conversion.kind) {
    case ValueConversion::Kind::kCopy:
      return conversion.source->message_type() != nullptr ? kCopyMessageShape : kCopyScalarShape;
    case ValueConversion::Kind::kEnumMap:
      if (forward) {
        pieces.map = ForwardEnumFunction(conversion);
        return kEnumForwardShape;
      }
      pieces.map = BackwardEnumFunction(conversion);
      pieces.type = names::Enum(ElementField(conversion.target)->enum_type());
      pieces.failed =
          Expr(kEnumFailed, {{"message", names::StringLiteral(absl::StrCat(
                                             "failed to populate field \"",
                                             GoCamelCase(conversion.target->name()), "\""))}});
      return kEnumBackwardShape;
    case ValueConversion::Kind::kMessage:
    case ValueConversion::Kind::kMessageOtherDomain:
      break;
  }
  pieces.call = Qualified(MethodName(NestedMethod(conversion, method)), conversion.message);
  if (conversion.direction != Direction::kFromNext) return kMessageShape;
  PrivateValue(conversion, pieces);
  return kFromNextShape;
}

// ---- Oneofs, receive.required, CarryDeprecated -------------------------------------

std::string ValueConversionEmitter::Oneof(const MessageModel& message, const OneofModel& oneof,
                                          ConverterMethod method, ParamUse& use) {
  const Direction direction = DirectionOf(method);
  const std::optional<OneofConversion>& conversion = oneof.conversions[direction];
  if (!conversion.has_value()) return "";
  std::string cases;
  for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
    const FieldModel& member = *message.FindField(oneof.descriptor->field(i));
    const std::optional<ValueConversion>& value = member.conversions[direction];
    if (!value.has_value()) continue;
    absl::StrAppend(&cases, Render(kOneofCase, {{"case", names::OneofCase(value->source)},
                                                {"statements", Statements(*value, method, use)}}));
  }
  if (cases.empty()) return "";
  const bool absent = conversion->source_may_be_absent;
  const SourceObject source = SourceOf(absent ? Direction::kFromPrivate : direction, absent);
  use.*source.param = true;
  const std::string body =
      Render(kOneofSwitch, {{"object", source.prefix},
                            {"case", names::OneofCaseAccessor(conversion->source)},
                            {"cases", cases}});
  return absent ? Render(kIfPrivate, {{"statements", body}}) : body;
}

std::string ValueConversionEmitter::ReceiveRequired(const MessageModel& message,
                                                    ConverterMethod method, ParamUse& use) {
  const Direction direction = DirectionOf(method);
  std::string checks;
  for (const FieldModel& field : message.fields) {
    if (!field.receive_required || field.descriptor->real_containing_oneof()) continue;
    const std::optional<ValueConversion>& conversion = field.conversions[direction];
    if (!conversion.has_value()) continue;
    const bool absent = conversion->source_may_be_absent;
    const SourceObject source = SourceOf(conversion->direction, absent);
    use.*source.param = true;
    absl::StrAppend(&checks, ReceiveCheck(field.descriptor->name(),
                                          Blank(conversion->source, source.prefix), absent));
  }
  for (const OneofModel& oneof : message.oneofs) {
    const std::optional<OneofConversion>& conversion = oneof.conversions[direction];
    if (!oneof.receive_required || !conversion.has_value()) continue;
    const bool absent = conversion->source_may_be_absent;
    const SourceObject source = SourceOf(absent ? Direction::kFromPrivate : direction, absent);
    use.*source.param = true;
    const std::string blank =
        Expr(kBlankOneof, {{"object", source.prefix},
                           {"case", names::OneofCaseAccessor(conversion->source)},
                           {"not_set", names::OneofNotSet(conversion->source)}});
    absl::StrAppend(&checks, ReceiveCheck(oneof.descriptor->name(), blank, absent));
  }
  if (checks.empty()) return "";
  return Render(kReceiveChecks, {{"checks", checks}});
}

// Reported under the public field's Go name, as protoc-gen-go-svc does.
std::string ValueConversionEmitter::ReceiveCheck(absl::string_view name, absl::string_view blank,
                                                 bool absent) {
  return Render(kReceiveCheck, {{"absent", absent ? "priv == nullptr || " : ""},
                                {"blank", blank},
                                {"name", GoCamelCase(name)}});
}

std::string ValueConversionEmitter::CarryField(const FieldModel& field, ParamUse& use) {
  const ValueConversion& conversion = *field.conversions.to_private;
  use.in = true;
  use.out = true;
  const std::string carry =
      Qualified(MethodName(ConverterMethod::kCarryDeprecated), conversion.message);
  const std::string from = names::Field(conversion.source);
  const std::string to = names::Field(conversion.target);
  const Vars vars = {{"from", from}, {"to", to}, {"carry", carry}};
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      return Render(kCarryMap, vars);
    case Cardinality::kRepeated:
      return Render(kCarryRepeated, vars);
    case Cardinality::kSingular:
      break;
  }
  return Render(kCarry, vars);
}

std::string ValueConversionEmitter::CarryOneof(const MessageModel& message, const OneofModel& oneof,
                                               ParamUse& use) {
  const std::optional<OneofConversion>& conversion = oneof.conversions.to_private;
  if (!conversion.has_value()) return "";
  std::string carried;
  for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
    const FieldModel& member = *message.FindField(oneof.descriptor->field(i));
    if (!member.carries_deprecated) continue;
    const ValueConversion& value = *member.conversions.to_private;
    use.in = true;
    use.out = true;
    absl::StrAppend(
        &carried,
        Render(kCarryMember,
               {{"carry", Qualified(MethodName(ConverterMethod::kCarryDeprecated), value.message)},
                {"case", names::OneofCaseAccessor(conversion->source)},
                {"member_case", names::OneofCase(value.source)},
                {"pcase", names::OneofCaseAccessor(conversion->target)},
                {"private_case", names::OneofCase(value.target)},
                {"from", names::Field(value.source)},
                {"to", names::Field(value.target)}}));
  }
  return carried;
}

// ---- Calls and enum mapping functions ------------------------------------------------

// A conversion of a nested message: this converter's own overload, or for a
// type declared in another file, that file's generated converter.
std::string ValueConversionEmitter::Qualified(absl::string_view call, const pb::Descriptor* type) {
  if (type->file() == file_) return std::string(call);
  CallGenerated(sections_, type->file());
  return absl::StrCat(names::ConverterClass(type->file()), "::Default().", call);
}

// The function mapping a public enum field's values forward, emitted once.
std::string ValueConversionEmitter::ForwardEnumFunction(const ValueConversion& conversion) {
  const EnumMapping& mapping = *conversion.mapping;
  const std::string name =
      names::EnumMappingFunction(conversion.source, MappingDirection(conversion.direction));
  if (!emitted_.insert(name).second) return name;
  std::string cases;
  std::set<int> numbers;
  for (int i = 0; i < mapping.from->value_count(); ++i) {
    const pb::EnumValueDescriptor* value = mapping.from->value(i);
    if (!numbers.insert(value->number()).second || mapping.forward[i] == nullptr) continue;
    absl::StrAppend(
        &cases, Render(kForwardMappingCase, {{"number", absl::StrCat(value->number())},
                                             {"name", value->name()},
                                             {"target", names::EnumValue(mapping.forward[i])}}));
  }
  helpers_.push_back(Render(kForwardMapping, {{"from", mapping.from->full_name()},
                                              {"to", mapping.to->full_name()},
                                              {"to_type", names::Enum(mapping.to)},
                                              {"name", name},
                                              {"cases", cases}}));
  return name;
}

// The function mapping counterpart values back to a public enum field's
// values; false for a value no public value receives.
std::string ValueConversionEmitter::BackwardEnumFunction(const ValueConversion& conversion) {
  const EnumMapping& mapping = *conversion.mapping;
  const std::string name =
      names::EnumMappingFunction(conversion.target, MappingDirection(conversion.direction));
  if (!emitted_.insert(name).second) return name;
  std::string cases;
  std::set<int> numbers;
  for (const auto& [counterpart, value] : mapping.backward) {
    if (!numbers.insert(counterpart->number()).second) continue;
    absl::StrAppend(&cases,
                    Render(kBackwardMappingCase, {{"number", absl::StrCat(counterpart->number())},
                                                  {"name", counterpart->name()},
                                                  {"target", names::EnumValue(value)}}));
  }
  helpers_.push_back(Render(kBackwardMapping, {{"from", mapping.from->full_name()},
                                               {"to", mapping.to->full_name()},
                                               {"from_type", names::Enum(mapping.from)},
                                               {"name", name},
                                               {"cases", cases}}));
  return name;
}

}  // namespace cppsvc::plugin
