// Bounds at the edge of a field's type compile (no always-false comparison)
// and accept every value; bounds one step inside still reject.
#include <cstdint>
#include <limits>

#include "corpus/bounds/v1/bounds.svc.h"
#include "gtest/gtest.h"

namespace {

namespace bounds = ::corpus::bounds::v1;

TEST(CorpusBoundsTest, EdgeOfTypeBoundsAcceptEverything) {
  bounds::Signed edge;
  edge.set_a(std::numeric_limits<int32_t>::min());
  edge.set_b(std::numeric_limits<int32_t>::max());
  edge.set_c(std::numeric_limits<int64_t>::min());
  EXPECT_TRUE(bounds::svc::Validate(edge).ok());
  bounds::Unsigned zero;
  zero.set_some(1);
  zero.set_most(std::numeric_limits<uint32_t>::max());
  zero.set_all(std::numeric_limits<uint64_t>::max());
  EXPECT_TRUE(bounds::svc::Validate(zero).ok());
}

TEST(CorpusBoundsTest, BoundsInsideTheRangeStillApply) {
  bounds::Signed low;
  low.set_d(std::numeric_limits<int32_t>::min());
  EXPECT_EQ(bounds::svc::Validate(low).ToString(), "d: must be no less than -2147483647.");
  bounds::Signed high;
  high.set_d(std::numeric_limits<int32_t>::max());
  EXPECT_EQ(bounds::svc::Validate(high).ToString(), "d: must be no greater than 2147483646.");
  bounds::Unsigned most;
  most.set_some(std::numeric_limits<uint32_t>::max());
  EXPECT_EQ(bounds::svc::Validate(most).ToString(), "some: must be no greater than 4294967294.");
}

}  // namespace
