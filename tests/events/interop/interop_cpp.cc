// Envelope interop, C++ side (docs/reference/events.md): writes the cases of cases.json as
// envelope bytes, or reads bytes Python or Node wrote and checks every field
// against cases.json (and that the runtime's decoder turns them into JSON).
//
// usage: cppsvc_events_interop write|read CASES_JSON DIR
// Exit 1 on any disagreement, listing each one.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "acme/user/v1/user.pb.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/events/envelope.pb.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace {

namespace pb = ::google::protobuf;
using cppsvc::events::Envelope;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool IsInt64(const std::string& name) { return name == "timestamp" || name == "credit_cents"; }

// Sets `message`'s fields from a case's JSON object, by proto field name.
void Fill(const pb::Struct& fields, pb::Message* message) {
  const pb::Descriptor* type = message->GetDescriptor();
  const pb::Reflection* reflection = message->GetReflection();
  for (const auto& [name, value] : fields.fields()) {
    const pb::FieldDescriptor* field = type->FindFieldByName(name);
    if (field == nullptr) {
      std::cerr << "cases.json: no field " << name << " in " << type->full_name() << "\n";
      std::exit(2);
    }
    if (field->is_map()) {
      for (const auto& [key, item] : value.struct_value().fields()) {
        (*static_cast<Envelope*>(message)->mutable_metadata())[key] = item.string_value();
      }
    } else if (IsInt64(name)) {
      int64_t number = 0;
      if (!absl::SimpleAtoi(value.string_value(), &number)) std::exit(2);
      reflection->SetInt64(message, field, number);
    } else if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_ENUM) {
      reflection->SetEnumValue(message, field, static_cast<int>(value.number_value()));
    } else {
      reflection->SetString(message, field, value.string_value());
    }
  }
}

pb::Message* NewPayload(const pb::Struct& test_case, const pb::Struct** fields) {
  if (auto it = test_case.fields().find("account_created"); it != test_case.fields().end()) {
    *fields = &it->second.struct_value();
    return new acme::user::v1::AccountCreated();
  }
  *fields = &test_case.fields().at("email_changed_payload").struct_value();
  return new acme::user::v1::EmailChangedPayload();
}

// One field's value as text, quoted so that "" and a missing value differ.
std::string FieldText(const pb::Message& message, const pb::FieldDescriptor* field) {
  const pb::Reflection* reflection = message.GetReflection();
  if (field->is_map()) {
    const auto& metadata = static_cast<const Envelope&>(message).metadata();
    std::map<std::string, std::string> sorted(metadata.begin(), metadata.end());
    std::string text = "{";
    for (const auto& [key, value] : sorted)
      absl::StrAppend(&text, "\"", key, "\":\"", value, "\" ");
    return text + "}";
  }
  switch (field->cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT64:
      return absl::StrCat(reflection->GetInt64(message, field));
    case pb::FieldDescriptor::CPPTYPE_ENUM:
      return absl::StrCat(reflection->GetEnumValue(message, field));
    case pb::FieldDescriptor::CPPTYPE_STRING:
      return absl::StrCat("\"", reflection->GetString(message, field), "\"");
    default:
      return "(unsupported field type)";
  }
}

// Every field of `got` against `want`; differences appended.
void Compare(const std::string& where, const pb::Message& want, const pb::Message& got,
             std::vector<std::string>* problems) {
  const pb::Descriptor* type = want.GetDescriptor();
  for (int i = 0; i < type->field_count(); ++i) {
    const pb::FieldDescriptor* field = type->field(i);
    if (field->name() == "payload") continue;  // compared as the payload message
    const std::string want_text = FieldText(want, field), got_text = FieldText(got, field);
    if (want_text != got_text) {
      problems->push_back(
          absl::StrCat(where, " ", field->name(), ": want ", want_text, ", got ", got_text));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: cppsvc_events_interop write|read CASES_JSON DIR\n";
    return 2;
  }
  const std::string mode = argv[1], directory = argv[3];
  pb::ListValue cases;
  if (!pb::util::JsonStringToMessage(ReadFile(argv[2]), &cases).ok()) {
    std::cerr << "cannot read " << argv[2] << "\n";
    return 2;
  }
  cppsvc::events::Decoder decoder(pb::DescriptorPool::generated_pool());
  std::vector<std::string> problems;
  for (const pb::Value& item : cases.values()) {
    const pb::Struct& test_case = item.struct_value();
    const std::string file = test_case.fields().at("file").string_value();
    const std::string path = directory + "/" + file + ".bin";
    const pb::Struct* fields = nullptr;
    std::unique_ptr<pb::Message> payload(NewPayload(test_case, &fields));
    Fill(*fields, payload.get());
    Envelope envelope;
    Fill(test_case.fields().at("envelope").struct_value(), &envelope);
    if (mode == "write") {
      payload->SerializeToString(envelope.mutable_payload());
      std::ofstream(path, std::ios::binary) << envelope.SerializeAsString();
      continue;
    }
    Envelope got;
    if (!got.ParseFromString(ReadFile(path))) {
      problems.push_back(file + ": not an envelope");
      continue;
    }
    Compare(file + ": envelope", envelope, got, &problems);
    std::unique_ptr<pb::Message> got_payload(payload->New());
    if (!got_payload->ParseFromString(got.payload())) {
      problems.push_back(file + ": payload does not parse as " + payload->GetTypeName());
      continue;
    }
    Compare(file + ": " + payload->GetTypeName(), *payload, *got_payload, &problems);
    if (payload->ByteSizeLong() == 0 && !got.payload().empty()) {
      problems.push_back(file + ": payload should be empty bytes");
    }
    absl::StatusOr<std::string> json = decoder.ToJson(got);
    if (!json.ok()) problems.push_back(file + ": decoder: " + std::string(json.status().message()));
  }
  if (!problems.empty()) {
    std::cout << "c++ disagrees:\n";
    for (const std::string& problem : problems) std::cout << problem << "\n";
    return 1;
  }
  std::cout << "c++: " << mode << " " << cases.values_size() << " cases\n";
  return 0;
}
