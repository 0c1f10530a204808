// Backoff windows 1, 2, 4, ..., 60 s with full jitter; bad-token floor; Retry-After.
#include <gtest/gtest.h>

#include "backoff.hpp"

namespace eduauth::client_detail {
namespace {

TEST(Backoff, WindowsDoubleFromOneSecondUpToSixty) {
  const BackoffPolicy p{1000, 60000};
  const int64_t expected[] = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
  for (int attempt = 1; attempt <= 8; ++attempt) EXPECT_EQ(backoff_window_ms(p, attempt), expected[attempt - 1]);
  EXPECT_EQ(backoff_window_ms(p, 1000000), 60000); // no overflow on long outages
}

TEST(Backoff, FullJitterStaysInsideZeroToWindowAndUsesIt) {
  const BackoffPolicy p{1000, 60000};
  for (int attempt = 1; attempt <= 9; ++attempt) {
    std::mt19937_64 rng(attempt);
    const int64_t window = backoff_window_ms(p, attempt);
    int64_t lo = window, hi = 0;
    for (int i = 0; i < 2000; ++i) {
      const int64_t d = backoff_delay_ms(p, attempt, FailureKind::transient, std::nullopt, rng);
      ASSERT_GE(d, 0);
      ASSERT_LE(d, window);
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    // Full jitter really spreads over the whole window (not a fixed delay).
    EXPECT_LT(lo, window / 10) << "attempt " << attempt;
    EXPECT_GT(hi, window * 9 / 10) << "attempt " << attempt;
  }
}

TEST(Backoff, BadTokenRetriesWaitAtLeastHalfTheWindow) {
  const BackoffPolicy p{1000, 60000};
  for (uint64_t seed = 0; seed < 500; ++seed) {
    std::mt19937_64 rng(seed);
    int64_t t = 0; // first failed request at t = 0
    int requests_in_10s = 1;
    for (int attempt = 1; attempt <= 8; ++attempt) {
      const int64_t d = backoff_delay_ms(p, attempt, FailureKind::bad_token, std::nullopt, rng);
      ASSERT_GE(d, backoff_window_ms(p, attempt) / 2);
      ASSERT_LE(d, backoff_window_ms(p, attempt));
      t += d;
      if (t < 10000) ++requests_in_10s;
    }
    ASSERT_LE(requests_in_10s, 5) << "seed " << seed; // case C-09 bound, for every seed
  }
}

TEST(Backoff, RetryAfterIsALowerBound) {
  const BackoffPolicy p{1000, 60000};
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200; ++i) {
    EXPECT_GE(backoff_delay_ms(p, 1, FailureKind::transient, 120, rng), 120000); // longer than the cap: honoured
    const int64_t d = backoff_delay_ms(p, 6, FailureKind::transient, 5, rng);
    EXPECT_GE(d, 5000);
    EXPECT_LE(d, 32000);
  }
  EXPECT_LE(backoff_delay_ms(p, 1, FailureKind::transient, 0, rng), 1000); // "Retry-After: 0"
  EXPECT_EQ(backoff_delay_ms(p, 1, FailureKind::transient, int64_t{1} << 62, rng), 86400000); // clamped, no overflow
}

} // namespace
} // namespace eduauth::client_detail
