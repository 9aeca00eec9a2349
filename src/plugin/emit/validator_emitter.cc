#include "plugin/emit/validator_emitter.h"

#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"
#include "plugin/util/go_float.h"

namespace cppsvc::plugin {
namespace {

using FD = pb::FieldDescriptor;

// Where a rule's violation is reported: at a named field below the current
// path, or at the current path (repeated elements and map values, whose scope
// already names them).
struct ReportTarget {
  std::string field;  // empty: the current path

  std::string Call(absl::string_view rule, absl::string_view message) const {
    return Render(
        R"cc(context.Report($#field$"$field$", $/field$::cppsvc::Rule::$rule$, $text$);)cc",
        {{"field", field}, {"rule", rule}, {"text", names::StringLiteral(message)}});
  }
};

// A rule that applies to non-empty values: the condition under which it fails.
struct Check {
  std::string fails;
  std::string rule;
  std::string message;
};

std::string BoundText(const Bound& bound) {
  switch (bound.kind) {
    case Bound::Kind::kLength:
    case Bound::Kind::kUint64:
      return absl::StrCat(bound.uint64_value);
    case Bound::Kind::kInt64:
      return absl::StrCat(bound.int64_value);
    case Bound::Kind::kDouble:
      return FormatGoFloat(bound.double_value);
  }
  return "";
}

std::string BoundLiteral(const Bound& bound, const FD* value) {
  switch (bound.kind) {
    case Bound::Kind::kLength:
    case Bound::Kind::kUint64:
      return names::Uint64Literal(bound.uint64_value);
    case Bound::Kind::kInt64:
      return names::Int64Literal(bound.int64_value);
    case Bound::Kind::kDouble:
      return value->cpp_type() == FD::CPPTYPE_FLOAT
                 ? absl::StrCat("double{", names::DoubleLiteral(bound.double_value), "}")
                 : names::DoubleLiteral(bound.double_value);
  }
  return "";
}

// False for a bound no value of the field's type can break (`min: 0` on an
// unsigned field, `min: -2147483648` on an int32): the comparison would be
// always false, which g++ reports (-Wtype-limits) and -Werror rejects.
bool BoundCanFail(const Bound& bound, const FD* value, bool is_min) {
  switch (value->cpp_type()) {
    case FD::CPPTYPE_INT32:
      return is_min ? bound.int64_value > std::numeric_limits<int32_t>::min()
                    : bound.int64_value < std::numeric_limits<int32_t>::max();
    case FD::CPPTYPE_INT64:
      return is_min ? bound.int64_value > std::numeric_limits<int64_t>::min()
                    : bound.int64_value < std::numeric_limits<int64_t>::max();
    case FD::CPPTYPE_UINT32:
      return is_min ? bound.uint64_value > 0
                    : bound.uint64_value < std::numeric_limits<uint32_t>::max();
    case FD::CPPTYPE_UINT64:
      return is_min ? bound.uint64_value > 0
                    : bound.uint64_value < std::numeric_limits<uint64_t>::max();
    default:
      return true;
  }
}

std::string InLiteral(const InValue& in, const FD* value) {
  switch (value->cpp_type()) {
    case FD::CPPTYPE_STRING:
      return names::StringLiteral(in.text);
    case FD::CPPTYPE_INT32:
    case FD::CPPTYPE_INT64:
      return names::Int64Literal(in.int64_value);
    case FD::CPPTYPE_UINT32:
    case FD::CPPTYPE_UINT64:
      return names::Uint64Literal(in.uint64_value);
    case FD::CPPTYPE_FLOAT:
      return names::FloatLiteral(static_cast<float>(in.double_value));
    case FD::CPPTYPE_DOUBLE:
      return names::DoubleLiteral(in.double_value);
    case FD::CPPTYPE_BOOL:
      return in.bool_value ? "true" : "false";
    case FD::CPPTYPE_ENUM:
      return names::EnumValue(in.enum_value);
    case FD::CPPTYPE_MESSAGE:
      break;
  }
  return "";
}

// The length rule's text, as ozzo-validation's Length(min, max) words it.
// A zero bound is no bound (fixed: a bare `min: 0` does not mean "empty").
std::string LengthText(uint64_t min, uint64_t max) {
  if (min > 0 && max > 0) {
    return min == max ? absl::StrCat("the length must be exactly ", min)
                      : absl::StrCat("the length must be between ", min, " and ", max);
  }
  return min > 0 ? absl::StrCat("the length must be no less than ", min)
                 : absl::StrCat("the length must be no more than ", max);
}

std::vector<Check> ChecksOf(const FieldRules& rules, const FD* value, const std::string& v) {
  std::vector<Check> checks;
  switch (rules.format) {
    case Format::kUuid:
      checks.push_back(
          {absl::StrCat("!::cppsvc::IsUuid(", v, ")"), "kIsUuid", "must be a valid UUID"});
      break;
    case Format::kEmail:
      checks.push_back({absl::StrCat("!::cppsvc::IsEmail(", v, ")"), "kIsEmail",
                        "must be a valid email address"});
      break;
    case Format::kUrl:
      checks.push_back(
          {absl::StrCat("!::cppsvc::IsUrl(", v, ")"), "kIsUrl", "must be a valid URL"});
      break;
    case Format::kNone:
      break;
  }
  if (!rules.in.empty()) {
    std::vector<std::string> literals;
    for (const InValue& in : rules.in) literals.push_back(InLiteral(in, value));
    checks.push_back({absl::StrCat("!::cppsvc::internal::IsIn<", names::ValueType(value), ">(", v,
                                   ", {", absl::StrJoin(literals, ", "), "})"),
                      "kIn", "must be a valid value"});
  }
  if (value->cpp_type() == FD::CPPTYPE_STRING) {
    const uint64_t min = rules.min ? rules.min->uint64_value : 0;
    const uint64_t max = rules.max ? rules.max->uint64_value : 0;
    if (min > 0) {
      checks.push_back(
          {absl::StrCat(v, ".size() < ", names::Uint64Literal(min)), "kMin", LengthText(min, max)});
    }
    if (max > 0) {
      checks.push_back(
          {absl::StrCat(v, ".size() > ", names::Uint64Literal(max)), "kMax", LengthText(min, max)});
    }
    return checks;
  }
  if (rules.min && BoundCanFail(*rules.min, value, /*is_min=*/true)) {
    checks.push_back({absl::StrCat(v, " < ", BoundLiteral(*rules.min, value)), "kMin",
                      absl::StrCat("must be no less than ", BoundText(*rules.min))});
  }
  if (rules.max && BoundCanFail(*rules.max, value, /*is_min=*/false)) {
    checks.push_back({absl::StrCat(v, " > ", BoundLiteral(*rules.max, value)), "kMax",
                      absl::StrCat("must be no greater than ", BoundText(*rules.max))});
  }
  return checks;
}

std::string IsEmpty(const FD* value, const std::string& v) {
  switch (value->cpp_type()) {
    case FD::CPPTYPE_STRING:
      return absl::StrCat(v, ".empty()");
    case FD::CPPTYPE_BOOL:
      return absl::StrCat("!", v);
    default:
      return absl::StrCat(v, " == 0");
  }
}

std::string IsNotEmpty(const FD* value, const std::string& v) {
  switch (value->cpp_type()) {
    case FD::CPPTYPE_STRING:
      return absl::StrCat("!", v, ".empty()");
    case FD::CPPTYPE_BOOL:
      return v;
    default:
      return absl::StrCat(v, " != 0");
  }
}

class ValidatorEmitter {
 public:
  ValidatorEmitter(const Model& model, const FileModel& file, Sections& sections)
      : model_(model), file_(file), sections_(sections) {}

  void Emit() {
    sections_.header_includes.insert("cppsvc/validation.h");
    sections_.header_includes.insert("cppsvc/violations.h");
    sections_.source_includes.insert("cppsvc/formats.h");
    sections_.source_includes.insert("cppsvc/internal/no_destructor.h");
    sections_.source_includes.insert("cppsvc/internal/validate_support.h");
    sections_.header_blocks.push_back(ClassDeclaration());
    sections_.header_blocks.push_back(FreeFunctionDeclarations());
    sections_.source_blocks.push_back(DefaultInstance());
    for (const MessageModel* message : file_.messages) {
      sections_.source_blocks.push_back(MessageValidator(*message));
    }
    sections_.source_blocks.push_back(FreeFunctionDefinitions());
  }

 private:
  std::string ClassDeclaration() {
    std::vector<std::string> overloads;
    for (const MessageModel* message : file_.messages) {
      overloads.push_back(Render(
          R"cc(
        virtual void $Validate$(const $type$& message,
                              ::cppsvc::ValidationContext& context) const;
      )cc",
          {{"Validate", names::kValidateFunction}, {"type", names::Message(message->descriptor)}}));
    }
    return Render(R"cc(
      // Runs the `(gen.svc.field).validate` rules of $file$.
      //
      // Each overload reports the violations of one message into `context`.
      // Nested messages of this file are validated through the same object,
      // so a subclass that overrides an overload changes that message wherever
      // it appears. Overriding one overload hides the others: add
      // `using $Validator$::$Validate$;` to the subclass.
      class $Validator$ {
       public:
        $Validator$() = default;
        virtual ~$Validator$() = default;

        // The generated rules; stateless and safe to share across threads.
        static const $Validator$& Default();

        $overloads$
      };
    )cc",
                  {{"file", file_.file->name()},
                   {"Validator", names::kValidatorClass},
                   {"Validate", names::kValidateFunction},
                   {"overloads", absl::StrJoin(overloads, "")}});
  }

  std::string FreeFunctionDeclarations() {
    std::vector<std::string> declarations;
    for (const MessageModel* message : file_.messages) {
      declarations.push_back(Render(
          "::cppsvc::Violations $Validate$(const $type$& message);",
          {{"Validate", names::kValidateFunction}, {"type", names::Message(message->descriptor)}}));
    }
    return Render(
        R"cc(
      // Validates a message of $file$ with the generated rules. The result
      // is empty (ok()) when the message is valid; validating a valid message
      // does not allocate.
      $declarations$
    )cc",
        {{"file", file_.file->name()}, {"declarations", absl::StrJoin(declarations, "")}});
  }

  std::string DefaultInstance() {
    return Render(R"cc(
      const $Validator$& $Validator$::Default() {
        // Built in place on first use, never destroyed: no allocation.
        static const ::cppsvc::internal::NoDestructor<$Validator$> kDefault;
        return kDefault.get();
      }
    )cc",
                  {{"Validator", names::kValidatorClass}});
  }

  std::string FreeFunctionDefinitions() {
    std::vector<std::string> definitions;
    for (const MessageModel* message : file_.messages) {
      definitions.push_back(Render(R"cc(
        ::cppsvc::Violations $Validate$(const $type$& message) {
          ::cppsvc::ValidationContext context;
          $Validator$::Default().$Validate$(message, context);
          return context.TakeViolations();
        }
      )cc",
                                   {{"Validator", names::kValidatorClass},
                                    {"Validate", names::kValidateFunction},
                                    {"type", names::Message(message->descriptor)}}));
    }
    return JoinBlocks(definitions);
  }

  std::string MessageValidator(const MessageModel& message) {
    std::vector<std::string> parts;
    for (const FieldModel& field : message.fields) {
      if (field.descriptor->real_containing_oneof() != nullptr) continue;
      parts.push_back(FieldValidation(field));
    }
    for (const OneofModel& oneof : message.oneofs) {
      parts.push_back(OneofValidation(message, oneof));
    }
    std::string body = JoinBlocks(parts);
    const bool empty = body.empty();
    return Render(R"cc(
      void $Validator$::$Validate$(const $type$& $message$,
                               ::cppsvc::ValidationContext& $context$) const {
        $body$
      }
    )cc",
                  {{"Validator", names::kValidatorClass},
                   {"Validate", names::kValidateFunction},
                   {"type", names::Message(message.descriptor)},
                   {"message", empty ? "/*message*/" : "message"},
                   {"context", empty ? "/*context*/" : "context"},
                   {"body", body}});
  }

  // The call that validates a nested message `v`, or "" when there is none to
  // make: the type has no rules, or no model (well-known types). A type of
  // another file, generated in this run or not, is validated by that file's
  // generated validator (its `.svc.h`; the user links its target).
  std::string NestedCall(const pb::Descriptor* type, const std::string& v) {
    const bool here = type->file() == file_.file;
    if (!here) {
      const MessageModel* nested = model_.Find(type);
      if (nested == nullptr) nested = model_.FindImported(type);
      if (nested == nullptr || !nested->has_rules) return "";
      CallGenerated(sections_, type->file());
    }
    return Render("$#validator$$validator$::Default().$/validator$$Validate$($value$, context);",
                  {{"validator", here ? "" : names::ValidatorClass(type->file())},
                   {"Validate", names::kValidateFunction},
                   {"value", v}});
  }

  // The rules of a scalar value `v`: required first, then the others on
  // non-empty values, the first failing rule reported.
  std::string ScalarRules(const FieldRules& rules, const FD* value, const std::string& v,
                          const std::string& empty, const std::string& not_empty,
                          const ReportTarget& target) {
    std::vector<Check> checks = ChecksOf(rules, value, v);
    // The required rule, then the others in order, as one if-else chain.
    if (rules.required) checks.insert(checks.begin(), {empty, "kRequired", "cannot be blank"});
    if (checks.empty()) return "";
    // Each link opens a block that the next link, or the template below,
    // closes: `if (a) {`, `} else if (b) {`, ..., `}`.
    std::string chain;
    for (size_t i = 0; i < checks.size(); ++i) {
      chain += Render(R"cc(
        $#else$} else $/else$if ($fails$) {
          $report$
      )cc",
                      {{"else", Flag(i > 0)},
                       {"fails", checks[i].fails},
                       {"report", target.Call(checks[i].rule, checks[i].message)}});
    }
    // Without `required`, the rules apply to non-empty values only.
    return Render(
        R"cc(
      $#optional$
      if ($not_empty$) {
        $chain$
        }
      }
      $/optional$
      $^optional$
      $chain$
      }
      $/optional$
    )cc",
        {{"optional", Flag(!rules.required)}, {"not_empty", not_empty}, {"chain", chain}});
  }

  std::string FieldValidation(const FieldModel& field) {
    const FD* f = field.descriptor;
    const std::string name(f->name());
    const std::string accessor = names::Field(f);
    const FD* value = ElementField(f);
    if (f->is_map()) {
      return MapValidation(field, value);
    }
    if (f->is_repeated()) {
      const std::string v = absl::StrCat("message.", accessor, "(i)");
      const std::string body = ElementRules(field, value, v);
      if (body.empty()) return "";
      return Render(R"cc(
        for (int i = 0; i < message.$accessor$_size(); ++i) {
          auto scope = context.Element("$name$", i);
          $body$
        }
      )cc",
                    {{"accessor", accessor}, {"name", name}, {"body", body}});
    }
    const std::string v = absl::StrCat("message.", accessor, "()");
    const ReportTarget target{name};
    if (value->message_type() != nullptr) {
      const std::string nested = NestedCall(value->message_type(), v);
      const std::string has = absl::StrCat("message.has_", accessor, "()");
      if (field.rules.required) {
        return Render(R"cc(
          if (!$has$) {
            $required$
          $#nested$
          } else {
            auto scope = context.Field("$name$");
            $nested$
          $/nested$
          }
        )cc",
                      {{"has", has},
                       {"required", target.Call("kRequired", "cannot be blank")},
                       {"name", name},
                       {"nested", nested}});
      }
      if (nested.empty()) return "";
      return Render(R"cc(
        if ($has$) {
          auto scope = context.Field("$name$");
          $nested$
        }
      )cc",
                    {{"has", has}, {"name", name}, {"nested", nested}});
    }
    // Explicit presence (proto3 `optional`, proto2): an unset field is empty,
    // whatever its default.
    std::string empty = IsEmpty(value, v);
    std::string not_empty = IsNotEmpty(value, v);
    if (f->has_presence()) {
      empty = absl::StrCat("!message.has_", accessor, "() || ", empty);
      not_empty = absl::StrCat("message.has_", accessor, "() && ", not_empty);
    }
    return ScalarRules(field.rules, value, v, empty, not_empty, target);
  }

  // The rules of one element of a repeated field, reported at the element.
  std::string ElementRules(const FieldModel& field, const FD* value, const std::string& v) {
    if (value->message_type() != nullptr) {
      // An element is always present, so `required` holds (as in ozzo).
      return NestedCall(value->message_type(), v);
    }
    return ScalarRules(field.rules, value, v, IsEmpty(value, v), IsNotEmpty(value, v),
                       ReportTarget{});
  }

  std::string MapValidation(const FieldModel& field, const FD* value) {
    const FD* f = field.descriptor;
    const std::string body = ElementRules(field, value, "entry.second");
    if (body.empty()) return "";
    return Render(R"cc(
      for (const auto& entry : message.$accessor$()) {
        auto scope = context.MapEntry("$name$", $key$);
        $body$
      }
    )cc",
                  {{"accessor", names::Field(f)},
                   {"name", f->name()},
                   {"key", MapKey(f->message_type()->map_key())},
                   {"body", body}});
  }

  static std::string MapKey(const FD* key) {
    switch (key->cpp_type()) {
      case FD::CPPTYPE_STRING:
        return "::absl::string_view(entry.first)";
      case FD::CPPTYPE_BOOL:
        return "entry.first";
      case FD::CPPTYPE_UINT32:
      case FD::CPPTYPE_UINT64:
        return "static_cast<uint64_t>(entry.first)";
      default:
        return "static_cast<int64_t>(entry.first)";
    }
  }

  std::string OneofValidation(const MessageModel& message, const OneofModel& oneof) {
    const pb::OneofDescriptor* o = oneof.descriptor;
    const std::string which = absl::StrCat("message.", names::OneofCaseAccessor(o), "()");
    std::vector<std::string> parts;
    if (oneof.required) {
      parts.push_back(
          Render(R"cc(
        if ($which$ == $not_set$) {
          context.ReportOneof("$name$", ::cppsvc::Rule::kRequired, "cannot be blank");
        }
      )cc",
                 {{"which", which}, {"not_set", names::OneofNotSet(o)}, {"name", o->name()}}));
    }
    for (int i = 0; i < o->field_count(); ++i) {
      const FD* member = o->field(i);
      const FieldModel& field = *message.FindField(member);
      const std::string v = absl::StrCat("message.", names::Field(member), "()");
      std::string body;
      if (member->message_type() != nullptr) {
        const std::string nested = NestedCall(member->message_type(), v);
        body = Render(R"cc(
          $#nested$
          auto scope = context.Field("$name$");
          $nested$
          $/nested$
        )cc",
                      {{"name", member->name()}, {"nested", nested}});
      } else {
        body = ScalarRules(field.rules, member, v, IsEmpty(member, v), IsNotEmpty(member, v),
                           ReportTarget{std::string(member->name())});
      }
      if (body.empty()) continue;
      parts.push_back(
          Render(R"cc(
        if ($which$ == $case$) {
          $body$
        }
      )cc",
                 {{"which", which}, {"case", names::OneofCase(member)}, {"body", body}}));
    }
    return absl::StrJoin(parts, "");
  }

  const Model& model_;
  const FileModel& file_;
  Sections& sections_;
};

}  // namespace

void EmitValidators(const Model& model, const FileModel& file, Sections& sections) {
  ValidatorEmitter(model, file, sections).Emit();
}

}  // namespace cppsvc::plugin
