#include "plugin/emit/value_conversion_emitter.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/violations.h"
#include "plugin/emit/names.h"
#include "plugin/emit/writer.h"

namespace cppsvc::plugin {
namespace {

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
  if (field->is_repeated()) return Expr("$object$$field$_size() == 0", vars);
  switch (field->cpp_type()) {
    case FD::CPPTYPE_MESSAGE:
      return Expr("!$object$has_$field$()", vars);
    case FD::CPPTYPE_STRING:
      return Expr("$object$$field$().empty()", vars);
    case FD::CPPTYPE_BOOL:
      return Expr("!$object$$field$()", vars);
    default:
      return Expr("$object$$field$() == 0", vars);
  }
}

// When a singular value is written: always for a oneof member (its case is
// set), only when set from a field with explicit presence, and (with
// `unless_blank`) only when not blank into one. Empty: always.
std::string Guard(const ValueConversion& conversion, absl::string_view object, bool unless_blank) {
  const FD* from = conversion.source;
  if (from->real_containing_oneof() != nullptr) return "";
  if (from->has_presence()) {
    return Expr("$object$has_$field$()", {{"object", object}, {"field", names::Field(from)}});
  }
  if (unless_blank && conversion.target->has_presence()) {
    return Expr("!($blank$)", {{"blank", Blank(from, object)}});
  }
  return "";
}

// A one-line statement, under `guard` when there is one.
std::string Guarded(absl::string_view guard, absl::string_view statement) {
  if (guard.empty()) return Render("$statement$", {{"statement", statement}});
  return Render("if ($guard$) $statement$", {{"guard", guard}, {"statement", statement}});
}

// Statements, in a block under `guard` when there is one.
std::string GuardedBlock(absl::string_view guard, absl::string_view statements) {
  if (guard.empty()) return std::string(statements);
  return Render(R"cc(
    if ($guard$) {
      $statements$
    }
  )cc",
                {{"guard", guard}, {"statements", statements}});
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

// The private message matching a nested one, for ToPublic(next, priv):
// deprecated fields inside it are read from there.
std::string PrivatePointer(const FD* private_field) {
  if (private_field == nullptr) return "nullptr";
  const std::string field = names::Field(private_field);
  if (const pb::OneofDescriptor* oneof = private_field->real_containing_oneof()) {
    return Expr("priv != nullptr && priv->$case$() == $member$ ? &priv->$field$() : nullptr",
                {{"case", names::OneofCaseAccessor(oneof)},
                 {"member", names::OneofCase(private_field)},
                 {"field", field}});
  }
  return Expr("priv != nullptr && priv->has_$field$() ? &priv->$field$() : nullptr",
              {{"field", field}});
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
  return Render(R"cc(
    if (priv != nullptr) {
      $statements$
    }
  )cc",
                {{"statements", statements}});
}

std::string ValueConversionEmitter::Statements(const ValueConversion& conversion,
                                               ConverterMethod method, ParamUse& use) {
  const SourceObject source = SourceOf(conversion.direction, conversion.source_may_be_absent);
  use.*source.param = true;
  use.out = true;
  switch (conversion.kind) {
    case ValueConversion::Kind::kCopy:
      return Copy(conversion, source.prefix);
    case ValueConversion::Kind::kEnumMap:
      if (conversion.direction == Direction::kToNext ||
          conversion.direction == Direction::kToPrivate) {
        return EnumForward(conversion, source.prefix);
      }
      return EnumBackward(conversion, source.prefix);
    case ValueConversion::Kind::kMessage:
    case ValueConversion::Kind::kMessageOtherDomain:
      break;
  }
  const std::string call =
      Qualified(MethodName(NestedMethod(conversion, method)), conversion.message);
  if (conversion.direction != Direction::kFromNext) {
    return Message(conversion, call, source.prefix);
  }
  if (conversion.private_source != nullptr) use.priv = true;
  return MessageFromNext(conversion, call, source.prefix);
}

// The same type on both sides: assigned as it is.
std::string ValueConversionEmitter::Copy(const ValueConversion& conversion,
                                         absl::string_view object) {
  const std::string get = absl::StrCat(object, names::Field(conversion.source));
  const std::string to = names::Field(conversion.target);
  const Vars vars = {{"get", get}, {"to", to}};
  if (conversion.cardinality != Cardinality::kSingular) {
    return Render("*out.mutable_$to$() = $get$();", vars);
  }
  if (conversion.source->message_type() != nullptr) {
    return Guarded(Guard(conversion, object, false), Expr("*out.mutable_$to$() = $get$();", vars));
  }
  return Guarded(Guard(conversion, object, true), Expr("out.set_$to$($get$());", vars));
}

// Unknown numbers map to 0 on the way forward, so nothing fails.
std::string ValueConversionEmitter::EnumForward(const ValueConversion& conversion,
                                                absl::string_view object) {
  const std::string get = absl::StrCat(object, names::Field(conversion.source));
  const std::string to = names::Field(conversion.target);
  const std::string map = ForwardEnumFunction(conversion);
  const Vars vars = {{"get", get}, {"to", to}, {"map", map}};
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      return Render(R"cc(
        for (const auto& [key, value] : $get$()) {
          (*out.mutable_$to$())[key] = $map$(value);
        }
      )cc",
                    vars);
    case Cardinality::kRepeated:
      return Render(R"cc(
        out.mutable_$to$()->Reserve($get$_size());
        for (int value : $get$()) out.add_$to$($map$(value));
      )cc",
                    vars);
    case Cardinality::kSingular:
      break;
  }
  return Guarded(Guard(conversion, object, true), Expr("out.set_$to$($map$($get$()));", vars));
}

// A value no public value receives fails the conversion.
std::string ValueConversionEmitter::EnumBackward(const ValueConversion& conversion,
                                                 absl::string_view object) {
  const std::string get = absl::StrCat(object, names::Field(conversion.source));
  const std::string to = names::Field(conversion.target);
  const std::string map = BackwardEnumFunction(conversion);
  const std::string type = names::Enum(ElementField(conversion.target)->enum_type());
  const std::string message = names::StringLiteral(
      absl::StrCat("failed to populate field \"", GoCamelCase(conversion.target->name()), "\""));
  const std::string failed =
      Expr("return ::absl::FailedPreconditionError($message$);", {{"message", message}});
  const Vars vars = {{"get", get}, {"to", to}, {"map", map}, {"type", type}, {"failed", failed}};
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      return Render(R"cc(
        for (const auto& [key, value] : $get$()) {
          $type$ mapped;
          if (!$map$(value, &mapped)) $failed$
          (*out.mutable_$to$())[key] = mapped;
        }
      )cc",
                    vars);
    case Cardinality::kRepeated:
      return Render(R"cc(
        out.mutable_$to$()->Reserve($get$_size());
        for (int value : $get$()) {
          $type$ mapped;
          if (!$map$(value, &mapped)) $failed$
          out.add_$to$(mapped);
        }
      )cc",
                    vars);
    case Cardinality::kSingular:
      break;
  }
  const std::string guard = Guard(conversion, object, false);
  return Render(guard.empty() ? R"cc(
    {
      $type$ mapped;
      if (!$map$($get$(), &mapped)) $failed$
      out.set_$to$(mapped);
    }
  )cc"
                              : R"cc(
    if ($guard$) {
      $type$ mapped;
      if (!$map$($get$(), &mapped)) $failed$
      out.set_$to$(mapped);
    }
  )cc",
                {{"guard", guard},
                 {"get", get},
                 {"to", to},
                 {"map", map},
                 {"type", type},
                 {"failed", failed}});
}

// A nested message, through its converter's method of this direction.
std::string ValueConversionEmitter::Message(const ValueConversion& conversion,
                                            absl::string_view call, absl::string_view object) {
  const std::string get = absl::StrCat(object, names::Field(conversion.source));
  const std::string to = names::Field(conversion.target);
  const Vars vars = {{"get", get}, {"to", to}, {"call", call}};
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      return Render(R"cc(
        for (const auto& [key, value] : $get$()) {
          CPPSVC_RETURN_IF_ERROR($call$(value, (*out.mutable_$to$())[key]));
        }
      )cc",
                    vars);
    case Cardinality::kRepeated:
      return Render(R"cc(
        out.mutable_$to$()->Reserve($get$_size());
        for (const auto& item : $get$()) {
          CPPSVC_RETURN_IF_ERROR($call$(item, *out.add_$to$()));
        }
      )cc",
                    vars);
    case Cardinality::kSingular:
      break;
  }
  return GuardedBlock(
      Guard(conversion, object, false),
      Render("CPPSVC_RETURN_IF_ERROR($call$($get$(), *out.mutable_$to$()));", vars));
}

// Back from the next version, a nested message also gets its private
// counterpart (or null), where its own deprecated fields are read from.
std::string ValueConversionEmitter::MessageFromNext(const ValueConversion& conversion,
                                                    absl::string_view call,
                                                    absl::string_view object) {
  const std::string get = absl::StrCat(object, names::Field(conversion.source));
  const std::string to = names::Field(conversion.target);
  const FD* private_field = conversion.private_source;
  const std::string pfield = private_field != nullptr ? names::Field(private_field) : "";
  const std::string ptype =
      private_field != nullptr ? names::Message(ElementField(private_field)->message_type()) : "";
  const Vars lookup_vars = {{"pfield", pfield}, {"ptype", ptype}};
  std::string lookup;
  switch (conversion.cardinality) {
    case Cardinality::kMap:
      if (private_field != nullptr) {
        lookup = Render(R"cc(
          const $ptype$* private_value = nullptr;
          if (priv != nullptr) {
            auto found = priv->$pfield$().find(key);
            if (found != priv->$pfield$().end()) private_value = &found->second;
          }
        )cc",
                        lookup_vars);
      }
      return Render(R"cc(
        for (const auto& [key, value] : $get$()) {
          $lookup$
          CPPSVC_RETURN_IF_ERROR($call$(value, $private$, (*out.mutable_$to$())[key]));
        }
      )cc",
                    {{"get", get},
                     {"to", to},
                     {"call", call},
                     {"lookup", lookup},
                     {"private", lookup.empty() ? "nullptr" : "private_value"}});
    case Cardinality::kRepeated:
      if (private_field != nullptr) {
        lookup = Render(R"cc(
          const $ptype$* private_value =
              priv != nullptr && i < priv->$pfield$_size() ? &priv->$pfield$(i) : nullptr;
        )cc",
                        lookup_vars);
      }
      return Render(R"cc(
        out.mutable_$to$()->Reserve($get$_size());
        for (int i = 0; i < $get$_size(); ++i) {
          $lookup$
          CPPSVC_RETURN_IF_ERROR($call$($get$(i), $private$, *out.add_$to$()));
        }
      )cc",
                    {{"get", get},
                     {"to", to},
                     {"call", call},
                     {"lookup", lookup},
                     {"private", lookup.empty() ? "nullptr" : "private_value"}});
    case Cardinality::kSingular:
      break;
  }
  return GuardedBlock(
      Guard(conversion, object, false),
      Render(
          "CPPSVC_RETURN_IF_ERROR($call$($get$(), $private$, *out.mutable_$to$()));",
          {{"get", get}, {"to", to}, {"call", call}, {"private", PrivatePointer(private_field)}}));
}

// ---- Oneofs, receive.required, CarryDeprecated -------------------------------------

std::string ValueConversionEmitter::Oneof(const MessageModel& message, const OneofModel& oneof,
                                          ConverterMethod method, ParamUse& use) {
  const Direction direction = DirectionOf(method);
  const std::optional<OneofConversion>& conversion = oneof.conversions[direction];
  if (!conversion.has_value()) return "";
  std::vector<std::string> cases;
  for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
    const FieldModel& member = *message.FindField(oneof.descriptor->field(i));
    const std::optional<ValueConversion>& value = member.conversions[direction];
    if (!value.has_value()) continue;
    cases.push_back(Render(R"cc(
      case $case$: {
        $conversion$
        break;
      }
    )cc",
                           {{"case", names::OneofCase(value->source)},
                            {"conversion", Statements(*value, method, use)}}));
  }
  if (cases.empty()) return "";
  const SourceObject source =
      SourceOf(conversion->source_may_be_absent ? Direction::kFromPrivate : direction,
               conversion->source_may_be_absent);
  use.*source.param = true;
  const std::string body = Render(R"cc(
    switch ($object$$case$()) {
      $cases$
      default:
        break;
    }
  )cc",
                                  {{"object", source.prefix},
                                   {"case", names::OneofCaseAccessor(conversion->source)},
                                   {"cases", absl::StrJoin(cases, "")}});
  if (!conversion->source_may_be_absent) return body;
  return Render(R"cc(
    if (priv != nullptr) {
      $body$
    }
  )cc",
                {{"body", body}});
}

// Failures are keyed by the public field's Go name, as protoc-gen-go-svc
// reports them.
std::string ValueConversionEmitter::ReceiveRequired(const MessageModel& message,
                                                    ConverterMethod method, ParamUse& use) {
  const Direction direction = DirectionOf(method);
  std::vector<std::string> checks;
  auto check = [&](absl::string_view name, const std::string& blank, bool may_be_absent) {
    checks.push_back(Render(R"cc(
      if ($absent$$blank$) {
        blank.Report("$name$", ::cppsvc::Rule::kRequired, "cannot be blank");
      }
    )cc",
                            {{"absent", may_be_absent ? "priv == nullptr || " : ""},
                             {"blank", blank},
                             {"name", name}}));
  };
  for (const FieldModel& field : message.fields) {
    if (!field.receive_required || field.descriptor->real_containing_oneof()) continue;
    const std::optional<ValueConversion>& conversion = field.conversions[direction];
    if (!conversion.has_value()) continue;
    const SourceObject source = SourceOf(conversion->direction, conversion->source_may_be_absent);
    use.*source.param = true;
    check(GoCamelCase(field.descriptor->name()), Blank(conversion->source, source.prefix),
          conversion->source_may_be_absent);
  }
  for (const OneofModel& oneof : message.oneofs) {
    const std::optional<OneofConversion>& conversion = oneof.conversions[direction];
    if (!oneof.receive_required || !conversion.has_value()) continue;
    const bool absent = conversion->source_may_be_absent;
    const SourceObject source = SourceOf(absent ? Direction::kFromPrivate : direction, absent);
    use.*source.param = true;
    check(GoCamelCase(oneof.descriptor->name()),
          Expr("$object$$case$() == $not_set$",
               {{"object", source.prefix},
                {"case", names::OneofCaseAccessor(conversion->source)},
                {"not_set", names::OneofNotSet(conversion->source)}}),
          absent);
  }
  if (checks.empty()) return "";
  return Render(R"cc(
    ::cppsvc::ValidationContext blank;
    $checks$
    if (blank.violation_count() > 0) {
      return ::absl::FailedPreconditionError(blank.TakeViolations().ToString());
    }
  )cc",
                {{"checks", absl::StrJoin(checks, "")}});
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
      return Render(R"cc(
        for (const auto& [key, value] : in.$from$()) {
          auto found = out.mutable_$to$()->find(key);
          if (found != out.mutable_$to$()->end()) {
            CPPSVC_RETURN_IF_ERROR($carry$(value, found->second));
          }
        }
      )cc",
                    vars);
    case Cardinality::kRepeated:
      return Render(R"cc(
        for (int i = 0; i < in.$from$_size() && i < out.$to$_size(); ++i) {
          CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(i), *out.mutable_$to$(i)));
        }
      )cc",
                    vars);
    case Cardinality::kSingular:
      break;
  }
  return Render(R"cc(
    if (in.has_$from$()) {
      CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(), *out.mutable_$to$()));
    }
  )cc",
                vars);
}

// A member carries only where ToNext and then the chain brought it to the
// same member of the private oneof.
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
        Render(R"cc(
          if (in.$case$() == $member_case$ && out.$pcase$() == $private_case$) {
            CPPSVC_RETURN_IF_ERROR($carry$(in.$member$(), *out.mutable_$private$()));
          }
        )cc",
               {{"carry", Qualified(MethodName(ConverterMethod::kCarryDeprecated), value.message)},
                {"case", names::OneofCaseAccessor(conversion->source)},
                {"member_case", names::OneofCase(value.source)},
                {"pcase", names::OneofCaseAccessor(conversion->target)},
                {"private_case", names::OneofCase(value.target)},
                {"member", names::Field(value.source)},
                {"private", names::Field(value.target)}}));
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
    absl::StrAppend(&cases, Render(R"cc(
      case $number$:  // $name$
        return $target$;
    )cc",
                                   {{"number", absl::StrCat(value->number())},
                                    {"name", value->name()},
                                    {"target", names::EnumValue(mapping.forward[i])}}));
  }
  helpers_.push_back(Render(R"cc(
    // $from$ -> $to$; unknown numbers become 0, as in protoc-gen-go-svc.
    $to_type$ $name$(int value) {
      switch (value) {
        $cases$
        default:
          return static_cast<$to_type$>(0);
      }
    }
  )cc",
                            {{"from", mapping.from->full_name()},
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
    absl::StrAppend(&cases, Render(R"cc(
      case $number$:  // $name$
        *out = $target$;
        return true;
    )cc",
                                   {{"number", absl::StrCat(counterpart->number())},
                                    {"name", counterpart->name()},
                                    {"target", names::EnumValue(value)}}));
  }
  helpers_.push_back(Render(R"cc(
    // $to$ -> $from$, through each value's receive set.
    bool $name$(int value, $from_type$* out) {
      switch (value) {
        $cases$
        default:
          return false;
      }
    }
  )cc",
                            {{"from", mapping.from->full_name()},
                             {"to", mapping.to->full_name()},
                             {"from_type", names::Enum(mapping.from)},
                             {"name", name},
                             {"cases", cases}}));
  return name;
}

}  // namespace cppsvc::plugin
