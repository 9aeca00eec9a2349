// Every conversion shape through a three-version chain: what v1 sends reaches
// private intact (renames, deprecated fields carried), and comes back equal.
#include "acme/shapes/private/shapes.svc.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::acme::shapes::v1;
namespace v2 = ::acme::shapes::v2;
namespace priv = ::acme::shapes::private_;

// Echoes what it receives.
class EchoShapes : public priv::svc::Shapes {
 public:
  absl::Status Put(const priv::Shape& request, priv::Shape* response) override {
    received = request;
    *response = request;
    return absl::OkStatus();
  }
  priv::Shape received;
};

v1::Shape FullShape() {
  v1::Shape shape;
  shape.set_id("s1");
  shape.set_sides(-3);
  shape.add_colors(v1::RED);
  shape.add_colors(v1::GREEN);
  (*shape.mutable_points())["a"].set_x(1.5);
  (*shape.mutable_palette())[7] = v1::GREEN;
  shape.set_weight(0);  // present though zero
  shape.set_code(42);
  shape.set_title("Triangle");
  shape.mutable_legacy_origin()->set_y(2);
  shape.set_legacy_color(v1::GREEN);
  v1::Shape* child = shape.add_children();
  child->set_id("child");
  child->set_legacy_color(v1::RED);
  child->mutable_nested()->set_note("child note");
  shape.mutable_at()->set_seconds(1700000000);
  shape.set_blob(std::string("\0\1\2", 3));
  shape.add_tags("x");
  shape.mutable_nested()->set_note("deprecated note");
  shape.mutable_nested()->set_keep("kept");
  return shape;
}

TEST(ShapesChainTest, EverythingReachesPrivate) {
  EchoShapes implementation;
  priv::svc::ShapesChain chain(implementation);
  v1::Shape response;
  ASSERT_TRUE(chain.v1().Put(FullShape(), &response).ok());
  const priv::Shape& got = implementation.received;
  EXPECT_EQ(got.sides(), -3);
  EXPECT_EQ(got.colors_size(), 2);
  EXPECT_EQ(got.colors(1), priv::LIME);
  EXPECT_EQ(got.points().at("a").x(), 1.5);
  EXPECT_EQ(got.palette().at(7), priv::LIME);
  EXPECT_TRUE(got.has_weight());
  EXPECT_EQ(got.number(), 42);
  EXPECT_EQ(got.caption(), "Triangle");               // two-hop rename
  EXPECT_EQ(got.legacy_origin().y(), 2);              // deprecated message field
  EXPECT_EQ(got.legacy_color(), priv::LIME);          // deprecated enum field
  EXPECT_EQ(got.nested().note(), "deprecated note");  // carried from inside
  EXPECT_EQ(got.nested().keep(), "kept");
  EXPECT_EQ(got.children(0).legacy_color(), priv::RED);  // carried in elements
  EXPECT_EQ(got.children(0).nested().note(), "child note");
  EXPECT_EQ(got.blob(), std::string("\0\1\2", 3));
}

TEST(ShapesChainTest, RoundTripLosesNothing) {
  EchoShapes implementation;
  priv::svc::ShapesChain chain(implementation);
  const v1::Shape sent = FullShape();
  v1::Shape response;
  ASSERT_TRUE(chain.v1().Put(sent, &response).ok());
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  EXPECT_TRUE(differencer.Compare(sent, response)) << differences;
}

TEST(ShapesChainTest, PresenceIsKept) {
  EchoShapes implementation;
  priv::svc::ShapesChain chain(implementation);
  v1::Shape shape;
  shape.set_name("only a name");
  v1::Shape response;
  ASSERT_TRUE(chain.v1().Put(shape, &response).ok());
  EXPECT_FALSE(implementation.received.has_weight());
  EXPECT_FALSE(response.has_weight());
  EXPECT_EQ(response.name(), "only a name");
  EXPECT_EQ(response.label_case(), v1::Shape::kName);
}

TEST(ShapesChainTest, MessageOneofMembersConvert) {
  EchoShapes implementation;
  priv::svc::ShapesChain chain(implementation);
  v1::Shape shape;
  shape.mutable_anchor()->set_x(9);
  v2::Shape v2_response;
  v2::Shape v2_shape;
  v2_shape.mutable_anchor()->set_x(9);
  ASSERT_TRUE(chain.v2().Put(v2_shape, &v2_response).ok());
  EXPECT_EQ(implementation.received.anchor().x(), 9);
  v1::Shape response;
  ASSERT_TRUE(chain.v1().Put(shape, &response).ok());
  EXPECT_EQ(response.anchor().x(), 9);
}

TEST(ShapesConverterTest, ToPrivateAndToDeprecatedPublicAreInverse) {
  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  const v1::Shape sent = FullShape();
  priv::Shape converted;
  ASSERT_TRUE(converter.ToPrivate(sent, converted).ok());
  EXPECT_EQ(converted.legacy_color(), priv::LIME);
  EXPECT_EQ(converted.nested().note(), "deprecated note");
  v1::Shape back;
  ASSERT_TRUE(converter.ToDeprecatedPublic(converted, back).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(sent, back))
      << back.ShortDebugString();
}

TEST(ShapesConverterTest, ToNextSkipsDeprecatedFields) {
  v2::Shape next;
  ASSERT_TRUE(v1::svc::Converter::Default().ToNext(FullShape(), next).ok());
  EXPECT_EQ(next.heading(), "Triangle");
  EXPECT_EQ(next.nested().keep(), "kept");
  EXPECT_EQ(next.colors(1), v2::LIME);
  EXPECT_EQ(next.number(), 42);
}

}  // namespace
