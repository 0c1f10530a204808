// eduauth C API — client metrics (eduauth/metrics.h): the snapshot copy with the growable
// struct_size rule, and the sink relay.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "client_types.hpp"
#include "guard.hpp"

using namespace eduauth::capi;

namespace {

constexpr size_t kHeaderBytes = offsetof(eduauth_metrics, fetches_started);
static_assert(kHeaderBytes == 8, "eduauth_metrics: struct_size + reserved come first");
static_assert(sizeof(eduauth_metrics) % sizeof(uint64_t) == 0, "eduauth_metrics: whole 64-bit fields");
static_assert(EDUAUTH_METRICS_LATENCY_BUCKETS == eduauth::kLatencyBuckets, "latency buckets differ from the C++ API");

constexpr int64_t kMaxIntervalMs = 86'400'000; // one day

eduauth_metrics to_c(const eduauth::ClientMetrics &m) {
  eduauth_metrics c{};
  c.struct_size = sizeof(eduauth_metrics);
  c.fetches_started = m.fetches_started;
  c.fetch_successes = m.fetch_successes;
  c.fetch_failures = m.fetch_failures;
  c.failures_network = m.failures_network;
  c.failures_timeout = m.failures_timeout;
  c.failures_http_status = m.failures_http_status;
  c.failures_bad_response = m.failures_bad_response;
  c.failures_expired_from_server = m.failures_expired_from_server;
  c.failures_reauth = m.failures_reauth;
  c.failures_other = m.failures_other;
  c.served_while_refreshing = m.served_while_refreshing;
  c.coalesced_waiters = m.coalesced_waiters;
  c.cooldown_refusals = m.cooldown_refusals;
  c.keys = m.keys;
  c.keys_with_token = m.keys_with_token;
  c.fetches_in_flight = m.fetches_in_flight;
  c.keys_backing_off = m.keys_backing_off;
  c.keys_in_cooldown = m.keys_in_cooldown;
  c.max_consecutive_failures = m.max_consecutive_failures;
  c.next_retry_in_ms = m.next_retry_in_ms;
  c.latency_count = m.latency_count;
  c.latency_sum_ms = m.latency_sum_ms;
  c.latency_max_ms = m.latency_max_ms;
  std::copy(m.latency_buckets.begin(), m.latency_buckets.end(), c.latency_buckets);
  return c;
}

} // namespace

namespace eduauth::capi {

void attach_metrics_sink(eduauth::ClientConfig &cc, eduauth_client &handle, const eduauth_client_config &c) {
  if (!c.metrics_sink) return;
  handle.metrics_relay = std::make_shared<MetricsRelay>();
  handle.metrics_relay->callback = c.metrics_sink;
  cc.metrics_interval = std::chrono::milliseconds(c.metrics_interval_ms);
  // Runs on the C++ dispatcher thread without SDK locks; the relay lock only guards the copy.
  cc.metrics_sink = [relay = handle.metrics_relay](const eduauth::ClientMetrics &m) {
    std::shared_ptr<MetricsCallback> cb;
    {
      std::lock_guard<std::mutex> lk(relay->mu);
      cb = relay->callback;
    }
    if (!cb || !cb->fn) return;
    const eduauth_metrics view = to_c(m);
    cb->fn(cb->user_data, &view);
  };
}

void detach_metrics_sink(eduauth_client &handle) noexcept {
  if (!handle.metrics_relay) return;
  std::shared_ptr<MetricsCallback> cb;
  {
    std::lock_guard<std::mutex> lk(handle.metrics_relay->mu);
    cb.swap(handle.metrics_relay->callback);
  }
  cb.reset(); // the app's destroy(user_data) if this was the last owner
}

} // namespace eduauth::capi

extern "C" {

int eduauth_client_metrics(eduauth_client *client, eduauth_metrics *out) {
  return guarded(__func__, [&] {
    require(out, "out");
    if (out->struct_size < kHeaderBytes)
      throw invalid("out->struct_size " + std::to_string(out->struct_size) + " is below " +
                    std::to_string(kHeaderBytes) + " (set it to sizeof(eduauth_metrics))");
    CallScope scope(client);
    const eduauth_metrics full = to_c(client->client->metrics());
    // Whole fields only, never past what the caller's struct holds (or ours).
    size_t n = std::min<size_t>(out->struct_size, sizeof(eduauth_metrics));
    n -= n % sizeof(uint64_t);
    std::memcpy(reinterpret_cast<unsigned char *>(out) + kHeaderBytes,
                reinterpret_cast<const unsigned char *>(&full) + kHeaderBytes, n - kHeaderBytes);
    out->struct_size = static_cast<uint32_t>(n);
    out->reserved = 0;
    return EDUAUTH_OK;
  });
}

int eduauth_client_config_set_metrics_sink(eduauth_client_config *config, eduauth_metrics_fn fn, void *user_data,
                                           eduauth_destroy_fn destroy, int64_t interval_ms) {
  return guarded(__func__, [&] {
    require(config, "config");
    if (interval_ms < 1 || interval_ms > kMaxIntervalMs)
      throw invalid("interval_ms " + std::to_string(interval_ms) + " is outside 1..86400000");
    // The previous sink's user data is released when no client uses it any more.
    config->metrics_sink = fn ? std::make_shared<MetricsCallback>(fn, user_data, destroy) : nullptr;
    config->metrics_interval_ms = interval_ms;
    if (!fn && destroy) destroy(user_data); // nothing will own it: release now
    return EDUAUTH_OK;
  });
}

} // extern "C"
