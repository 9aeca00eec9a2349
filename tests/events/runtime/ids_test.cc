// Event ids and clocks.
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cppsvc/events.h"
#include "gtest/gtest.h"

namespace cppsvc::events {
namespace {

TEST(NewEventId, IsALowercaseRfc4122Version4UuidWithDashes) {
  const std::regex uuid_v4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewEventId();
    ASSERT_TRUE(std::regex_match(id, uuid_v4)) << id;
  }
}

TEST(NewEventId, EveryRandomBitVaries) {
  // 122 random bits: over many ids, every hex digit position but the fixed
  // version digit takes many values, and the variant digit all of 8, 9, a, b.
  std::vector<std::set<char>> seen(36);
  for (int i = 0; i < 2000; ++i) {
    const std::string id = NewEventId();
    for (size_t j = 0; j < id.size(); ++j) seen[j].insert(id[j]);
  }
  for (size_t j = 0; j < 36; ++j) {
    if (j == 8 || j == 13 || j == 18 || j == 23) {
      EXPECT_EQ(seen[j], std::set<char>{'-'});
    } else if (j == 14) {
      EXPECT_EQ(seen[j], std::set<char>{'4'});
    } else if (j == 19) {
      EXPECT_EQ(seen[j], (std::set<char>{'8', '9', 'a', 'b'}));
    } else {
      EXPECT_EQ(seen[j].size(), 16u) << "position " << j;
    }
  }
}

TEST(NewEventId, IsUniqueAcrossThreads) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25000;
  std::vector<std::vector<std::string>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&ids, t] {
      for (int i = 0; i < kPerThread; ++i) ids[t].push_back(NewEventId());
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> all;
  for (const auto& list : ids) all.insert(list.begin(), list.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
}

TEST(NowMillis, IsTheUnixClockInMilliseconds) {
  const int64_t before = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  const int64_t now = NowMillis();
  const int64_t after = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  EXPECT_GE(now, before);
  EXPECT_LE(now, after);
  EXPECT_GT(now, int64_t{1700000000000});  // after November 2023: milliseconds, not seconds
}

}  // namespace
}  // namespace cppsvc::events
