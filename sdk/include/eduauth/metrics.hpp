// eduauth — counters and gauges of a TokenClient (docs/metrics.md).
//
// A ClientMetrics is a plain snapshot: TokenClient::metrics() fills one on any thread, and the
// optional ClientConfig::metrics_sink receives one every metrics_interval on the dispatcher
// thread. Counters are cumulative since the client was constructed and never go down;
// gauges describe the state at the instant of the snapshot. Durations are MILLISECONDS on the
// client's boot-time clock (Clock::boot_ms), so a FakeClock drives them in tests.
//
// Cost: every field is updated under the client's mutex on paths that already take it
// (fetch start/finish, the locked get path, the scheduler). A cached get() served from the
// lock-free read path is not counted at all, so metrics never slow down cached hits.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace eduauth {

/// Upper bounds (inclusive, milliseconds) of the fetch latency buckets; a last, open-ended
/// bucket counts fetches longer than the final bound (> 5000 ms).
inline constexpr std::array<uint64_t, 8> kLatencyBucketBoundsMs{10, 50, 100, 250, 500, 1000, 2500, 5000};
/// Number of latency buckets: one per bound plus the open-ended one.
inline constexpr size_t kLatencyBuckets = kLatencyBucketBoundsMs.size() + 1;

/// Snapshot of one TokenClient's activity. Plain data; copies are independent.
struct ClientMetrics {
  // ---- counters (cumulative since construction) ----
  uint64_t fetches_started = 0;   ///< fetches sent to the Fetcher (first fetches, refreshes, retries)
  uint64_t fetch_successes = 0;   ///< fetches whose token was accepted and installed
  uint64_t fetch_failures = 0;    ///< fetches that failed: the sum of the failures_* classes below
  /// Failures by class (Errc of the outcome):
  uint64_t failures_network = 0;  ///< Errc::network and Errc::tls (DNS, connect, reset, TLS)
  uint64_t failures_timeout = 0;  ///< Errc::timeout (connect or total transport timeout)
  uint64_t failures_http_status = 0; ///< Errc::http_status (an HTTP error other than 401/403)
  /// Errc::bad_response, malformed_token, unsupported_version, token_mismatch: the server
  /// answered 2xx but not with a usable token for the asked key.
  uint64_t failures_bad_response = 0;
  uint64_t failures_expired_from_server = 0; ///< Errc::expired_from_server (case C-09)
  uint64_t failures_reauth = 0;   ///< Errc::reauth_required: the server answered 401/403 (C-11)
  uint64_t failures_other = 0;    ///< anything else (Errc::internal: a throwing Fetcher, no thread)
  /// get()/get_async() calls answered with the current token while a refresh of that key was
  /// in flight (the token stays valid meanwhile; see DESIGN.md "Refresh").
  uint64_t served_while_refreshing = 0;
  /// get()/get_async() calls that found no valid token and joined a fetch already in
  /// progress instead of starting one (single-flight): N concurrent cold callers give N-1.
  uint64_t coalesced_waiters = 0;
  /// get()/get_async() calls refused without a request during a re-auth / rejection
  /// cool-down (C-11).
  uint64_t cooldown_refusals = 0;

  // ---- gauges (at the snapshot) ----
  uint64_t keys = 0;              ///< keys the client knows (asked for and not forgotten)
  uint64_t keys_with_token = 0;   ///< keys holding a token that is valid now
  uint64_t fetches_in_flight = 0; ///< keys with a fetch in progress
  /// Keys whose last fetch failed and that wait for a scheduled retry (backoff).
  uint64_t keys_backing_off = 0;
  /// Keys in a re-auth / rejection cool-down (get() fails fast).
  uint64_t keys_in_cooldown = 0;
  /// Longest current run of consecutive failed fetches over all keys (0 = none failing).
  uint64_t max_consecutive_failures = 0;
  /// Milliseconds until the earliest scheduled retry of a backing-off key (0 when none is
  /// backing off, or the retry is due now).
  uint64_t next_retry_in_ms = 0;

  // ---- fetch latency (counters): send to receipt, boot-time milliseconds ----
  uint64_t latency_count = 0;     ///< fetches measured (successes + failures)
  uint64_t latency_sum_ms = 0;    ///< sum of their durations
  uint64_t latency_max_ms = 0;    ///< the longest one
  /// latency_buckets[i] counts fetches with duration <= kLatencyBucketBoundsMs[i] (and above
  /// the previous bound); the last bucket counts those above 5000 ms. Not cumulative.
  std::array<uint64_t, kLatencyBuckets> latency_buckets{};
};

} // namespace eduauth
