// Renders the model's value conversions (model.h, ValueConversion) as the
// statements of a generated converter's methods: one renderer for every
// direction, with a template per kind and cardinality.
#ifndef CPPSVC_PLUGIN_EMIT_VALUE_CONVERSION_EMITTER_H_
#define CPPSVC_PLUGIN_EMIT_VALUE_CONVERSION_EMITTER_H_

#include <set>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "plugin/emit/sections.h"
#include "plugin/model/model.h"

namespace cppsvc::plugin {

namespace value_conversion {
struct Shape;   // the templates of one way of converting
struct Pieces;  // the values of their variables
}  // namespace value_conversion

// The member functions of a generated converter (docs/reference/conversion.md).
enum class ConverterMethod {
  kToNext,
  kToPrivate,
  kToPublicFromNext,  // ToPublic(next, priv, out)
  kToPublic,          // ToPublic(priv, out), in the latest version
  kToDeprecatedPublic,
  kCarryDeprecated,
};

absl::string_view MethodName(ConverterMethod method);
// The direction whose conversions a method's body is written from.
Direction DirectionOf(ConverterMethod method);

// The parameters a method body reads or writes, recorded from the model's
// conversions as each is rendered; the others are left unnamed.
struct ParamUse {
  bool in = false;
  bool next = false;
  bool priv = false;
  bool out = false;
};

class ValueConversionEmitter {
 public:
  ValueConversionEmitter(const pb::FileDescriptor* file, Sections& sections)
      : file_(file), sections_(sections) {}

  // `out.<target> = convert(<source>)` for one field's values, in `method`.
  std::string Field(const ValueConversion& conversion, ConverterMethod method, ParamUse& use);
  // A switch over the set member of a oneof, converting that member; empty
  // when the oneof does not convert in `method`'s direction.
  std::string Oneof(const MessageModel& message, const OneofModel& oneof, ConverterMethod method,
                    ParamUse& use);
  // The `receive.required` checks of a backward method; empty when none.
  std::string ReceiveRequired(const MessageModel& message, ConverterMethod method, ParamUse& use);
  // CarryDeprecated's descent into the values of a field that carries
  // deprecated fields (FieldModel::carries_deprecated), and into oneof members.
  std::string CarryField(const FieldModel& field, ParamUse& use);
  std::string CarryOneof(const MessageModel& message, const OneofModel& oneof, ParamUse& use);

  // The enum mapping functions the rendered conversions call, in order of
  // first use, each once.
  const std::vector<std::string>& helpers() const { return helpers_; }

 private:
  // The statements of Field, without its test for an absent source (a
  // oneof tests it once for all its members).
  std::string Statements(const ValueConversion& conversion, ConverterMethod method, ParamUse& use);
  const value_conversion::Shape& ShapeOf(const ValueConversion& conversion, ConverterMethod method,
                                         value_conversion::Pieces& pieces);
  std::string ReceiveCheck(absl::string_view name, absl::string_view blank, bool absent);
  std::string Qualified(absl::string_view call, const pb::Descriptor* type);
  std::string ForwardEnumFunction(const ValueConversion& conversion);
  std::string BackwardEnumFunction(const ValueConversion& conversion);

  const pb::FileDescriptor* file_;
  Sections& sections_;
  std::vector<std::string> helpers_;
  std::set<std::string> emitted_;
};

}  // namespace cppsvc::plugin

#endif  // CPPSVC_PLUGIN_EMIT_VALUE_CONVERSION_EMITTER_H_
