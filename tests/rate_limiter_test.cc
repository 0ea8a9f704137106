#include "serve/rate_limiter.h"

#include <gtest/gtest.h>

namespace kroniek {
namespace {

using std::chrono::seconds;

TEST(RateLimiter, BurstThenOnePerInterval) {
  RateLimiter limiter(60);  // one a second once the burst is spent
  const auto t0 = RateLimiter::Clock::time_point() + std::chrono::hours(1);
  int retry = 0;
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(limiter.Allow("a", t0, &retry)) << i;
  EXPECT_FALSE(limiter.Allow("a", t0, &retry));
  EXPECT_EQ(retry, 1);
  EXPECT_TRUE(limiter.Allow("b", t0, &retry)) << "clients are counted apart";
  EXPECT_TRUE(limiter.Allow("a", t0 + seconds(1), &retry));
  EXPECT_FALSE(limiter.Allow("a", t0 + seconds(1), &retry));
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(limiter.Allow("a", t0 + seconds(120), &retry)) << "refilled, capped";
  EXPECT_FALSE(limiter.Allow("a", t0 + seconds(120), &retry));
}

TEST(RateLimiter, RetryAfterGrowsWithSlowRates) {
  RateLimiter limiter(2);  // one every 30 s
  const auto t0 = RateLimiter::Clock::time_point() + std::chrono::hours(1);
  int retry = 0;
  EXPECT_TRUE(limiter.Allow("a", t0, &retry));
  EXPECT_TRUE(limiter.Allow("a", t0, &retry));
  EXPECT_FALSE(limiter.Allow("a", t0 + seconds(10), &retry));
  EXPECT_EQ(retry, 20);
}

TEST(RateLimiter, ZeroMeansNoLimit) {
  RateLimiter limiter(0);
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(limiter.Allow("a", RateLimiter::Clock::now(), nullptr));
}

}  // namespace
}  // namespace kroniek
