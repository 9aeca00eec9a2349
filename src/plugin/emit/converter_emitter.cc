#include "plugin/emit/converter_emitter.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "plugin/emit/value_conversion_emitter.h"
#include "plugin/emit/writer.h"
#include "plugin/naming/names.h"

namespace cppsvc::plugin {
namespace {

// The directions a public message converts in, one method each
// (docs/reference/conversion.md); how each field converts in each is the
// model's (FieldModel::conversions), rendered by ValueConversionEmitter.
class ConverterEmitter {
 public:
  ConverterEmitter(const Model& model, const FileModel& file, Sections& sections)
      : model_(model),
        file_(file),
        package_(*file.package),
        sections_(sections),
        has_next_(package_.next != nullptr),
        has_private_(package_.domain->private_package != nullptr),
        values_(file.file, sections) {}

  void Emit() {
    sections_.header_includes.insert("absl/status/status.h");
    sections_.source_includes.insert("cppsvc/internal/convert_support.h");
    sections_.source_includes.insert("cppsvc/internal/no_destructor.h");
    sections_.source_includes.insert("cppsvc/validation.h");
    for (const MessageModel* message : file_.messages) EmitMessage(*message);
    EmitExternalMethodTypes();
    sections_.header_blocks.push_back(ClassDeclaration());
    std::vector<std::string> source = {DefaultInstance()};
    if (!values_.helpers().empty()) {
      source.push_back(Render(R"cc(
        namespace {

        $helpers$

        }  // namespace
      )cc",
                              {{"helpers", JoinBlocks(values_.helpers())}}));
    }
    for (std::string& definition : definitions_) source.push_back(std::move(definition));
    sections_.source_blocks.push_back(JoinBlocks(source));
  }

 private:
  // ---- Declarations and definitions -------------------------------------------

  // A parameter, and the member of ParamUse that says whether a body uses it.
  struct Param {
    std::string type;
    absl::string_view name;
    bool ParamUse::*used;
  };
  static Param In(const std::string& type) {
    return {absl::StrCat("const ", type, "&"), "in", &ParamUse::in};
  }
  static Param Next(const std::string& type) {
    return {absl::StrCat("const ", type, "&"), "next", &ParamUse::next};
  }
  static Param Priv(const std::string& type) {
    return {absl::StrCat("const ", type, "&"), "priv", &ParamUse::priv};
  }
  // ToPublic(next, priv, out)'s private message, which may be absent.
  static Param PrivPointer(const std::string& type) {
    return {absl::StrCat("const ", type, "*"), "priv", &ParamUse::priv};
  }
  static Param Out(const std::string& type) {
    return {absl::StrCat(type, "&"), "out", &ParamUse::out};
  }

  // A method body and the parameters it reads or writes, as recorded where
  // each conversion the model asks for is rendered: a hand-written
  // converter.empty message, a message without fields, a scalar-only
  // ToPublic(next, priv, out) leave some unused, and those stay unnamed
  // (-Wunused-parameter).
  struct Body {
    std::string text;
    ParamUse use;
  };

  // Adds `absl::Status <name>(<params>) const`, declared virtual.
  void AddMethod(ConverterMethod method, const std::vector<Param>& params, const Body& body) {
    std::vector<std::string> declared;
    std::vector<std::string> defined;
    for (const Param& param : params) {
      declared.push_back(absl::StrCat(param.type, " ", param.name));
      defined.push_back(body.use.*param.used ? declared.back()
                                             : absl::StrCat(param.type, " /*", param.name, "*/"));
    }
    declarations_.push_back(
        Render("virtual ::absl::Status $name$($params$) const;",
               {{"name", MethodName(method)}, {"params", absl::StrJoin(declared, ", ")}}));
    definitions_.push_back(Render(R"cc(
      ::absl::Status $class$::$name$($params$) const {
        $body$
      }
    )cc",
                                  {{"class", names::kConverterClass},
                                   {"name", MethodName(method)},
                                   {"params", absl::StrJoin(defined, ", ")},
                                   {"body", body.text}}));
  }

  void EmitMessage(const MessageModel& message) {
    const std::string type = names::Message(message.descriptor);
    const bool forward = !message.deprecated && message.next != nullptr;
    if (has_next_ && forward) {
      UseMessage(sections_, message.next);
      AddMethod(ConverterMethod::kToNext, {In(type), Out(names::Message(message.next))},
                ConversionBody(message, ConverterMethod::kToNext));
    }
    if (!has_private_ || message.private_counterpart == nullptr) return;
    UseMessage(sections_, message.private_counterpart);
    const std::string priv = names::Message(message.private_counterpart);
    AddMethod(ConverterMethod::kToPrivate, {In(type), Out(priv)},
              ConversionBody(message, ConverterMethod::kToPrivate));
    if (has_next_ && forward) {
      AddMethod(ConverterMethod::kToPublicFromNext,
                {Next(names::Message(message.next)), PrivPointer(priv), Out(type)},
                ConversionBody(message, ConverterMethod::kToPublicFromNext));
    }
    const bool latest = package_.latest && !message.deprecated;
    if (latest) {
      AddMethod(ConverterMethod::kToPublic, {Priv(priv), Out(type)},
                ConversionBody(message, ConverterMethod::kToPublic));
    }
    AddMethod(
        ConverterMethod::kToDeprecatedPublic, {Priv(priv), Out(type)},
        latest ? LatestBody() : ConversionBody(message, ConverterMethod::kToDeprecatedPublic));
    if (has_next_ && message.carries_deprecated) {
      AddMethod(ConverterMethod::kCarryDeprecated, {In(type), Out(priv)}, CarryBody(message));
    }
  }

  // RPC requests and responses of types outside the chain (e.g.
  // google.protobuf.Empty) convert to their counterpart as a whole: the same
  // type is copied, another type starts empty (as in protoc-gen-go-svc); an
  // override can fill it.
  void EmitExternalMethodTypes() {
    for (const ServiceModel* service : file_.services) {
      for (const MethodModel& method : service->methods) {
        const pb::MethodDescriptor* target =
            method.next != nullptr ? method.next : method.private_counterpart;
        if (target == nullptr) continue;
        const bool to_next = method.next != nullptr;
        const pb::Descriptor* in = method.descriptor->input_type();
        const pb::Descriptor* out = method.descriptor->output_type();
        if (model_.Find(in) == nullptr) {
          AddWholeForward(to_next ? ConverterMethod::kToNext : ConverterMethod::kToPrivate, in,
                          target->input_type());
        }
        const pb::Descriptor* private_out =
            method.private_counterpart ? method.private_counterpart->output_type() : nullptr;
        if (model_.Find(out) != nullptr || private_out == nullptr) continue;
        if (to_next) {
          AddWholeFromNext(target->output_type(), private_out, out);
        } else {
          AddWholeBackward(package_.latest && !method.deprecated
                               ? ConverterMethod::kToPublic
                               : ConverterMethod::kToDeprecatedPublic,
                           private_out, out);
        }
      }
    }
  }

  // Each overload once, however many methods share it.
  bool FirstTime(ConverterMethod method, std::vector<const pb::Descriptor*> types) {
    return whole_.emplace(method, std::move(types)).second;
  }

  void AddWholeForward(ConverterMethod method, const pb::Descriptor* from,
                       const pb::Descriptor* to) {
    if (!FirstTime(method, {from, to})) return;
    UseMessage(sections_, from);
    UseMessage(sections_, to);
    const Param source = In(names::Message(from));
    AddMethod(method, {source, Out(names::Message(to))}, WholeBody(from == to, source));
  }

  void AddWholeBackward(ConverterMethod method, const pb::Descriptor* from,
                        const pb::Descriptor* to) {
    if (!FirstTime(method, {from, to})) return;
    UseMessage(sections_, from);
    UseMessage(sections_, to);
    const Param source = Priv(names::Message(from));
    AddMethod(method, {source, Out(names::Message(to))}, WholeBody(from == to, source));
  }

  void AddWholeFromNext(const pb::Descriptor* next, const pb::Descriptor* priv,
                        const pb::Descriptor* out) {
    if (!FirstTime(ConverterMethod::kToPublicFromNext, {next, priv, out})) return;
    UseMessage(sections_, next);
    UseMessage(sections_, priv);
    UseMessage(sections_, out);
    const Param source = Next(names::Message(next));
    AddMethod(ConverterMethod::kToPublicFromNext,
              {source, PrivPointer(names::Message(priv)), Out(names::Message(out))},
              WholeBody(next == out, source));
  }

  static Body WholeBody(bool same_type, const Param& source) {
    Body body;
    if (!same_type) {
      body.text = Render("return ::absl::OkStatus();  // starts empty; override to fill");
      return body;
    }
    body.use.*source.used = true;
    body.use.out = true;
    body.text = Render(R"cc(
      out = $source$;
      return ::absl::OkStatus();
    )cc",
                       {{"source", source.name}});
    return body;
  }

  static Body LatestBody() {
    Body body;
    body.use.priv = true;
    body.use.out = true;
    body.text = Render("return ToPublic(priv, out);");
    return body;
  }

  // ---- Method bodies ---------------------------------------------------------------

  // Every field and oneof converts as the model says for `method`'s
  // direction. On the way back, values read must not be blank where
  // receive.required says so.
  Body ConversionBody(const MessageModel& message, ConverterMethod method) {
    if (message.converter_empty) return HandWritten();
    Body body;
    std::vector<std::string> parts;
    const Direction direction = DirectionOf(method);
    if (direction == Direction::kFromNext || direction == Direction::kFromPrivate) {
      parts.push_back(values_.ReceiveRequired(message, method, body.use));
    }
    for (const FieldModel& field : message.fields) {
      const std::optional<ValueConversion>& conversion = field.conversions[direction];
      if (field.descriptor->real_containing_oneof() != nullptr || !conversion) continue;
      parts.push_back(values_.Field(*conversion, method, body.use));
    }
    for (const OneofModel& oneof : message.oneofs) {
      parts.push_back(values_.Oneof(message, oneof, method, body.use));
    }
    body.text = Statements(parts);
    return body;
  }

  // CarryDeprecated: deprecated fields go to private as ToPrivate converts
  // them; the conversion descends where nested messages carry their own.
  Body CarryBody(const MessageModel& message) {
    // Its conversions are written by hand, so is the carrying of its
    // deprecated fields (no enum mappings are made for such a message).
    if (message.converter_empty) return HandWritten();
    Body body;
    std::vector<std::string> parts;
    for (const FieldModel& field : message.fields) {
      const std::optional<ValueConversion>& to_private = field.conversions.to_private;
      if (field.descriptor->real_containing_oneof() != nullptr) continue;
      if (field.deprecated && to_private.has_value()) {
        parts.push_back(values_.Field(*to_private, ConverterMethod::kCarryDeprecated, body.use));
      } else if (field.carries_deprecated) {
        parts.push_back(values_.CarryField(field, body.use));
      }
    }
    for (const OneofModel& oneof : message.oneofs) {
      parts.push_back(values_.CarryOneof(message, oneof, body.use));
    }
    body.text = Statements(parts);
    return body;
  }

  static std::string Statements(const std::vector<std::string>& parts) {
    return Render(R"cc(
      $parts$
      return ::absl::OkStatus();
    )cc",
                  {{"parts", absl::StrJoin(parts, "")}});
  }

  // ---- Pieces -----------------------------------------------------------------

  // converter.empty: the generated method reads nothing; its parameters
  // stay unnamed.
  static Body HandWritten() {
    Body body;
    body.text = Render(R"cc(
      // converter.empty: written by hand in an override; starts empty.
      return ::absl::OkStatus();
    )cc");
    return body;
  }

  std::string ClassDeclaration() {
    return Render(R"cc(
      // Converts the messages of $file$ along its version chain: $directions$.
      //
      // Nested messages of this file convert through the same object, so a subclass that
      // overrides one overload changes that message wherever it appears
      // (add `using $class$::ToNext;` etc. to keep the other overloads).
      // Every conversion returns a status: a value that cannot be mapped back
      // (an enum value nothing receives, a blank receive.required field) is
      // FailedPrecondition with protoc-gen-go-svc's text.
      class $class$ {
       public:
        // What an override derives from; cppsvc::events::Converters finds
        // overrides by it.
        using Interface = $class$;

        $class$() = default;
        virtual ~$class$() = default;

        // The generated conversions; stateless and safe to share across threads.
        static const $class$& Default();

        $declarations$
      };
    )cc",
                  {{"class", names::kConverterClass},
                   {"file", file_.file->name()},
                   {"directions", Directions()},
                   {"declarations", absl::StrJoin(declarations_, "")}});
  }

  std::string Directions() const {
    std::vector<std::string> directions;
    if (has_next_) {
      directions.push_back(absl::StrCat("to ", package_.next->name, " (",
                                        MethodName(ConverterMethod::kToNext), ")"));
    }
    if (has_private_) {
      directions.push_back(absl::StrCat("to ", package_.domain->private_package->name, " (",
                                        MethodName(ConverterMethod::kToPrivate), ")"));
      directions.push_back(absl::StrCat("and back (", MethodName(ConverterMethod::kToPublic), ", ",
                                        MethodName(ConverterMethod::kToDeprecatedPublic), ")"));
    }
    return absl::StrJoin(directions, ", ");
  }

  std::string DefaultInstance() {
    return Render(R"cc(
      const $class$& $class$::Default() {
        static const ::cppsvc::internal::NoDestructor<$class$> kDefault;
        return kDefault.get();
      }
    )cc",
                  {{"class", names::kConverterClass}});
  }

  const Model& model_;
  const FileModel& file_;
  const Package& package_;
  Sections& sections_;
  const bool has_next_;
  const bool has_private_;
  std::vector<std::string> declarations_;
  std::vector<std::string> definitions_;
  ValueConversionEmitter values_;
  std::set<std::pair<ConverterMethod, std::vector<const pb::Descriptor*>>> whole_;
};

}  // namespace

void EmitConverters(const Model& model, const FileModel& file, Sections& sections) {
  const Package& package = *file.package;
  if (package.role != PackageRole::kVersion || package.domain == nullptr) return;
  if (package.next == nullptr && package.domain->private_package == nullptr) return;
  ConverterEmitter(model, file, sections).Emit();
}

}  // namespace cppsvc::plugin
