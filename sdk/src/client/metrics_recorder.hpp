// The counting side of ClientMetrics (eduauth/metrics.hpp): counters bumped by the token
// client and the per-key gauges it adds up for a snapshot.
//
// Not thread-safe on purpose: the client calls every member with its own mutex held, on
// paths that take that mutex anyway, so counting adds no atomics and no shared writes to
// the lock-free read path of get().
#pragma once

#include <cstdint>

#include "eduauth/error.hpp"
#include "eduauth/metrics.hpp"

namespace eduauth::client_detail {

/// What one key contributes to the gauges of a snapshot.
struct KeyGauges {
  bool has_valid_token = false;
  bool in_flight = false;
  bool backing_off = false;     ///< last fetch failed, a retry is scheduled
  bool in_cooldown = false;
  int64_t consecutive_failures = 0;
  int64_t retry_in_ms = 0;      ///< until the scheduled retry (meaningful when backing_off)
};

class MetricsRecorder {
public:
  void fetch_started() { ++m_.fetches_started; }
  /// A fetch ended with `status` (Errc::ok = installed) after `duration_ms` (boot clock).
  void fetch_finished(Errc status, int64_t duration_ms);
  void served_while_refreshing() { ++m_.served_while_refreshing; }
  void coalesced_waiter() { ++m_.coalesced_waiters; }
  void cooldown_refusal() { ++m_.cooldown_refusals; }

  /// The counters so far with zeroed gauges; add each key with add_key().
  ClientMetrics counters() const;
  static void add_key(ClientMetrics &m, const KeyGauges &k);

private:
  ClientMetrics m_; // gauges stay zero here
};

/// Index into ClientMetrics::latency_buckets for a fetch of `duration_ms`.
size_t latency_bucket(int64_t duration_ms);

} // namespace eduauth::client_detail
