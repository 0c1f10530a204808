#include "metrics_recorder.hpp"

#include <algorithm>

namespace eduauth::client_detail {

size_t latency_bucket(int64_t duration_ms) {
  const uint64_t d = duration_ms > 0 ? static_cast<uint64_t>(duration_ms) : 0;
  const auto it = std::lower_bound(kLatencyBucketBoundsMs.begin(), kLatencyBucketBoundsMs.end(), d);
  return static_cast<size_t>(it - kLatencyBucketBoundsMs.begin()); // past the end = open bucket
}

void MetricsRecorder::fetch_finished(Errc status, int64_t duration_ms) {
  const uint64_t d = duration_ms > 0 ? static_cast<uint64_t>(duration_ms) : 0;
  ++m_.latency_count;
  m_.latency_sum_ms += d;
  m_.latency_max_ms = std::max(m_.latency_max_ms, d);
  ++m_.latency_buckets[latency_bucket(duration_ms)];
  if (status == Errc::ok) {
    ++m_.fetch_successes;
    return;
  }
  ++m_.fetch_failures;
  switch (status) {
  case Errc::network:
  case Errc::tls: ++m_.failures_network; break;
  case Errc::timeout: ++m_.failures_timeout; break;
  case Errc::http_status: ++m_.failures_http_status; break;
  case Errc::bad_response:
  case Errc::malformed_token:
  case Errc::unsupported_version:
  case Errc::token_mismatch: ++m_.failures_bad_response; break;
  case Errc::expired_from_server: ++m_.failures_expired_from_server; break;
  case Errc::reauth_required: ++m_.failures_reauth; break;
  default: ++m_.failures_other; break;
  }
}

ClientMetrics MetricsRecorder::counters() const { return m_; }

void MetricsRecorder::add_key(ClientMetrics &m, const KeyGauges &k) {
  ++m.keys;
  if (k.has_valid_token) ++m.keys_with_token;
  if (k.in_flight) ++m.fetches_in_flight;
  if (k.in_cooldown) ++m.keys_in_cooldown;
  if (k.consecutive_failures > 0)
    m.max_consecutive_failures = std::max(m.max_consecutive_failures, static_cast<uint64_t>(k.consecutive_failures));
  if (k.backing_off) {
    const uint64_t in = k.retry_in_ms > 0 ? static_cast<uint64_t>(k.retry_in_ms) : 0;
    m.next_retry_in_ms = m.keys_backing_off == 0 ? in : std::min(m.next_retry_in_ms, in);
    ++m.keys_backing_off;
  }
}

} // namespace eduauth::client_detail
