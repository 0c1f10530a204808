// eduauth — what the token client tells the app about its tokens (DESIGN.md "Events").
//
// Events reach the app two ways, both fed by the same stream:
//   (a) ClientConfig::on_event, called on ONE SDK-owned dispatcher thread, never while an
//       SDK lock is held (the callback may call back into the client: get, invalidate, ...);
//       no callback runs after TokenClient::close() has returned;
//   (b) the poll queue TokenClient::next_event(timeout), bounded; when full the oldest
//       event is dropped and TokenClient::dropped_events() counts it. Game loops and the
//       language bindings use this one (no native-to-managed callbacks needed).
#pragma once

#include <cstdint>
#include <string>

#include "eduauth/error.hpp"
#include "eduauth/fetch.hpp"

namespace eduauth {

enum class EventType : int {
  /// A new token was fetched, validated and installed for `key` (first fetch included).
  refreshed = 1,
  /// The current token of `key` has seconds_left (<= ClientConfig::will_expire_lead) of
  /// validity left and no refresh has replaced it yet. Once per token.
  will_expire = 2,
  /// A fetch for `key` failed (any status except reauth_required). The previous token, if
  /// any, is still served for seconds_left seconds; the client retries with backoff.
  refresh_failed = 3,
  /// The token of `key` passed its local deadline and is no longer served. Once per token.
  expired = 4,
  /// The token server answered 401/403: the user must sign in again. No retry loop; one
  /// event per failed attempt; get() fails fast during the re-auth cool-down.
  reauth_required = 5,
};

/// Static name: "refreshed", "will_expire", "refresh_failed", "expired", "reauth_required".
const char *event_type_name(EventType type) noexcept;

/// One event. Fields that do not apply to `type` keep their defaults.
struct Event {
  EventType type = EventType::refreshed;
  TokenKey key;
  /// refreshed: fingerprint of the new token (eduauth::token::fingerprint, "sha256:xxxxxxxx").
  std::string fingerprint;
  /// refreshed: the new token itself when ClientConfig::events_carry_token is true, else "".
  /// A SECRET: never log it (log `fingerprint`).
  std::string token;
  /// refreshed: effective expiry of the new token, absolute Unix SECONDS (server frame,
  /// as written in the token).
  int64_t expires_at = 0;
  /// will_expire, refresh_failed: SECONDS of local validity the current token still has
  /// (0 when there is no valid token).
  int64_t seconds_left = 0;
  /// refresh_failed, reauth_required: the failure's code (e.g. Errc::http_status,
  /// Errc::expired_from_server, Errc::reauth_required).
  Errc status = Errc::ok;
  /// refresh_failed, reauth_required: HTTP status of the token server's answer (0 = none).
  int http_status = 0;
  /// refresh_failed, reauth_required: human-readable reason; never contains a token.
  std::string message;
};

} // namespace eduauth
