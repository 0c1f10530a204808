#include "watch_json.hpp"

#include "eduauth/error.hpp"

namespace eduauth::samples {

nlohmann::ordered_json event_json(const Event &ev) {
  nlohmann::ordered_json j{{"event", event_type_name(ev.type)},
                           {"room_uuid", ev.key.room_uuid},
                           {"user_uuid", ev.key.user_uuid},
                           {"role", ev.key.role}};
  switch (ev.type) {
  case EventType::refreshed:
  case EventType::expired:
    j["fingerprint"] = ev.fingerprint;
    j["expires_at"] = ev.expires_at;
    break;
  case EventType::will_expire:
    j["fingerprint"] = ev.fingerprint;
    j["expires_at"] = ev.expires_at;
    j["seconds_left"] = ev.seconds_left;
    break;
  case EventType::refresh_failed:
  case EventType::reauth_required:
    j["status"] = errc_name(ev.status);
    j["http_status"] = ev.http_status;
    j["seconds_left"] = ev.seconds_left;
    j["message"] = ev.message;
    break;
  }
  return j;
}

nlohmann::ordered_json metrics_json(const ClientMetrics &m) {
  return nlohmann::ordered_json{
      {"event", "metrics"},
      {"fetches_started", m.fetches_started},
      {"fetch_successes", m.fetch_successes},
      {"fetch_failures", m.fetch_failures},
      {"failures_network", m.failures_network},
      {"failures_timeout", m.failures_timeout},
      {"failures_http_status", m.failures_http_status},
      {"failures_bad_response", m.failures_bad_response},
      {"failures_expired_from_server", m.failures_expired_from_server},
      {"failures_reauth", m.failures_reauth},
      {"failures_other", m.failures_other},
      {"served_while_refreshing", m.served_while_refreshing},
      {"coalesced_waiters", m.coalesced_waiters},
      {"cooldown_refusals", m.cooldown_refusals},
      {"keys", m.keys},
      {"keys_with_token", m.keys_with_token},
      {"fetches_in_flight", m.fetches_in_flight},
      {"keys_backing_off", m.keys_backing_off},
      {"keys_in_cooldown", m.keys_in_cooldown},
      {"max_consecutive_failures", m.max_consecutive_failures},
      {"next_retry_in_ms", m.next_retry_in_ms},
      {"latency_count", m.latency_count},
      {"latency_sum_ms", m.latency_sum_ms},
      {"latency_max_ms", m.latency_max_ms},
      {"latency_buckets", m.latency_buckets},
      {"latency_bucket_bounds_ms", kLatencyBucketBoundsMs},
  };
}

} // namespace eduauth::samples
