// Every user mistake is a `file:line:col: message` diagnostic naming the
// element; all of them are reported at once, sorted.
#include <string>

#include "gtest/gtest.h"
#include "plugin/model/builder.h"
#include "plugin/parameters.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

using ::cppsvc::testing::ProtoTree;

constexpr char kHeader[] = "syntax = \"proto3\";\nimport \"gen/svc/annotations.proto\";\n";

std::string Proto(const std::string& package, const std::string& body) {
  return std::string(kHeader) + "package " + package + ";\n" + body;
}

TEST(DiagnosticsTest, MissingCounterpartsAllReportedSorted) {
  ProtoTree tree;
  tree.Add("p/v1.proto", Proto("acme.p.v1", R"(message Person {
  string name = 1 [(gen.svc.field).delegate.name = "full_name"];
  string nick = 2;
}
message Lost {}
message Renamed { option (gen.svc.message).delegate.name = "Nowhere"; }
service People { rpc Get(Person) returns (Person); }
)"))
      .Add("p/v2.proto", Proto("acme.p.v2", R"(message Person { string other = 1; }
message Renamed {}
)"))
      .Add("p/private.proto", Proto("acme.p.private", "message Person {}\n"));
  EXPECT_EQ(
      tree.Diagnose(),
      "p/v1.proto:5:3: field acme.p.v1.Person.name: delegate \"full_name\" not found in "
      "acme.p.v2.Person\n"
      "p/v1.proto:6:3: field acme.p.v1.Person.nick: no field \"nick\" in acme.p.v2.Person (add "
      "one, or name the counterpart with a delegate)\n"
      "p/v1.proto:8:1: message acme.p.v1.Lost: no message \"Lost\" in acme.p.v2 (add one, or name "
      "the counterpart with a delegate)\n"
      "p/v1.proto:9:1: message acme.p.v1.Renamed: delegate \"Nowhere\" not found in acme.p.v2\n"
      "p/v1.proto:10:1: service acme.p.v1.People: no service \"People\" in acme.p.v2\n"
      "p/v2.proto:4:18: field acme.p.v2.Person.other: no field \"other\" in acme.p.private.Person "
      "(add one, or name the counterpart with a delegate)\n"
      "p/v2.proto:5:1: message acme.p.v2.Renamed: no message \"Renamed\" in acme.p.private (add "
      "one, or name the counterpart with a delegate)\n");
}

TEST(DiagnosticsTest, MethodsAndTheirMessages) {
  ProtoTree tree;
  tree.Add("m/v1.proto", Proto("acme.m.v1", R"(message A {} message B {}
service S {
  rpc Gone(A) returns (A);
  rpc Old(A) returns (A) { option (gen.svc.method) = { deprecated: true, delegate: { name: "Legacy" } }; }
  rpc Mixed(A) returns (B);
}
)"))
      .Add("m/private.proto", Proto("acme.m.private", R"(message A {} message B {}
service S { rpc Mixed(B) returns (B); }
)"));
  EXPECT_EQ(
      tree.Diagnose(),
      "m/v1.proto:6:3: method acme.m.v1.S.Gone: no method \"Gone\" in acme.m.private.S (add one, "
      "or name the counterpart with a delegate)\n"
      "m/v1.proto:7:3: method acme.m.v1.S.Old: delegate \"Legacy\" not found in acme.m.private.S\n"
      "m/v1.proto:8:3: method acme.m.v1.S.Mixed: request acme.m.v1.A maps to acme.m.private.A, but "
      "acme.m.private.S.Mixed takes acme.m.private.B\n");
}

TEST(DiagnosticsTest, IncompatibleFieldTypes) {
  ProtoTree tree;
  tree.Add("t/v1.proto", Proto("acme.t.v1", R"(message M {
  string age = 1;
  bytes blob = 2;
  repeated string tags = 3;
  N n = 4;
  map<string, int32> counts = 5;
  int32 widened = 6;
}
message N {}
message O {}
)"))
      .Add("t/private.proto", Proto("acme.t.private", R"(message M {
  int64 age = 1;
  string blob = 2;
  string tags = 3;
  O n = 4;
  map<string, string> counts = 5;
  sint32 widened = 6;
}
message N {}
message O {}
)"));
  EXPECT_EQ(tree.Diagnose(),
            "t/v1.proto:5:3: field acme.t.v1.M.age: type string does not match int64 of "
            "acme.t.private.M.age; convert it by hand with (gen.svc.message).converter.empty and "
            "an override\n"
            "t/v1.proto:6:3: field acme.t.v1.M.blob: type bytes does not match string of "
            "acme.t.private.M.blob; convert it by hand with (gen.svc.message).converter.empty and "
            "an override\n"
            "t/v1.proto:7:3: field acme.t.v1.M.tags: type repeated string does not match string of "
            "acme.t.private.M.tags; convert it by hand with (gen.svc.message).converter.empty and "
            "an override\n"
            "t/v1.proto:8:3: field acme.t.v1.M.n: type acme.t.v1.N does not match acme.t.private.O "
            "of acme.t.private.M.n (acme.t.v1.N maps to acme.t.private.N); convert it by hand with "
            "(gen.svc.message).converter.empty and an override\n"
            "t/v1.proto:9:3: field acme.t.v1.M.counts: type map<string, int32> does not match "
            "map<string, string> of acme.t.private.M.counts; convert it by hand with "
            "(gen.svc.message).converter.empty and an override\n");
}

// A message type from another domain converts only through that domain's own
// chain. Where there is none, or it is not in this run, the field is an error
// that names the dependency; before, the first case emitted a call to a
// converter that does not exist (a compile error in the generated code).
TEST(DiagnosticsTest, CrossDomainTypeWithoutAChainToConvertThrough) {
  ProtoTree tree;
  tree.Add("common/v1.proto", Proto("acme.common.v1", "message Money { int64 units = 1; }\n"))
      .Add("finance/v1.proto", Proto("acme.finance.v1", "message Money { int64 units = 1; }\n"))
      .Add("p/v1.proto",
           "syntax = \"proto3\";\nimport \"common/v1.proto\";\n"
           "package acme.p.v1;\nmessage M { acme.common.v1.Money salary = 1; }\n")
      .Add("p/v2.proto",
           "syntax = \"proto3\";\nimport \"finance/v1.proto\";\n"
           "package acme.p.v2;\nmessage M { acme.finance.v1.Money salary = 1; }\n");
  EXPECT_EQ(tree.Diagnose(),
            "p/v1.proto:4:13: field acme.p.v1.M.salary: type acme.common.v1.Money does not match "
            "acme.finance.v1.Money of acme.p.v2.M.salary (package acme.common.v1 has no next "
            "version to convert acme.common.v1.Money through); convert it by hand with "
            "(gen.svc.message).converter.empty and an override\n");
}

TEST(DiagnosticsTest, CrossDomainTypeImportedButNotGeneratedNamesTheFileToGenerate) {
  ProtoTree tree;
  tree.AddImported(
          "common/v1.proto",
          "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Money { int64 units = 1; }\n")
      .AddImported(
          "common/v2.proto",
          "syntax = \"proto3\";\npackage acme.common.v2;\nmessage Money { int64 units = 1; }\n")
      .Add("p/v1.proto",
           "syntax = \"proto3\";\nimport \"common/v1.proto\";\n"
           "package acme.p.v1;\nmessage M { acme.common.v1.Money salary = 1; }\n")
      .Add("p/v2.proto",
           "syntax = \"proto3\";\nimport \"common/v2.proto\";\n"
           "package acme.p.v2;\nmessage M { acme.common.v2.Money salary = 1; }\n");
  EXPECT_EQ(tree.Diagnose(),
            "p/v1.proto:4:13: field acme.p.v1.M.salary: type acme.common.v1.Money does not match "
            "acme.common.v2.Money of acme.p.v2.M.salary (acme.common.v1.Money is imported, not "
            "generated in this run, so no converter of it is known; generate common/v1.proto in "
            "the same run as this file to convert it through its own chain); convert it by hand "
            "with (gen.svc.message).converter.empty and an override\n");
  // Generated in the same run, the two are one chain and the field converts.
  ProtoTree together;
  together
      .Add("common/v1.proto",
           "syntax = \"proto3\";\npackage acme.common.v1;\nmessage Money { int64 units = 1; }\n")
      .Add("common/v2.proto",
           "syntax = \"proto3\";\npackage acme.common.v2;\nmessage Money { int64 units = 1; }\n")
      .Add("p/v1.proto",
           "syntax = \"proto3\";\nimport \"common/v1.proto\";\n"
           "package acme.p.v1;\nmessage M { acme.common.v1.Money salary = 1; }\n")
      .Add("p/v2.proto",
           "syntax = \"proto3\";\nimport \"common/v2.proto\";\n"
           "package acme.p.v2;\nmessage M { acme.common.v2.Money salary = 1; }\n");
  EXPECT_EQ(together.Diagnose(), "");
}

TEST(DiagnosticsTest, ConverterEmptyAllowsAnyTypes) {
  ProtoTree tree;
  tree.Add("t/v1.proto", Proto("acme.t.v1", R"(message M {
  option (gen.svc.message).converter.empty = true;
  string age = 1;
}
)"))
      .Add("t/private.proto", Proto("acme.t.private", "message M { int64 age = 1; }\n"));
  EXPECT_EQ(tree.Diagnose(), "");
}

TEST(DiagnosticsTest, EnumValues) {
  ProtoTree tree;
  tree.Add("e/v1.proto", Proto("acme.e.v1", R"(enum Color {
  NONE = 0;
  RED = 1 [(gen.svc.enum_value).delegate.name = "CRIMSON"];
  BLUE = 2 [(gen.svc.enum_value).receive = { names: ["NAVY", "TEAL"] }];
  CYAN = 3 [(gen.svc.enum_value).receive.name = "TEAL"];
  GREEN = 4;
}
message M { Color color = 1; }
)"))
      .Add(
          "e/private.proto",
          Proto("acme.e.private", R"(enum Color { NONE = 0; RED = 1; BLUE = 2; TEAL = 3; CYAN = 4; }
message M { Color color = 1; }
)"));
  EXPECT_EQ(tree.Diagnose(),
            "e/v1.proto:6:3: enum value acme.e.v1.Color.RED: delegate \"CRIMSON\" not found in "
            "acme.e.private.Color\n"
            "e/v1.proto:7:3: enum value acme.e.v1.Color.BLUE: receives \"NAVY\", which is not a "
            "value of acme.e.private.Color\n"
            "e/v1.proto:8:3: enum value acme.e.v1.Color.CYAN: receives acme.e.private.Color.TEAL, "
            "which BLUE receives already; each counterpart value maps back to one value\n"
            "e/v1.proto:9:3: enum value acme.e.v1.Color.GREEN: no value \"GREEN\" in "
            "acme.e.private.Color\n");
}

TEST(DiagnosticsTest, RulesThatDoNotFitTheirField) {
  ProtoTree tree;
  tree.Add("r/v1.proto", Proto("acme.r.v1", R"(enum E { E0 = 0; E1 = 1; }
message N {}
message M {
  bool flag = 1 [(gen.svc.field).validate.min.int64 = 1];
  int64 count = 2 [(gen.svc.field).validate.is = UUID];
  int32 small = 3 [(gen.svc.field).validate = { in: ["1", "x", "3000000000"] }];
  uint64 big = 4 [(gen.svc.field).validate.min.int64 = -1];
  E e = 5 [(gen.svc.field).validate = { in: ["E1", "E2"] }];
  N n = 6 [(gen.svc.field).validate = { in: ["x"] }];
  string s = 7 [(gen.svc.field).validate.min.double = 1.5];
  int64 range = 8 [(gen.svc.field).validate = { min: { int64: 5 }, max: { int64: 1 } }];
  bool b = 9 [(gen.svc.field).validate = { in: ["yes"] }];
  bytes raw = 10 [(gen.svc.field).validate.max.int64 = 3];
}
)"));
  EXPECT_EQ(
      tree.Diagnose(),
      "r/v1.proto:7:3: field acme.r.v1.M.flag: \"min\" does not apply to bool fields\n"
      "r/v1.proto:8:3: field acme.r.v1.M.count: \"is: UUID\" applies to string and bytes fields, "
      "not int64\n"
      "r/v1.proto:9:3: field acme.r.v1.M.small: \"in\" value \"3000000000\" is not a valid int32\n"
      "r/v1.proto:9:3: field acme.r.v1.M.small: \"in\" value \"x\" is not a valid int32\n"
      "r/v1.proto:10:3: field acme.r.v1.M.big: \"min\" on a uint64 field cannot be negative\n"
      "r/v1.proto:11:3: field acme.r.v1.M.e: \"in\" value \"E2\" is not a value of acme.r.v1.E\n"
      "r/v1.proto:12:3: field acme.r.v1.M.n: \"in\" does not apply to message fields\n"
      "r/v1.proto:13:3: field acme.r.v1.M.s: \"min\" on a string field needs an integer (int64 or "
      "uint64), not a double\n"
      "r/v1.proto:14:3: field acme.r.v1.M.range: \"min\" is greater than \"max\": no value can "
      "pass\n"
      "r/v1.proto:15:3: field acme.r.v1.M.b: \"in\" value \"yes\" is not a valid bool\n"
      "r/v1.proto:16:3: field acme.r.v1.M.raw: \"max\" does not apply to bytes fields\n");
}

// In a chain without a private package a deprecated field is dropped on the
// way to the next version (events upcast lossily): not an error.
TEST(DiagnosticsTest, DeprecatedFieldWithoutPrivateIsDroppedAndReservedNamespace) {
  ProtoTree tree;
  tree.Add("s/v1.proto", Proto("acme.s.v1", R"(message M {
  string old = 1 [(gen.svc.field).deprecated = true];
}
message svc {}
)"))
      .Add("s/v2.proto", Proto("acme.s.v2", "message M {}\nmessage svc {}\n"));
  EXPECT_EQ(tree.Diagnose(),
            "s/v1.proto:7:1: message acme.s.v1.svc: the name \"svc\" is reserved at package level "
            "for the namespace of generated code; rename it\n"
            "s/v2.proto:5:1: message acme.s.v2.svc: the name \"svc\" is reserved at package level "
            "for the namespace of generated code; rename it\n");
}

TEST(DiagnosticsTest, OneofsAndTheirMembers) {
  ProtoTree tree;
  tree.Add("o/v1.proto", Proto("acme.o.v1", R"(message A {} message B {}
message M {
  oneof kind { A a = 1; B b = 2; string text = 3; }
  oneof gone { int32 x = 4; }
}
)"))
      .Add("o/private.proto", Proto("acme.o.private", R"(message A {} message B {}
message M {
  oneof kind { A a = 1; string words = 3; }
  int32 x = 4;
}
)"));
  EXPECT_EQ(tree.Diagnose(),
            "o/v1.proto:6:25: oneof member acme.o.v1.M.b: no member \"b\" nor one of the "
            "counterpart type in oneof acme.o.private.M.kind\n"
            "o/v1.proto:6:34: oneof member acme.o.v1.M.text: no member \"text\" in oneof "
            "acme.o.private.M.kind\n"
            "o/v1.proto:7:3: oneof acme.o.v1.M.gone: no oneof \"gone\" in acme.o.private.M (add "
            "one, or name the counterpart with a delegate)\n");
}

// An enum from an imported file that is not generated (acme.common) maps
// onto private's own enum by value name; its problems are reported at the
// field, in the file being generated. The same enum on both sides needs no
// mapping.
TEST(DiagnosticsTest, ImportedEnumNotGenerated) {
  ProtoTree tree;
  tree.Add("e/common.proto", Proto("acme.common", R"(enum Currency {
  CURRENCY_UNSPECIFIED = 0;
  CURRENCY_EUR = 1 [(gen.svc.enum_value).delegate.name = "EURO"];
}
)"))
      .Add("e/v1.proto", std::string(kHeader) + R"(package acme.e.v1;
import "e/common.proto";
message Price {
  acme.common.Currency currency = 1;
  acme.common.Currency same = 2;
}
)")
      .Add("e/private.proto", std::string(kHeader) + R"(package acme.e.private;
import "e/common.proto";
enum Currency { CURRENCY_UNSPECIFIED = 0; EUR = 1; }
message Price {
  Currency currency = 1;
  acme.common.Currency same = 2;
}
)");
  const std::vector<const pb::FileDescriptor*> files = tree.Load({"e/v1.proto", "e/private.proto"});
  ASSERT_EQ(tree.errors(), "");
  ASSERT_EQ(files.size(), 2u);
  Diagnostics diagnostics;
  BuildModel(files, *ParseParameters(""), diagnostics);
  EXPECT_EQ(diagnostics.Render(),
            "e/v1.proto:6:3: field acme.e.v1.Price.currency: enum value "
            "acme.common.Currency.CURRENCY_EUR: delegate \"EURO\" not found in "
            "acme.e.private.Currency\n");
}

// A named delegate that matches nothing is reported (never matched by type
// instead), and two members of the wanted type are ambiguous.
TEST(DiagnosticsTest, OneofMemberDelegateTypoAndAmbiguousType) {
  ProtoTree tree;
  tree.Add("d/v1.proto", Proto("acme.d.v1", R"(message Cycling {} message Running {}
message Activity {
  oneof kind {
    Cycling cycling = 1 [(gen.svc.field).delegate.name = "cyclng"];
    Running running = 2;
  }
}
)"))
      .Add("d/private.proto", Proto("acme.d.private", R"(message Cycling {} message Running {}
message Activity {
  oneof kind { Cycling cycling = 1; Running run = 2; Running jog = 3; }
}
)"));
  EXPECT_EQ(tree.Diagnose(),
            "d/v1.proto:7:5: oneof member acme.d.v1.Activity.cycling: delegate \"cyclng\" not "
            "found in oneof acme.d.private.Activity.kind\n"
            "d/v1.proto:8:5: oneof member acme.d.v1.Activity.running: no member \"running\" in "
            "oneof acme.d.private.Activity.kind, and members run, jog all have type "
            "acme.d.private.Running; name the counterpart with a delegate\n");
}

// Services generate classes only in a domain with a private package:
// elsewhere their names and streaming RPCs are not checked.
TEST(DiagnosticsTest, ServicesWithoutAChainAreNotChecked) {
  ProtoTree tree;
  tree.Add("n/v1.proto", Proto("acme.n.v1", R"(message A {}
service Version {
  rpc Version(A) returns (A);
  rpc Watch(A) returns (stream A);
}
)"))
      .Add("n/tools.proto", Proto("acme.tools", R"(message A {}
service Validator {
  rpc Validator(A) returns (A);
  rpc converter_(stream A) returns (A);
}
service ValidatorChain { rpc Run(A) returns (A); }
)"));
  EXPECT_EQ(tree.Diagnose(), "");
}

// In a chain, streaming RPCs are left out with one warning per service; a
// unary RPC cannot map onto a streaming one; names are checked for unary
// RPCs only.
TEST(DiagnosticsTest, StreamingRpcsInAChain) {
  ProtoTree tree;
  tree.Add("t/v1.proto", Proto("acme.t.v1", R"(message A {}
service S {
  rpc Get(A) returns (A);
  rpc Watch(A) returns (stream A);
  rpc Upload(stream A) returns (A);
  rpc S(stream A) returns (stream A);
  rpc Tail(A) returns (A);
}
)"))
      .Add("t/private.proto", Proto("acme.t.private", R"(message A {}
service S {
  rpc Get(A) returns (A);
  rpc Tail(A) returns (stream A);
}
)"));
  EXPECT_EQ(tree.Diagnose(),
            "t/v1.proto:10:3: method acme.t.v1.S.Tail: maps to acme.t.private.S.Tail, a streaming "
            "RPC, which the service chain does not serve; make both unary, or both streaming\n");
  EXPECT_EQ(tree.Warnings(),
            "t/private.proto:5:1: warning: service acme.t.private.S: streaming RPC Tail is left "
            "out of the service chain, which serves unary RPCs only\n"
            "t/v1.proto:5:1: warning: service acme.t.v1.S: streaming RPCs Watch, Upload, S are "
            "left out of the service chain, which serves unary RPCs only; the gRPC binding answers "
            "them UNIMPLEMENTED (override them in a subclass of the binding to serve them)\n");
}

// buf accepts v1 and v01 alike: one version, which cannot appear twice.
TEST(DiagnosticsTest, TwoSpellingsOfOneVersion) {
  ProtoTree tree;
  tree.Add("w/v1.proto", Proto("acme.w.v1", "message M {}\n"))
      .Add("w/v01.proto", Proto("acme.w.v01", "message M {}\n"));
  EXPECT_EQ(tree.Diagnose(),
            "w/v1.proto:3:1: package acme.w.v1: version v1 is the same version as package "
            "acme.w.v01; rename one of them\n");
}

TEST(DiagnosticsTest, ConflictingDelegates) {
  ProtoTree tree;
  tree.Add("c/v1.proto", Proto("acme.c.v1", R"(message M {
  string a = 1 [(gen.svc.field).delegate.name = "x"];
  string b = 2 [(gen.svc.field).delegate.name = "x"];
  string x = 3 [(gen.svc.field).deprecated = true];
}
)"))
      .Add("c/private.proto", Proto("acme.c.private", "message M { string x = 1; }\n"));
  EXPECT_EQ(tree.Diagnose(),
            "c/v1.proto:6:3: field acme.c.v1.M.b: maps to acme.c.private.M.x, as field a does; two "
            "fields cannot share a counterpart\n"
            "c/v1.proto:7:3: field acme.c.v1.M.x: maps to acme.c.private.M.x, as field a does; two "
            "fields cannot share a counterpart\n");
}

// Streaming RPCs are warnings (StreamingRpcsInAChain), not errors.
TEST(DiagnosticsTest, StreamingAndDeprecatedTypes) {
  ProtoTree tree;
  tree.Add("x/v1.proto",
           Proto("acme.x.v1", R"(message Old { option (gen.svc.message).deprecated = true; }
message M { Old old = 1; }
service S { rpc Watch(M) returns (stream M); }
)"))
      .Add("x/v2.proto", Proto("acme.x.v2", R"(message M { int32 old = 1; }
service S { rpc Watch(M) returns (stream M); }
)"))
      .Add("x/private.proto", Proto("acme.x.private", R"(message Old {} message M { int32 old = 1; }
service S { rpc Watch(M) returns (stream M); }
)"));
  EXPECT_EQ(tree.Diagnose(),
            "x/v1.proto:5:13: field acme.x.v1.M.old: its type acme.x.v1.Old is deprecated (it maps "
            "to private only), so the field must be deprecated too\n");
}

TEST(DiagnosticsTest, MethodConverterEmptyAllowsDifferentShapes) {
  ProtoTree tree;
  tree.Add("y/v1.proto", Proto("acme.y.v1", R"(message Req { string q = 1; }
service S { rpc Find(Req) returns (Req) { option (gen.svc.method).converter.empty = true; } }
)"))
      .Add("y/private.proto", Proto("acme.y.private", R"(message Req { int64 q = 1; }
service S { rpc Find(Req) returns (Req); }
)"));
  EXPECT_EQ(tree.Diagnose(), "");
}

// docs/reference/diagnostics-and-parameters.md, with lint=error (lint=warn reports the same as
// warnings).
TEST(LayoutLintTest, EveryRule) {
  ProtoTree tree;
  tree.Add("acme/people/v1/People.proto",
           "syntax = \"proto3\";\npackage acme.people.v2;\nimport \"acme/common/types.proto\";\n"
           "import \"google/protobuf/empty.proto\";\nmessage M { acme.common.T t = 1; }\n")
      .Add("acme/common/types.proto", "syntax = \"proto3\";\npackage acme.common;\nmessage T {}\n")
      .Add("other/v1/fine_name.proto", "syntax = \"proto3\";\npackage other.v1;\nmessage N {}\n");
  EXPECT_EQ(tree.Diagnose("lint=error,lint_prefix=acme,lint_self_contained=true"),
            "acme/common/types.proto:2:1: layout: package acme.common should end in a version (v1, "
            "v2beta1, v20240101) or \"private\"\n"
            "acme/people/v1/People.proto:1:1: layout: file name \"People.proto\" is not "
            "lower_snake_case\n"
            "acme/people/v1/People.proto:2:1: layout: package acme.people.v2 does not match its "
            "directory \"acme/people/v1/\" (expected package acme.people.v1)\n"
            "acme/people/v1/People.proto:3:1: layout: import \"acme/common/types.proto\": files "
            "must be self-contained (lint_self_contained=true); only google/protobuf/ and the "
            "plugin's protos may be imported\n"
            "other/v1/fine_name.proto:2:1: layout: package other.v1 does not start with the "
            "organisation prefix \"acme.\"\n");
  EXPECT_EQ(tree.Diagnose("lint=warn"), "");
  EXPECT_EQ(tree.Warnings("lint=warn"),
            "acme/common/types.proto:2:1: warning: layout: package acme.common should end in a "
            "version (v1, v2beta1, v20240101) or \"private\"\n"
            "acme/people/v1/People.proto:1:1: warning: layout: file name \"People.proto\" is not "
            "lower_snake_case\n"
            "acme/people/v1/People.proto:2:1: warning: layout: package acme.people.v2 does not "
            "match its directory \"acme/people/v1/\" (expected package acme.people.v1)\n");
  EXPECT_EQ(tree.Diagnose(), "");  // lint is off by default
  EXPECT_EQ(tree.Warnings(), "");
}

TEST(LayoutLintTest, TheExampleTreeFollowsTheConvention) {
  ProtoTree tree;
  auto files = tree.Load({"acme/people/v1/people.proto", "acme/people/v2/people.proto",
                          "acme/people/private/people.proto"});
  ASSERT_EQ(tree.errors(), "");
  auto parameters = ParseParameters("lint=error,lint_prefix=acme,lint_self_contained=true");
  Diagnostics diagnostics;
  BuildModel(files, *parameters, diagnostics);
  EXPECT_EQ(diagnostics.Render(), "");
  EXPECT_EQ(diagnostics.Render(true), "");
}

// buf's default strategy hands each directory to the plugin on its own.
TEST(SplitChainTest, PiecesOfAChainAreWarnedAbout) {
  const std::string body = "message M {}\nservice S { rpc Do(M) returns (M); }\n";
  ProtoTree private_alone;
  private_alone.Add("s/private.proto", Proto("acme.s.private", body));
  EXPECT_EQ(private_alone.Diagnose(), "");
  EXPECT_EQ(private_alone.Warnings(),
            "s/private.proto: warning: domain acme.s: the private package acme.s.private has "
            "services, but no public version is in this request, so nothing serves them\n"
            "note: a service chain is generated when a domain's public versions and its private "
            "package are in one request: with buf, set `strategy: all` on this plugin in "
            "buf.gen.yaml (buf's default strategy runs it once per directory); with protoc, name "
            "all their files in one run. The parameter warnings=off silences warnings.\n");
  ProtoTree version_alone;
  version_alone.Add("s/v1.proto", Proto("acme.s.v1", body));
  EXPECT_EQ(version_alone.Diagnose(), "");
  EXPECT_EQ(version_alone.Warnings(),
            "s/v1.proto: warning: domain acme.s: acme.s.v1 has services, but no private package is "
            "in this request, so no service chain is generated\n"
            "note: a service chain is generated when a domain's public versions and its private "
            "package are in one request: with buf, set `strategy: all` on this plugin in "
            "buf.gen.yaml (buf's default strategy runs it once per directory); with protoc, name "
            "all their files in one run. The parameter warnings=off silences warnings.\n");
  ProtoTree whole;
  whole.Add("s/v1.proto", Proto("acme.s.v1", body))
      .Add("s/private.proto", Proto("acme.s.private", body));
  EXPECT_EQ(whole.Warnings(), "");
  ProtoTree events;  // schema-only chains without services are fine
  events.Add("e/v1.proto", Proto("acme.e.v1", "message Created {}\n"));
  EXPECT_EQ(events.Warnings(), "");
}

TEST(DiagnosticsTest, UnknownPrivatePackageParameter) {
  ProtoTree tree;
  tree.Add("u/v1.proto", Proto("acme.u.v1", "message M {}\n"));
  EXPECT_EQ(tree.Diagnose("private_package=acme.u.internal"),
            "u/v1.proto: parameter private_package: package \"acme.u.internal\" is not among the "
            "files being generated\n");
}

}  // namespace
}  // namespace cppsvc::plugin
