#include "property/random_message.h"

#include <cmath>
#include <limits>

#include "google/protobuf/reflection.h"

namespace cppsvc::property {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

namespace {

template <typename T>
T Extreme(uint64_t pick, uint64_t random) {
  switch (pick % 6) {
    case 0:
      return std::numeric_limits<T>::min();
    case 1:
      return std::numeric_limits<T>::max();
    case 2:
      return 0;
    case 3:
      return static_cast<T>(1);
    case 4:
      return static_cast<T>(static_cast<T>(random) % 100);
    default:
      return static_cast<T>(random);
  }
}

double DoubleValue(uint64_t pick, uint64_t random) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  switch (pick % 10) {
    case 0:
      return kInf;
    case 1:
      return -kInf;
    case 2:
      return std::numeric_limits<double>::quiet_NaN();
    case 3:
      return 0.0;
    case 4:
      return -0.0;
    case 5:
      return std::numeric_limits<double>::denorm_min();
    case 6:
      return std::numeric_limits<double>::max();
    case 7:
      return -std::numeric_limits<double>::lowest();
    default:
      return (static_cast<double>(random % 2000001) - 1000000.0) / 64.0;
  }
}

}  // namespace

std::string RandomMessage::String() {
  static const char* const kPieces[] = {"a", "Z",  "0",  "-", ".",  "@", " ", "é",
                                        "ß", "中", "文", "😀", "\t", "/", ":", "_"};
  std::string out;
  const uint64_t n = Below(13);
  for (uint64_t i = 0; i < n; ++i) out += kPieces[Below(sizeof(kPieces) / sizeof(kPieces[0]))];
  return out;
}

std::string RandomMessage::Bytes() {
  std::string out;
  const uint64_t n = Below(13);
  for (uint64_t i = 0; i < n; ++i) out.push_back(static_cast<char>(Below(256)));
  return out;
}

ScalarValue RandomMessage::RandomScalar(const FieldDescriptor* field) {
  ScalarValue value;
  if (hook_ && hook_(field, *this, value)) return value;
  const uint64_t pick = Next();
  const uint64_t random = Next();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      value.i64 = Extreme<int32_t>(pick, random);
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      value.i64 = Extreme<int64_t>(pick, random);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      value.u64 = Extreme<uint32_t>(pick, random);
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      value.u64 = Extreme<uint64_t>(pick, random);
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT:
      value.f64 = DoubleValue(pick, random);
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      value.b = (pick & 1) != 0;
      break;
    case FieldDescriptor::CPPTYPE_STRING:
      value.str = field->type() == FieldDescriptor::TYPE_BYTES ? Bytes() : String();
      break;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const google::protobuf::EnumDescriptor* type = field->enum_type();
      if (type->file()->syntax() == google::protobuf::FileDescriptor::SYNTAX_PROTO3 &&
          Chance(options_.unknown_enum_probability)) {
        value.enum_number = static_cast<int>(1000 + Below(1000));  // undeclared
      } else {
        value.enum_number = type->value(static_cast<int>(Below(type->value_count())))->number();
      }
      break;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
  return value;
}

void RandomMessage::Fill(Message& message) {
  message.Clear();
  FillMessage(message, 0);
}

void RandomMessage::FillMessage(Message& message, int depth) {
  const Descriptor* descriptor = message.GetDescriptor();
  for (int i = 0; i < descriptor->oneof_decl_count(); ++i) {
    const google::protobuf::OneofDescriptor* oneof = descriptor->oneof_decl(i);
    if (oneof->is_synthetic()) continue;
    // None, or one member at random.
    const uint64_t choice = Below(oneof->field_count() + 1);
    if (choice < static_cast<uint64_t>(oneof->field_count())) {
      SetField(message, oneof->field(static_cast<int>(choice)), depth);
    }
  }
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->real_containing_oneof() != nullptr) continue;
    if (field->is_repeated()) {
      const uint64_t n = Below(options_.max_repeated + 1);
      for (uint64_t j = 0; j < n; ++j) AddElement(message, field, depth);
      continue;
    }
    if (Chance(options_.set_probability)) SetField(message, field, depth);
  }
}

void RandomMessage::SetField(Message& message, const FieldDescriptor* field, int depth) {
  const Reflection* r = message.GetReflection();
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    if (depth >= options_.max_depth) return;
    FillMessage(*r->MutableMessage(&message, field), depth + 1);
    return;
  }
  ScalarValue v = RandomScalar(field);
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      r->SetInt32(&message, field, static_cast<int32_t>(v.i64));
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      r->SetInt64(&message, field, v.i64);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      r->SetUInt32(&message, field, static_cast<uint32_t>(v.u64));
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      r->SetUInt64(&message, field, v.u64);
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      r->SetDouble(&message, field, v.f64);
      break;
    case FieldDescriptor::CPPTYPE_FLOAT:
      r->SetFloat(&message, field, static_cast<float>(v.f64));
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      r->SetBool(&message, field, v.b);
      break;
    case FieldDescriptor::CPPTYPE_STRING:
      r->SetString(&message, field, std::move(v.str));
      break;
    case FieldDescriptor::CPPTYPE_ENUM:
      r->SetEnumValue(&message, field, v.enum_number);
      break;
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
}

void RandomMessage::AddElement(Message& message, const FieldDescriptor* field, int depth) {
  const Reflection* r = message.GetReflection();
  if (field->is_map()) {
    if (depth >= options_.max_depth) return;
    // Map entries through reflection: key and value set like fields.
    Message* entry = r->AddMessage(&message, field);
    const Descriptor* entry_type = field->message_type();
    SetField(*entry, entry_type->map_key(), depth);
    const FieldDescriptor* value = entry_type->map_value();
    if (value->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      FillMessage(*entry->GetReflection()->MutableMessage(entry, value), depth + 1);
    } else {
      SetField(*entry, value, depth);
    }
    return;
  }
  if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    if (depth >= options_.max_depth) return;
    FillMessage(*r->AddMessage(&message, field), depth + 1);
    return;
  }
  ScalarValue v = RandomScalar(field);
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
      r->AddInt32(&message, field, static_cast<int32_t>(v.i64));
      break;
    case FieldDescriptor::CPPTYPE_INT64:
      r->AddInt64(&message, field, v.i64);
      break;
    case FieldDescriptor::CPPTYPE_UINT32:
      r->AddUInt32(&message, field, static_cast<uint32_t>(v.u64));
      break;
    case FieldDescriptor::CPPTYPE_UINT64:
      r->AddUInt64(&message, field, v.u64);
      break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      r->AddDouble(&message, field, v.f64);
      break;
    case FieldDescriptor::CPPTYPE_FLOAT:
      r->AddFloat(&message, field, static_cast<float>(v.f64));
      break;
    case FieldDescriptor::CPPTYPE_BOOL:
      r->AddBool(&message, field, v.b);
      break;
    case FieldDescriptor::CPPTYPE_STRING:
      r->AddString(&message, field, std::move(v.str));
      break;
    case FieldDescriptor::CPPTYPE_ENUM:
      r->AddEnumValue(&message, field, v.enum_number);
      break;
    case FieldDescriptor::CPPTYPE_MESSAGE:
      break;
  }
}

}  // namespace cppsvc::property
