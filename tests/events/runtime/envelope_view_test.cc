// EnvelopeView::Parse against Envelope::ParseFromString (a differential test
// over generated and mutated bytes), and SerializeNewEnvelope against
// NewEnvelope + SerializeAsString.
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "cppsvc/events.h"
#include "cppsvc/internal/event_support.h"
#include "events/runtime/test_events.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "support/allocation_counter.h"
#include "support/protobuf_compat.h"

namespace cppsvc::events {
namespace {

namespace v1 = ::acme::user::v1;
using testing::kAccountCreatedV1;

// ---------------------------------------------------------------------------
// Wire bytes, written by hand so that they can be wrong in every way.

void PutVarint(uint64_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// A varint padded to `bytes` bytes (non-canonical, still valid up to 10).
void PutPaddedVarint(uint64_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes - 1; ++i) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value & 0x7f));
}

void PutTag(uint32_t number, uint32_t wire_type, std::string* out) {
  PutVarint(uint64_t{number} << 3 | wire_type, out);
}

void PutLengthDelimited(uint32_t number, absl::string_view bytes, std::string* out) {
  PutTag(number, 2, out);
  PutVarint(bytes.size(), out);
  out->append(bytes.data(), bytes.size());
}

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  uint64_t Below(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }
  bool OneIn(uint64_t n) { return Below(n) == 0; }
  uint64_t Any64() { return rng_(); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

  // Text that is valid UTF-8 most of the time.
  std::string Text(bool allow_invalid) {
    static const std::vector<std::string> valid = {"",
                                                   "a",
                                                   "user.account.created",
                                                   "v1",
                                                   "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e",
                                                   "Zoë",
                                                   "🚀",
                                                   "日本",
                                                   "\xC2\x80",
                                                   "\xDF\xBF",
                                                   "\xE0\xA0\x80",
                                                   "\xED\x9F\xBF",
                                                   "\xEE\x80\x80",
                                                   "\xEF\xBF\xBF",
                                                   "\xF0\x90\x80\x80",
                                                   "\xF4\x8F\xBF\xBF",
                                                   std::string("\0", 1),
                                                   "\x7F",
                                                   "0123456789abcdef0123"};
    static const std::vector<std::string> invalid = {"\x80",
                                                     "\xBF",
                                                     "\xC0\x80",
                                                     "\xC1\xBF",
                                                     "\xC2",
                                                     "\xC2\x41",
                                                     "\xE0\x80\x80",
                                                     "\xE0\x9F\xBF",
                                                     "\xED\xA0\x80",
                                                     "\xED\xBF\xBF",
                                                     "\xE1\x80",
                                                     "\xF0\x80\x80\x80",
                                                     "\xF0\x8F\xBF\xBF",
                                                     "\xF4\x90\x80\x80",
                                                     "\xF5\x80\x80\x80",
                                                     "\xF8\x88\x80\x80\x80",
                                                     "\xFE",
                                                     "\xFF",
                                                     "\xF0\x90\x80",
                                                     "\xEF\xBF"};
    std::string text;
    const int parts = static_cast<int>(Below(4));
    for (int i = 0; i < parts; ++i) {
      if (allow_invalid && OneIn(12)) {
        text += Pick(invalid);
      } else if (OneIn(6)) {
        for (int j = static_cast<int>(Below(24)); j > 0; --j) {
          text.push_back(static_cast<char>('a' + Below(26)));
        }
      } else {
        text += Pick(valid);
      }
    }
    return text;
  }

  std::string RandomBytes(size_t max) {
    std::string bytes(Below(max + 1), '\0');
    for (char& c : bytes) c = static_cast<char>(Below(256));
    return bytes;
  }

  // An unknown field (or a known number with another wire type), valid.
  void UnknownField(std::string* out, int depth) {
    static const std::vector<uint32_t> numbers = {
        1, 2, 7, 11, 12, 13, 15, 16, 100, 2047, 2048, 19000, (1u << 29) - 1};
    const uint32_t number = OneIn(3) ? Pick(numbers) : static_cast<uint32_t>(1 + Below(40));
    switch (Below(depth > 0 ? 5 : 4)) {
      case 0:
        PutTag(number, 0, out);
        PutVarint(OneIn(3) ? Any64() : Below(300), out);
        break;
      case 1:
        PutTag(number, 1, out);
        out->append(RandomBytes(0) + std::string(8, 'x'));
        break;
      case 2:
        PutTag(number, 5, out);
        out->append("abcd");
        break;
      case 3:
        PutLengthDelimited(number, OneIn(2) ? Text(true) : RandomBytes(20), out);
        break;
      default: {
        PutTag(number, 3, out);
        for (int i = static_cast<int>(Below(3)); i > 0; --i) UnknownField(out, depth - 1);
        PutTag(number, 4, out);
        break;
      }
    }
  }

  // A metadata entry body: mostly key then value, sometimes odd.
  std::string MapEntry() {
    std::string entry;
    const int shape = static_cast<int>(Below(12));
    if (shape == 0) return entry;  // neither key nor value
    if (shape == 1) {
      PutLengthDelimited(2, Text(true), &entry);  // value first, then key
      PutLengthDelimited(1, Text(true), &entry);
      return entry;
    }
    if (shape == 2) {
      PutLengthDelimited(1, Text(true), &entry);  // key only
      return entry;
    }
    if (shape == 3) {
      PutLengthDelimited(2, Text(true), &entry);  // value only
      return entry;
    }
    if (shape == 4) {
      PutTag(1, 0, &entry);  // key with the wrong wire type: unknown
      PutVarint(Below(1000), &entry);
      PutLengthDelimited(2, Text(true), &entry);
      return entry;
    }
    if (shape == 5) UnknownField(&entry, 3);
    PutLengthDelimited(1, Text(true), &entry);
    if (shape == 6) UnknownField(&entry, 3);
    PutLengthDelimited(2, Text(true), &entry);
    if (shape == 7) UnknownField(&entry, 3);
    if (shape == 8) PutLengthDelimited(1, Text(true), &entry);  // key again
    if (shape == 9) PutLengthDelimited(2, Text(true), &entry);  // value again
    return entry;
  }

  // Envelope bytes, valid or close to it.
  std::string Wire() {
    std::string out;
    const int fields = static_cast<int>(Below(18));
    for (int i = 0; i < fields; ++i) {
      const uint32_t number = static_cast<uint32_t>(1 + Below(13));  // 13: unknown
      const int twist = static_cast<int>(Below(20));
      if (twist == 0) {
        UnknownField(&out, 4);
        continue;
      }
      if (number == 7) {
        if (twist == 1) {
          PutTag(7, 2, &out);  // wrong wire type: unknown field
          PutVarint(3, &out);
          out += "abc";
        } else if (twist == 2) {
          PutTag(7, 0, &out);
          PutPaddedVarint(Any64(), 10, &out);
        } else if (twist == 3) {
          PutTag(7, 1, &out);  // fixed64 for an int64: unknown
          out += "12345678";
        } else {
          PutTag(7, 0, &out);
          PutVarint(OneIn(4) ? Any64() : 1763709032123 + Below(1000), &out);
        }
        continue;
      }
      if (number == 11) {
        PutLengthDelimited(11, MapEntry(), &out);
        continue;
      }
      if (twist == 1) {
        PutTag(number, 0, &out);  // a string field as a varint: unknown
        PutVarint(Below(100000), &out);
        continue;
      }
      if (twist == 2) {
        PutTag(number, 5, &out);
        out += "wxyz";
        continue;
      }
      std::string value = number == 12 ? RandomBytes(40) : Text(true);
      if (twist == 3) {
        // A non-canonical (padded) tag and length: still valid.
        PutPaddedVarint(uint64_t{number} << 3 | 2, 1 + static_cast<int>(Below(5)), &out);
        PutPaddedVarint(value.size(), 1 + static_cast<int>(Below(5)), &out);
        out += value;
        continue;
      }
      PutLengthDelimited(number, value, &out);
    }
    return out;
  }

  // One of a few targeted corruptions, or random edits.
  std::string Mutate(std::string bytes, const std::vector<std::string>& pool) {
    const int edits = 1 + static_cast<int>(Below(3));
    for (int e = 0; e < edits; ++e) {
      switch (Below(9)) {
        case 0:  // truncate
          bytes.resize(Below(bytes.size() + 1));
          break;
        case 1:  // flip a bit
          if (!bytes.empty()) bytes[Below(bytes.size())] ^= static_cast<char>(1 << Below(8));
          break;
        case 2:  // overwrite a byte
          if (!bytes.empty()) bytes[Below(bytes.size())] = static_cast<char>(Below(256));
          break;
        case 3:  // insert a byte
          bytes.insert(Below(bytes.size() + 1), 1, static_cast<char>(Below(256)));
          break;
        case 4:  // delete a byte
          if (!bytes.empty()) bytes.erase(Below(bytes.size()), 1);
          break;
        case 5:  // splice another case
          if (!pool.empty()) {
            const std::string& other = Pick(pool);
            bytes =
                bytes.substr(0, Below(bytes.size() + 1)) + other.substr(Below(other.size() + 1));
          }
          break;
        case 6:  // append a special tail
          bytes += Pick(SpecialTails());
          break;
        case 7:  // prepend a special head
          bytes = Pick(SpecialTails()) + bytes;
          break;
        default:  // concatenate another case: merged like protobuf merges
          if (!pool.empty()) bytes += Pick(pool);
          break;
      }
    }
    return bytes;
  }

  static const std::vector<std::string>& SpecialTails() {
    static const std::vector<std::string> tails = [] {
      std::vector<std::string> t = {
          std::string("\0", 1),  // tag 0
          "\x0C",                // end group, field 1
          "\x0B",                // start group without end
          "\x0B\x0C",            // empty group, field 1
          "\x0B\x14",            // group ended by another number
          "\x03\x04",            // field 0 group
          "\x00\x01",            // tag 0 then more
          "\x01"
          "12345678",                                          // field 0, fixed64
          "\x08\x01",                                          // field 1 as varint
          "\x0E",                                              // wire type 6
          "\x0F",                                              // wire type 7
          "\x38\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01",      // 10-byte varint
          "\x38\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x7F",      // 10-byte, high bits dropped
          "\x38\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01",  // 11-byte varint
          "\x38\x80",                                          // truncated varint
          "\x8A\x80\x80\x80\x00\x01x",                         // 5-byte tag for field 1
          "\x8A\x80\x80\x80\x10\x01x",      // 5-byte tag, high bits dropped: field 1
          "\x8A\x80\x80\x80\x80\x00\x01x",  // 6-byte tag
          "\x0A\x80\x80\x80\x80\x00",       // 5-byte length 0
          "\x0A\x80\x80\x80\x80\x08",       // 5-byte length, 5th byte 8
          "\x0A\xFF\xFF\xFF\xFF\x07",       // length 2^31 - 1
          "\x0A\x05"
          "abc",                   // length past the end
          "\x5A\x00",              // empty metadata entry
          "\x5A\x02\x0A\x00",      // empty key
          "\x5A\x03\x0A\x01\x80",  // invalid UTF-8 key
          "\x5A\x03\x12\x01\xC0",  // invalid UTF-8 value
          "\x5A\x02\x00\x00",      // tag 0 in an entry
          "\x5A\x01\x0C",          // end group in an entry
          "\x5A\x02\x0B\x0C",      // a group in an entry
          "\x5A\x03\x0A\x05"
          "a",  // key past the entry's end
          "\x5A\x05\x0A\x01"
          "a",                         // entry past the end
          "\x5A\x01\x09",              // fixed64 past the entry's end
          "\x5A\x04\x0A\x01\x61\x12",  // value tag without length
          "\x62\x01\xFF",              // payload: any bytes
          "\x6D"
          "abc",  // truncated fixed32
          "\x69"
          "abcdefg",                   // truncated fixed64
          "\xF8\xFF\xFF\xFF\x0F\x01",  // max field number, varint
          "\x0A\x01\x80",              // invalid UTF-8 event_id
          "\x12\x03\xED\xA0\x80",      // surrogate name
      };
      // Groups nested around the recursion limit (100), at the top level
      // and inside a metadata entry (one level used).
      for (int depth : {98, 99, 100, 101, 102}) {
        std::string group;
        for (int i = 0; i < depth; ++i) group += "\x1B";  // start group, field 3
        for (int i = 0; i < depth; ++i) group += "\x1C";  // end group, field 3
        t.push_back(group);
        std::string entry;
        PutLengthDelimited(11, group, &entry);
        t.push_back(entry);
      }
      return t;
    }();
    return tails;
  }

 private:
  std::mt19937_64 rng_;
};

Envelope RandomEnvelope(Generator& gen) {
  Envelope envelope;
  auto maybe = [&](auto set) {
    if (!gen.OneIn(5)) set(gen.Text(false));
  };
  maybe([&](std::string s) { envelope.set_event_id(s); });
  maybe([&](std::string s) { envelope.set_name(s); });
  maybe([&](std::string s) { envelope.set_version(s); });
  maybe([&](std::string s) { envelope.set_payload_type(s); });
  maybe([&](std::string s) { envelope.set_aggregate_id(s); });
  maybe([&](std::string s) { envelope.set_category(s); });
  if (!gen.OneIn(5)) envelope.set_timestamp(static_cast<int64_t>(gen.Any64()));
  maybe([&](std::string s) { envelope.set_correlation_id(s); });
  maybe([&](std::string s) { envelope.set_causation_id(s); });
  maybe([&](std::string s) { envelope.set_trace_id(s); });
  for (int i = static_cast<int>(gen.Below(4)); i > 0; --i) {
    (*envelope.mutable_metadata())[gen.Text(false)] = gen.Text(false);
  }
  if (!gen.OneIn(5)) *envelope.mutable_payload() = gen.RandomBytes(200);
  return envelope;
}

// Map entries in key order: the same bytes for the same seed.
std::string DeterministicBytes(const Envelope& envelope) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    envelope.SerializeToCodedStream(&out);
  }
  return bytes;
}

// Compares one input both ways; returns a description of the mismatch.
std::string Compare(const std::string& bytes) {
  Envelope envelope;
  const bool protobuf_ok = envelope.ParseFromString(bytes);
  absl::StatusOr<EnvelopeView> view = EnvelopeView::Parse(bytes);
  if (protobuf_ok != view.ok()) {
    return absl::StrCat("ParseFromString ", protobuf_ok ? "accepts" : "rejects",
                        ", EnvelopeView::Parse ", view.ok() ? "accepts" : "rejects",
                        view.ok() ? "" : absl::StrCat(" (", view.status().message(), ")"), ": \"",
                        absl::CHexEscape(bytes), "\"");
  }
  if (!protobuf_ok) return "";
  std::string diff;
  auto check = [&](const char* field, absl::string_view got, const std::string& want) {
    if (got != want) {
      absl::StrAppend(&diff, field, " is \"", absl::CHexEscape(got), "\", want \"",
                      absl::CHexEscape(want), "\"; ");
    }
  };
  check("event_id", view->event_id, envelope.event_id());
  check("name", view->name, envelope.name());
  check("version", view->version, envelope.version());
  check("payload_type", view->payload_type, envelope.payload_type());
  check("aggregate_id", view->aggregate_id, envelope.aggregate_id());
  check("category", view->category, envelope.category());
  check("correlation_id", view->correlation_id, envelope.correlation_id());
  check("causation_id", view->causation_id, envelope.causation_id());
  check("trace_id", view->trace_id, envelope.trace_id());
  check("payload", view->payload, envelope.payload());
  if (view->timestamp != envelope.timestamp()) {
    absl::StrAppend(&diff, "timestamp is ", view->timestamp, ", want ", envelope.timestamp());
  }
  // The view made from the parsed Envelope says the same.
  const EnvelopeView from_envelope(envelope);
  if (from_envelope.name != view->name || from_envelope.payload != view->payload ||
      from_envelope.timestamp != view->timestamp) {
    absl::StrAppend(&diff, "EnvelopeView(envelope) differs; ");
  }
  if (diff.empty()) return "";
  return absl::StrCat(diff, "for \"", absl::CHexEscape(bytes), "\"");
}

TEST(EnvelopeView, AcceptsExactlyWhatParseFromStringAccepts) {
  cppsvc::testing::QuietProtobufLogs quiet;  // protobuf logs every invalid UTF-8 string
  Generator gen(20260611);
  std::vector<std::string> pool;
  for (const std::string& tail : Generator::SpecialTails()) pool.push_back(tail);
  int cases = 0, accepted = 0, failures = 0;
  auto run = [&](const std::string& bytes) {
    ++cases;
    Envelope probe;
    if (probe.ParseFromString(bytes)) ++accepted;
    const std::string mismatch = Compare(bytes);
    if (!mismatch.empty() && ++failures <= 20) ADD_FAILURE() << mismatch;
  };
  for (const std::string& bytes : pool) run(bytes);
  for (int i = 0; i < 6000; ++i) {
    std::string bytes = gen.OneIn(2) ? DeterministicBytes(RandomEnvelope(gen)) : gen.Wire();
    run(bytes);
    if (pool.size() < 2000) pool.push_back(bytes);
    for (int m = 0; m < 6; ++m) run(gen.Mutate(bytes, pool));
  }
  for (int i = 0; i < 5000; ++i) run(gen.RandomBytes(static_cast<size_t>(gen.Below(64))));
  EXPECT_EQ(failures, 0);
  EXPECT_GE(cases, 10000);
  // Both outcomes are well represented.
  EXPECT_GT(accepted, cases / 10);
  EXPECT_LT(accepted, cases * 4 / 5);
  std::printf("[          ] %d cases, %d accepted by both\n", cases, accepted);
}

TEST(EnvelopeView, Utf8LikeProtobuf) {
  cppsvc::testing::QuietProtobufLogs quiet;
  int failures = 0;
  auto run = [&](const std::string& text) {
    std::string bytes;
    PutLengthDelimited(2, text, &bytes);  // name
    std::string entry;
    PutLengthDelimited(2, text, &entry);  // a metadata value
    PutLengthDelimited(11, entry, &bytes);
    const std::string mismatch = Compare(bytes);
    if (!mismatch.empty() && ++failures <= 20) ADD_FAILURE() << mismatch;
  };
  // Every 1- and 2-byte string, then 3- and 4-byte ones around every
  // boundary of every lead byte, with an ASCII run in front (the 8-byte
  // fast path) or not.
  for (int a = 0; a < 256; ++a) {
    run(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) run({static_cast<char>(a), static_cast<char>(b)});
  }
  const int edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  for (int a = 0xC0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      for (int c : edges) {
        const std::string three{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
        run(three);
        run("abcdefgh" + three);
        if (a < 0xF0) continue;
        for (int d : edges) run(three + static_cast<char>(d));
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(EnvelopeView, ReadsEveryFieldInPlace) {
  EventOptions options;
  options.event_id = "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e";
  options.timestamp = -1;
  options.correlation_id = "corr";
  options.causation_id = "Zoë 🚀";
  options.trace_id = "trace";
  options.metadata = {{"tenant", "acme"}};
  Envelope envelope = testing::Pack(testing::SampleAccountCreated(), options);
  const std::string bytes = envelope.SerializeAsString();
  const size_t before = cppsvc::testing::AllocationCount();
  absl::StatusOr<EnvelopeView> view = EnvelopeView::Parse(bytes);
  EXPECT_EQ(cppsvc::testing::AllocationCount(), before);
  ASSERT_TRUE(view.ok()) << view.status();
  EXPECT_EQ(view->event_id, options.event_id);
  EXPECT_EQ(view->name, "user.account.created");
  EXPECT_EQ(view->version, "v1");
  EXPECT_EQ(view->payload_type, "acme.user.v1.AccountCreated");
  EXPECT_EQ(view->aggregate_id, envelope.aggregate_id());
  EXPECT_EQ(view->category, "User");
  EXPECT_EQ(view->timestamp, -1);
  EXPECT_EQ(view->correlation_id, "corr");
  EXPECT_EQ(view->causation_id, "Zoë 🚀");
  EXPECT_EQ(view->trace_id, "trace");
  EXPECT_EQ(view->payload, envelope.payload());
  // In place: the views point into `bytes`.
  EXPECT_GE(view->payload.data(), bytes.data());
  EXPECT_LE(view->payload.data() + view->payload.size(), bytes.data() + bytes.size());

  EXPECT_TRUE(internal::Holds(*view, kAccountCreatedV1));
  EXPECT_FALSE(internal::Holds(*view, testing::kAccountCreatedV2));
  EXPECT_EQ(
      internal::NotAccepted(*view, "acme.user.v2.AccountCreated", {testing::kAccountCreatedV2})
          .message(),
      internal::NotAccepted(envelope, "acme.user.v2.AccountCreated", {testing::kAccountCreatedV2})
          .message());
  EXPECT_EQ(internal::BadPayload(*view, "X").message(),
            internal::BadPayload(envelope, "X").message());
}

TEST(EnvelopeView, SaysWhyBytesAreNotAnEnvelope) {
  absl::StatusOr<EnvelopeView> view =
      EnvelopeView::Parse(absl::string_view("\x12\x03\xED\xA0\x80", 5));
  ASSERT_FALSE(view.ok());
  EXPECT_EQ(view.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(view.status().message(),
            "not an event envelope: 5 bytes do not parse as cppsvc.events.Envelope (a string "
            "field that is not valid UTF-8 at byte 2)");
  EXPECT_TRUE(EnvelopeView::Parse("").ok());  // all defaults, as protobuf
}

// ---------------------------------------------------------------------------
// SerializeNewEnvelope

v1::AccountCreated LargeEvent() {
  v1::AccountCreated event = testing::SampleAccountCreated();
  std::string name;
  while (name.size() < 1000) name += "Zoë 🚀 日本 ";
  event.set_name(name);
  return event;
}

std::string TwoStep(const EventOptions& options, absl::string_view aggregate_id,
                    int64_t event_timestamp, absl::string_view event_trace_id,
                    const v1::AccountCreated& event) {
  Envelope envelope = internal::NewEnvelope(kAccountCreatedV1, options, aggregate_id,
                                            event_timestamp, event_trace_id);
  event.SerializeToString(envelope.mutable_payload());
  return envelope.SerializeAsString();
}

std::string OneStep(const EventOptions& options, absl::string_view aggregate_id,
                    int64_t event_timestamp, absl::string_view event_trace_id,
                    const v1::AccountCreated& event) {
  std::string bytes = "left over from before, and longer than nothing at all";
  internal::SerializeNewEnvelope(kAccountCreatedV1, options, aggregate_id, event_timestamp,
                                 event_trace_id, event, &bytes);
  return bytes;
}

Envelope Parsed(const std::string& bytes) {
  Envelope envelope;
  EXPECT_TRUE(envelope.ParseFromString(bytes)) << absl::CHexEscape(bytes);
  return envelope;
}

struct Case {
  std::string what;
  EventOptions options;
  std::string aggregate_id;
  int64_t event_timestamp = 0;
  std::string event_trace_id;
  v1::AccountCreated event;
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  EventOptions fixed;
  fixed.event_id = "0b6a2b8e-5f7c-4d2a-9c1e-3f4a5b6c7d8e";
  fixed.timestamp = 1763709032123;
  cases.push_back({"defaults filled", fixed, "acct-1", 0, "", testing::SampleAccountCreated()});
  cases.push_back({"empty payload", fixed, "", 0, "", v1::AccountCreated()});
  cases.push_back({"large payload", fixed, "acct-1", 0, "", LargeEvent()});
  EventOptions event_clock = fixed;
  event_clock.timestamp = 0;
  cases.push_back({"the event's timestamp and trace id", event_clock, "acct-1", 42, "trace-event",
                   testing::SampleAccountCreated()});
  cases.push_back(
      {"a negative timestamp", event_clock, "acct-1", -5, "", testing::SampleAccountCreated()});
  EventOptions all = fixed;
  all.aggregate_id = "from-options";
  all.correlation_id = "corr";
  all.causation_id = "Zoë 🚀 日本";
  all.trace_id = "trace-options";
  cases.push_back({"every option", all, "from-event", 42, "trace-event", LargeEvent()});
  EventOptions one = all;
  one.metadata = {{"tenant", "acme"}};
  cases.push_back({"one metadata entry", one, "a", 0, "", testing::SampleAccountCreated()});
  EventOptions empty_entry = fixed;
  empty_entry.metadata = {{"", ""}};
  cases.push_back({"one empty metadata entry", empty_entry, "a", 0, "", v1::AccountCreated()});
  EventOptions many = all;
  many.metadata = {{"tenant", "Zoë 🚀 日本"},
                   {"empty", ""},
                   {"", "no key"},
                   {"🚀", "rocket"},
                   {std::string(200, 'k'), std::string(300, 'v')}};
  cases.push_back({"several metadata entries", many, "a", 0, "", LargeEvent()});
  return cases;
}

TEST(SerializeNewEnvelope, ParsesToWhatNewEnvelopeBuilds) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.what);
    const std::string two =
        TwoStep(c.options, c.aggregate_id, c.event_timestamp, c.event_trace_id, c.event);
    const std::string one =
        OneStep(c.options, c.aggregate_id, c.event_timestamp, c.event_trace_id, c.event);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(Parsed(one), Parsed(two)))
        << Parsed(one).DebugString() << "\nvs\n"
        << Parsed(two).DebugString();
    if (c.options.metadata.size() <= 1) {
      EXPECT_EQ(absl::CHexEscape(one), absl::CHexEscape(two));
    } else {
      // Deterministic serialization sorts map entries as std::map does.
      EXPECT_EQ(absl::CHexEscape(one), absl::CHexEscape(DeterministicBytes(Parsed(two))));
    }
    absl::StatusOr<EnvelopeView> view = EnvelopeView::Parse(one);
    ASSERT_TRUE(view.ok()) << view.status();
    v1::AccountCreated back;
    ASSERT_TRUE(back.ParseFromArray(view->payload.data(), static_cast<int>(view->payload.size())));
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(back, c.event));
  }
}

TEST(SerializeNewEnvelope, FillsANewIdAndTheClock) {
  const int64_t before = NowMillis();
  std::string bytes;
  internal::SerializeNewEnvelope(kAccountCreatedV1, {}, "acct-1", 0, {},
                                 testing::SampleAccountCreated(), &bytes);
  const int64_t after = NowMillis();
  const Envelope envelope = Parsed(bytes);
  EXPECT_EQ(envelope.event_id().size(), 36u);
  EXPECT_EQ(envelope.event_id()[14], '4');
  EXPECT_EQ(envelope.correlation_id(), envelope.event_id());
  EXPECT_EQ(envelope.causation_id(), envelope.event_id());
  EXPECT_GE(envelope.timestamp(), before);
  EXPECT_LE(envelope.timestamp(), after);
  EXPECT_EQ(envelope.aggregate_id(), "acct-1");
  EXPECT_EQ(envelope.name(), "user.account.created");
  EXPECT_EQ(envelope.category(), "User");
  // The same as the two-step way once the id and clock are fixed.
  EventOptions same;
  same.event_id = envelope.event_id();
  same.timestamp = envelope.timestamp();
  EXPECT_EQ(absl::CHexEscape(bytes),
            absl::CHexEscape(TwoStep(same, "acct-1", 0, {}, testing::SampleAccountCreated())));
  std::string again;
  internal::SerializeNewEnvelope(kAccountCreatedV1, {}, "acct-1", 0, {},
                                 testing::SampleAccountCreated(), &again);
  EXPECT_NE(Parsed(again).event_id(), envelope.event_id());
}

TEST(SerializeNewEnvelope, AllocatesNothingIntoAStringWithRoom) {
  EventOptions options;
  options.metadata = {{"tenant", "acme"}, {"region", "eu-west-1"}};
  const v1::AccountCreated large = LargeEvent();
  const v1::AccountCreated small = testing::SampleAccountCreated();
  std::string bytes;
  bytes.reserve(8192);
  // The first call on a thread seeds its id generator.
  internal::SerializeNewEnvelope(kAccountCreatedV1, options, "acct-1", 0, {}, small, &bytes);
  const size_t before = cppsvc::testing::AllocationCount();
  for (int i = 0; i < 100; ++i) {
    internal::SerializeNewEnvelope(kAccountCreatedV1, options, "acct-1", 0, {}, small, &bytes);
    internal::SerializeNewEnvelope(kAccountCreatedV1, {}, "acct-1", 42, "trace", large, &bytes);
  }
  EXPECT_EQ(cppsvc::testing::AllocationCount() - before, 0u);
  // And one, sized exactly, into an empty string.
  std::string fresh;
  const size_t before_fresh = cppsvc::testing::AllocationCount();
  internal::SerializeNewEnvelope(kAccountCreatedV1, options, "acct-1", 0, {}, large, &fresh);
  EXPECT_EQ(cppsvc::testing::AllocationCount() - before_fresh, 1u);
  EXPECT_TRUE(Parsed(fresh).payload().size() > 1000);
}

}  // namespace
}  // namespace cppsvc::events
