// proto2 (corpus.legacy): `required`, explicit defaults, a closed enum, a
// group, a oneof member with a default, and an extension.
#include <string>

#include "corpus/legacy/private/legacy.svc.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace {

namespace v1 = ::corpus::legacy::v1;
namespace priv = ::corpus::legacy::private_;

v1::Record Full() {
  v1::Record r;
  r.set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  r.set_count(0);  // present, equal to no default
  r.set_label("label");
  r.set_mode(v1::MODE_AUTO);
  r.set_ratio(1);
  r.set_enabled(true);
  r.set_raw(std::string("\0", 1));
  r.add_values(0);
  r.add_values(5);
  r.mutable_parent()->set_id("");
  r.mutable_parent()->set_required_mode(v1::MODE_ON);
  r.mutable_parent()->set_enabled(true);
  r.mutable_extra()->set_note("note");
  r.set_old("deprecated");
  r.set_required_mode(v1::MODE_ON);
  r.set_digit(3);
  return r;
}

TEST(CorpusLegacyTest, UnsetFieldsAreEmptyWhateverTheirDefault) {
  v1::Record r;
  EXPECT_EQ(r.enabled(), true);  // the default...
  EXPECT_EQ(r.label(), "none");
  EXPECT_EQ(r.mode(), v1::MODE_ON);
  // ...but unset: `required` fails and the other rules skip the field.
  EXPECT_EQ(v1::svc::Validate(r).ToString(),
            "enabled: cannot be blank; required_mode: cannot be blank.");
  r.set_label("none");  // now present: 4 bytes
  r.set_enabled(true);
  r.set_required_mode(v1::MODE_OFF);  // present but 0
  r.set_digit(0);  // present oneof member, zero: skipped
  r.mutable_extra()->set_note("12345");
  r.add_values(-1);
  EXPECT_EQ(v1::svc::Validate(r).ToString(),
            "extra: (note: the length must be no more than 4.); label: the length must be no "
            "less than 5; required_mode: cannot be blank; values: (0: must be no less than 0.).");
  EXPECT_TRUE(v1::svc::Validate(Full()).ok()) << v1::svc::Validate(Full()).ToString();
}

TEST(CorpusLegacyTest, RoundTripKeepsPresenceAndGroups) {
  const v1::svc::Converter& converter = v1::svc::Converter::Default();
  v1::Record r = Full();
  priv::Record p;
  ASSERT_TRUE(converter.ToPrivate(r, p).ok());
  EXPECT_TRUE(p.IsInitialized());
  EXPECT_TRUE(p.has_count());
  EXPECT_EQ(p.old(), "deprecated");
  EXPECT_EQ(p.extra().note(), "note");
  EXPECT_EQ(p.digit(), 3);
  v1::Record back;
  ASSERT_TRUE(converter.ToPublic(p, back).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(r, back))
      << back.ShortDebugString();

  // Unset optional fields stay unset: defaults are not materialised.
  v1::Record sparse;
  sparse.set_id("f95616f1-23e3-4694-8658-8082b0a18267");
  sparse.set_required_mode(v1::MODE_AUTO);
  priv::Record sparse_p;
  ASSERT_TRUE(converter.ToPrivate(sparse, sparse_p).ok());
  EXPECT_FALSE(sparse_p.has_count());
  EXPECT_FALSE(sparse_p.has_label());
  EXPECT_FALSE(sparse_p.has_old());
  EXPECT_EQ(sparse_p.label(), "none");
  v1::Record sparse_back;
  ASSERT_TRUE(converter.ToPublic(sparse_p, sparse_back).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(sparse, sparse_back))
      << sparse_back.ShortDebugString();
}

TEST(CorpusLegacyTest, ExtensionsAreNotPartOfTheChain) {
  v1::Record r = Full();
  r.SetExtension(v1::tag, "extension");
  priv::Record p;
  ASSERT_TRUE(v1::svc::Converter::Default().ToPrivate(r, p).ok());
  EXPECT_FALSE(p.HasExtension(priv::tag));  // extensions are not converted
}

class RecordStore : public priv::svc::Legacy {
 public:
  absl::Status Store(const priv::Record& request, priv::Record* response) override {
    *response = request;
    return absl::OkStatus();
  }
};

TEST(CorpusLegacyTest, ServesThroughTheChain) {
  RecordStore store;
  priv::svc::LegacyChain chain(store);
  v1::Record response;
  ASSERT_TRUE(chain.v1().Store(Full(), &response).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(Full(), response));
  EXPECT_EQ(chain.v1().Store(v1::Record(), &response).ToString(),
            "INVALID_ARGUMENT: enabled: cannot be blank; required_mode: cannot be blank.");
}

}  // namespace
