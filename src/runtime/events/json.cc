// Envelopes as JSON, generic decoding and delimited streams (docs/reference/events.md); see
// cppsvc/events/decoder.h.
#include <algorithm>
#include <climits>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cppsvc/events.h"
#include "cppsvc/events/decoder.h"
#include "cppsvc/internal/event_support.h"
#include "cppsvc/internal/protobuf_compat.h"
#include "cppsvc/internal/status_macros.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/descriptor_database.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace cppsvc::events {
namespace {

namespace pb = ::google::protobuf;
namespace compat = ::cppsvc::internal::protobuf_compat;

std::string Text(const compat::JsonStatus& status) { return compat::StatusText(status); }

// Just enough of a JSON scanner to find the members of the top-level object
// without interpreting them: protobuf's parser checks everything else.
class Scanner {
 public:
  explicit Scanner(absl::string_view text) : text_(text) {}

  size_t pos() const { return pos_; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  absl::string_view Slice(size_t from) const { return text_.substr(from, pos_ - from); }

  void SkipSpace() {
    while (!AtEnd() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                        text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool Consume(char c) {
    SkipSpace();
    if (AtEnd() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool Peek(char c) {
    SkipSpace();
    return !AtEnd() && text_[pos_] == c;
  }
  // A string, from its opening quote to past its closing one.
  bool String() {
    if (!Peek('"')) return false;
    for (++pos_; !AtEnd(); ++pos_) {
      if (text_[pos_] == '\\') {
        ++pos_;
      } else if (text_[pos_] == '"') {
        ++pos_;
        return true;
      }
    }
    return false;
  }
  bool Value(int depth) {
    if (depth > kMaxDepth) return false;
    SkipSpace();
    if (AtEnd()) return false;
    const char c = text_[pos_];
    if (c == '"') return String();
    if (c == '{' || c == '[') return Container(c == '{' ? '}' : ']', depth);
    const size_t start = pos_;
    while (!AtEnd() && (isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '+' ||
                        text_[pos_] == '-' || text_[pos_] == '.')) {
      ++pos_;
    }
    return pos_ > start;
  }

 private:
  static constexpr int kMaxDepth = 100;

  bool Container(char close, int depth) {
    ++pos_;
    if (Consume(close)) return true;
    do {
      if (close == '}' && !(String() && Consume(':'))) return false;
      if (!Value(depth + 1)) return false;
    } while (Consume(','));
    return Consume(close);
  }

  absl::string_view text_;
  size_t pos_ = 0;
};

void AppendUtf8(uint32_t code_point, std::string* out) {
  if (code_point < 0x80) {
    out->push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Four hex digits at `text[i]`, or -1.
int32_t Hex4(absl::string_view text, size_t i) {
  if (i + 4 > text.size()) return -1;
  int32_t value = 0;
  for (size_t k = i; k < i + 4; ++k) {
    const char c = text[k];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// A member's key as a JSON parser reads it: the string token (quotes
// included) with its escapes decoded, so that `"\u0070ayload"` is `payload`
// here just as it is to protobuf's parser. Keys are compared only after this:
// an escaped spelling must not slip past a check the plain one meets.
// Malformed escapes are kept as written (protobuf's parser rejects them).
std::string DecodedKey(absl::string_view token) {
  const absl::string_view text = token.substr(1, token.size() - 2);
  std::string key;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      key.push_back(text[i]);
      continue;
    }
    const char escaped = text[++i];
    switch (escaped) {
      case 'b':
        key.push_back('\b');
        break;
      case 'f':
        key.push_back('\f');
        break;
      case 'n':
        key.push_back('\n');
        break;
      case 'r':
        key.push_back('\r');
        break;
      case 't':
        key.push_back('\t');
        break;
      case 'u': {
        int32_t unit = Hex4(text, i + 1);
        if (unit < 0) {
          key.append("\\u");
          break;
        }
        i += 4;
        uint32_t code_point = static_cast<uint32_t>(unit);
        if (unit >= 0xD800 && unit < 0xDC00 && i + 2 < text.size() && text[i + 1] == '\\' &&
            text[i + 2] == 'u') {
          const int32_t low = Hex4(text, i + 3);
          if (low >= 0xDC00 && low < 0xE000) {
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        AppendUtf8(code_point, &key);
        break;
      }
      default:
        key.push_back(escaped);
        break;  // \" \\ \/
    }
  }
  return key;
}

struct SplitJson {
  std::string rest;  // the object without "data"
  std::string data;  // the raw text of "data"
  bool has_data = false;
  bool has_payload = false;
};

absl::Status Malformed(const Scanner& scanner) {
  return absl::InvalidArgumentError(
      absl::StrCat("malformed JSON: not an object, at byte ", scanner.pos()));
}

absl::StatusOr<SplitJson> SplitDataMember(absl::string_view json) {
  Scanner scanner(json);
  SplitJson split;
  std::vector<absl::string_view> members;
  if (!scanner.Consume('{')) return Malformed(scanner);
  if (!scanner.Consume('}')) {
    do {
      scanner.SkipSpace();
      const size_t member_start = scanner.pos();
      if (!scanner.String()) return Malformed(scanner);
      const std::string key = DecodedKey(scanner.Slice(member_start));
      if (!scanner.Consume(':')) return Malformed(scanner);
      scanner.SkipSpace();
      const size_t value_start = scanner.pos();
      if (!scanner.Value(0)) return Malformed(scanner);
      if (key == "data") {
        if (split.has_data) return absl::InvalidArgumentError("JSON has \"data\" twice");
        split.has_data = true;
        split.data = std::string(scanner.Slice(value_start));
      } else {
        if (key == "payload") split.has_payload = true;
        members.push_back(scanner.Slice(member_start));
      }
    } while (scanner.Consume(','));
    if (!scanner.Consume('}')) return Malformed(scanner);
  }
  scanner.SkipSpace();
  if (!scanner.AtEnd()) {
    return absl::InvalidArgumentError(
        absl::StrCat("malformed JSON: unexpected text after the object, at byte ", scanner.pos()));
  }
  split.rest = absl::StrCat("{", absl::StrJoin(members, ","), "}");
  return split;
}

pb::util::JsonPrintOptions PrintOptions(const JsonOptions& options) {
  pb::util::JsonPrintOptions print;
  compat::PrintDefaults(print, options.print_defaults);
  print.always_print_enums_as_ints = false;
  print.preserve_proto_field_names = false;
  return print;
}

std::string Describe(const Envelope& envelope) {
  return absl::StrCat("event \"", envelope.name(), "\" version ",
                      envelope.version().empty() ? "\"\"" : envelope.version());
}

}  // namespace

absl::StatusOr<std::string> EnvelopeToJson(const Envelope& envelope, const pb::Message& data,
                                           const JsonOptions& options) {
  Envelope head(envelope);
  head.clear_payload();
  const pb::util::JsonPrintOptions print = PrintOptions(options);
  std::string json;
  compat::JsonStatus status = pb::util::MessageToJsonString(head, &json, print);
  if (!status.ok()) return absl::InvalidArgumentError(Text(status));
  std::string data_json;
  status = pb::util::MessageToJsonString(data, &data_json, print);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(Describe(envelope), ": its data has no JSON form: ", Text(status)));
  }
  // Printing defaults prints the cleared payload too (the last field).
  constexpr absl::string_view kEmptyPayload = ",\"payload\":\"\"}";
  if (absl::EndsWith(json, kEmptyPayload)) {
    json.erase(json.size() - kEmptyPayload.size());
  } else {
    json.pop_back();  // '}'
  }
  if (json.size() > 1) json += ',';
  absl::StrAppend(&json, "\"data\":", data_json, "}");
  return json;
}

absl::StatusOr<Envelope> EnvelopeFromJson(absl::string_view json, const DataTypeFinder& find_type) {
  CPPSVC_ASSIGN_OR_RETURN(const SplitJson split, SplitDataMember(json));
  if (split.has_data && split.has_payload) {
    return absl::InvalidArgumentError(
        "JSON has both \"data\" and \"payload\": give the payload once");
  }
  Envelope envelope;
  pb::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = false;
  compat::JsonStatus status = pb::util::JsonStringToMessage(split.rest, &envelope, parse);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("not an event envelope: ", Text(status)));
  }
  if (!split.has_data) return envelope;
  CPPSVC_ASSIGN_OR_RETURN(const pb::Message* const prototype, find_type(envelope));
  std::unique_ptr<pb::Message> data(prototype->New());
  status = pb::util::JsonStringToMessage(split.data, data.get(), parse);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("\"data\" of ", Describe(envelope), " is not a ",
                                                   data->GetTypeName(), ": ", Text(status)));
  }
  if (!data->SerializeToString(envelope.mutable_payload())) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"data\" of ", Describe(envelope), " does not serialize"));
  }
  return envelope;
}

absl::StatusOr<Envelope> ParseEnvelope(absl::string_view bytes) {
  Envelope envelope;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !envelope.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(absl::StrCat(
        "not an event envelope: ", bytes.size(), " bytes do not parse as cppsvc.events.Envelope"));
  }
  return envelope;
}

void AppendDelimited(const Envelope& envelope, std::string* stream) {
  pb::io::StringOutputStream output(stream);  // appends
  // False only for an envelope of 2 GiB or more, which no reader parses.
  (void)pb::util::SerializeDelimitedToZeroCopyStream(envelope, &output);
}

absl::Status ForEachDelimited(
    absl::string_view stream,
    const std::function<absl::Status(size_t index, absl::string_view record)>& each) {
  size_t pos = 0;
  for (size_t index = 0; pos < stream.size(); ++index) {
    const size_t start = pos;
    // The length prefix, read by protobuf's own varint reader (as
    // ParseDelimitedFromCodedStream reads it, but to 64 bits, so that an
    // impossible length is reported as one). It is at most 10 bytes.
    pb::io::CodedInputStream prefix(reinterpret_cast<const uint8_t*>(stream.data() + pos),
                                    static_cast<int>(std::min<size_t>(stream.size() - pos, 10)));
    uint64_t size = 0;
    const bool done = prefix.ReadVarint64(&size);
    if (done) pos += static_cast<size_t>(prefix.CurrentPosition());
    if (!done || size > stream.size() - pos) {
      return absl::InvalidArgumentError(
          absl::StrCat("record ", index, " at byte ", start, ": ",
                       done ? absl::StrCat("its length prefix says ", size, " bytes but ",
                                           stream.size() - pos, " remain")
                            : std::string("truncated or bad varint length prefix")));
    }
    CPPSVC_RETURN_IF_ERROR(each(index, stream.substr(pos, size)));
    pos += size;
  }
  return absl::OkStatus();
}

// ---- Decoder ------------------------------------------------------------------

struct Decoder::OwnedPool {
  // A set that does not build is reported in FromDescriptorSet's status;
  // without a collector the pool would also log raw `[libprotobuf ERROR]`
  // lines.
  struct Quiet : ::cppsvc::internal::protobuf_compat::DescriptorErrors {
    void OnError(absl::string_view, absl::string_view, absl::string_view) override {}
  } quiet;
  pb::SimpleDescriptorDatabase files;
  pb::DescriptorPool pool{&files, &quiet};
};

Decoder::~Decoder() = default;

Decoder::Decoder(const Registry& registry, JsonOptions options)
    : registry_(&registry), options_(options) {}

Decoder::Decoder(const pb::DescriptorPool* pool, JsonOptions options)
    : pool_(pool), options_(options) {
  if (pool_ != pb::DescriptorPool::generated_pool()) {
    factory_ = std::make_unique<pb::DynamicMessageFactory>(pool_);
  }
}

namespace {

// Collects what the descriptor pool reports about a bad file.
class Collector : public compat::DescriptorErrors {
 public:
  void OnError(absl::string_view filename, absl::string_view element_name,
               absl::string_view message) override {
    errors_.push_back(absl::StrCat(filename, ": ", element_name, ": ", message));
  }
  std::string Text() const { return absl::StrJoin(errors_, "; "); }

 private:
  std::vector<std::string> errors_;
};

void AddWellKnown(const std::string& name, std::set<std::string>* names,
                  pb::SimpleDescriptorDatabase* files) {
  if (names->count(name) != 0 || !absl::StartsWith(name, "google/protobuf/")) return;
  const pb::FileDescriptor* file = pb::DescriptorPool::generated_pool()->FindFileByName(name);
  if (file == nullptr) return;
  names->insert(name);
  pb::FileDescriptorProto proto;
  file->CopyTo(&proto);
  files->Add(proto);
  for (int i = 0; i < file->dependency_count(); ++i) {
    AddWellKnown(std::string(file->dependency(i)->name()), names, files);
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<Decoder>> Decoder::FromDescriptorSet(
    absl::string_view serialized_set, JsonOptions options) {
  pb::FileDescriptorSet set;
  if (serialized_set.size() > static_cast<size_t>(INT_MAX) ||
      !set.ParseFromArray(serialized_set.data(), static_cast<int>(serialized_set.size()))) {
    return absl::InvalidArgumentError(
        "not a descriptor set: the bytes do not parse as google.protobuf.FileDescriptorSet "
        "(write one with protoc --descriptor_set_out=FILE --include_imports)");
  }
  std::unique_ptr<Decoder> decoder(new Decoder());
  decoder->options_ = options;
  decoder->owned_pool_ = std::make_unique<OwnedPool>();
  std::set<std::string> names;
  for (const pb::FileDescriptorProto& file : set.file()) {
    if (!decoder->owned_pool_->files.Add(file)) {
      return absl::InvalidArgumentError(
          absl::StrCat("descriptor set: file \"", file.name(), "\" is given twice, differently"));
    }
    names.insert(file.name());
  }
  // The well-known types a set lacks come from the program's own copy; any
  // other missing import is an error below.
  for (const pb::FileDescriptorProto& file : set.file()) {
    for (const std::string& dependency : file.dependency()) {
      AddWellKnown(dependency, &names, &decoder->owned_pool_->files);
    }
  }
  // A set written without --include_imports lacks the files its files
  // import: name every one, and the fix.
  std::map<std::string, std::string> missing;  // import -> first importer
  for (const pb::FileDescriptorProto& file : set.file()) {
    for (const std::string& dependency : file.dependency()) {
      if (names.count(dependency) == 0) missing.emplace(dependency, file.name());
    }
  }
  if (!missing.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("descriptor set: files it imports are not in it: ",
                     absl::StrJoin(missing, ", ",
                                   [](std::string* out, const auto& entry) {
                                     absl::StrAppend(out, "\"", entry.first, "\" (imported by ",
                                                     entry.second, ")");
                                   }),
                     "; write it with protoc --descriptor_set_out=FILE --include_imports"));
  }
  Collector collector;
  // Built eagerly, so a broken set is an error here rather than at first use.
  pb::DescriptorPool& pool = decoder->owned_pool_->pool;
  for (const pb::FileDescriptorProto& file : set.file()) {
    if (pool.FindFileByName(file.name()) == nullptr) {
      pb::DescriptorPool checking(&decoder->owned_pool_->files, &collector);
      (void)checking.FindFileByName(file.name());
      return absl::InvalidArgumentError(absl::StrCat("descriptor set: file \"", file.name(),
                                                     "\" does not build: ", collector.Text(),
                                                     " (did protoc run with --include_imports?)"));
    }
  }
  decoder->pool_ = &pool;
  decoder->factory_ = std::make_unique<pb::DynamicMessageFactory>(&pool);
  return decoder;
}

absl::StatusOr<std::unique_ptr<Decoder>> Decoder::FromDescriptorSetFile(const std::string& path,
                                                                        JsonOptions options) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read descriptor set \"", path, "\": it is a directory, not a file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open descriptor set \"", path, "\""));
  std::stringstream bytes;
  bytes << in.rdbuf();
  absl::StatusOr<std::unique_ptr<Decoder>> decoder = FromDescriptorSet(bytes.str(), options);
  if (!decoder.ok()) {
    return absl::Status(decoder.status().code(),
                        absl::StrCat(path, ": ", decoder.status().message()));
  }
  return decoder;
}

absl::StatusOr<const pb::Message*> Decoder::PayloadPrototype(const Envelope& envelope) const {
  if (registry_ != nullptr) {
    if (envelope.name().empty()) {
      return absl::InvalidArgumentError("not an event envelope: it has no event name");
    }
    const EventBinding* binding = registry_->Find(envelope.name(), envelope.version());
    if (binding == nullptr) {
      return absl::NotFoundError(absl::StrCat(Describe(envelope), " is not registered"));
    }
    const pb::Message* prototype = internal::PayloadPrototype(*binding);
    if (prototype == nullptr) {
      return absl::InternalError(
          absl::StrCat(Describe(envelope), ": its binding has no payload message type"));
    }
    CPPSVC_RETURN_IF_ERROR(
        internal::CheckPayloadType(envelope, prototype->GetDescriptor()->full_name()));
    return prototype;
  }
  if (envelope.payload_type().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        Describe(envelope), " has no payload_type: its payload cannot be decoded by type name"));
  }
  const pb::Descriptor* type = pool_->FindMessageTypeByName(envelope.payload_type());
  if (type == nullptr) {
    return absl::NotFoundError(absl::StrCat(
        "payload type ", envelope.payload_type(), " of ", Describe(envelope),
        " is not in the descriptor set (is its file in it? protoc --include_imports)"));
  }
  const pb::Message* prototype = factory_ != nullptr
                                     ? factory_->GetPrototype(type)
                                     : pb::MessageFactory::generated_factory()->GetPrototype(type);
  if (prototype == nullptr) {
    return absl::InternalError(absl::StrCat("no message factory for ", type->full_name()));
  }
  return prototype;
}

absl::StatusOr<std::unique_ptr<pb::Message>> Decoder::DecodePayload(
    const Envelope& envelope) const {
  CPPSVC_ASSIGN_OR_RETURN(const pb::Message* const prototype, PayloadPrototype(envelope));
  std::unique_ptr<pb::Message> payload(prototype->New());
  if (!payload->ParseFromString(envelope.payload())) {
    return absl::InvalidArgumentError(
        absl::StrCat(Describe(envelope), ": the payload (", envelope.payload().size(),
                     " bytes) does not parse as ", payload->GetTypeName()));
  }
  return payload;
}

absl::StatusOr<std::string> Decoder::ToJson(const Envelope& envelope) const {
  CPPSVC_ASSIGN_OR_RETURN(const std::unique_ptr<pb::Message> payload, DecodePayload(envelope));
  return EnvelopeToJson(envelope, *payload, options_);
}

absl::StatusOr<std::string> Decoder::ToJson(absl::string_view envelope_bytes) const {
  CPPSVC_ASSIGN_OR_RETURN(const Envelope envelope, ParseEnvelope(envelope_bytes));
  return ToJson(envelope);
}

absl::StatusOr<Envelope> Decoder::FromJson(absl::string_view json) const {
  return EnvelopeFromJson(json,
                          [this](const Envelope& envelope) { return PayloadPrototype(envelope); });
}

namespace internal {

const pb::Message* PayloadPrototype(const EventBinding& binding) {
  if (binding.prototype == nullptr || binding.payload_descriptor == nullptr) return nullptr;
  const pb::Descriptor* event = binding.prototype->GetDescriptor();
  if (event == binding.payload_descriptor) return binding.prototype;
  for (int i = 0; i < event->field_count(); ++i) {
    const pb::FieldDescriptor* field = event->field(i);
    if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated() &&
        field->message_type() == binding.payload_descriptor) {
      return &binding.prototype->GetReflection()->GetMessage(*binding.prototype, field);
    }
  }
  return nullptr;
}

}  // namespace internal
}  // namespace cppsvc::events
