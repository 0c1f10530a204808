// Refresh time = local deadline - margin, margin = min(5 min, 25 % of lifetime), +/- jitter.
#include <gtest/gtest.h>

#include "refresh_plan.hpp"

namespace eduauth::client_detail {
namespace {

TEST(RefreshPlan, DefaultMarginIsMinOfFiveMinutesAndAQuarter) {
  const RefreshPolicy p; // defaults of ClientConfig
  EXPECT_EQ(refresh_margin_ms(p, 3600), 300000);
  EXPECT_EQ(refresh_margin_ms(p, 600), 150000);
  EXPECT_EQ(refresh_margin_ms(p, 86400), 300000);
  EXPECT_EQ(refresh_margin_ms(p, 60), 15000);
  EXPECT_EQ(refresh_margin_ms(RefreshPolicy{120, 0.25, 0.1}, 3600), 120000); // absolute margin configured
  EXPECT_EQ(refresh_margin_ms(RefreshPolicy{1000000, 0.5, 0.1}, 3600), 1800000); // fraction only
}

TEST(RefreshPlan, JitterStaysWithinTenPercentOfTheMarginBothSides) {
  const RefreshPolicy p;
  const int64_t now = 50000;
  for (auto [lifetime, margin] : {std::pair<int64_t, int64_t>{3600, 300000}, {600, 150000}}) {
    const int64_t deadline = now + lifetime * 1000;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (uint64_t seed = 0; seed < 2000; ++seed) {
      std::mt19937_64 rng(seed);
      const int64_t at = refresh_at_boot_ms(p, lifetime, deadline, now, rng);
      ASSERT_GE(at, deadline - margin - margin / 10);
      ASSERT_LE(at, deadline - margin + margin / 10);
      lo = std::min(lo, at);
      hi = std::max(hi, at);
    }
    EXPECT_LT(lo, deadline - margin - margin / 20); // spread really is used on both sides
    EXPECT_GT(hi, deadline - margin + margin / 20);
  }
}

TEST(RefreshPlan, NoJitterGivesTheExactInstant) {
  const RefreshPolicy p{300, 0.25, 0.0};
  std::mt19937_64 rng(1);
  EXPECT_EQ(refresh_at_boot_ms(p, 3600, 3600000, 0, rng), 3300000);
  EXPECT_EQ(refresh_at_boot_ms(p, 600, 600000, 0, rng), 450000);
}

TEST(RefreshPlan, ATokenWithLessLifeThanTheMarginRefreshesHalfWayNotAtOnce) {
  const RefreshPolicy p{300, 0.25, 0.0};
  std::mt19937_64 rng(1);
  // Lifetime 3600 s but only 100 s left at receipt: refresh in 50 s, not in a hot loop.
  EXPECT_EQ(refresh_at_boot_ms(p, 3600, 1000 + 100000, 1000, rng), 1000 + 50000);
}

} // namespace
} // namespace eduauth::client_detail
