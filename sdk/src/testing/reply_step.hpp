// eduauth test kit — one scripted reply of the test token server, and its JSON form.
//
// A script is a JSON array of steps (or one step object); every field is optional:
//   {"status": 503, "retry_after": "7", "delay_ms": 300, "body": "token", "expire_s": 600,
//    "date_skew_s": -1000, "issue_offset_s": 0, "for_user": "other", "for_room": "r",
//    "for_role": 2, "app_id": "<32 hex>", "code": "200"}
// Units: delay_ms real milliseconds; expire_s, date_skew_s, issue_offset_s seconds.
// docs/testing-kit.md is the user-facing description; parse_script() names the step and
// field of every error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace eduauth::testing {

/// What the body of a reply carries.
enum class BodyKind {
  token,     ///< {"token": <fresh token for the asked key>, "code": "200"}
  expired,   ///< same, but the token expired 100 s before the server's "now"
  malformed, ///< truncated JSON
  no_token,  ///< {"code": "200", "message": "ok"} without a token
  error,     ///< {"code": "<status>", "message": "scripted <status>"} (default when status is not 2xx)
  raw,       ///< `raw` verbatim
  none,      ///< no body: statuses 1xx, 204 and 304 (a "body" member is refused with them)
};

/// One reply. Defaults: HTTP 200 with a valid token, 3600 s lifetime, honest Date header.
struct ReplyStep {
  int status = 200;                       ///< HTTP status, 100..599
  std::optional<std::string> retry_after; ///< Retry-After header: delay-seconds or an HTTP-date
  int64_t delay_ms = 0;                   ///< REAL milliseconds before the answer, 0..600000
  BodyKind body = BodyKind::token;
  std::string raw;          ///< the body for BodyKind::raw
  uint32_t expire_s = 3600; ///< token lifetime, seconds, 1..86400
  /// Offset of the server's clock from the real clock, seconds: the Date header says
  /// now + date_skew_s and tokens are issued at that time too (a server whose clock is off).
  int64_t date_skew_s = 0;
  /// Token issue time relative to the server's clock, seconds (negative = in the past).
  int64_t issue_offset_s = 0;
  std::optional<std::string> for_user; ///< mint for this user instead of the asked one
  std::optional<std::string> for_room; ///< ... this room
  std::optional<int32_t> for_role;     ///< ... this role
  std::optional<std::string> app_id;   ///< sign with this app ID (and the server's certificate)
  /// The "code" member of token bodies (string or integer, e.g. "500" or 0); default "200".
  nlohmann::json code = "200";
};

/// One step from its JSON object. Throws eduauth::Error{invalid_argument} "step <index>:
/// <field> ..." for a wrong type, an out-of-range value or an unknown field, a retry_after
/// with a control character, an app_id that is not 32 hex, a for_role outside int16, or a
/// body with status 1xx / 204 / 304 (those replies carry no body: BodyKind::none).
ReplyStep parse_step(const nlohmann::json &step, size_t index);

/// A script: a JSON array of step objects, or one step object. Throws invalid_argument
/// for text that is not JSON or a step that parse_step refuses.
std::vector<ReplyStep> parse_script(std::string_view text);

} // namespace eduauth::testing
