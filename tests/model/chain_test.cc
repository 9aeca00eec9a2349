// The chain model: domains, version order, private packages and counterparts.
#include <string>

#include "gtest/gtest.h"
#include "plugin/model/model.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

using ::cppsvc::testing::ProtoTree;

std::string Proto(const std::string& package, const std::string& body) {
  return "syntax = \"proto3\";\npackage " + package + ";\nimport \"gen/svc/annotations.proto\";\n" +
         body;
}

std::vector<std::string> VersionNames(const Domain& domain) {
  std::vector<std::string> names;
  for (const Package* package : domain.versions) names.push_back(package->name);
  return names;
}

TEST(ChainTest, OrdersVersionsNumericallyAndLinksThem) {
  ProtoTree tree;
  for (const char* v : {"v10", "v9", "v2"}) {
    tree.Add(std::string("a/") + v + ".proto",
             Proto(std::string("acme.x.") + v, "message M { string s = 1; }"));
  }
  tree.Add("a/private.proto", Proto("acme.x.private", "message M { string s = 1; }"));
  auto model = tree.Build();
  ASSERT_EQ(model->domains().size(), 1u);
  const Domain& domain = *model->domains()[0];
  EXPECT_EQ(domain.name, "acme.x");
  EXPECT_EQ(VersionNames(domain),
            (std::vector<std::string>{"acme.x.v2", "acme.x.v9", "acme.x.v10"}));
  EXPECT_EQ(domain.private_package->name, "acme.x.private");
  EXPECT_EQ(model->FindPackage("acme.x.v2")->next->name, "acme.x.v9");
  EXPECT_EQ(model->FindPackage("acme.x.v9")->next->name, "acme.x.v10");
  EXPECT_TRUE(model->FindPackage("acme.x.v10")->latest);
  EXPECT_FALSE(model->FindPackage("acme.x.v9")->latest);
}

TEST(ChainTest, PrivatePackageByParameterAndSeveralDomains) {
  ProtoTree tree;
  tree.Add("a/v1.proto", Proto("acme.a.v1", "message M {}"))
      .Add("a/internal.proto", Proto("acme.a.internal", "message M {}"))
      .Add("b/v1.proto", Proto("acme.b.v1", "message N {}"))
      .Add("b/private.proto", Proto("acme.b.private", "message N {}"))
      .Add("common.proto", Proto("acme.common", "message Shared {}"));
  auto model = tree.Build("private_package=acme.a.internal");
  ASSERT_EQ(model->domains().size(), 2u);
  EXPECT_EQ(model->domains()[0]->private_package->name, "acme.a.internal");
  EXPECT_EQ(model->domains()[1]->private_package->name, "acme.b.private");
  EXPECT_EQ(model->FindPackage("acme.common")->role, PackageRole::kStandalone);
  EXPECT_EQ(model->FindPackage("acme.common")->domain, nullptr);
}

TEST(ChainTest, SchemaOnlyChainHasNoPrivateAndLatestMapsNowhere) {
  ProtoTree tree;
  tree.Add("e/v1.proto", Proto("acme.events.v1", "message Created { string id = 1; }"))
      .Add("e/v2.proto", Proto("acme.events.v2", "message Created { string id = 1; }"));
  auto model = tree.Build();
  const Domain& domain = *model->domains()[0];
  EXPECT_EQ(domain.private_package, nullptr);
  const MessageModel* v1 = model->FindPackage("acme.events.v1")->messages[0];
  const MessageModel* v2 = model->FindPackage("acme.events.v2")->messages[0];
  EXPECT_EQ(v1->next, v2->descriptor);
  EXPECT_EQ(v1->private_counterpart, nullptr);
  EXPECT_EQ(v2->next, nullptr);
}

TEST(ChainTest, ServicesMatchByNameAndPackagesMayHaveNone) {
  ProtoTree tree;
  const char* services = R"(
    message Req {} message Res {}
    service Alpha { rpc Do(Req) returns (Res); }
    service Beta { rpc Do(Req) returns (Res); }
  )";
  tree.Add("s/v1.proto", Proto("acme.s.v1", services))
      .Add("s/private.proto", Proto("acme.s.private", services))
      .Add("t/v1.proto", Proto("acme.t.v1", "message OnlyTypes {}"))
      .Add("t/private.proto", Proto("acme.t.private", "message OnlyTypes {}"));
  auto model = tree.Build();
  const Package& v1 = *model->FindPackage("acme.s.v1");
  ASSERT_EQ(v1.services.size(), 2u);
  EXPECT_EQ(v1.services[0]->private_counterpart->full_name(), "acme.s.private.Alpha");
  EXPECT_EQ(v1.services[1]->private_counterpart->full_name(), "acme.s.private.Beta");
  EXPECT_EQ(v1.services[1]->methods[0].private_counterpart->full_name(), "acme.s.private.Beta.Do");
  EXPECT_TRUE(model->FindPackage("acme.t.v1")->services.empty());
}

TEST(ChainTest, RenamesResolveTransitivelyAcrossHops) {
  ProtoTree tree;
  tree.Add("r/v1.proto", Proto("acme.r.v1", R"(
        message M { string foo = 1 [(gen.svc.field).delegate.name = "bar"]; })"))
      .Add("r/v2.proto", Proto("acme.r.v2", R"(
        message M { string bar = 1 [(gen.svc.field).delegate.name = "baz"]; })"))
      .Add("r/private.proto", Proto("acme.r.private", "message M { string baz = 1; }"));
  auto model = tree.Build();
  const FieldModel& foo = model->FindPackage("acme.r.v1")->messages[0]->fields[0];
  EXPECT_EQ(foo.next->full_name(), "acme.r.v2.M.bar");
  EXPECT_EQ(foo.private_counterpart->full_name(), "acme.r.private.M.baz");
}

// The example tree, which shows each kind of evolution the chain supports.
class ExampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    files_ = tree_.Load({"acme/people/v1/people.proto", "acme/people/v2/people.proto",
                         "acme/people/private/people.proto"});
    ASSERT_EQ(tree_.errors(), "");
    Diagnostics diagnostics;
    model_ = BuildModel(files_, Parameters(), diagnostics);
    ASSERT_EQ(diagnostics.Render(), "");
  }
  const MessageModel& Message(const std::string& full_name) {
    const auto* descriptor = files_[0]->pool()->FindMessageTypeByName(full_name);
    return *model_->Find(descriptor);
  }
  const FieldModel& Field(const std::string& message, const std::string& field) {
    const MessageModel& model = Message(message);
    return *model.FindField(model.descriptor->FindFieldByName(field));
  }
  const MethodModel& Method(const std::string& package, const std::string& name) {
    for (const MethodModel& method : model_->FindPackage(package)->services[0]->methods) {
      if (method.descriptor->name() == name) return method;
    }
    ADD_FAILURE() << name;
    return model_->FindPackage(package)->services[0]->methods[0];
  }

  ProtoTree tree_;
  std::vector<const pb::FileDescriptor*> files_;
  std::unique_ptr<const Model> model_;
};

TEST_F(ExampleTest, DeprecatedFieldsGoStraightToPrivate) {
  const FieldModel& first_name = Field("acme.people.v1.Person", "first_name");
  EXPECT_TRUE(first_name.deprecated);
  EXPECT_EQ(first_name.next, nullptr);
  EXPECT_EQ(first_name.private_counterpart->full_name(), "acme.people.private.Person.first_name");
}

TEST_F(ExampleTest, RenamedMessageInAOneof) {
  EXPECT_EQ(Message("acme.people.v1.Biking").next->full_name(), "acme.people.v2.Cycling");
  EXPECT_EQ(Message("acme.people.v1.Biking").private_counterpart->full_name(),
            "acme.people.private.Cycling");
  const FieldModel& biking = Field("acme.people.v1.Hobby", "biking");
  EXPECT_EQ(biking.next->full_name(), "acme.people.v2.Hobby.cycling");
  EXPECT_EQ(biking.private_counterpart->full_name(), "acme.people.private.Hobby.cycling");
}

TEST_F(ExampleTest, RenamedAndDeprecatedMethods) {
  const MethodModel& get = Method("acme.people.v1", "Get");
  EXPECT_EQ(get.next->full_name(), "acme.people.v2.People.Get");
  EXPECT_EQ(get.private_counterpart->full_name(), "acme.people.private.People.Fetch");
  const MethodModel& list = Method("acme.people.v1", "List");
  EXPECT_TRUE(list.deprecated);
  EXPECT_EQ(list.next, nullptr);
  EXPECT_EQ(list.private_counterpart->full_name(), "acme.people.private.People.List");
  const MethodModel& ping = Method("acme.people.v1", "Ping");
  EXPECT_EQ(ping.next->input_type()->full_name(), "acme.people.v2.PingRequest");
}

TEST_F(ExampleTest, EnumValueSplitMapsForwardAndManyToOneBack) {
  const FieldModel& employment = Field("acme.people.v1.Person", "employment");
  const EnumMapping* next = model_->NextMapping(employment.descriptor);
  ASSERT_NE(next, nullptr);
  // forward: UNSET, EMPLOYED, UNEMPLOYED -> UNSET, FULL_TIME, UNEMPLOYED
  EXPECT_EQ(next->forward[1]->name(), "FULL_TIME");
  EXPECT_EQ(next->forward[2]->name(), "UNEMPLOYED");
  std::map<std::string, std::string> back;
  for (const auto& [counterpart, value] : next->backward) {
    back[std::string(counterpart->name())] = value->name();
  }
  EXPECT_EQ(back, (std::map<std::string, std::string>{{"UNSET", "UNSET"},
                                                      {"FULL_TIME", "EMPLOYED"},
                                                      {"PART_TIME", "EMPLOYED"},
                                                      {"UNEMPLOYED", "UNEMPLOYED"}}));
  // To private, composed through v2: UNSET -> UNDEFINED, and private PART_TIME
  // still reads back as EMPLOYED.
  const EnumMapping* to_private = model_->PrivateMapping(employment.descriptor);
  ASSERT_NE(to_private, nullptr);
  EXPECT_EQ(to_private->forward[0]->name(), "UNDEFINED");
  EXPECT_EQ(to_private->forward[1]->name(), "FULL_TIME");
  std::map<std::string, std::string> private_back;
  for (const auto& [counterpart, value] : to_private->backward) {
    private_back[std::string(counterpart->name())] = value->name();
  }
  EXPECT_EQ(private_back, (std::map<std::string, std::string>{{"UNDEFINED", "UNSET"},
                                                              {"FULL_TIME", "EMPLOYED"},
                                                              {"PART_TIME", "EMPLOYED"},
                                                              {"UNEMPLOYED", "UNEMPLOYED"}}));
}

TEST_F(ExampleTest, ConversionsAreDecidedPerFieldAndDirection) {
  using Kind = ValueConversion::Kind;
  // A renamed enum split: mapped both ways, through the field's own mappings.
  const FieldModel& employment = Field("acme.people.v1.Person", "employment");
  ASSERT_TRUE(employment.conversions.to_next.has_value());
  EXPECT_EQ(employment.conversions.to_next->kind, Kind::kEnumMap);
  EXPECT_EQ(employment.conversions.to_next->mapping, model_->NextMapping(employment.descriptor));
  EXPECT_EQ(employment.conversions.from_private->mapping,
            model_->PrivateMapping(employment.descriptor));
  EXPECT_EQ(employment.conversions.from_next->source->full_name(),
            "acme.people.v2.Person.employment");
  EXPECT_EQ(employment.conversions.from_next->target, employment.descriptor);
  // A deprecated field: no next; back from next it is read from the private
  // message, which may be absent there.
  const FieldModel& first_name = Field("acme.people.v1.Person", "first_name");
  EXPECT_FALSE(first_name.conversions.to_next.has_value());
  EXPECT_EQ(first_name.conversions.to_private->kind, Kind::kCopy);
  ASSERT_TRUE(first_name.conversions.from_next.has_value());
  EXPECT_EQ(first_name.conversions.from_next->direction, Direction::kFromPrivate);
  EXPECT_TRUE(first_name.conversions.from_next->source_may_be_absent);
  EXPECT_FALSE(first_name.conversions.from_private->source_may_be_absent);
  // A message of the chain, renamed in a oneof: converted by its converter;
  // back from next, the nested ToPublic reads the private member too.
  const FieldModel& biking = Field("acme.people.v1.Hobby", "biking");
  EXPECT_EQ(biking.conversions.to_next->kind, Kind::kMessage);
  EXPECT_EQ(biking.conversions.to_next->message->full_name(), "acme.people.v1.Biking");
  EXPECT_EQ(biking.conversions.from_next->private_source->full_name(),
            "acme.people.private.Hobby.cycling");
  EXPECT_EQ(biking.conversions.from_private->private_source, nullptr);
  // Repeated messages, and the same well-known type on both sides (copied).
  const FieldModel& people = Field("acme.people.v1.ListResponse", "people");
  EXPECT_EQ(people.conversions.to_private->cardinality, ValueConversion::Cardinality::kRepeated);
  EXPECT_EQ(people.conversions.to_private->kind, Kind::kMessage);
  EXPECT_EQ(Field("acme.people.v1.Person", "created_at").conversions.to_next->kind, Kind::kCopy);
  // Oneofs convert to their counterpart oneof, the same way.
  const OneofModel& type = Message("acme.people.v1.Hobby").oneofs[0];
  EXPECT_EQ(type.conversions.to_next->target->full_name(), "acme.people.v2.Hobby.type");
  EXPECT_EQ(type.conversions.from_private->source->full_name(), "acme.people.private.Hobby.type");
}

TEST(ConversionTest, MessagesOfAnotherDomainConvertThroughItsConverter) {
  ProtoTree tree;
  for (const char* version : {"v1", "v2", "private"}) {
    const std::string v = version;
    tree.Add("o/" + v + ".proto", Proto("acme.o." + v, "message X { string s = 1; }"))
        .Add("c/" + v + ".proto", "syntax = \"proto3\";\npackage acme.c." + v +
                                      ";\nimport \"gen/svc/annotations.proto\";\nimport \"o/" + v +
                                      ".proto\";\nmessage M {\n  map<string, acme.o." + v +
                                      ".X> xs = 1;\n  repeated string tags = 2;\n}\n");
  }
  auto model = tree.Build();
  const MessageModel& m = *model->FindPackage("acme.c.v1")->messages[0];
  const ValueConversion& xs = *m.fields[0].conversions.to_next;
  EXPECT_EQ(xs.kind, ValueConversion::Kind::kMessageOtherDomain);
  EXPECT_EQ(xs.cardinality, ValueConversion::Cardinality::kMap);
  EXPECT_EQ(xs.message->full_name(), "acme.o.v1.X");
  EXPECT_EQ(m.fields[0].conversions.to_private->kind, ValueConversion::Kind::kMessageOtherDomain);
  const ValueConversion& tags = *m.fields[1].conversions.from_next;
  EXPECT_EQ(tags.kind, ValueConversion::Kind::kCopy);
  EXPECT_EQ(tags.cardinality, ValueConversion::Cardinality::kRepeated);
  EXPECT_EQ(tags.private_source, nullptr);  // only nested messages read it
}

TEST(ConversionTest, HandWrittenConvertersRecordNoConversions) {
  ProtoTree tree;
  tree.Add("h/v1.proto", Proto("acme.h.v1", R"(
        message M {
          option (gen.svc.message).converter.empty = true;
          string a = 1;
        })"))
      .Add("h/private.proto", Proto("acme.h.private", "message M { int64 a = 1; }"));
  auto model = tree.Build();
  const FieldModel& a = model->FindPackage("acme.h.v1")->messages[0]->fields[0];
  EXPECT_FALSE(a.conversions.to_private.has_value());
  EXPECT_FALSE(a.conversions.from_private.has_value());
}

TEST_F(ExampleTest, ValidationRulesAreParsedForTheirTypes) {
  const FieldModel& id = Field("acme.people.v1.CreateRequest", "id");
  EXPECT_TRUE(id.rules.required);
  EXPECT_EQ(id.rules.format, Format::kUuid);
  const FieldModel& page_size = Field("acme.people.v1.ListRequest", "page_size");
  ASSERT_TRUE(page_size.rules.max.has_value());
  EXPECT_EQ(page_size.rules.max->kind, Bound::Kind::kUint64);
  EXPECT_EQ(page_size.rules.max->uint64_value, 100u);
  const FieldModel& employment = Field("acme.people.private.CreateRequest", "employment");
  ASSERT_EQ(employment.rules.in.size(), 3u);
  EXPECT_EQ(employment.rules.in[0].enum_value->name(), "FULL_TIME");
  EXPECT_TRUE(Message("acme.people.v1.CreateRequest").has_rules);
  EXPECT_FALSE(Message("acme.people.v1.Coding").has_rules);
  // Reaches rules only through a nested message.
  EXPECT_TRUE(Message("acme.people.v2.BatchRequest").has_rules);
}

TEST(GoPluginCompatibilityTest, ProtosWrittenForTheGoPluginAreAccepted) {
  ProtoTree tree;
  const char* body = R"(
    option go_package = "example.com/gen/people/v1;people";
    option (gen.svc.go_package) = "example.com/gen/svc;svc";
    message Req {
      string region = 1 [(gen.svc.field).validate = { in: ["\"east\"", "\"west\""] }];
    }
    service S { rpc Do(Req) returns (Req); }
  )";
  tree.Add("g/v1.proto", Proto("example.v1", body))
      .Add("g/private.proto", Proto("example.private", body));
  auto model = tree.Build("private_package=example.private");
  const FieldModel& region = model->FindPackage("example.v1")->messages[0]->fields[0];
  ASSERT_EQ(region.rules.in.size(), 2u);
  EXPECT_EQ(region.rules.in[0].text, "east");  // Go-quoted values unquoted
}

}  // namespace
}  // namespace cppsvc::plugin
