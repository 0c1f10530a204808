// The JSON lines both sample CLIs print with --watch (eduauth-token fetch, eduauth-launch):
// one flat object per line, {"event":"<type>", ...} in snake_case, absolute Unix SECONDS for
// times, never a token (only its fingerprint). Shared so the two tools cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include "eduauth/events.hpp"
#include "eduauth/metrics.hpp"

namespace eduauth::samples {

/// {"event":"refreshed"|"will_expire"|"refresh_failed"|"expired"|"reauth_required",
///  "room_uuid","user_uuid","role", then what the event carries: "fingerprint" and
///  "expires_at" (refreshed, will_expire, expired), "seconds_left" (will_expire,
///  refresh_failed, reauth_required), "status" (EDUAUTH_E_* name), "http_status", "message"
///  (refresh_failed, reauth_required)}. Event::token is never included.
nlohmann::ordered_json event_json(const Event &event);

/// {"event":"metrics", every ClientMetrics field under its C++ name, "latency_buckets":[9],
///  "latency_bucket_bounds_ms":[10,...,5000]} (docs/metrics.md).
nlohmann::ordered_json metrics_json(const ClientMetrics &metrics);

} // namespace eduauth::samples
