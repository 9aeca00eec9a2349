// The plugin builds descriptors without their SourceCodeInfo and finds
// locations through SourceLocations and LocationPath instead: every element
// must get exactly the location protobuf's own GetSourceLocation gives.
#include "plugin/model/source_locations.h"

#include <string>

#include "gtest/gtest.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

namespace pb = ::google::protobuf;

class SourceLocationsTest : public ::testing::Test {
 protected:
  // Compares the location of `element` (built with source info) with what
  // SourceLocations finds for its path.
  template <typename Descriptor>
  void ExpectSameLocation(const Descriptor* element) {
    pb::SourceLocation expected;
    const bool known = element->GetSourceLocation(&expected);
    int line = -1;
    int column = -1;
    // Elements protoc makes up (a map's entry, a proto3 optional's oneof)
    // have no location either way.
    ASSERT_EQ(locations_.Find(std::string(element->file()->name()), LocationPath(element), &line,
                              &column),
              known)
        << element->full_name();
    if (!known) return;
    EXPECT_EQ(line, expected.start_line) << element->full_name();
    EXPECT_EQ(column, expected.start_column) << element->full_name();
    ++checked_;
  }

  void ExpectMessage(const pb::Descriptor* message) {
    ExpectSameLocation(message);
    for (int i = 0; i < message->field_count(); ++i) ExpectSameLocation(message->field(i));
    for (int i = 0; i < message->oneof_decl_count(); ++i) {
      ExpectSameLocation(message->oneof_decl(i));
    }
    for (int i = 0; i < message->extension_count(); ++i) {
      ExpectSameLocation(message->extension(i));
    }
    for (int i = 0; i < message->enum_type_count(); ++i) ExpectEnum(message->enum_type(i));
    for (int i = 0; i < message->nested_type_count(); ++i) ExpectMessage(message->nested_type(i));
  }

  void ExpectEnum(const pb::EnumDescriptor* enumeration) {
    ExpectSameLocation(enumeration);
    for (int i = 0; i < enumeration->value_count(); ++i) ExpectSameLocation(enumeration->value(i));
  }

  SourceLocations locations_;
  int checked_ = 0;
};

TEST_F(SourceLocationsTest, EveryElementIsWhereProtobufSaysItIs) {
  testing::ProtoTree tree;
  tree.Add("a/b.proto", R"(syntax = "proto3";
package a.b;
import "google/protobuf/descriptor.proto";

message Outer {
  message Inner {
    enum Mode { MODE_UNSPECIFIED = 0; MODE_ON = 1; }
    Mode mode = 1;
    repeated Inner children = 2;
  }
  string name = 1;
    Inner inner = 2;   // odd indentation on purpose
  oneof choice {
    int64 number = 3;
    string text = 4;
  }
  map<string, Inner> by_name = 5;
  optional int32 maybe = 6;
  extend google.protobuf.FieldOptions { string note = 50001; }
}

enum Top { TOP_UNSPECIFIED = 0; TOP_ONE = 1; }

extend google.protobuf.MessageOptions { int32 weight = 50002; }

service Things {
  rpc Get(Outer) returns (Outer);
  rpc List(Outer.Inner) returns (Outer);
}
)");
  std::vector<const pb::FileDescriptor*> files = tree.Load({"a/b.proto"});
  ASSERT_EQ(tree.errors(), "");
  ASSERT_EQ(files.size(), 1u);
  const pb::FileDescriptor* file = files[0];
  pb::FileDescriptorProto proto;
  file->CopySourceCodeInfoTo(&proto);
  locations_.Add(std::string(file->name()), proto.source_code_info());

  for (int i = 0; i < file->message_type_count(); ++i) ExpectMessage(file->message_type(i));
  for (int i = 0; i < file->enum_type_count(); ++i) ExpectEnum(file->enum_type(i));
  for (int i = 0; i < file->extension_count(); ++i) ExpectSameLocation(file->extension(i));
  for (int i = 0; i < file->service_count(); ++i) {
    ExpectSameLocation(file->service(i));
    for (int j = 0; j < file->service(i)->method_count(); ++j) {
      ExpectSameLocation(file->service(i)->method(j));
    }
  }
  EXPECT_EQ(checked_, 22);  // every element written in the file
}

TEST_F(SourceLocationsTest, UnknownFilesAndPathsAreNotFound) {
  int line = 0;
  int column = 0;
  EXPECT_FALSE(locations_.Find("nowhere.proto", {4, 0}, &line, &column));
  locations_.Add("empty.proto", pb::SourceCodeInfo());
  EXPECT_FALSE(locations_.Find("empty.proto", {4, 0}, &line, &column));
}

}  // namespace
}  // namespace cppsvc::plugin
