#include "plugin/emit/converter_emitter.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "cppsvc/violations.h"
#include "plugin/emit/names.h"
#include "plugin/emit/writer.h"

namespace cppsvc::plugin {
namespace {

using FD = pb::FieldDescriptor;

// How a value of `field` is tested for emptiness (ozzo's Required).
std::string IsBlank(const FD* field, const std::string& object) {
  const std::string accessor = absl::StrCat(object, ".", names::Field(field));
  if (field->is_repeated()) return absl::StrCat(accessor, "_size() == 0");
  switch (field->cpp_type()) {
    case FD::CPPTYPE_MESSAGE:
      return absl::StrCat("!", object, ".has_", names::Field(field), "()");
    case FD::CPPTYPE_STRING:
      return absl::StrCat(accessor, "().empty()");
    case FD::CPPTYPE_BOOL:
      return absl::StrCat("!", accessor, "()");
    default:
      return absl::StrCat(accessor, "() == 0");
  }
}

// The directions a public message converts in.
enum class Forward { kNext, kPrivate };
enum class Backward {
  kFromNext,        // ToPublic(next, priv, out): older versions
  kFromPrivate,     // ToPublic(priv, out): the latest version
  kFromDeprecated,  // ToDeprecatedPublic(priv, out): any version
};

class ConverterEmitter {
 public:
  ConverterEmitter(const Model& model, const FileModel& file, Sections& sections)
      : model_(model),
        file_(file),
        package_(*file.package),
        sections_(sections),
        has_next_(package_.next != nullptr),
        has_private_(package_.domain->private_package != nullptr) {}

  void Emit() {
    sections_.header_includes.insert("absl/status/status.h");
    sections_.source_includes.insert("cppsvc/internal/convert_support.h");
    sections_.source_includes.insert("cppsvc/internal/no_destructor.h");
    sections_.source_includes.insert("cppsvc/validation.h");
    for (const MessageModel* message : file_.messages) EmitMessage(*message);
    EmitExternalMethodTypes();
    sections_.header_blocks.push_back(ClassDeclaration());
    std::vector<std::string> source = {DefaultInstance()};
    if (!helpers_.empty()) {
      source.push_back(
          absl::StrCat("namespace {\n\n", JoinBlocks(helpers_), "\n}  // namespace\n"));
    }
    for (std::string& definition : definitions_) source.push_back(std::move(definition));
    sections_.source_blocks.push_back(JoinBlocks(source));
  }

 private:
  // ---- Declarations and definitions -------------------------------------------

  struct Param {
    std::string type;
    std::string name;
  };
  static Param In(const std::string& type) { return {absl::StrCat("const ", type, "&"), "in"}; }
  static Param Priv(const std::string& type) { return {absl::StrCat("const ", type, "&"), "priv"}; }
  static Param Out(const std::string& type) { return {absl::StrCat(type, "&"), "out"}; }

  // A method body and the parameters it reads or writes. Which ones is
  // recorded (Use) where each conversion the model asks for is generated,
  // never read back from the text: a hand-written converter.empty message,
  // a message without fields, a scalar-only ToPublic(next, priv, out) leave
  // some unused, and those stay unnamed (-Wunused-parameter).
  struct Body {
    std::string text;
    std::set<std::string> uses;
  };

  void Use(const std::string& param) { used_.insert(param); }

  Body Finish(std::string text) {
    Body body{std::move(text), std::move(used_)};
    used_.clear();
    return body;
  }

  void Add(const std::string& declaration, const std::string& qualified_head, std::string body) {
    // Sources are built as `<object>.<accessor>`; the optional private
    // message is a pointer.
    body = absl::StrReplaceAll(body, {{"(*priv).", "priv->"}});
    declarations_.push_back(declaration);
    definitions_.push_back(Render(R"cc(
      $head$ {
        $body$
      }
    )cc",
                                  {{"head", qualified_head}, {"body", body}}));
  }

  // Adds `absl::Status <name>(<params>) const`, declared virtual. Parameters
  // the body does not use are left unnamed in the definition.
  void AddMethod(const std::string& name, const std::vector<Param>& params, const Body& body) {
    std::vector<std::string> declared;
    std::vector<std::string> defined;
    for (const Param& param : params) {
      declared.push_back(absl::StrCat(param.type, " ", param.name));
      defined.push_back(body.uses.count(param.name) > 0
                            ? declared.back()
                            : absl::StrCat(param.type, " /*", param.name, "*/"));
    }
    Add(absl::StrCat("virtual ::absl::Status ", name, "(", absl::StrJoin(declared, ", "),
                     ") const;"),
        absl::StrCat("::absl::Status Converter::", name, "(", absl::StrJoin(defined, ", "),
                     ") const"),
        body.text);
  }

  void EmitMessage(const MessageModel& message) {
    const std::string type = names::Message(message.descriptor);
    const bool forward = !message.deprecated && message.next != nullptr;
    if (has_next_ && forward) {
      UseMessage(sections_, message.next);
      AddMethod("ToNext", {In(type), Out(names::Message(message.next))},
                ForwardBody(message, Forward::kNext));
    }
    if (!has_private_ || message.private_counterpart == nullptr) return;
    UseMessage(sections_, message.private_counterpart);
    const std::string priv = names::Message(message.private_counterpart);
    AddMethod("ToPrivate", {In(type), Out(priv)}, ForwardBody(message, Forward::kPrivate));
    if (has_next_ && forward) {
      AddMethod("ToPublic",
                {{absl::StrCat("const ", names::Message(message.next), "&"), "next"},
                 {absl::StrCat("const ", priv, "*"), "priv"},
                 Out(type)},
                BackwardBody(message, Backward::kFromNext));
    }
    if (package_.latest && !message.deprecated) {
      AddMethod("ToPublic", {Priv(priv), Out(type)}, BackwardBody(message, Backward::kFromPrivate));
    }
    AddMethod("ToDeprecatedPublic", {Priv(priv), Out(type)},
              package_.latest && !message.deprecated
                  ? LatestBody()
                  : BackwardBody(message, Backward::kFromDeprecated));
    if (has_next_ && message.carries_deprecated) {
      AddMethod("CarryDeprecated", {In(type), Out(priv)}, CarryBody(message));
    }
  }

  // RPC requests and responses of types outside the chain (e.g.
  // google.protobuf.Empty) convert to their counterpart as a whole: the same
  // type is copied, another type starts empty (as in protoc-gen-go-svc); an
  // override can fill it.
  void EmitExternalMethodTypes() {
    std::set<std::string> seen;
    for (const ServiceModel* service : file_.services) {
      for (const MethodModel& method : service->methods) {
        const pb::MethodDescriptor* target =
            method.next != nullptr ? method.next : method.private_counterpart;
        if (target == nullptr) continue;
        const bool to_next = method.next != nullptr;
        const pb::Descriptor* in = method.descriptor->input_type();
        const pb::Descriptor* out = method.descriptor->output_type();
        if (model_.Find(in) == nullptr) {
          AddWholeConversion(seen, to_next ? "ToNext" : "ToPrivate", in, target->input_type());
        }
        if (model_.Find(out) == nullptr) {
          const pb::Descriptor* private_out =
              method.private_counterpart ? method.private_counterpart->output_type() : nullptr;
          if (to_next && private_out != nullptr) {
            AddWholeBackward(seen, target->output_type(), private_out, out);
          } else if (private_out != nullptr) {
            AddWholeConversion(
                seen, package_.latest && !method.deprecated ? "ToPublic" : "ToDeprecatedPublic",
                private_out, out);
          }
        }
      }
    }
  }

  void AddWholeConversion(std::set<std::string>& seen, const std::string& name,
                          const pb::Descriptor* from, const pb::Descriptor* to) {
    const std::string from_type = names::Message(from);
    const std::string to_type = names::Message(to);
    if (!seen.insert(absl::StrCat(name, from_type, to_type)).second) return;
    UseMessage(sections_, from);
    UseMessage(sections_, to);
    const bool forward = name == "ToNext" || name == "ToPrivate";
    const Param source = forward ? In(from_type) : Priv(from_type);
    AddMethod(name, {source, Out(to_type)}, WholeBody(from == to, source.name));
  }

  void AddWholeBackward(std::set<std::string>& seen, const pb::Descriptor* next,
                        const pb::Descriptor* priv, const pb::Descriptor* out) {
    const std::string next_type = names::Message(next);
    const std::string priv_type = names::Message(priv);
    const std::string out_type = names::Message(out);
    if (!seen.insert(absl::StrCat("ToPublic", next_type, priv_type, out_type)).second) return;
    UseMessage(sections_, next);
    UseMessage(sections_, priv);
    UseMessage(sections_, out);
    AddMethod("ToPublic",
              {{absl::StrCat("const ", next_type, "&"), "next"},
               {absl::StrCat("const ", priv_type, "*"), "priv"},
               Out(out_type)},
              WholeBody(next == out, "next"));
  }

  Body WholeBody(bool same_type, const std::string& source) {
    if (!same_type)
      return Finish("return ::absl::OkStatus();  // starts empty; override to fill\n");
    Use(source);
    Use("out");
    return Finish(absl::StrCat("out = ", source, ";\nreturn ::absl::OkStatus();\n"));
  }

  Body LatestBody() {
    Use("priv");
    Use("out");
    return Finish("return ToPublic(priv, out);\n");
  }

  // ---- Forward: ToNext and ToPrivate --------------------------------------------

  Body ForwardBody(const MessageModel& message, Forward direction) {
    if (message.converter_empty) return HandWritten();
    std::vector<std::string> parts;
    for (const FieldModel& field : message.fields) {
      if (field.descriptor->real_containing_oneof() != nullptr) continue;
      const FD* target = ForwardTarget(field, direction);
      if (target == nullptr) continue;
      parts.push_back(ForwardField(field.descriptor, target, direction, "in", "out"));
    }
    for (const OneofModel& oneof : message.oneofs) {
      const pb::OneofDescriptor* target = direction == Forward::kNext
                                              ? (oneof.deprecated ? nullptr : oneof.next)
                                              : oneof.private_counterpart;
      if (target == nullptr) continue;
      parts.push_back(ForwardOneof(message, oneof, direction));
    }
    parts.push_back("return ::absl::OkStatus();\n");
    return Finish(absl::StrJoin(parts, ""));
  }

  static const FD* ForwardTarget(const FieldModel& field, Forward direction) {
    if (direction == Forward::kPrivate) return field.private_counterpart;
    return field.deprecated ? nullptr : field.next;
  }

  // A conversion of a nested message: this converter's own overload, or for a
  // type declared in another file, that file's generated converter.
  std::string Qualified(const std::string& call, const pb::Descriptor* type) {
    if (type->file() == file_.file) return call;
    CallGenerated(sections_, type->file());
    return absl::StrCat(names::QualifiedFileNamespace(type->file()), "::Converter::Default().",
                        call);
  }

  std::string ForwardCall(Forward direction) const {
    return direction == Forward::kNext ? "ToNext" : "ToPrivate";
  }

  // `out.<to> = convert(in.<from>)`, for any cardinality and type.
  std::string ForwardField(const FD* from, const FD* to, Forward direction, const std::string& in,
                           const std::string& out) {
    Use(in);
    Use(out);
    const std::string get = absl::StrCat(in, ".", names::Field(from));
    const std::string to_name = names::Field(to);
    const FD* value = ElementField(from);
    const bool message = value->message_type() != nullptr;
    const bool is_enum = value->enum_type() != nullptr;
    // The same message or enum on both sides (e.g. from a shared, imported
    // package) is copied as it is; the model maps only enums that differ.
    const bool same_type = (message && value->message_type() == ElementField(to)->message_type()) ||
                           (is_enum && value->enum_type() == ElementField(to)->enum_type());
    if ((!message && !is_enum) || same_type) {
      if (from->is_repeated()) {
        return absl::StrCat("*", out, ".mutable_", to_name, "() = ", get, "();\n");
      }
      if (message) {
        return absl::StrCat("if (", in, ".has_", names::Field(from), "()) *", out, ".mutable_",
                            to_name, "() = ", get, "();\n");
      }
      return SetScalar(from, to, get + "()", in, out);
    }
    if (is_enum) {
      const std::string map = ForwardEnumFunction(from, direction);
      if (from->is_map()) {
        return Render(R"cc(
          for (const auto& [key, value] : $get$()) {
            (*$out$.mutable_$to$())[key] = $map$(value);
          }
        )cc",
                      {{"get", get}, {"out", out}, {"to", to_name}, {"map", map}});
      }
      if (from->is_repeated()) {
        return Render(R"cc(
          $out$.mutable_$to$()->Reserve($get$_size());
          for (int value : $get$()) $out$.add_$to$($map$(value));
        )cc",
                      {{"get", get}, {"out", out}, {"to", to_name}, {"map", map}});
      }
      return SetScalar(from, to, absl::StrCat(map, "(", get, "())"), in, out);
    }
    const std::string call = Qualified(ForwardCall(direction), value->message_type());
    if (from->is_map()) {
      return Render(R"cc(
        for (const auto& [key, value] : $get$()) {
          CPPSVC_RETURN_IF_ERROR($call$(value, (*$out$.mutable_$to$())[key]));
        }
      )cc",
                    {{"get", get}, {"out", out}, {"to", to_name}, {"call", call}});
    }
    if (from->is_repeated()) {
      return Render(R"cc(
        $out$.mutable_$to$()->Reserve($get$_size());
        for (const auto& item : $get$()) {
          CPPSVC_RETURN_IF_ERROR($call$(item, *$out$.add_$to$()));
        }
      )cc",
                    {{"get", get}, {"out", out}, {"to", to_name}, {"call", call}});
    }
    return Render(R"cc(
      if ($in$.has_$from$()) {
        CPPSVC_RETURN_IF_ERROR($call$($get$(), *$out$.mutable_$to$()));
      }
    )cc",
                  {{"in", in},
                   {"from", names::Field(from)},
                   {"get", get},
                   {"out", out},
                   {"to", to_name},
                   {"call", call}});
  }

  // Sets a singular scalar, keeping presence: a field with explicit presence
  // is copied only when set; into one, only a non-empty value is copied.
  static std::string SetScalar(const FD* from, const FD* to, const std::string& value,
                               const std::string& in, const std::string& out) {
    const std::string set = absl::StrCat(out, ".set_", names::Field(to), "(", value, ");\n");
    if (from->real_containing_oneof() != nullptr) return set;  // its case is set
    if (from->has_presence()) {
      return absl::StrCat("if (", in, ".has_", names::Field(from), "()) ", set);
    }
    if (to->has_presence()) {
      return absl::StrCat("if (!(", IsBlank(from, in), ")) ", set);
    }
    return set;
  }

  std::string ForwardOneof(const MessageModel& message, const OneofModel& oneof,
                           Forward direction) {
    Use("in");
    std::string cases;
    for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
      const FD* member = oneof.descriptor->field(i);
      const FieldModel& model = *message.FindField(member);
      const FD* target = direction == Forward::kNext ? model.next : model.private_counterpart;
      if (target == nullptr) continue;
      absl::StrAppend(&cases, "case ", names::OneofCase(member), ": {\n",
                      Indent(ForwardField(member, target, direction, "in", "out")),
                      "  break;\n}\n");
    }
    return Render(R"cc(
      switch (in.$case$()) {
        $cases$
        default:
          break;
      }
    )cc",
                  {{"case", names::OneofCaseAccessor(oneof.descriptor)}, {"cases", cases}});
  }

  // ---- Backward: ToPublic and ToDeprecatedPublic --------------------------------

  // Where a public field's value comes from on the way back.
  struct Source {
    const FD* field = nullptr;  // null: nowhere (the field stays empty)
    std::string object;         // "next", "priv" or "(*priv)"
    bool from_private = false;
    bool optional = false;  // the object may be absent (priv is a pointer)

    // The parameter the object is.
    std::string param() const { return optional ? "priv" : object; }
  };

  Source SourceOf(const FieldModel& field, Backward kind) const {
    if (kind != Backward::kFromNext) {
      return {field.private_counterpart, "priv", true, false};
    }
    if (field.deprecated) return {field.private_counterpart, "(*priv)", true, true};
    return {field.next, "next", false, false};
  }

  Body BackwardBody(const MessageModel& message, Backward kind) {
    if (message.converter_empty) return HandWritten();
    std::vector<std::string> parts;
    parts.push_back(ReceiveRequired(message, kind));
    for (const FieldModel& field : message.fields) {
      if (field.descriptor->real_containing_oneof() != nullptr) continue;
      const Source source = SourceOf(field, kind);
      if (source.field == nullptr) continue;
      std::string conversion = BackwardField(field, source, kind, "out");
      if (source.optional) {
        conversion = absl::StrCat("if (priv != nullptr) {\n", Indent(conversion), "}\n");
      }
      parts.push_back(conversion);
    }
    for (const OneofModel& oneof : message.oneofs) {
      parts.push_back(BackwardOneof(message, oneof, kind));
    }
    parts.push_back("return ::absl::OkStatus();\n");
    return Finish(absl::StrJoin(parts, ""));
  }

  // `receive.required`: the value read back must not be empty. Failures are
  // keyed by the public field's Go name, as protoc-gen-go-svc reports them.
  std::string ReceiveRequired(const MessageModel& message, Backward kind) {
    std::string checks;
    for (const FieldModel& field : message.fields) {
      if (!field.receive_required || field.descriptor->real_containing_oneof()) continue;
      const Source source = SourceOf(field, kind);
      if (source.field == nullptr) continue;
      Use(source.param());
      std::string blank = IsBlank(source.field, source.object);
      if (source.optional) blank = absl::StrCat("priv == nullptr || ", blank);
      absl::StrAppend(&checks, "if (", blank, ") {\n  blank.Report(\"",
                      GoCamelCase(field.descriptor->name()),
                      "\", ::cppsvc::Rule::kRequired, \"cannot be blank\");\n}\n");
    }
    for (const OneofModel& oneof : message.oneofs) {
      if (!oneof.receive_required) continue;
      const bool from_private = kind != Backward::kFromNext || oneof.deprecated;
      const pb::OneofDescriptor* source = from_private ? oneof.private_counterpart : oneof.next;
      if (source == nullptr) continue;
      Use(from_private ? "priv" : "next");
      const std::string object = kind == Backward::kFromNext && from_private
                                     ? "(*priv)"
                                     : (from_private ? "priv" : "next");
      std::string blank = absl::StrCat(object, ".", names::OneofCaseAccessor(source),
                                       "() == ", names::OneofNotSet(source));
      if (kind == Backward::kFromNext && from_private) {
        blank = absl::StrCat("priv == nullptr || ", blank);
      }
      absl::StrAppend(&checks, "if (", blank, ") {\n  blank.Report(\"",
                      GoCamelCase(oneof.descriptor->name()),
                      "\", ::cppsvc::Rule::kRequired, \"cannot be blank\");\n}\n");
    }
    if (checks.empty()) return "";
    return Render(R"cc(
      ::cppsvc::ValidationContext blank;
      $checks$
      if (blank.violation_count() > 0) {
        return ::absl::FailedPreconditionError(blank.TakeViolations().ToString());
      }
    )cc",
                  {{"checks", checks}});
  }

  std::string BackwardCall(Backward kind, bool from_private) const {
    if (kind == Backward::kFromDeprecated || (kind == Backward::kFromNext && from_private)) {
      return "ToDeprecatedPublic";
    }
    return "ToPublic";
  }

  // `out.<field> = convert(<source>)`, for any cardinality and type.
  std::string BackwardField(const FieldModel& field, const Source& source, Backward kind,
                            const std::string& out) {
    Use(source.param());
    Use(out);
    const FD* to = field.descriptor;
    const FD* from = source.field;
    const std::string get = absl::StrCat(source.object, ".", names::Field(from));
    const std::string to_name = names::Field(to);
    const FD* value = ElementField(to);
    const bool message = value->message_type() != nullptr;
    const bool is_enum = value->enum_type() != nullptr;
    const bool same_type =
        (message && value->message_type() == ElementField(from)->message_type()) ||
        (is_enum && value->enum_type() == ElementField(from)->enum_type());
    if ((!message && !is_enum) || same_type) {
      if (to->is_repeated()) {
        return absl::StrCat("*", out, ".mutable_", to_name, "() = ", get, "();\n");
      }
      if (message) {
        return absl::StrCat("if (", source.object, ".has_", names::Field(from), "()) *", out,
                            ".mutable_", to_name, "() = ", get, "();\n");
      }
      return SetScalar(from, to, get + "()", source.object, out);
    }
    if (is_enum) return BackwardEnum(field, source, kind, out);
    const std::string call =
        Qualified(BackwardCall(kind, source.from_private), value->message_type());
    const bool with_private = kind == Backward::kFromNext && !source.from_private;
    const FD* private_field = field.private_counterpart;
    if (with_private && (to->is_repeated() || private_field != nullptr)) Use("priv");
    if (to->is_map()) {
      return Render(with_private ? R"cc(
        for (const auto& [key, value] : $get$()) {
          const $ptype$* private_value = nullptr;
          if (priv != nullptr) {
            auto found = priv->$pfield$().find(key);
            if (found != priv->$pfield$().end()) private_value = &found->second;
          }
          CPPSVC_RETURN_IF_ERROR($call$(value, private_value, (*$out$.mutable_$to$())[key]));
        }
      )cc"
                                 : R"cc(
        for (const auto& [key, value] : $get$()) {
          CPPSVC_RETURN_IF_ERROR($call$(value, (*$out$.mutable_$to$())[key]));
        }
      )cc",
                    {{"get", get},
                     {"out", out},
                     {"to", to_name},
                     {"call", call},
                     {"ptype", PrivateValueType(private_field)},
                     {"pfield", private_field ? names::Field(private_field) : ""}});
    }
    if (to->is_repeated()) {
      return Render(with_private ? R"cc(
        $out$.mutable_$to$()->Reserve($get$_size());
        for (int i = 0; i < $get$_size(); ++i) {
          const $ptype$* private_value =
              priv != nullptr && i < priv->$pfield$_size() ? &priv->$pfield$(i) : nullptr;
          CPPSVC_RETURN_IF_ERROR($call$($get$(i), private_value, *$out$.add_$to$()));
        }
      )cc"
                                 : R"cc(
        $out$.mutable_$to$()->Reserve($get$_size());
        for (const auto& item : $get$()) {
          CPPSVC_RETURN_IF_ERROR($call$(item, *$out$.add_$to$()));
        }
      )cc",
                    {{"get", get},
                     {"out", out},
                     {"to", to_name},
                     {"call", call},
                     {"ptype", PrivateValueType(private_field)},
                     {"pfield", private_field ? names::Field(private_field) : ""}});
    }
    const std::string has = from->real_containing_oneof() != nullptr
                                ? "true"
                                : absl::StrCat(source.object, ".has_", names::Field(from), "()");
    if (with_private) {
      return Render(R"cc(
        if ($has$) {
          CPPSVC_RETURN_IF_ERROR($call$($get$(), $private$, *$out$.mutable_$to$()));
        }
      )cc",
                    {{"has", has},
                     {"get", get},
                     {"out", out},
                     {"to", to_name},
                     {"call", call},
                     {"private", PrivatePointer(private_field)}});
    }
    return Render(R"cc(
      if ($has$) {
        CPPSVC_RETURN_IF_ERROR($call$($get$(), *$out$.mutable_$to$()));
      }
    )cc",
                  {{"has", has}, {"get", get}, {"out", out}, {"to", to_name}, {"call", call}});
  }

  // The private message matching a nested one, for ToPublic(next, priv):
  // deprecated fields inside it are read from there.
  static std::string PrivatePointer(const FD* private_field) {
    if (private_field == nullptr) return "nullptr";
    if (private_field->real_containing_oneof() != nullptr) {
      return absl::StrCat("priv != nullptr && priv->",
                          names::OneofCaseAccessor(private_field->real_containing_oneof()),
                          "() == ", names::OneofCase(private_field), " ? &priv->",
                          names::Field(private_field), "() : nullptr");
    }
    return absl::StrCat("priv != nullptr && priv->has_", names::Field(private_field),
                        "() ? &priv->", names::Field(private_field), "() : nullptr");
  }

  static std::string PrivateValueType(const FD* private_field) {
    if (private_field == nullptr) return "void";
    return names::Message(ElementField(private_field)->message_type());
  }

  std::string BackwardEnum(const FieldModel& field, const Source& source, Backward kind,
                           const std::string& out) {
    const FD* to = field.descriptor;
    const std::string get = absl::StrCat(source.object, ".", names::Field(source.field));
    const std::string map =
        BackwardEnumFunction(to, kind == Backward::kFromNext && !source.from_private);
    const std::string failed =
        absl::StrCat("return ::absl::FailedPreconditionError(",
                     names::StringLiteral(absl::StrCat("failed to populate field \"",
                                                       GoCamelCase(to->name()), "\"")),
                     ");");
    const std::string type = names::Enum(ElementField(to)->enum_type());
    if (to->is_map()) {
      return Render(R"cc(
        for (const auto& [key, value] : $get$()) {
          $type$ mapped;
          if (!$map$(value, &mapped)) $failed$
          (*$out$.mutable_$to$())[key] = mapped;
        }
      )cc",
                    {{"get", get},
                     {"type", type},
                     {"map", map},
                     {"failed", failed},
                     {"out", out},
                     {"to", names::Field(to)}});
    }
    if (to->is_repeated()) {
      return Render(R"cc(
        $out$.mutable_$to$()->Reserve($get$_size());
        for (int value : $get$()) {
          $type$ mapped;
          if (!$map$(value, &mapped)) $failed$
          $out$.add_$to$(mapped);
        }
      )cc",
                    {{"get", get},
                     {"type", type},
                     {"map", map},
                     {"failed", failed},
                     {"out", out},
                     {"to", names::Field(to)}});
    }
    std::string convert = Render(R"cc(
      $type$ mapped;
      if (!$map$($get$(), &mapped)) $failed$
      $out$.set_$to$(mapped);
    )cc",
                                 {{"get", get},
                                  {"type", type},
                                  {"map", map},
                                  {"failed", failed},
                                  {"out", out},
                                  {"to", names::Field(to)}});
    std::string guard;
    if (to->real_containing_oneof() == nullptr && source.field->has_presence()) {
      guard = absl::StrCat(source.object, ".has_", names::Field(source.field), "()");
    }
    if (guard.empty()) return absl::StrCat("{\n", Indent(convert), "}\n");
    return absl::StrCat("if (", guard, ") {\n", Indent(convert), "}\n");
  }

  std::string BackwardOneof(const MessageModel& message, const OneofModel& oneof, Backward kind) {
    const bool from_private = kind != Backward::kFromNext || oneof.deprecated;
    const pb::OneofDescriptor* source = from_private ? oneof.private_counterpart : oneof.next;
    if (source == nullptr) return "";
    const bool optional = kind == Backward::kFromNext && from_private;
    const std::string object = optional ? "(*priv)" : (from_private ? "priv" : "next");
    Use(from_private ? "priv" : "next");
    std::string cases;
    for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
      const FD* member = oneof.descriptor->field(i);
      const FieldModel& model = *message.FindField(member);
      const FD* member_source = from_private ? model.private_counterpart : model.next;
      if (member_source == nullptr) continue;
      Source member_from{member_source, object, from_private, optional};
      absl::StrAppend(&cases, "case ", names::OneofCase(member_source), ": {\n",
                      Indent(BackwardField(model, member_from, kind, "out")), "  break;\n}\n");
    }
    std::string body =
        Render(R"cc(
      switch ($object$.$case$()) {
        $cases$
        default:
          break;
      }
    )cc",
               {{"object", object}, {"case", names::OneofCaseAccessor(source)}, {"cases", cases}});
    if (optional) body = absl::StrCat("if (priv != nullptr) {\n", Indent(body), "}\n");
    return body;
  }

  // ---- Carrying deprecated fields to private ------------------------------------

  Body CarryBody(const MessageModel& message) {
    // Its conversions are written by hand, so is the carrying of its
    // deprecated fields (no enum mappings are made for such a message).
    if (message.converter_empty) return HandWritten();
    std::vector<std::string> parts;
    for (const FieldModel& field : message.fields) {
      const FD* f = field.descriptor;
      if (f->real_containing_oneof() != nullptr) continue;
      if (field.deprecated) {
        if (field.private_counterpart != nullptr) {
          parts.push_back(
              ForwardField(f, field.private_counterpart, Forward::kPrivate, "in", "out"));
        }
        continue;
      }
      const MessageModel* nested =
          ElementField(f)->message_type() ? model_.Find(ElementField(f)->message_type()) : nullptr;
      if (nested == nullptr || !nested->carries_deprecated || field.next == nullptr ||
          field.private_counterpart == nullptr) {
        continue;
      }
      parts.push_back(CarryNested(f, field.private_counterpart, nested->descriptor));
    }
    for (const OneofModel& oneof : message.oneofs) {
      if (oneof.private_counterpart == nullptr) continue;
      for (int i = 0; i < oneof.descriptor->field_count(); ++i) {
        const FD* member = oneof.descriptor->field(i);
        const FieldModel& model = *message.FindField(member);
        const MessageModel* nested =
            member->message_type() ? model_.Find(member->message_type()) : nullptr;
        if (nested == nullptr || !nested->carries_deprecated ||
            model.private_counterpart == nullptr) {
          continue;
        }
        Use("in");
        Use("out");
        parts.push_back(Render(R"cc(
          if (in.$case$() == $member_case$ && out.$pcase$() == $private_case$) {
            CPPSVC_RETURN_IF_ERROR($carry$(in.$member$(), *out.mutable_$private$()));
          }
        )cc",
                               {{"carry", Qualified("CarryDeprecated", nested->descriptor)},
                                {"case", names::OneofCaseAccessor(oneof.descriptor)},
                                {"member_case", names::OneofCase(member)},
                                {"pcase", names::OneofCaseAccessor(oneof.private_counterpart)},
                                {"private_case", names::OneofCase(model.private_counterpart)},
                                {"member", names::Field(member)},
                                {"private", names::Field(model.private_counterpart)}}));
      }
    }
    parts.push_back("return ::absl::OkStatus();\n");
    return Finish(absl::StrJoin(parts, ""));
  }

  std::string CarryNested(const FD* from, const FD* to, const pb::Descriptor* type) {
    Use("in");
    Use("out");
    const std::string from_name = names::Field(from);
    const std::string to_name = names::Field(to);
    const std::string carry = Qualified("CarryDeprecated", type);
    const Vars vars = {{"from", from_name}, {"to", to_name}, {"carry", carry}};
    if (from->is_map()) {
      return Render(R"cc(
        for (const auto& [key, value] : in.$from$()) {
          auto found = out.mutable_$to$()->find(key);
          if (found != out.mutable_$to$()->end()) {
            CPPSVC_RETURN_IF_ERROR($carry$(value, found->second));
          }
        }
      )cc",
                    vars);
    }
    if (from->is_repeated()) {
      return Render(R"cc(
        for (int i = 0; i < in.$from$_size() && i < out.$to$_size(); ++i) {
          CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(i), *out.mutable_$to$(i)));
        }
      )cc",
                    vars);
    }
    return Render(R"cc(
      if (in.has_$from$()) {
        CPPSVC_RETURN_IF_ERROR($carry$(in.$from$(), *out.mutable_$to$()));
      }
    )cc",
                  vars);
  }

  // ---- Enum value mappings ----------------------------------------------------

  // The function mapping a public enum field's values forward, emitted once.
  std::string ForwardEnumFunction(const FD* field, Forward direction) {
    const EnumMapping* mapping =
        direction == Forward::kNext ? model_.NextMapping(field) : model_.PrivateMapping(field);
    const std::string name =
        names::EnumMappingFunction(field, direction == Forward::kNext ? "ToNext" : "ToPrivate");
    if (!emitted_.insert(name).second) return name;
    std::string cases;
    std::set<int> numbers;
    for (int i = 0; i < mapping->from->value_count(); ++i) {
      const pb::EnumValueDescriptor* value = mapping->from->value(i);
      if (!numbers.insert(value->number()).second || mapping->forward[i] == nullptr) continue;
      absl::StrAppend(&cases, "case ", value->number(), ":  // ", value->name(), "\n  return ",
                      names::EnumValue(mapping->forward[i]), ";\n");
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
                              {{"from", mapping->from->full_name()},
                               {"to", mapping->to->full_name()},
                               {"to_type", names::Enum(mapping->to)},
                               {"name", name},
                               {"cases", cases}}));
    return name;
  }

  // The function mapping counterpart values back to a public enum field's
  // values; false for a value no public value receives.
  std::string BackwardEnumFunction(const FD* field, bool from_next) {
    const EnumMapping* mapping =
        from_next ? model_.NextMapping(field) : model_.PrivateMapping(field);
    const std::string name =
        names::EnumMappingFunction(field, from_next ? "FromNext" : "FromPrivate");
    if (!emitted_.insert(name).second) return name;
    std::string cases;
    std::set<int> numbers;
    for (const auto& [counterpart, value] : mapping->backward) {
      if (!numbers.insert(counterpart->number()).second) continue;
      absl::StrAppend(&cases, "case ", counterpart->number(), ":  // ", counterpart->name(),
                      "\n  *out = ", names::EnumValue(value), ";\n  return true;\n");
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
                              {{"from", mapping->from->full_name()},
                               {"to", mapping->to->full_name()},
                               {"from_type", names::Enum(mapping->from)},
                               {"name", name},
                               {"cases", cases}}));
    return name;
  }

  // ---- Pieces -----------------------------------------------------------------

  // converter.empty: the generated method reads nothing; its parameters
  // stay unnamed.
  Body HandWritten() {
    return Finish(
        "// converter.empty: written by hand in an override; starts empty.\n"
        "return ::absl::OkStatus();\n");
  }

  static std::string Indent(const std::string& text) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) absl::StrAppend(&out, "  ", text.substr(start, end - start));
      out += '\n';
      start = end + 1;
    }
    return out;
  }

  std::string ClassDeclaration() {
    return Render(R"cc(
      // Converts the messages of $file$ along its version chain: $directions$.
      //
      // Nested messages of this file convert through the same object, so a subclass that
      // overrides one overload changes that message wherever it appears
      // (add `using Converter::ToNext;` etc. to keep the other overloads).
      // Every conversion returns a status: a value that cannot be mapped back
      // (an enum value nothing receives, a blank receive.required field) is
      // FailedPrecondition with protoc-gen-go-svc's text.
      class Converter {
       public:
        // What an override derives from; cppsvc::events::Converters finds
        // overrides by it.
        using Interface = Converter;

        Converter() = default;
        virtual ~Converter() = default;

        // The generated conversions; stateless and safe to share across threads.
        static const Converter& Default();

        $declarations$
      };
    )cc",
                  {{"file", file_.file->name()},
                   {"directions", Directions()},
                   {"declarations", absl::StrJoin(declarations_, "\n")}});
  }

  std::string Directions() const {
    std::vector<std::string> directions;
    if (has_next_) directions.push_back(absl::StrCat("to ", package_.next->name, " (ToNext)"));
    if (has_private_) {
      directions.push_back(
          absl::StrCat("to ", package_.domain->private_package->name, " (ToPrivate)"));
      directions.push_back("and back (ToPublic, ToDeprecatedPublic)");
    }
    return absl::StrJoin(directions, ", ");
  }

  std::string DefaultInstance() {
    return Render(R"cc(
      const Converter& Converter::Default() {
        static const ::cppsvc::internal::NoDestructor<Converter> kDefault;
        return kDefault.get();
      }
    )cc");
  }

  const Model& model_;
  const FileModel& file_;
  const Package& package_;
  Sections& sections_;
  const bool has_next_;
  const bool has_private_;
  std::vector<std::string> declarations_;
  std::vector<std::string> definitions_;
  std::vector<std::string> helpers_;
  std::set<std::string> emitted_;
  std::set<std::string> used_;  // by the body being built; see Body
};

}  // namespace

void EmitConverters(const Model& model, const FileModel& file, Sections& sections) {
  const Package& package = *file.package;
  if (package.role != PackageRole::kVersion || package.domain == nullptr) return;
  if (package.next == nullptr && package.domain->private_package == nullptr) return;
  ConverterEmitter(model, file, sections).Emit();
}

}  // namespace cppsvc::plugin
