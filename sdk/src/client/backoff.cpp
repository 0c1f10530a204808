#include "backoff.hpp"

#include <algorithm>

namespace eduauth::client_detail {

int64_t backoff_window_ms(const BackoffPolicy &policy, int attempt) {
  int64_t window = std::max<int64_t>(policy.initial_ms, 0);
  for (int i = 1; i < attempt && window < policy.max_ms; ++i) window *= 2; // stops before overflow
  return std::min(window, policy.max_ms);
}

int64_t backoff_delay_ms(const BackoffPolicy &policy, int attempt, FailureKind kind,
                         std::optional<int64_t> retry_after_s, std::mt19937_64 &rng) {
  const int64_t window = backoff_window_ms(policy, attempt);
  const int64_t low = kind == FailureKind::bad_token ? window / 2 : 0;
  int64_t delay = std::uniform_int_distribution<int64_t>(low, window)(rng);
  if (retry_after_s && *retry_after_s > 0) {
    // Cap absurd values (a day) so an int64 multiply cannot overflow.
    const int64_t floor_ms = std::min<int64_t>(*retry_after_s, 86400) * 1000;
    delay = std::max(delay, floor_ms);
  }
  return delay;
}

} // namespace eduauth::client_detail
