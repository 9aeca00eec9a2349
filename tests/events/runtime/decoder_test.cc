// Generic decoding: from a registry and from a descriptor set built here by
// the real protoc, with no generated code used for the payload; delimited
// streams; and the cppsvc-events tool run as a process.
#include "cppsvc/events/decoder.h"

#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "events/runtime/scratch.h"
#include "events/runtime/test_events.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cppsvc::events {
namespace {

namespace v1 = ::acme::user::v1;
using ::testing::HasSubstr;

using ::cppsvc::events::testing::TmpDir;
using ::cppsvc::testing::CommandRun;
using ::cppsvc::testing::RunCommandKeepingStderr;
using ::cppsvc::testing::WriteFileCreatingDirs;

// The example's event protos, v1 and v2.
std::string DescriptorSet(bool include_imports = true) {
  return ::cppsvc::events::testing::DescriptorSet("acme/user/v1/user.proto acme/user/v2/user.proto",
                                                  include_imports);
}

Envelope SampleEnvelope() {
  EventOptions options;
  options.event_id = "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e";
  options.timestamp = 1763709032123;
  options.metadata = {{"tenant", "Zoë 🚀 日本"}};
  return testing::Pack(testing::SampleAccountCreated(), options);
}

Envelope EmailEnvelope() {
  v1::EmailChanged changed;
  changed.set_aggregate_id("acct-9");
  changed.mutable_payload()->set_old_email("zoë@example.com");
  changed.mutable_payload()->set_new_email("zoe@example.com");
  return testing::Pack(changed);
}

std::unique_ptr<Decoder> FromSet(bool include_imports = true) {
  absl::StatusOr<std::unique_ptr<Decoder>> decoder =
      Decoder::FromDescriptorSetFile(DescriptorSet(include_imports));
  EXPECT_TRUE(decoder.ok()) << decoder.status();
  return decoder.ok() ? std::move(*decoder) : nullptr;
}

TEST(Decoder, DescriptorSetGivesTheSameJsonAsTheRegistry) {
  Registry registry;
  ASSERT_TRUE(testing::RegisterAll(registry).ok());
  std::unique_ptr<Decoder> decoder = FromSet();
  ASSERT_NE(decoder, nullptr);
  for (const Envelope& envelope : {SampleEnvelope(), EmailEnvelope()}) {
    absl::StatusOr<std::string> expected = registry.ToJson(envelope);
    ASSERT_TRUE(expected.ok()) << expected.status();
    absl::StatusOr<std::string> json = decoder->ToJson(envelope.SerializeAsString());
    ASSERT_TRUE(json.ok()) << json.status();
    EXPECT_EQ(*json, *expected);
    EXPECT_EQ(*Decoder(registry).ToJson(envelope), *expected);
  }
}

TEST(Decoder, PayloadIsADynamicMessage) {
  std::unique_ptr<Decoder> decoder = FromSet();
  ASSERT_NE(decoder, nullptr);
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> payload =
      decoder->DecodePayload(SampleEnvelope());
  ASSERT_TRUE(payload.ok()) << payload.status();
  // Not the generated class: the descriptor set's own pool.
  EXPECT_NE((*payload)->GetDescriptor(), v1::AccountCreated::descriptor());
  EXPECT_EQ((*payload)->GetDescriptor()->full_name(), "acme.user.v1.AccountCreated");
  const auto* reflection = (*payload)->GetReflection();
  EXPECT_EQ(
      reflection->GetInt64(**payload, (*payload)->GetDescriptor()->FindFieldByName("credit_cents")),
      9007199254740993);
}

TEST(Decoder, JsonRoundTripWithoutGeneratedCode) {
  std::unique_ptr<Decoder> decoder = FromSet();
  ASSERT_NE(decoder, nullptr);
  for (const Envelope& envelope : {SampleEnvelope(), EmailEnvelope()}) {
    absl::StatusOr<Envelope> back = decoder->FromJson(*decoder->ToJson(envelope));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(back->DebugString(), envelope.DebugString());
  }
}

TEST(Decoder, OmitDefaults) {
  JsonOptions options;
  options.print_defaults = false;
  Envelope envelope = SampleEnvelope();
  envelope.clear_trace_id();
  absl::StatusOr<std::string> json =
      Decoder(google::protobuf::DescriptorPool::generated_pool(), options).ToJson(envelope);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, ::testing::Not(HasSubstr("traceId")));
  EXPECT_THAT(*json, HasSubstr("\"creditCents\":\"9007199254740993\""));
}

TEST(Decoder, Errors) {
  std::unique_ptr<Decoder> decoder = FromSet();
  ASSERT_NE(decoder, nullptr);
  Envelope envelope = SampleEnvelope();
  envelope.set_payload_type("acme.user.v9.AccountCreated");
  EXPECT_EQ(decoder->ToJson(envelope).status().message(),
            "payload type acme.user.v9.AccountCreated of event \"user.account.created\" version "
            "v1 is not in the descriptor set (is its file in it? protoc --include_imports)");
  envelope.clear_payload_type();
  EXPECT_THAT(decoder->ToJson(envelope).status().message(), HasSubstr("has no payload_type"));
  envelope = SampleEnvelope();
  envelope.set_payload("\x0a\x05\x01");
  EXPECT_THAT(decoder->ToJson(envelope).status().message(),
              HasSubstr("the payload (3 bytes) does not parse as acme.user.v1.AccountCreated"));
  EXPECT_THAT(decoder->ToJson(absl::string_view("\x0a\x05\x01")).status().message(),
              HasSubstr("not an event envelope"));
  EXPECT_THAT(decoder
                  ->FromJson("{\"payloadType\":\"acme.user.v1.AccountCreated\",\"data\":"
                             "{\"accountId\":1.5}}")
                  .status()
                  .message(),
              HasSubstr("is not a acme.user.v1.AccountCreated"));
}

TEST(Decoder, BadDescriptorSets) {
  EXPECT_THAT(Decoder::FromDescriptorSet("\x0a\x05\x01").status().message(),
              HasSubstr("not a descriptor set"));
  EXPECT_EQ(Decoder::FromDescriptorSetFile(TmpDir() + "/missing.pb").status().code(),
            absl::StatusCode::kNotFound);
  // Without --include_imports, acme/events/options.proto is missing.
  absl::StatusOr<std::unique_ptr<Decoder>> decoder =
      Decoder::FromDescriptorSetFile(DescriptorSet(false));
  ASSERT_FALSE(decoder.ok());
  EXPECT_THAT(decoder.status().message(), HasSubstr("acme/events/options.proto"));
  EXPECT_THAT(decoder.status().message(), HasSubstr("--include_imports"));
}

TEST(Delimited, RoundTripAndTruncation) {
  std::string stream;
  AppendDelimited(SampleEnvelope(), &stream);
  AppendDelimited(Envelope(), &stream);  // an empty record is a record
  AppendDelimited(EmailEnvelope(), &stream);
  std::vector<std::string> names;
  ASSERT_TRUE(ForEachDelimited(stream, [&](size_t, absl::string_view record) {
                absl::StatusOr<Envelope> envelope = ParseEnvelope(record);
                if (!envelope.ok()) return envelope.status();
                names.push_back(envelope->name());
                return absl::OkStatus();
              }).ok());
  EXPECT_THAT(names, ::testing::ElementsAre("user.account.created", "", "user.email.changed"));

  absl::Status truncated =
      ForEachDelimited(absl::string_view(stream).substr(0, stream.size() - 1),
                       [](size_t, absl::string_view) { return absl::OkStatus(); });
  EXPECT_EQ(truncated.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(truncated.message(), HasSubstr("record 2 at byte"));
  EXPECT_THAT(
      ForEachDelimited("\xff\xff", [](size_t, absl::string_view) { return absl::OkStatus(); })
          .message(),
      HasSubstr("record 0 at byte 0: truncated or bad varint length prefix"));
}

// ---- The cppsvc-events tool ----

std::string Tool(const std::string& arguments) {
  return absl::StrCat(CPPSVC_EVENTS_TOOL, " ", arguments);
}

TEST(Tool, DecodesOneEnvelope) {
  const std::string input = TmpDir() + "/one.bin";
  WriteFileCreatingDirs(input, SampleEnvelope().SerializeAsString());
  CommandRun run = RunCommandKeepingStderr(
      Tool("decode --descriptor_set " + DescriptorSet() + " --input " + input));
  EXPECT_EQ(run.exit_code, 0) << run.error;
  Registry registry;
  ASSERT_TRUE(testing::RegisterAll(registry).ok());
  EXPECT_EQ(run.output, *registry.ToJson(SampleEnvelope()) + "\n");
  // From standard input, too.
  run = RunCommandKeepingStderr(Tool("decode --descriptor_set=" + DescriptorSet() + " < " + input));
  EXPECT_EQ(run.exit_code, 0) << run.error;
  EXPECT_EQ(run.output, *registry.ToJson(SampleEnvelope()) + "\n");
}

TEST(Tool, DecodesADelimitedStreamAndBase64) {
  const Envelope email = EmailEnvelope();
  std::string stream;
  AppendDelimited(SampleEnvelope(), &stream);
  AppendDelimited(email, &stream);
  const std::string input = TmpDir() + "/stream.b64";
  WriteFileCreatingDirs(input, absl::Base64Escape(stream) + "\n");
  CommandRun run = RunCommandKeepingStderr(Tool("decode --descriptor_set " + DescriptorSet() +
                                                " --delimited --base64 --input " + input));
  EXPECT_EQ(run.exit_code, 0) << run.error;
  Registry registry;
  ASSERT_TRUE(testing::RegisterAll(registry).ok());
  EXPECT_EQ(run.output, *registry.ToJson(SampleEnvelope()) + "\n" + *registry.ToJson(email) + "\n");
}

TEST(Tool, BadInputFailsClearly) {
  const std::string set = DescriptorSet();
  // A bad record in a stream: the others are still printed, the exit is 1.
  std::string stream;
  AppendDelimited(SampleEnvelope(), &stream);
  Envelope unknown = EmailEnvelope();
  unknown.set_payload_type("acme.nowhere.Thing");
  AppendDelimited(unknown, &stream);
  const std::string input = TmpDir() + "/bad-stream.bin";
  WriteFileCreatingDirs(input, stream);
  CommandRun run = RunCommandKeepingStderr(
      Tool("decode --descriptor_set " + set + " --delimited --input " + input));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.output, HasSubstr("user.account.created"));
  EXPECT_THAT(run.error, HasSubstr(input + ": record 1: payload type acme.nowhere.Thing"));

  WriteFileCreatingDirs(input, "\x0a\x05\x01");
  run = RunCommandKeepingStderr(Tool("decode --descriptor_set " + set + " --input " + input));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.error, HasSubstr("not an event envelope"));

  run = RunCommandKeepingStderr(
      Tool("decode --descriptor_set " + set + " --base64 --input " + input));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.error, HasSubstr("is not base64 text"));

  run = RunCommandKeepingStderr(Tool("decode --descriptor_set " + input + " --input " + input));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.error, HasSubstr("not a descriptor set"));

  run = RunCommandKeepingStderr(Tool("decode --input " + input));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.error, HasSubstr("--descriptor_set is required"));
  run = RunCommandKeepingStderr(Tool("decode --descriptor_set " + set + " --colour"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.error, HasSubstr("unknown argument \"--colour\""));
  run = RunCommandKeepingStderr(Tool("encode"));
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace
}  // namespace cppsvc::events
