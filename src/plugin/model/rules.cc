// Stage 4 of the model: `(gen.svc.field).validate` rules, parsed and checked
// against each field's type (docs/reference/validation.md). A rule that does not fit its field is a
// diagnostic, never code that misbehaves at run time.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "plugin/model/annotations.h"
#include "plugin/model/model_builder.h"

namespace cppsvc::plugin {
namespace {

using FD = pb::FieldDescriptor;

enum class ValueKind { kString, kBytes, kSigned, kUnsigned, kFloat, kBool, kEnum, kMessage };

ValueKind KindOf(const FD* field) {
  switch (field->cpp_type()) {
    case FD::CPPTYPE_STRING:
      return field->type() == FD::TYPE_BYTES ? ValueKind::kBytes : ValueKind::kString;
    case FD::CPPTYPE_INT32:
    case FD::CPPTYPE_INT64:
      return ValueKind::kSigned;
    case FD::CPPTYPE_UINT32:
    case FD::CPPTYPE_UINT64:
      return ValueKind::kUnsigned;
    case FD::CPPTYPE_FLOAT:
    case FD::CPPTYPE_DOUBLE:
      return ValueKind::kFloat;
    case FD::CPPTYPE_BOOL:
      return ValueKind::kBool;
    case FD::CPPTYPE_ENUM:
      return ValueKind::kEnum;
    case FD::CPPTYPE_MESSAGE:
      return ValueKind::kMessage;
  }
  return ValueKind::kMessage;
}

std::string TypeLabel(const FD* value) {
  if (value->message_type() != nullptr) return "message";
  if (value->enum_type() != nullptr) return "enum";
  return std::string(value->type_name());
}

class RuleParser {
 public:
  RuleParser(const FD* field, Diagnostics& diagnostics)
      : field_(field),
        value_(ElementField(field)),
        domain_(KindOf(value_)),
        diagnostics_(diagnostics) {}

  FieldRules Parse() {
    const gen::svc::Validate& validate = AnnotationOf(field_).validate();
    FieldRules rules;
    rules.required = validate.required();
    if (validate.is() != gen::svc::Validate::UNSPECIFIED) {
      rules.format = ParseFormat(validate.is());
    }
    for (const std::string& text : validate.in()) {
      if (domain_ == ValueKind::kMessage) {
        Error("\"in\" does not apply to message fields");
        break;
      }
      if (std::optional<InValue> value = ParseIn(text)) {
        rules.in.push_back(*std::move(value));
      }
    }
    if (validate.has_min()) rules.min = ParseBound(validate.min(), "min");
    if (validate.has_max()) rules.max = ParseBound(validate.max(), "max");
    CheckOrder(rules);
    return rules;
  }

 private:
  void Error(absl::string_view problem) {
    diagnostics_.Error(field_, absl::StrCat("field ", field_->full_name(), ": ", problem));
  }

  Format ParseFormat(gen::svc::Validate::IsType is) {
    const std::string name = gen::svc::Validate::IsType_Name(is);
    if (domain_ != ValueKind::kString && domain_ != ValueKind::kBytes) {
      Error(absl::StrCat("\"is: ", name, "\" applies to string and bytes fields, not ",
                         TypeLabel(value_)));
      return Format::kNone;
    }
    switch (is) {
      case gen::svc::Validate::UUID:
        return Format::kUuid;
      case gen::svc::Validate::EMAIL:
        return Format::kEmail;
      case gen::svc::Validate::URL:
        return Format::kUrl;
      default:
        Error(absl::StrCat("unknown \"is\" format ", static_cast<int>(is)));
        return Format::kNone;
    }
  }

  std::optional<InValue> ParseIn(const std::string& text) {
    InValue value;
    bool ok = true;
    switch (domain_) {
      case ValueKind::kString:
      case ValueKind::kBytes:
        value.text = Unquote(text);
        break;
      case ValueKind::kSigned:
        ok = IsDecimal(text) && absl::SimpleAtoi(text, &value.int64_value) &&
             FitsSigned(value.int64_value);
        break;
      case ValueKind::kUnsigned:
        ok = IsDecimal(text) && text[0] != '-' && absl::SimpleAtoi(text, &value.uint64_value) &&
             FitsUnsigned(value.uint64_value);
        break;
      case ValueKind::kFloat:
        ok = absl::SimpleAtod(text, &value.double_value) && !std::isnan(value.double_value);
        break;
      case ValueKind::kBool:
        ok = text == "true" || text == "false";
        value.bool_value = text == "true";
        break;
      case ValueKind::kEnum:
        value.enum_value = value_->enum_type()->FindValueByName(text);
        ok = value.enum_value != nullptr;
        break;
      case ValueKind::kMessage:
        ok = false;
        break;
    }
    if (!ok) {
      Error(absl::StrCat("\"in\" value \"", text, "\" is not ",
                         domain_ == ValueKind::kEnum
                             ? absl::StrCat("a value of ", value_->enum_type()->full_name())
                             : absl::StrCat("a valid ", TypeLabel(value_))));
      return std::nullopt;
    }
    return value;
  }

  // `"east"` written as a Go string literal (as protoc-gen-go-svc required)
  // means `east`.
  static std::string Unquote(const std::string& text) {
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return text;
    std::string out;
    std::string error;
    if (absl::CUnescape(absl::string_view(text).substr(1, text.size() - 2), &out, &error)) {
      return out;
    }
    return text;
  }

  static bool IsDecimal(absl::string_view text) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
    if (text.empty()) return false;
    for (char c : text) {
      if (!absl::ascii_isdigit(c)) return false;
    }
    return true;
  }

  bool FitsSigned(int64_t value) const {
    if (value_->cpp_type() == FD::CPPTYPE_INT64) return true;
    return value >= std::numeric_limits<int32_t>::min() &&
           value <= std::numeric_limits<int32_t>::max();
  }
  bool FitsUnsigned(uint64_t value) const {
    return value_->cpp_type() == FD::CPPTYPE_UINT64 ||
           value <= std::numeric_limits<uint32_t>::max();
  }

  std::optional<Bound> ParseBound(const gen::svc::Number& number, absl::string_view rule) {
    using Number = gen::svc::Number;
    const Number::ValueCase which = number.value_case();
    if (which == Number::VALUE_NOT_SET) return std::nullopt;
    const auto not_integer = [&] {
      Error(absl::StrCat("\"", rule, "\" on a ", TypeLabel(value_),
                         " field needs an integer (int64 or uint64), not a double"));
      return std::nullopt;
    };
    const auto negative = [&] {
      Error(absl::StrCat("\"", rule, "\" on a ", TypeLabel(value_), " field cannot be negative"));
      return std::nullopt;
    };
    Bound bound;
    switch (domain_) {
      case ValueKind::kString:
      case ValueKind::kUnsigned:
        bound.kind = domain_ == ValueKind::kString ? Bound::Kind::kLength : Bound::Kind::kUint64;
        if (which == Number::kDouble) return not_integer();
        if (which == Number::kInt64 && number.int64() < 0) return negative();
        bound.uint64_value =
            which == Number::kInt64 ? static_cast<uint64_t>(number.int64()) : number.uint64();
        bound.int64_value = static_cast<int64_t>(
            std::min<uint64_t>(bound.uint64_value, std::numeric_limits<int64_t>::max()));
        return bound;
      case ValueKind::kSigned:
        bound.kind = Bound::Kind::kInt64;
        if (which == Number::kDouble) return not_integer();
        if (which == Number::kUint64 &&
            number.uint64() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
          Error(absl::StrCat("\"", rule, "\" ", number.uint64(),
                             " is out of range for a signed field"));
          return std::nullopt;
        }
        bound.int64_value =
            which == Number::kInt64 ? number.int64() : static_cast<int64_t>(number.uint64());
        return bound;
      case ValueKind::kFloat:
        bound.kind = Bound::Kind::kDouble;
        bound.double_value = which == Number::kDouble  ? number.double_()
                             : which == Number::kInt64 ? static_cast<double>(number.int64())
                                                       : static_cast<double>(number.uint64());
        if (std::isnan(bound.double_value)) {
          Error(absl::StrCat("\"", rule, "\" cannot be NaN"));
          return std::nullopt;
        }
        return bound;
      default:
        Error(absl::StrCat("\"", rule, "\" does not apply to ", TypeLabel(value_), " fields"));
        return std::nullopt;
    }
  }

  void CheckOrder(FieldRules& rules) {
    if (!rules.min || !rules.max) return;
    const Bound& min = *rules.min;
    const Bound& max = *rules.max;
    bool inverted = false;
    switch (min.kind) {
      case Bound::Kind::kLength:
        // A zero bound on a length means "no bound" (max: 0 alone is unbounded).
        inverted = max.uint64_value != 0 && min.uint64_value > max.uint64_value;
        break;
      case Bound::Kind::kUint64:
        inverted = min.uint64_value > max.uint64_value;
        break;
      case Bound::Kind::kInt64:
        inverted = min.int64_value > max.int64_value;
        break;
      case Bound::Kind::kDouble:
        inverted = min.double_value > max.double_value;
        break;
    }
    if (inverted) {
      Error("\"min\" is greater than \"max\": no value can pass");
      rules.min.reset();
      rules.max.reset();
    }
  }

  const FD* field_;
  const FD* value_;
  ValueKind domain_;
  Diagnostics& diagnostics_;
};

}  // namespace

FieldRules ParseFieldRules(const pb::FieldDescriptor* field, Diagnostics& diagnostics) {
  return RuleParser(field, diagnostics).Parse();
}

bool ParseOneofRequired(const pb::OneofDescriptor* oneof) {
  return AnnotationOf(oneof).validate().required();
}

void ModelBuilder::ParseRules() {
  // An imported file's problems are reported by the run that generates it;
  // here its rules only decide whether nesting it needs a call.
  Diagnostics imported_diagnostics;
  for (const auto& message : model_->messages_) {
    const bool imported = model_->imported_index_.contains(message->descriptor);
    for (FieldModel& field : message->fields) {
      field.rules =
          ParseFieldRules(field.descriptor, imported ? imported_diagnostics : diagnostics_);
    }
  }
}

// Spreads `flag` from the messages that have it to every message that
// reaches one through a field `follows` accepts. Messages can be recursive, so
// this is reachability over the reversed field graph: one worklist pass, each
// message and field visited once, linear in the size of the tree whatever
// order the messages are declared in (a fixed point iterated over the
// declaration order advanced one level per pass: quadratic on a long chain
// declared top-down). Iterative, so no depth limit.
template <typename Follows>
void ModelBuilder::Propagate(bool MessageModel::*flag, Follows follows) {
  // referrers[t]: the messages with a followed field of message type t.
  absl::flat_hash_map<const MessageModel*, std::vector<MessageModel*>> referrers;
  std::vector<MessageModel*> worklist;
  for (const auto& message : model_->messages_) {
    if (message.get()->*flag) worklist.push_back(message.get());
    for (const FieldModel& field : message->fields) {
      const pb::Descriptor* type = ElementField(field.descriptor)->message_type();
      const MessageModel* nested = type != nullptr ? FindAny(type) : nullptr;
      if (nested != nullptr && follows(*message, field)) {
        referrers[nested].push_back(message.get());
      }
    }
  }
  while (!worklist.empty()) {
    const MessageModel* reached = worklist.back();
    worklist.pop_back();
    auto it = referrers.find(reached);
    if (it == referrers.end()) continue;
    for (MessageModel* referrer : it->second) {
      if (referrer->*flag) continue;
      referrer->*flag = true;
      worklist.push_back(referrer);
    }
  }
}

void ModelBuilder::ComputeHasRules() {
  for (const auto& message : model_->messages_) {
    for (const FieldModel& field : message->fields) {
      if (!field.rules.empty()) message->has_rules = true;
    }
    for (const OneofModel& oneof : message->oneofs) {
      if (oneof.required) message->has_rules = true;
    }
  }
  Propagate(&MessageModel::has_rules, [](const MessageModel&, const FieldModel&) { return true; });
}

// Only through fields that go forward (non-deprecated, with a next
// counterpart): the deprecated ones reach private directly.
void ModelBuilder::ComputeCarriesDeprecated() {
  for (const auto& message : model_->messages_) {
    if (message->private_counterpart == nullptr) continue;
    for (const FieldModel& field : message->fields) {
      if (field.deprecated && field.private_counterpart != nullptr) {
        message->carries_deprecated = true;
      }
    }
  }
  Propagate(
      &MessageModel::carries_deprecated, [](const MessageModel& message, const FieldModel& field) {
        return message.private_counterpart != nullptr && !field.deprecated && field.next != nullptr;
      });
  // CarryDeprecated descends along the same fields, into values converted as
  // messages (a copied value keeps all its fields).
  for (const auto& message : model_->messages_) {
    for (FieldModel& field : message->fields) {
      const std::optional<ValueConversion>& to_private = field.conversions.to_private;
      const MessageModel* nested = to_private.has_value() && to_private->is_message()
                                       ? MutableFind(to_private->message)
                                       : nullptr;
      field.carries_deprecated =
          nested != nullptr && nested->carries_deprecated && field.next != nullptr;
    }
  }
}

}  // namespace cppsvc::plugin
