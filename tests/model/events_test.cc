// Events in the model (docs/reference/events.md): detection by annotation and by the
// typed-event convention, the links that upcasting follows, and every
// conflict as a located diagnostic.
#include <string>

#include "gtest/gtest.h"
#include "support/proto_tree.h"

namespace cppsvc::plugin {
namespace {

using ::cppsvc::testing::ProtoTree;

constexpr char kHeader[] =
    "syntax = \"proto3\";\nimport \"gen/svc/annotations.proto\";\n"
    "import \"opt/options.proto\";\n";

std::string Proto(const std::string& package, const std::string& body) {
  return std::string(kHeader) + "package " + package + ";\n" + body;
}

// The convention's option, declared in the team's own package.
constexpr char kOptions[] = R"(syntax = "proto3";
package team.opt;
import "google/protobuf/descriptor.proto";
extend google.protobuf.FieldOptions { string fixed_value = 50001; }
)";

constexpr char kConvention[] = R"(message Renamed {
  string event_name = 1 [(team.opt.fixed_value) = "user.renamed"];
  string event_version = 2;
  string aggregate_id = 3;
  int64 timestamp = 4;
  string trace_id = 5;
  Payload payload = 6;
}
message Payload { string name = 1; }
)";

constexpr char kAnnotated[] = R"(message Created {
  option (gen.svc.message).event = { name: "user.created" aggregate_field: "id" };
  int64 id = 1;
}
)";

TEST(EventsModelTest, AnnotatedAndConventionEventsAcrossThreeVersions) {
  ProtoTree tree;
  tree.Add("opt/options.proto", kOptions)
      .Add("u/v1.proto", Proto("acme.user_account.v1", std::string(kAnnotated) + kConvention))
      .Add("u/v2.proto", Proto("acme.user_account.v2", std::string(kAnnotated) + kConvention))
      .Add("u/v3.proto", Proto("acme.user_account.v3", std::string(kAnnotated) + kConvention));
  std::unique_ptr<const Model> model = tree.Build();
  ASSERT_NE(model, nullptr);
  const Package* v1 = model->FindPackage("acme.user_account.v1");
  const Package* v3 = model->FindPackage("acme.user_account.v3");
  ASSERT_EQ(v1->events.size(), 2u);
  const EventModel& created = *v1->events[0];
  EXPECT_EQ(created.name, "user.created");
  EXPECT_EQ(created.version, "v1");
  EXPECT_EQ(created.category, "UserAccount");  // the domain's last segment
  EXPECT_FALSE(created.is_convention());
  EXPECT_EQ(created.aggregate_field->name(), "id");
  EXPECT_EQ(created.PayloadType()->full_name(), "acme.user_account.v1.Created");
  EXPECT_EQ(created.next->version, "v2");
  EXPECT_EQ(created.latest, v3->events[0]);

  const EventModel& renamed = *v1->events[1];
  EXPECT_EQ(renamed.name, "user.renamed");
  EXPECT_TRUE(renamed.is_convention());
  EXPECT_EQ(renamed.aggregate_field->name(), "aggregate_id");
  EXPECT_EQ(renamed.PayloadType()->full_name(), "acme.user_account.v1.Payload");
  EXPECT_EQ(renamed.latest, v3->events[1]);

  ASSERT_EQ(v3->events[0]->older.size(), 2u);  // oldest first
  EXPECT_EQ(v3->events[0]->older[0]->version, "v1");
  EXPECT_EQ(v3->events[0]->older[1]->version, "v2");
  EXPECT_EQ(v3->events[0]->latest, v3->events[0]);
  EXPECT_TRUE(model->FindPackage("acme.user_account.v2")->events[0]->older.empty());
}

TEST(EventsModelTest, PlainMessagesAreNotEvents) {
  ProtoTree tree;
  tree.Add("opt/options.proto", kOptions).Add("u/v1.proto", Proto("acme.u.v1", R"(message Plain {
  string event_name = 1;  // no fixed_value: not the convention
  string payload = 2;
}
)"));
  std::unique_ptr<const Model> model = tree.Build();
  EXPECT_TRUE(model->FindPackage("acme.u.v1")->events.empty());
}

TEST(EventsModelTest, CategoryFromTheAnnotation) {
  ProtoTree tree;
  tree.Add("opt/options.proto", kOptions).Add("u/v1.proto", Proto("acme.u.v1", R"(message Opened {
  option (gen.svc.message).event = { name: "account.opened" category: "Account" };
}
)"));
  std::unique_ptr<const Model> model = tree.Build();
  const EventModel& event = *model->FindPackage("acme.u.v1")->events[0];
  EXPECT_EQ(event.category, "Account");
  EXPECT_EQ(event.aggregate_field, nullptr);
}

TEST(EventsModelTest, ConflictsAreLocatedDiagnostics) {
  ProtoTree tree;
  tree.Add("opt/options.proto", kOptions)
      .Add("c/v1.proto", Proto("acme.c.v1", R"(message A {
  option (gen.svc.message).event = { name: "c.happened" };
}
message B {
  option (gen.svc.message).event = { name: "c.happened" };
}
message Fixed {
  option (gen.svc.message).event = { name: "c.fixed" };
  string event_name = 1 [(team.opt.fixed_value) = "c.other"];
  P payload = 2;
}
message NoAggregate {
  option (gen.svc.message).event = { name: "c.no_aggregate" aggregate_field: "owner" };
  string id = 1;
}
message BadAggregate {
  option (gen.svc.message).event = { name: "c.bad_aggregate" aggregate_field: "tags" };
  repeated string tags = 1;
}
message Nameless {
  option (gen.svc.message).event = { category: "C" };
}
message NoPayload {
  string event_name = 1 [(team.opt.fixed_value) = "c.no_payload"];
}
message WrongTypes {
  string event_name = 1 [(team.opt.fixed_value) = "c.wrong_types"];
  int32 event_version = 2;
  string timestamp = 3;
  string payload = 4;
}
message P {}
message Stops {
  option (gen.svc.message).event = { name: "c.stops" };
}
)"))
      .Add("c/v2.proto", Proto("acme.c.v2", R"(message A {
  option (gen.svc.message).event = { name: "c.happened" };
}
message B {
  option (gen.svc.message).event = { name: "c.happened.b" };
}
message Fixed {
  option (gen.svc.message).event = { name: "c.fixed" };
  string event_name = 1;
  P payload = 2;
}
message NoAggregate {
  option (gen.svc.message).event = { name: "c.no_aggregate" };
  string id = 1;
}
message BadAggregate { repeated string tags = 1; }
message Nameless {}
message NoPayload { string event_name = 1; }
message WrongTypes {
  string event_name = 1;
  int32 event_version = 2;
  string timestamp = 3;
  string payload = 4;
}
message P {}
message Stops {}
)"))
      .Add("d/private.proto", Proto("acme.d.private", R"(message Event {
  option (gen.svc.message).event = { name: "c.private" };
}
)"));
  EXPECT_EQ(tree.Diagnose(),
            "c/v1.proto:8:1: message acme.c.v1.B: event \"c.happened\" version v1 is already "
            "declared by acme.c.v1.A\n"
            "c/v1.proto:13:3: field acme.c.v1.Fixed.event_name: fixed_value \"c.other\" disagrees "
            "with the event annotation's name \"c.fixed\"\n"
            "c/v1.proto:16:1: message acme.c.v1.NoAggregate: aggregate_field \"owner\" is not a "
            "field of the message\n"
            "c/v1.proto:22:3: field acme.c.v1.BadAggregate.tags: an aggregate id must be a "
            "singular string or integer field\n"
            "c/v1.proto:24:1: message acme.c.v1.Nameless: (gen.svc.message).event needs a name\n"
            "c/v1.proto:27:1: message acme.c.v1.NoPayload: a typed event (event_name with "
            "fixed_value) needs a payload message field\n"
            "c/v1.proto:32:3: field acme.c.v1.WrongTypes.event_version: the typed-event "
            "convention's event_version must be a string\n"
            "c/v1.proto:33:3: field acme.c.v1.WrongTypes.timestamp: the typed-event convention's "
            "timestamp must be an int64 (milliseconds since the Unix epoch) or a "
            "google.protobuf.Timestamp\n"
            "c/v1.proto:34:3: field acme.c.v1.WrongTypes.payload: the typed-event convention's "
            "payload must be a message\n"
            "c/v1.proto:37:1: message acme.c.v1.Stops is an event, but its next-version "
            "counterpart acme.c.v2.Stops is not: upcasting converts an event version by version, "
            "so mark it as an event too\n"
            "d/private.proto:5:1: message acme.d.private.Event is an event, but package "
            "\"acme.d.private\" does not end in a version: an event's version is its package's "
            "last segment (e.g. acme.user.v1)\n");
}

}  // namespace
}  // namespace cppsvc::plugin
