#include "plugin/response_stream.h"

#include <cstdint>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/compiler/plugin.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/wire_format_lite.h"
#include "plugin/compat.h"
#include "plugin/generator.h"
#include "plugin/model/source_locations.h"

namespace cppsvc::plugin {
namespace {

namespace pb = ::google::protobuf;
using ::google::protobuf::compiler::CodeGeneratorRequest;
using ::google::protobuf::compiler::CodeGeneratorResponse;

// CodeGeneratorResponse's fields, written by hand in its wire format so that
// each file can go out as soon as it is generated. Every field is written as
// protobuf would write it; the order of fields does not matter to a reader.
constexpr int kErrorField = CodeGeneratorResponse::kErrorFieldNumber;
constexpr int kFeaturesField = CodeGeneratorResponse::kSupportedFeaturesFieldNumber;
constexpr int kFileField = CodeGeneratorResponse::kFileFieldNumber;
constexpr int kNameField = CodeGeneratorResponse::File::kNameFieldNumber;
constexpr int kContentField = CodeGeneratorResponse::File::kContentFieldNumber;

uint32_t Tag(int field, pb::internal::WireFormatLite::WireType type) {
  return pb::internal::WireFormatLite::MakeTag(field, type);
}

void WriteBytesField(int field, const std::string& bytes, pb::io::CodedOutputStream& out) {
  out.WriteTag(Tag(field, pb::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
  out.WriteVarint32(static_cast<uint32_t>(bytes.size()));
  out.WriteString(bytes);
}

size_t BytesFieldSize(int field, const std::string& bytes) {
  return pb::io::CodedOutputStream::VarintSize32(
             Tag(field, pb::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED)) +
         pb::io::CodedOutputStream::VarintSize64(bytes.size()) + bytes.size();
}

void WriteFile(const GeneratedFile& file, pb::io::CodedOutputStream& out) {
  const size_t size =
      BytesFieldSize(kNameField, file.name) + BytesFieldSize(kContentField, file.content);
  out.WriteTag(Tag(kFileField, pb::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
  out.WriteVarint64(size);
  WriteBytesField(kNameField, file.name, out);
  WriteBytesField(kContentField, file.content, out);
}

// A CodeGeneratorRequest read field by field, each FileDescriptorProto
// built into the pool as it arrives and then dropped, and its
// SourceCodeInfo kept aside (see model/source_locations.h): the request is
// never held whole, parsed, next to the pool built from it.
struct Request {
  std::vector<std::string> files_to_generate;
  std::string parameter;
  bool from_protoc = false;  // protoc sets compiler_version; buf does not
};

// Parses a serialized FileDescriptorProto except its source_code_info,
// whose bytes go to `source_info` as they are: most of a request is source
// info, and parsing it (a message per location) only to serialize it again
// would be the larger part of reading the request.
bool ParseWithoutSourceInfo(const std::string& bytes, pb::FileDescriptorProto& proto,
                            std::string& source_info) {
  using pb::internal::WireFormatLite;
  std::string rest;
  {
    pb::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                static_cast<int>(bytes.size()));
    pb::io::StringOutputStream rest_stream(&rest);
    pb::io::CodedOutputStream out(&rest_stream);
    while (const uint32_t tag = in.ReadTag()) {
      if (WireFormatLite::GetTagFieldNumber(tag) ==
              pb::FileDescriptorProto::kSourceCodeInfoFieldNumber &&
          WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
        // Repeated occurrences of a message field merge; keep the bytes of each.
        std::string part;
        if (!WireFormatLite::ReadString(&in, &part)) return false;
        source_info += part;
      } else if (!WireFormatLite::SkipField(&in, tag, &out)) {
        return false;
      }
    }
    if (!in.ConsumedEntireMessage()) return false;
  }
  return proto.ParseFromString(rest);
}

absl::Status ReadRequest(int input_fd, pb::DescriptorPool& pool, SourceLocations& locations,
                         Request& request) {
  using pb::internal::WireFormatLite;
  pb::io::FileInputStream raw(input_fd);
  pb::io::CodedInputStream in(&raw);
  in.SetTotalBytesLimit(std::numeric_limits<int>::max());
  // DataLoss marks a request that could not be read at all, as opposed to
  // descriptors that were read but do not build (InvalidArgument, reported
  // in the response).
  const absl::Status unreadable =
      absl::DataLossError("could not read a CodeGeneratorRequest from standard input");
  while (const uint32_t tag = in.ReadTag()) {
    const int field = WireFormatLite::GetTagFieldNumber(tag);
    const bool delimited =
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    if (field == CodeGeneratorRequest::kFileToGenerateFieldNumber && delimited) {
      if (!WireFormatLite::ReadString(&in, &request.files_to_generate.emplace_back())) {
        return unreadable;
      }
    } else if (field == CodeGeneratorRequest::kParameterFieldNumber && delimited) {
      if (!WireFormatLite::ReadString(&in, &request.parameter)) return unreadable;
    } else if (field == CodeGeneratorRequest::kCompilerVersionFieldNumber && delimited) {
      pb::compiler::Version version;
      if (!WireFormatLite::ReadMessage(&in, &version)) return unreadable;
      request.from_protoc = true;
    } else if (field == CodeGeneratorRequest::kProtoFileFieldNumber && delimited) {
      std::string bytes;
      pb::FileDescriptorProto proto;
      std::string source_info;
      if (!WireFormatLite::ReadString(&in, &bytes) ||
          !ParseWithoutSourceInfo(bytes, proto, source_info)) {
        return unreadable;
      }
      if (!source_info.empty()) locations.Add(proto.name(), std::move(source_info));
      if (pool.BuildFile(proto) == nullptr) {
        return absl::InvalidArgumentError(
            absl::StrCat("the request's descriptor of ", proto.name(), " could not be built"));
      }
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      return unreadable;
    }
  }
  if (!in.ConsumedEntireMessage()) return unreadable;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<const pb::FileDescriptor*>> FilesToGenerate(
    const Request& request, const pb::DescriptorPool& pool) {
  std::vector<const pb::FileDescriptor*> files;
  for (const std::string& name : request.files_to_generate) {
    const pb::FileDescriptor* file = pool.FindFileByName(name);
    if (file == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("the request asks to generate ", name, ", which it does not describe"));
    }
    files.push_back(file);
  }
  return files;
}

int CouldNotWrite() {
  std::cerr << "protoc-gen-cpp-svc: could not write the response to standard output\n";
  return 1;
}

}  // namespace

int RunPluginProtocol(int input_fd, int output_fd) {
  pb::DescriptorPool pool;
  SourceLocations locations;
  Request request;
  absl::Status status = ReadRequest(input_fd, pool, locations, request);
  if (absl::IsDataLoss(status)) {
    std::cerr << "protoc-gen-cpp-svc: " << status.message() << "\n";
    return 1;
  }
  pb::io::FileOutputStream raw(output_fd);
  {
    pb::io::CodedOutputStream out(&raw);
    out.WriteTag(Tag(kFeaturesField, pb::internal::WireFormatLite::WIRETYPE_VARINT));
    out.WriteVarint64(CodeGeneratorResponse::FEATURE_PROTO3_OPTIONAL | compat::kEditionsFeature);
    if (compat::kSupportsEditions) {  // protobuf 27 and later
      out.WriteTag(
          Tag(compat::kMinimumEditionField, pb::internal::WireFormatLite::WIRETYPE_VARINT));
      out.WriteVarint32SignExtended(compat::kMinimumEdition);
      out.WriteTag(
          Tag(compat::kMaximumEditionField, pb::internal::WireFormatLite::WIRETYPE_VARINT));
      out.WriteVarint32SignExtended(compat::kMaximumEdition);
    }
    absl::StatusOr<std::vector<const pb::FileDescriptor*>> files =
        status.ok() ? FilesToGenerate(request, pool) : status;
    status = files.status();
    if (files.ok()) {
      // Warnings go to stderr, which protoc and buf pass on to the user; the
      // plugin protocol of protobuf 3.21 has no place for them.
      std::string warnings;
      status = GenerateFiles(
          *files, request.parameter,
          [&out](GeneratedFile file) {
            WriteFile(file, out);
            return out.HadError() ? absl::InternalError("could not write the response")
                                  : absl::OkStatus();
          },
          &warnings, request.from_protoc, &locations);
      if (!warnings.empty()) std::cerr << warnings << std::flush;
    }
    if (!status.ok()) {
      std::string message(status.message());
      if (!message.empty() && message.back() == '\n') message.pop_back();
      WriteBytesField(kErrorField, message, out);
    }
    if (out.HadError()) return CouldNotWrite();
  }
  if (!raw.Close()) return CouldNotWrite();
  return 0;
}

}  // namespace cppsvc::plugin
