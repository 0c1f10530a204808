// Retry delays after a failed fetch: exponential backoff with full jitter, Retry-After.
// Pure functions of their inputs (the RNG is passed in), so tests check exact bounds.
#pragma once

#include <cstdint>
#include <optional>
#include <random>

namespace eduauth::client_detail {

struct BackoffPolicy {
  int64_t initial_ms = 1000;
  int64_t max_ms = 60000;
};

/// Upper bound of the delay window of failed attempt `attempt` (1-based):
/// min(max_ms, initial_ms * 2^(attempt-1)), without overflow for any attempt.
int64_t backoff_window_ms(const BackoffPolicy &policy, int attempt);

/// How hard a failure is for retry spacing.
enum class FailureKind {
  transient, ///< network, timeout, 5xx, ...: full jitter in [0, window]
  bad_token, ///< the server answered with an unusable token: [window/2, window], so a server
             ///< that keeps doing it is asked at most ~5 times in 10 s (case C-09)
};

/// Delay before the next attempt, in milliseconds: a uniform draw from the kind's range,
/// never below retry_after_s * 1000 when the server sent Retry-After (429/503).
int64_t backoff_delay_ms(const BackoffPolicy &policy, int attempt, FailureKind kind,
                         std::optional<int64_t> retry_after_s, std::mt19937_64 &rng);

} // namespace eduauth::client_detail
