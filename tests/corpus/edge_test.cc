// The edge corpus' main chain (corpus.edge v1 -> v2 -> private): every scalar
// type, optional, repeated and map fields, oneofs, recursion, 12 levels of
// nested types, the well-known types and deprecated fields in every place the
// carry must reach. Each message is validated and converted v1 -> v2 ->
// private and back, and both services run through the generated chain.
#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

#include "corpus/edge/private/edge.svc.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::corpus::edge::v1;
namespace v2 = ::corpus::edge::v2;
namespace priv = ::corpus::edge::private_;

constexpr const char* kUuid = "f95616f1-23e3-4694-8658-8082b0a18267";

std::string Rules(const ::cppsvc::Violations& violations) {
  std::string out;
  for (const ::cppsvc::Violation& v : violations) {
    if (!out.empty()) out += " ";
    out += v.FieldPath() + "[" + std::string(::cppsvc::RuleId(v.rule)) + "]";
  }
  return out;
}

// CarryDeprecated exists for messages that (transitively) have deprecated fields.
template <typename V1, typename P, typename = void>
constexpr bool kCarries = false;
template <typename V1, typename P>
constexpr bool kCarries<V1, P, std::void_t<decltype(v1::svc::Converter::Default().CarryDeprecated(
                                   std::declval<const V1&>(), std::declval<P&>()))>> = true;

// v1 -> v2 -> private (deprecated fields carried), then private -> v2 -> v1,
// through the default converters: `back` must equal `in`.
template <typename V1, typename V2, typename P>
void ExpectRoundTrip(const V1& in, P* reached = nullptr) {
  const v1::svc::Converter& c1 = v1::svc::Converter::Default();
  const v2::svc::Converter& c2 = v2::svc::Converter::Default();
  V2 next;
  ASSERT_TRUE(c1.ToNext(in, next).ok());
  P p;
  ASSERT_TRUE(c2.ToPrivate(next, p).ok());
  if constexpr (kCarries<V1, P>) {
    ASSERT_TRUE(c1.CarryDeprecated(in, p).ok());
  }
  V2 next_back;
  ASSERT_TRUE(c2.ToPublic(p, next_back).ok());
  V1 back;
  const absl::Status status = c1.ToPublic(next_back, &p, back);
  ASSERT_TRUE(status.ok()) << status;
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  EXPECT_TRUE(differencer.Compare(in, back)) << differences;
  // The direct route (ToPrivate includes deprecated fields) reaches the same.
  P direct;
  ASSERT_TRUE(c1.ToPrivate(in, direct).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(p, direct))
      << p.ShortDebugString() << "\nvs\n" << direct.ShortDebugString();
  V1 from_private;
  ASSERT_TRUE(c1.ToDeprecatedPublic(p, from_private).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(in, from_private));
  if (reached != nullptr) *reached = p;
}

v1::Scalars ValidScalars() {
  v1::Scalars s;
  s.set_f_double(-1.5);
  s.set_f_float(3.5f);
  s.set_f_int32(-100);
  s.set_f_int64(std::numeric_limits<int64_t>::min());
  s.set_f_uint32(std::numeric_limits<uint32_t>::max());
  s.set_f_uint64(std::numeric_limits<uint64_t>::max());
  s.set_f_sint32(std::numeric_limits<int32_t>::min());
  s.set_f_sint64(std::numeric_limits<int64_t>::min());
  s.set_f_fixed32(2);
  s.set_f_fixed64(10);
  s.set_f_sfixed32(-2147483647);
  s.set_f_sfixed64(std::numeric_limits<int64_t>::min());
  s.set_f_bool(true);
  s.set_f_string("\xC3\xA9t\xC3\xA9");  // "été": 6 bytes
  s.set_f_bytes("https://example.com/x");
  s.set_f_enum(v1::MEDIUM);
  s.set_o_double(0);  // present: required holds only for a non-zero value
  s.set_o_double(-0.25);
  s.set_o_float(0);
  s.set_o_int32(5);
  s.set_o_int64(0);
  s.set_o_uint32(0);
  s.set_o_uint64(9);
  s.set_o_sint32(-1);
  s.set_o_sint64(0);
  s.set_o_fixed32(0);
  s.set_o_fixed64(1);
  s.set_o_sfixed32(0);
  s.set_o_sfixed64(-1);
  s.set_o_bool(true);
  s.set_o_string("a.b@example.com");
  s.set_o_bytes("");
  s.set_o_enum(v1::LEVEL_UNSPECIFIED);
  s.add_r_double(-std::numeric_limits<double>::infinity());
  s.add_r_double(0);
  s.add_r_float(std::numeric_limits<float>::denorm_min());
  s.add_r_int32(1);
  s.add_r_int32(-1);
  s.add_r_int64(std::numeric_limits<int64_t>::max());
  s.add_r_uint32(7);
  s.add_r_uint64(8);
  s.add_r_sint32(-9);
  s.add_r_sint64(-1);
  s.add_r_fixed32(1);
  s.add_r_fixed64(2);
  s.add_r_sfixed32(-3);
  s.add_r_sfixed64(-4);
  s.add_r_bool(false);
  s.add_r_string(kUuid);
  s.add_r_bytes(std::string("\0\xff", 2));
  s.add_r_enum(v1::HIGH);
  return s;
}

TEST(CorpusEdgeTest, ValidScalarsPass) {
  const ::cppsvc::Violations violations = v1::svc::Validate(ValidScalars());
  EXPECT_TRUE(violations.ok()) << violations.ToString();
}

TEST(CorpusEdgeTest, EveryScalarRuleFires) {
  v1::Scalars s = ValidScalars();
  s.set_f_double(-1.5000001);
  s.set_f_float(3.5000002f);
  s.set_f_int32(101);
  s.set_f_int64(41);
  s.set_f_uint64(std::numeric_limits<uint64_t>::max() - 1);
  s.set_f_sint32(0);
  s.set_f_sint64(1);
  s.set_f_fixed32(3);
  s.set_f_fixed64(11);
  s.set_f_sfixed64(0);  // empty: skipped
  s.set_f_bool(false);  // empty: skipped
  s.set_f_string("123456789");
  s.set_f_bytes("not a url");
  s.set_f_enum(v1::HIGH);
  s.set_o_double(0);  // present but zero: required fails
  s.set_o_int32(4);
  s.set_o_uint64(10);
  s.clear_o_bool();
  s.set_o_string("nope");
  s.set_r_double(1, 0.5);
  s.set_r_int32(0, 0);
  s.set_r_sint64(0, -2);
  s.set_r_string(0, "F95616F1-23E3-4694-8658-8082B0A18267");
  s.add_r_enum(v1::LEVEL_UNSPECIFIED);
  s.add_r_enum(v1::LOW);
  EXPECT_EQ(Rules(v1::svc::Validate(s)),
            "f_double[min] f_float[max] f_int32[max] f_int64[in] f_uint64[min] "
            "f_sint32[required] f_sint64[max] f_fixed32[in] f_fixed64[max] "
            "f_string[max] f_bytes[is.url] f_enum[in] o_double[required] "
            "o_int32[min] o_uint64[max] o_bool[required] o_string[is.email] "
            "r_double[1][max] r_int32[0][required] r_sint64[0][in] "
            "r_string[0][is.uuid] r_enum[1][required] r_enum[2][in]");
}

TEST(CorpusEdgeTest, ScalarsRoundTrip) {
  priv::Scalars reached;
  ExpectRoundTrip<v1::Scalars, v2::Scalars, priv::Scalars>(ValidScalars(), &reached);
  EXPECT_EQ(reached.body(), "\xC3\xA9t\xC3\xA9");  // f_string -> text -> body
  EXPECT_EQ(reached.f_enum(), priv::MID);
  EXPECT_TRUE(reached.has_o_enum());
  EXPECT_TRUE(std::isinf(reached.r_double(0)));
}

v1::Node Tree(int depth, const std::string& name) {
  v1::Node node;
  node.set_name(name);
  node.set_legacy("legacy of " + name);
  if (depth == 0) {
    node.set_terminal("end");
    return node;
  }
  *node.add_children() = Tree(depth - 1, name + ".0");
  *node.add_children() = Tree(depth - 1, name + ".1");
  *node.mutable_left() = Tree(depth - 1, name + ".left");
  (*node.mutable_index())["k"] = Tree(depth - 1, name + ".k");
  *node.mutable_next() = Tree(depth - 1, name + ".next");
  return node;
}

TEST(CorpusEdgeTest, RecursiveNodeCarriesDeprecatedFieldsEverywhere) {
  const v1::Node tree = Tree(4, "root");
  priv::Node reached;
  ExpectRoundTrip<v1::Node, v2::Node, priv::Node>(tree, &reached);
  EXPECT_EQ(reached.children(1).index().at("k").next().legacy(), "legacy of root.1.k.next");
  EXPECT_EQ(reached.left().left().left().left().legacy(),
            "legacy of root.left.left.left.left");
}

TEST(CorpusEdgeTest, RecursiveNodeValidatesAtEveryDepth) {
  v1::Node tree = Tree(3, "root");
  tree.mutable_children(1)->mutable_index()->at("k").mutable_next()->set_name("");  // skipped
  EXPECT_TRUE(v1::svc::Validate(tree).ok());
}

TEST(CorpusEdgeTest, MutuallyRecursivePingPong) {
  v1::Ping ping;
  ping.set_hops(1);
  ping.set_note("outer");
  v1::Ping* inner = ping.mutable_pong()->mutable_ping();
  inner->set_hops(1001);
  inner->set_note("inner");
  v1::Ping* listed = ping.mutable_pong()->add_pings();
  listed->set_note("listed");
  listed->mutable_pong()->mutable_ping()->set_note("deepest");
  EXPECT_EQ(Rules(v1::svc::Validate(ping)), "pong.ping.hops[max]");
  priv::Ping reached;
  ExpectRoundTrip<v1::Ping, v2::Ping, priv::Ping>(ping, &reached);
  EXPECT_EQ(reached.pong().pings(0).pong().ping().note(), "deepest");
}

TEST(CorpusEdgeTest, TwelveLevelsOfNestedTypes) {
  v1::Deep deep;
  v1::Deep::L2::L3::L4::L5::L6::L7::L8::L9::L10::L11::L12* leaf =
      deep.mutable_l2()->mutable_l3()->mutable_l4()->mutable_l5()->mutable_l6()
          ->mutable_l7()->mutable_l8()->mutable_l9()->mutable_l10()->mutable_l11()
          ->mutable_l12();
  leaf->set_old_leaf("old");
  leaf->set_level(v1::MEDIUM);
  deep.mutable_shortcut()->set_leaf("short");
  EXPECT_EQ(Rules(v1::svc::Validate(deep)), "l2.l3.l4.l5.l6.l7.l8.l9.l10.l11.l12.leaf[required]");
  leaf->set_leaf("leaf");
  EXPECT_TRUE(v1::svc::Validate(deep).ok());
  priv::Deep reached;
  ExpectRoundTrip<v1::Deep, v2::Deep, priv::Deep>(deep, &reached);
  EXPECT_EQ(reached.l2().l3().l4().l5().l6().l7().l8().l9().l10().l11().l12().old_leaf(), "old");
  EXPECT_EQ(reached.l2().l3().l4().l5().l6().l7().l8().l9().l10().l11().l12().level(), priv::MID);
}

v1::Containers FullContainers() {
  v1::Containers c;
  (*c.mutable_levels())["a"] = v1::LOW;
  (*c.mutable_levels())["b"] = v1::HIGH;
  (*c.mutable_nodes())[-1] = Tree(1, "n");
  (*c.mutable_scalars())[std::numeric_limits<uint64_t>::max()] = ValidScalars();
  (*c.mutable_flags())[true] = "yes";
  (*c.mutable_flags())[false] = "";
  (*c.mutable_blobs())[std::numeric_limits<int64_t>::min()] = std::string("\0", 1);
  (*c.mutable_ratios())[0] = 1;
  (*c.mutable_ratios())[7] = -std::numeric_limits<double>::infinity();
  c.add_history(v1::MEDIUM);
  c.add_history(v1::HIGH);
  *c.add_node_list() = Tree(2, "list");
  v1::Carrier& carrier = (*c.mutable_carriers())["x"];
  carrier.set_keep("kept");
  carrier.set_old("old in a map value");
  carrier.set_old_level(v1::MEDIUM);
  v1::Carrier* listed = c.add_carrier_list();
  listed->set_old("old in a list");
  (*c.mutable_ranks())[std::numeric_limits<int64_t>::max()] = v1::MEDIUM;
  return c;
}

TEST(CorpusEdgeTest, MapsOfMessagesAndEnums) {
  v1::Containers c = FullContainers();
  EXPECT_TRUE(v1::svc::Validate(c).ok()) << v1::svc::Validate(c).ToString();
  priv::Containers reached;
  ExpectRoundTrip<v1::Containers, v2::Containers, priv::Containers>(c, &reached);
  EXPECT_EQ(reached.carriers().at("x").old(), "old in a map value");
  EXPECT_EQ(reached.carriers().at("x").old_level(), priv::MID);
  EXPECT_EQ(reached.carrier_list(0).old(), "old in a list");
  EXPECT_EQ(reached.ranks().at(std::numeric_limits<int64_t>::max()), priv::MID);

  (*c.mutable_levels())["c"] = v1::MEDIUM;
  (*c.mutable_flags())[true] = "y";
  (*c.mutable_ratios())[8] = 1.0000001;
  c.add_history(v1::LEVEL_UNSPECIFIED);
  (*c.mutable_scalars())[3].set_f_int32(-101);
  EXPECT_EQ(v1::svc::Validate(c).ToString(),
            "flags: (true: the length must be no less than 2.); history: (2: cannot be "
            "blank.); levels: (c: must be a valid value.); ratios: (8: must be no greater "
            "than 1.); scalars: (3: (f_int32: must be no less than -100; f_sint32: cannot "
            "be blank; o_bool: cannot be blank; o_double: cannot be blank.).).");
}

TEST(CorpusEdgeTest, ScalarAndMessageOneofs) {
  EXPECT_EQ(v1::svc::Validate(v1::Choice()).ToString(), "Value: cannot be blank.");
  const auto check = [](const v1::Choice& choice) {
    ExpectRoundTrip<v1::Choice, v2::Choice, priv::Choice>(choice);
  };
  v1::Choice choice;
  choice.set_text("x");
  EXPECT_EQ(Rules(v1::svc::Validate(choice)), "text[min]");
  check(choice);
  choice.set_number(0);  // set but zero: the oneof is set, the rule skips it
  EXPECT_TRUE(v1::svc::Validate(choice).ok());
  check(choice);
  choice.set_real(std::nan(""));
  EXPECT_TRUE(v1::svc::Validate(choice).ok());  // NaN passes max (see hostile-input tests)
  choice.set_real(0.75);
  EXPECT_EQ(Rules(v1::svc::Validate(choice)), "real[max]");
  check(choice);
  choice.set_flag(false);
  check(choice);
  choice.set_raw("");
  check(choice);
  choice.set_level(v1::MEDIUM);
  EXPECT_EQ(Rules(v1::svc::Validate(choice)), "level[in]");
  check(choice);
  *choice.mutable_node() = Tree(2, "in a oneof");
  check(choice);
  choice.mutable_carrier()->set_old("old in a oneof member");
  priv::Choice reached;
  ExpectRoundTrip<v1::Choice, v2::Choice, priv::Choice>(choice, &reached);
  EXPECT_EQ(reached.carrier().old(), "old in a oneof member");
  choice.mutable_at()->set_nanos(1);
  check(choice);
  choice.set_ratio(-0.0f);
  choice.set_small(7);  // the renamed oneof: kind -> sort
  ExpectRoundTrip<v1::Choice, v2::Choice, priv::Choice>(choice, &reached);
  EXPECT_EQ(reached.value_case(), priv::Choice::kFraction);
  EXPECT_TRUE(std::signbit(reached.fraction()));
  EXPECT_EQ(reached.sort_case(), priv::Choice::kSmall);
  choice.mutable_big()->set_f_int32(1000);
  EXPECT_EQ(Rules(v1::svc::Validate(choice)), "big.f_int32[max] big.f_sint32[required] big.o_double[required] "
            "big.o_bool[required]");
  check(choice);
}

TEST(CorpusEdgeTest, WellKnownTypesAreCopied) {
  v1::Wkt wkt;
  EXPECT_EQ(Rules(v1::svc::Validate(wkt)), "at[required]");
  wkt.mutable_at()->set_seconds(-62135596800);  // 0001-01-01
  wkt.mutable_took()->set_seconds(315576000000);
  wkt.mutable_payload()->PackFrom(FullContainers());
  (*wkt.mutable_attributes()->mutable_fields())["k"].set_string_value("v");
  wkt.mutable_value()->mutable_list_value()->add_values()->set_bool_value(true);
  wkt.mutable_list()->add_values()->set_null_value(google::protobuf::NULL_VALUE);
  wkt.mutable_s()->set_value("");
  wkt.mutable_i64()->set_value(-1);
  wkt.mutable_b()->set_value(false);
  wkt.mutable_d()->set_value(std::numeric_limits<double>::max());
  wkt.mutable_by()->set_value("b");
  wkt.mutable_u32()->set_value(1);
  wkt.mutable_f()->set_value(1.5f);
  wkt.mutable_i32()->set_value(-2);
  wkt.mutable_u64()->set_value(3);
  wkt.mutable_nothing();
  wkt.mutable_mask()->add_paths("a.b");
  wkt.add_history()->set_seconds(1);
  (*wkt.mutable_extras())["e"].set_type_url("type.googleapis.com/x.Y");
  wkt.mutable_relative()->set_nanos(-1);
  wkt.mutable_legacy_at()->set_seconds(253402300799);
  EXPECT_TRUE(v1::svc::Validate(wkt).ok());
  priv::Wkt reached;
  ExpectRoundTrip<v1::Wkt, v2::Wkt, priv::Wkt>(wkt, &reached);
  EXPECT_EQ(reached.legacy_at().seconds(), 253402300799);
  EXPECT_TRUE(reached.has_nothing());
  EXPECT_TRUE(reached.s().value().empty());
  EXPECT_TRUE(reached.has_s());
}

// Echoes every request into its response.
class EchoEdge : public priv::svc::Edge {
 public:
  absl::Status Echo(const priv::Containers& request, priv::Containers* response) override {
    *response = request;
    return absl::OkStatus();
  }
  absl::Status Walk(const priv::Node& request, priv::Node* response) override {
    *response = request;
    return absl::OkStatus();
  }
  absl::Status Check(const priv::Scalars& request, priv::Scalars* response) override {
    *response = request;
    return absl::OkStatus();
  }
  absl::Status Time(const priv::Wkt& request, priv::Wkt* response) override {
    *response = request;
    return absl::OkStatus();
  }
  absl::Status Pick(const priv::Choice& request, priv::Choice* response) override {
    *response = request;
    return absl::OkStatus();
  }
  absl::Status Nothing(const google::protobuf::Empty&, google::protobuf::Empty*) override {
    ++nothing_calls;
    return absl::OkStatus();
  }
  int nothing_calls = 0;
};

class EchoMirror : public priv::svc::Mirror {
 public:
  absl::Status Reflect(const priv::Ping& request, priv::Pong* response) override {
    *response->mutable_ping() = request;
    return absl::OkStatus();
  }
  absl::Status Down(const priv::Deep& request, priv::Deep* response) override {
    *response = request;
    return absl::OkStatus();
  }
  absl::Status Keep(const priv::Carrier& request, priv::Carrier* response) override {
    kept = request;
    *response = request;
    return absl::OkStatus();
  }
  priv::Carrier kept;
};

template <typename M>
void ExpectEqual(const M& a, const M& b) {
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  EXPECT_TRUE(differencer.Compare(a, b)) << differences;
}

TEST(CorpusEdgeChainTest, EveryServiceRoundTripsThroughTheChain) {
  EchoEdge edge;
  priv::svc::EdgeChain chain(edge);
  {
    v1::Containers response;
    ASSERT_TRUE(chain.v1().Echo(FullContainers(), &response).ok());
    ExpectEqual(FullContainers(), response);
  }
  {
    v1::Node response;
    ASSERT_TRUE(chain.v1().Walk(Tree(3, "walk"), &response).ok());
    ExpectEqual(Tree(3, "walk"), response);
  }
  {
    v1::Scalars response;
    ASSERT_TRUE(chain.v1().Check(ValidScalars(), &response).ok());
    ExpectEqual(ValidScalars(), response);
    v1::Scalars invalid = ValidScalars();
    invalid.set_f_sint32(0);
    EXPECT_EQ(chain.v1().Check(invalid, &response).ToString(),
              "INVALID_ARGUMENT: f_sint32: cannot be blank.");
  }
  {
    v1::Choice choice;
    choice.set_ratio(0.25f);
    choice.set_small(3);
    v1::Choice response;
    ASSERT_TRUE(chain.v1().Pick(choice, &response).ok());
    ExpectEqual(choice, response);
  }
  {
    google::protobuf::Empty response;
    ASSERT_TRUE(chain.v1().Nothing(google::protobuf::Empty(), &response).ok());
    ASSERT_TRUE(chain.v2().Nothing(google::protobuf::Empty(), &response).ok());
    EXPECT_EQ(edge.nothing_calls, 2);
  }
}

TEST(CorpusEdgeChainTest, SecondServiceOfThePackageAndADeprecatedMethod) {
  EchoMirror mirror;
  priv::svc::MirrorChain chain(mirror);
  v1::Ping ping;
  ping.set_note("carried");
  ping.mutable_pong()->mutable_ping()->set_note("inner");
  v1::Pong pong;
  ASSERT_TRUE(chain.v1().Reflect(ping, &pong).ok());
  ExpectEqual(ping, pong.ping());
  v1::Carrier carrier;
  carrier.set_keep("k");
  carrier.set_old("o");
  carrier.set_old_level(v1::MEDIUM);
  v1::Carrier back;
  ASSERT_TRUE(chain.v1().Keep(carrier, &back).ok());  // straight to private
  EXPECT_EQ(mirror.kept.old_level(), priv::MID);
  ExpectEqual(carrier, back);
}

}  // namespace
