#include "property/rule_oracle.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "cppsvc/formats.h"
#include "gen/svc/annotations.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

namespace cppsvc::property {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using Path = ::cppsvc::ViolationPath;

// One value of a field (singular, element or map value), read by reflection.
struct Value {
  const FieldDescriptor* type = nullptr;  // the value's field (element type)
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
  bool b = false;
  std::string s;
  int e = 0;

  bool Empty() const {
    switch (type->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32:
      case FieldDescriptor::CPPTYPE_INT64:
        return i == 0;
      case FieldDescriptor::CPPTYPE_UINT32:
      case FieldDescriptor::CPPTYPE_UINT64:
        return u == 0;
      case FieldDescriptor::CPPTYPE_FLOAT:
      case FieldDescriptor::CPPTYPE_DOUBLE:
        return d == 0;  // -0.0 too
      case FieldDescriptor::CPPTYPE_BOOL:
        return !b;
      case FieldDescriptor::CPPTYPE_STRING:
        return s.empty();
      case FieldDescriptor::CPPTYPE_ENUM:
        return e == 0;
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return false;
    }
    return false;
  }
};

Value Read(const Message& m, const FieldDescriptor* f, int index) {
  const Reflection* r = m.GetReflection();
  Value v;
  v.type = f;
  const bool rep = index >= 0;
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      v.i = rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f);
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      v.i = rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      v.u = rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f);
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      v.u = rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f);
      break;
    case FieldDescriptor::CPPTYPE_FLOAT:
      v.d = rep ? r->GetRepeatedFloat(m, f, index) : r->GetFloat(m, f);
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      v.d = rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f);
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      v.b = rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f);
      break;
    case FieldDescriptor::CPPTYPE_STRING:
      v.s = rep ? r->GetRepeatedString(m, f, index) : r->GetString(m, f);
      break;
    case FieldDescriptor::CPPTYPE_ENUM:
      v.e = rep ? r->GetRepeatedEnumValue(m, f, index) : r->GetEnumValue(m, f);
      break;
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return v;
}

std::string IntText(int64_t v) { return std::to_string(v); }
std::string UintText(uint64_t v) { return std::to_string(v); }

// A bound of min/max as the annotation wrote it, in the field's domain.
struct Bound {
  bool is_signed = false, is_unsigned = false, is_double = false;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
};

std::optional<Bound> BoundOf(const gen::svc::Number& n, const FieldDescriptor* value) {
  if (n.value_case() == gen::svc::Number::VALUE_NOT_SET) return std::nullopt;
  Bound b;
  switch (value->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64:
      b.is_signed = true;
      b.i =
          n.value_case() == gen::svc::Number::kInt64 ? n.int64() : static_cast<int64_t>(n.uint64());
      return b;
    case FieldDescriptor::CPPTYPE_UINT32:
    case FieldDescriptor::CPPTYPE_UINT64:
    case FieldDescriptor::CPPTYPE_STRING:
      b.is_unsigned = true;
      b.u = n.value_case() == gen::svc::Number::kInt64 ? static_cast<uint64_t>(n.int64())
                                                       : n.uint64();
      return b;
    case FieldDescriptor::CPPTYPE_FLOAT:
    case FieldDescriptor::CPPTYPE_DOUBLE:
      b.is_double = true;
      b.d = n.value_case() == gen::svc::Number::kDouble  ? n.double_()
            : n.value_case() == gen::svc::Number::kInt64 ? static_cast<double>(n.int64())
                                                         : static_cast<double>(n.uint64());
      return b;
    default:
      return std::nullopt;
  }
}

std::string BoundText(const Bound& b) {
  if (b.is_signed) return IntText(b.i);
  if (b.is_unsigned) return UintText(b.u);
  return GoFormatFloat(b.d);
}

// -1, 0, 1: value against bound, or nullopt when they do not compare (NaN).
std::optional<int> Compare(const Value& v, const Bound& b) {
  if (b.is_signed) return v.i < b.i ? -1 : v.i > b.i ? 1 : 0;
  if (b.is_unsigned) return v.u < b.u ? -1 : v.u > b.u ? 1 : 0;
  if (std::isnan(v.d)) return std::nullopt;
  return v.d < b.d ? -1 : v.d > b.d ? 1 : 0;
}

std::string Unquote(const std::string& text) {
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    // Only the simple escapes the corpora use: \" and \\.
    std::string out;
    for (size_t i = 1; i + 1 < text.size(); ++i) {
      if (text[i] == '\\' && i + 2 < text.size()) ++i;
      out += text[i];
    }
    return out;
  }
  return text;
}

bool InList(const Value& v, const gen::svc::Validate& rules) {
  for (const std::string& text : rules.in()) {
    switch (v.type->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        if (v.s == Unquote(text)) return true;
        break;
      case FieldDescriptor::CPPTYPE_INT32:
      case FieldDescriptor::CPPTYPE_INT64:
        if (v.i == std::strtoll(text.c_str(), nullptr, 10)) return true;
        break;
      case FieldDescriptor::CPPTYPE_UINT32:
      case FieldDescriptor::CPPTYPE_UINT64:
        if (v.u == std::strtoull(text.c_str(), nullptr, 10)) return true;
        break;
      case FieldDescriptor::CPPTYPE_FLOAT:
        if (static_cast<float>(v.d) == std::strtof(text.c_str(), nullptr)) return true;
        break;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        if (v.d == std::strtod(text.c_str(), nullptr)) return true;
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        if (v.b == (text == "true")) return true;
        break;
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* named = v.type->enum_type()->FindValueByName(text);
        if (named != nullptr && named->number() == v.e) return true;
        break;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        break;
    }
  }
  return false;
}

std::string LengthText(uint64_t min, uint64_t max) {
  if (min > 0 && max > 0) {
    if (min == max) return "the length must be exactly " + UintText(min);
    return "the length must be between " + UintText(min) + " and " + UintText(max);
  }
  if (min > 0) return "the length must be no less than " + UintText(min);
  return "the length must be no more than " + UintText(max);
}

class Oracle {
 public:
  std::vector<Violation> out;

  void Walk(const Message& m, Path& path) {
    const auto* d = m.GetDescriptor();
    const Reflection* r = m.GetReflection();
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      if (f->real_containing_oneof() != nullptr) continue;
      const gen::svc::Validate& rules = f->options().GetExtension(gen::svc::field).validate();
      if (f->is_map()) {
        const FieldDescriptor* key = f->message_type()->map_key();
        const FieldDescriptor* value = f->message_type()->map_value();
        for (int j = 0; j < r->FieldSize(m, f); ++j) {
          const Message& entry = r->GetRepeatedMessage(m, f, j);
          const Value k = Read(entry, key, -1);
          // A map holds one value per key, the last one written: entries
          // added through reflection may repeat a key.
          bool overwritten = false;
          for (int later = j + 1; later < r->FieldSize(m, f) && !overwritten; ++later) {
            const Value other = Read(r->GetRepeatedMessage(m, f, later), key, -1);
            overwritten = other.i == k.i && other.u == k.u && other.b == k.b && other.s == k.s;
          }
          if (overwritten) continue;
          std::string key_text;
          switch (key->cpp_type()) {
            case FieldDescriptor::CPPTYPE_STRING:
              key_text = k.s;
              break;
            case FieldDescriptor::CPPTYPE_BOOL:
              key_text = k.b ? "true" : "false";
              break;
            case FieldDescriptor::CPPTYPE_UINT32:
            case FieldDescriptor::CPPTYPE_UINT64:
              key_text = UintText(k.u);
              break;
            default:
              key_text = IntText(k.i);
              break;
          }
          path.push_back({PathElement::Kind::kField, f->name()});
          path.push_back({PathElement::Kind::kMapKey, key_text});
          if (value->message_type() != nullptr) {
            Walk(entry.GetReflection()->GetMessage(entry, value), path);
          } else {
            Scalar(Read(entry, value, -1), rules, path, false);
          }
          path.pop_back();
          path.pop_back();
        }
        continue;
      }
      if (f->is_repeated()) {
        for (int j = 0; j < r->FieldSize(m, f); ++j) {
          path.push_back({PathElement::Kind::kField, f->name()});
          path.push_back({PathElement::Kind::kIndex, std::to_string(j)});
          if (f->message_type() != nullptr) {
            Walk(r->GetRepeatedMessage(m, f, j), path);  // an element is present
          } else {
            Scalar(Read(m, f, j), rules, path, false);
          }
          path.pop_back();
          path.pop_back();
        }
        continue;
      }
      path.push_back({PathElement::Kind::kField, f->name()});
      if (f->message_type() != nullptr) {
        if (!r->HasField(m, f)) {
          if (rules.required()) Report(path, Rule::kRequired, "cannot be blank");
        } else {
          Walk(r->GetMessage(m, f), path);
        }
      } else {
        // Explicit presence: unset is empty whatever the default.
        const bool unset = f->has_presence() && !r->HasField(m, f);
        Scalar(Read(m, f, -1), rules, path, unset);
      }
      path.pop_back();
    }
    for (int i = 0; i < d->oneof_decl_count(); ++i) {
      const auto* oneof = d->oneof_decl(i);
      if (oneof->is_synthetic()) continue;
      const FieldDescriptor* set = r->GetOneofFieldDescriptor(m, oneof);
      if (set == nullptr) {
        if (oneof->options().GetExtension(gen::svc::oneof).validate().required()) {
          path.push_back({PathElement::Kind::kOneof, oneof->name()});
          Report(path, Rule::kRequired, "cannot be blank");
          path.pop_back();
        }
        continue;
      }
      path.push_back({PathElement::Kind::kField, set->name()});
      if (set->message_type() != nullptr) {
        Walk(r->GetMessage(m, set), path);
      } else {
        Scalar(Read(m, set, -1), set->options().GetExtension(gen::svc::field).validate(), path,
               false);
      }
      path.pop_back();
    }
  }

 private:
  void Report(const Path& path, Rule rule, std::string message) {
    out.push_back(Violation{path, rule, std::move(message)});
  }

  // required first; then, on non-empty values, is, in, min, max: the first
  // failing one.
  void Scalar(const Value& v, const gen::svc::Validate& rules, const Path& path, bool unset) {
    const bool empty = unset || v.Empty();
    if (empty) {
      if (rules.required()) Report(path, Rule::kRequired, "cannot be blank");
      return;
    }
    switch (rules.is()) {
      case gen::svc::Validate::UUID:
        if (!IsUuid(v.s)) return Report(path, Rule::kIsUuid, "must be a valid UUID");
        break;
      case gen::svc::Validate::EMAIL:
        if (!IsEmail(v.s)) return Report(path, Rule::kIsEmail, "must be a valid email address");
        break;
      case gen::svc::Validate::URL:
        if (!IsUrl(v.s)) return Report(path, Rule::kIsUrl, "must be a valid URL");
        break;
      default:
        break;
    }
    if (rules.in_size() > 0 && !InList(v, rules)) {
      return Report(path, Rule::kIn, "must be a valid value");
    }
    const std::optional<Bound> min = rules.has_min() ? BoundOf(rules.min(), v.type) : std::nullopt;
    const std::optional<Bound> max = rules.has_max() ? BoundOf(rules.max(), v.type) : std::nullopt;
    if (v.type->cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      const uint64_t lo = min ? min->u : 0, hi = max ? max->u : 0;  // 0: no bound
      if (lo > 0 && v.s.size() < lo) return Report(path, Rule::kMin, LengthText(lo, hi));
      if (hi > 0 && v.s.size() > hi) return Report(path, Rule::kMax, LengthText(lo, hi));
      return;
    }
    if (min) {
      const std::optional<int> c = Compare(v, *min);
      if (c && *c < 0) return Report(path, Rule::kMin, "must be no less than " + BoundText(*min));
    }
    if (max) {
      const std::optional<int> c = Compare(v, *max);
      if (c && *c > 0) {
        return Report(path, Rule::kMax, "must be no greater than " + BoundText(*max));
      }
    }
  }
};

}  // namespace

std::vector<Violation> OracleViolations(const Message& message) {
  Oracle oracle;
  Path path;
  oracle.Walk(message, path);
  return std::move(oracle.out);
}

// Go: strconv.FormatFloat(v, 'g', -1, 64), which fmt's %v uses. Shortest
// digits that read back as `value` (found by trying precisions), then %e
// form when the decimal exponent is < -4 or >= 6 (shortest 'g' uses
// precision 6 for that choice), with at least two exponent digits.
std::string GoFormatFloat(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  char buffer[64];
  int precision = 0;
  for (; precision < 17; ++precision) {
    std::snprintf(buffer, sizeof(buffer), "%.*e", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  std::snprintf(buffer, sizeof(buffer), "%.*e", precision, value);
  std::string text(buffer);
  const size_t e = text.find('e');
  std::string mantissa = text.substr(0, e);
  const int exponent = std::atoi(text.c_str() + e + 1);
  std::string sign;
  if (mantissa[0] == '-') {
    sign = "-";
    mantissa.erase(0, 1);
  }
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (exponent < -4 || exponent >= 6) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char exp[24];
    std::snprintf(exp, sizeof(exp), "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  std::string out = sign;
  if (exponent < 0) {
    out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  } else {
    const size_t point = static_cast<size_t>(exponent) + 1;
    if (digits.size() <= point) {
      out += digits + std::string(point - digits.size(), '0');
    } else {
      out += digits.substr(0, point) + "." + digits.substr(point);
    }
  }
  return out;
}

std::string Canonical(const Violation& violation) {
  std::string out;
  for (const PathElement& e : violation.path) {
    out += "/" + std::to_string(static_cast<int>(e.kind)) + ":" + e.name;
  }
  return out + " [" + std::string(RuleId(violation.rule)) + "] " + violation.message;
}

}  // namespace cppsvc::property
