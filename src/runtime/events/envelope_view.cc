// EnvelopeView (docs/reference/events.md): an Envelope read in place, without copying its
// strings, accepting exactly what Envelope::ParseFromString accepts.
//
// The rules below are protobuf's (C++ runtime 3.21, parse_context.h and the
// generated Envelope::_InternalParse / MapEntryImpl), checked against it by
// the differential test tests/events/runtime/envelope_view_test.cc:
//   - a tag is a varint of at most 5 bytes, taken mod 2^32; field number 0,
//     wire types 6 and 7, and a 0 or end-group tag outside its group fail;
//   - a varint is at most 10 bytes (bits past 64 dropped); a length at most
//     5 bytes, below 2^31, and within what is left of its enclosing field;
//   - a known field number with another wire type is an unknown field;
//     unknown fields are skipped, groups to their matching end-group tag,
//     at most 100 deep (a map entry counts as one level);
//   - the last occurrence of a singular field wins;
//   - proto3 string fields (all but timestamp, metadata and payload) and map
//     keys and values must be valid UTF-8 by protobuf's own check (no
//     overlong forms, surrogates or code points past U+10FFFF); bytes
//     (payload) are not checked;
//   - a metadata entry is a message: key = 1, value = 2 (both
//     strings), anything else in it is an unknown field; it must end exactly
//     at its length, and is checked but not kept.
#include <climits>
#include <cstdint>
#include <cstring>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cppsvc/events.h"
#include "cppsvc/internal/protobuf_compat.h"

namespace cppsvc::events {
namespace {

// io::CodedInputStream::GetDefaultRecursionLimit(): how many groups and
// sub-messages deep ParseFromString goes.
constexpr int kRecursionLimit = 100;

constexpr uint32_t kWireVarint = 0;
constexpr uint32_t kWireFixed64 = 1;
constexpr uint32_t kWireLengthDelimited = 2;
constexpr uint32_t kWireStartGroup = 3;
constexpr uint32_t kWireEndGroup = 4;
constexpr uint32_t kWireFixed32 = 5;

constexpr uint32_t Tag(uint32_t number, uint32_t wire_type) { return number << 3 | wire_type; }

// A metadata entry is a map entry: its key is field 1 and its value field 2
// (protobuf's wire format of maps).
constexpr uint32_t kMapKeyFieldNumber = 1;
constexpr uint32_t kMapValueFieldNumber = 2;

uint64_t Load64(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

uint32_t Load32(const char* p) {
  uint32_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

// True when every byte is below 0x80: whole words, the last one overlapping.
// ASCII is valid UTF-8, and the short ids and names of an envelope almost
// always are ASCII: this inline test spares them a call.
inline bool IsAscii(const char* p, size_t size) {
  if (size >= 8) {
    uint64_t bits = 0;
    const char* const last = p + size - 8;
    for (; p < last; p += 8) bits |= Load64(p);
    bits |= Load64(last);
    return (bits & 0x8080808080808080u) == 0;
  }
  if (size >= 4) return ((Load32(p) | Load32(p + size - 4)) & 0x80808080u) == 0;
  uint32_t bits = 0;
  for (size_t i = 0; i < size; ++i) bits |= static_cast<uint8_t>(p[i]);
  return bits < 0x80;
}

// The check protobuf's parser itself applies to string fields, so that the
// view accepts exactly the strings ParseFromString accepts.
inline bool IsValidUtf8(absl::string_view text) {
  return IsAscii(text.data(), text.size()) ||
         ::cppsvc::internal::protobuf_compat::IsValidUtf8(text);
}

// One pass over the bytes; every read is bounded by `end`, the end of the
// innermost length-delimited field being read (a read across it fails, as
// it does in protobuf).
class Reader {
 public:
  explicit Reader(absl::string_view bytes)
      : begin_(bytes.data()), p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

  const char* position() const { return p_; }
  void set_position(const char* p) { p_ = p; }

  // The field at position(), into `view`; false when the bytes are not an
  // Envelope (Error() then says why).
  bool Field(EnvelopeView* view) {
    uint32_t tag;
    if (!ReadTag(end_, &tag)) return false;
    switch (tag) {
      case Tag(Envelope::kEventIdFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->event_id);
      case Tag(Envelope::kNameFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->name);
      case Tag(Envelope::kVersionFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->version);
      case Tag(Envelope::kPayloadTypeFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->payload_type);
      case Tag(Envelope::kAggregateIdFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->aggregate_id);
      case Tag(Envelope::kCategoryFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->category);
      case Tag(Envelope::kTimestampFieldNumber, kWireVarint): {
        uint64_t value;
        if (!ReadVarint64(end_, &value)) return false;
        view->timestamp = static_cast<int64_t>(value);
        return true;
      }
      case Tag(Envelope::kCorrelationIdFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->correlation_id);
      case Tag(Envelope::kCausationIdFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->causation_id);
      case Tag(Envelope::kTraceIdFieldNumber, kWireLengthDelimited):
        return ReadString(end_, &view->trace_id);
      case Tag(Envelope::kMetadataFieldNumber, kWireLengthDelimited):
        return CheckMetadataEntry();
      case Tag(Envelope::kPayloadFieldNumber, kWireLengthDelimited):
        return ReadBytes(end_, &view->payload);
      default:
        // Envelope::_InternalParse: a 0 or end-group tag ends the message,
        // and at the top level that fails ParseFromString.
        if (tag == 0 || (tag & 7) == kWireEndGroup) {
          return Fail("a 0 or end-group tag outside a group");
        }
        return SkipField(tag, end_, kRecursionLimit);
    }
  }

  absl::Status Error() const {
    return absl::InvalidArgumentError(absl::StrCat(
        "not an event envelope: ", end_ - begin_, " bytes do not parse as cppsvc.events.Envelope (",
        why_ ? why_ : "malformed", " at byte ", p_ - begin_, ")"));
  }

 private:
  bool Fail(const char* why) {
    if (why_ == nullptr) why_ = why;
    return false;
  }

  // ReadTag: at most 5 bytes, the value mod 2^32.
  bool ReadTag(const char* end, uint32_t* tag) {
    uint32_t value = 0;
    for (int i = 0; i < 5; ++i) {
      if (p_ >= end) return Fail("a truncated tag");
      const auto byte = static_cast<uint8_t>(*p_++);
      value |= static_cast<uint32_t>(byte & 0x7f) << (7 * i);
      if (byte < 0x80) {
        *tag = value;
        return true;
      }
    }
    return Fail("a tag longer than 5 bytes");
  }

  // VarintParse into 64 bits: at most 10 bytes, bits past 64 dropped.
  bool ReadVarint64(const char* end, uint64_t* out) {
    uint64_t value = 0;
    for (int i = 0; i < 10; ++i) {
      if (p_ >= end) return Fail("a truncated varint");
      const auto byte = static_cast<uint8_t>(*p_++);
      value |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
      if (byte < 0x80) {
        *out = value;
        return true;
      }
    }
    return Fail("a varint longer than 10 bytes");
  }

  // ReadSize: at most 5 bytes and below 2^31, then the bytes must be there.
  bool ReadLength(const char* end, size_t* length) {
    uint32_t value = 0;
    for (int i = 0; i < 5; ++i) {
      if (p_ >= end) return Fail("a truncated length");
      const auto byte = static_cast<uint8_t>(*p_++);
      if (i == 4 && byte >= 8) return Fail("a length of 2 GiB or more");
      value |= static_cast<uint32_t>(byte & 0x7f) << (7 * i);
      if (byte < 0x80) break;
    }
    // ParseContext's limit arithmetic also refuses the last kSlopBytes below 2^31.
    if (value > static_cast<uint32_t>(INT_MAX - 16)) return Fail("a length of 2 GiB or more");
    if (value > static_cast<size_t>(end - p_)) return Fail("a length past the end");
    *length = value;
    return true;
  }

  bool ReadBytes(const char* end, absl::string_view* out) {
    size_t length;
    if (!ReadLength(end, &length)) return false;
    *out = absl::string_view(p_, length);
    p_ += length;
    return true;
  }

  bool ReadString(const char* end, absl::string_view* out) {
    absl::string_view text;
    if (!ReadBytes(end, &text)) return false;
    if (!IsValidUtf8(text)) {
      p_ = text.data();
      return Fail("a string field that is not valid UTF-8");
    }
    *out = text;
    return true;
  }

  // A metadata entry, as ParseContext::ParseMessage + MapEntryImpl parse it:
  // one level deeper, ending exactly at its length.
  bool CheckMetadataEntry() {
    size_t length;
    if (!ReadLength(end_, &length)) return false;
    const char* const entry_end = p_ + length;
    constexpr int kDepth = kRecursionLimit - 1;
    absl::string_view text;
    while (p_ < entry_end) {
      uint32_t tag;
      if (!ReadTag(entry_end, &tag)) return false;
      if (tag == Tag(kMapKeyFieldNumber, kWireLengthDelimited) ||
          tag == Tag(kMapValueFieldNumber, kWireLengthDelimited)) {
        if (!ReadString(entry_end, &text)) return false;
      } else if (tag == 0 || (tag & 7) == kWireEndGroup) {
        return Fail("a 0 or end-group tag in a metadata entry");
      } else if (!SkipField(tag, entry_end, kDepth)) {
        return false;
      }
    }
    return true;
  }

  // FieldParser on an unknown field; `depth` is what is left of the
  // recursion limit.
  bool SkipField(uint32_t tag, const char* end, int depth) {
    const uint32_t number = tag >> 3;
    if (number == 0) return Fail("field number 0");
    switch (tag & 7) {
      case kWireVarint: {
        uint64_t ignored;
        return ReadVarint64(end, &ignored);
      }
      case kWireFixed64:
        if (end - p_ < 8) return Fail("a truncated fixed64");
        p_ += 8;
        return true;
      case kWireLengthDelimited: {
        size_t length;
        if (!ReadLength(end, &length)) return false;
        p_ += length;
        return true;
      }
      case kWireStartGroup:
        if (depth == 0) return Fail("groups nested too deep");
        return SkipGroup(number, end, depth - 1);
      case kWireFixed32:
        if (end - p_ < 4) return Fail("a truncated fixed32");
        p_ += 4;
        return true;
      default:
        return Fail("an invalid wire type");
    }
  }

  // ParseGroup: fields up to the end-group tag of the same number.
  bool SkipGroup(uint32_t number, const char* end, int depth) {
    while (p_ < end) {
      uint32_t tag;
      if (!ReadTag(end, &tag)) return false;
      if (tag == 0 || (tag & 7) == kWireEndGroup) {
        if (tag == Tag(number, kWireEndGroup)) return true;
        return Fail("a group ended by the wrong tag");
      }
      if (!SkipField(tag, end, depth)) return false;
    }
    return Fail("a group without its end-group tag");
  }

  const char* const begin_;
  const char* p_;
  const char* const end_;
  const char* why_ = nullptr;
};

// The length-delimited fields Parse reads in place when their tag is one
// byte (field numbers below 16): the strings and the payload (not metadata),
// by field number.
using StringMember = absl::string_view EnvelopeView::*;
constexpr int kOneByteTagFields = 16;
static_assert(Envelope::kEventIdFieldNumber < kOneByteTagFields &&
                  Envelope::kNameFieldNumber < kOneByteTagFields &&
                  Envelope::kVersionFieldNumber < kOneByteTagFields &&
                  Envelope::kPayloadTypeFieldNumber < kOneByteTagFields &&
                  Envelope::kAggregateIdFieldNumber < kOneByteTagFields &&
                  Envelope::kCategoryFieldNumber < kOneByteTagFields &&
                  Envelope::kTimestampFieldNumber < kOneByteTagFields &&
                  Envelope::kCorrelationIdFieldNumber < kOneByteTagFields &&
                  Envelope::kCausationIdFieldNumber < kOneByteTagFields &&
                  Envelope::kTraceIdFieldNumber < kOneByteTagFields &&
                  Envelope::kPayloadFieldNumber < kOneByteTagFields,
              "Parse's fast path reads these fields by a one-byte tag");

struct InPlaceFields {
  StringMember by_number[kOneByteTagFields] = {};
  uint32_t mask = 0;  // bit n: field n is read in place

  constexpr InPlaceFields() {
    Add(Envelope::kEventIdFieldNumber, &EnvelopeView::event_id);
    Add(Envelope::kNameFieldNumber, &EnvelopeView::name);
    Add(Envelope::kVersionFieldNumber, &EnvelopeView::version);
    Add(Envelope::kPayloadTypeFieldNumber, &EnvelopeView::payload_type);
    Add(Envelope::kAggregateIdFieldNumber, &EnvelopeView::aggregate_id);
    Add(Envelope::kCategoryFieldNumber, &EnvelopeView::category);
    Add(Envelope::kCorrelationIdFieldNumber, &EnvelopeView::correlation_id);
    Add(Envelope::kCausationIdFieldNumber, &EnvelopeView::causation_id);
    Add(Envelope::kTraceIdFieldNumber, &EnvelopeView::trace_id);
    Add(Envelope::kPayloadFieldNumber, &EnvelopeView::payload);
  }
  constexpr void Add(int number, StringMember member) {
    by_number[number] = member;
    mask |= uint32_t{1} << number;
  }
};
constexpr InPlaceFields kInPlace;

}  // namespace

EnvelopeView::EnvelopeView(const Envelope& envelope)
    : event_id(envelope.event_id()),
      name(envelope.name()),
      version(envelope.version()),
      payload_type(envelope.payload_type()),
      aggregate_id(envelope.aggregate_id()),
      category(envelope.category()),
      timestamp(envelope.timestamp()),
      correlation_id(envelope.correlation_id()),
      causation_id(envelope.causation_id()),
      trace_id(envelope.trace_id()),
      payload(envelope.payload()) {}

absl::StatusOr<EnvelopeView> EnvelopeView::Parse(absl::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError(absl::StrCat("not an event envelope: ", bytes.size(),
                                                   " bytes is more than protobuf parses"));
  }
  EnvelopeView view;
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  while (p < end) {
    // The common shapes first, as SerializeNewEnvelope and protobuf write
    // them: a one-byte tag and, for a string, a one-byte length. Anything
    // else (or anything wrong) goes to the Reader, field by field.
    const auto tag = static_cast<uint8_t>(p[0]);
    if (tag < 0x80 && (tag & 7) == kWireLengthDelimited &&
        ((kInPlace.mask >> (tag >> 3)) & 1) != 0 && end - p >= 2) {
      const auto length = static_cast<uint8_t>(p[1]);
      if (length < 0x80 && length <= end - p - 2) {
        const absl::string_view text(p + 2, length);
        if (tag == Tag(Envelope::kPayloadFieldNumber, kWireLengthDelimited) || IsValidUtf8(text)) {
          view.*kInPlace.by_number[tag >> 3] = text;
          p += 2 + length;
          continue;
        }
      }
    } else if (tag == Tag(Envelope::kTimestampFieldNumber, kWireVarint)) {
      uint64_t value = 0;
      const char* q = p + 1;
      for (int shift = 0; q < end && shift < 70; shift += 7) {
        const auto byte = static_cast<uint8_t>(*q++);
        value |= static_cast<uint64_t>(byte & 0x7f) << (shift & 63);
        if (byte < 0x80) {
          view.timestamp = static_cast<int64_t>(value);
          p = q;
          break;
        }
      }
      if (p == q) continue;
    }
    Reader reader(bytes);
    reader.set_position(p);
    if (!reader.Field(&view)) return reader.Error();
    p = reader.position();
  }
  return view;
}

}  // namespace cppsvc::events
