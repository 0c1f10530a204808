// eduauth test kit — answering a token request the way a scripted step says.
//
// Shared by the installed scripted server (scripted_server.hpp) and the project's fault
// server (tests/integration/support/fault_server.hpp): reading the asked key from the
// request body, minting the token, writing the reply (status, Retry-After, Date, body).
#pragma once

#include <cstdint>
#include <string>

#include <httplib.h>

#include "reply_step.hpp"

namespace eduauth::testing {

/// The request shapes of shared/specs/token-servers.md the test servers answer.
enum class Shape {
  education, ///< POST {roomUuid, userUuid, role} -> room-user (APaaS) token
  rtm,       ///< POST {uid} -> RTM login token for uid
};

/// The key a request asks for. Missing or mistyped members keep these defaults.
struct AskedKey {
  std::string room = "room";
  std::string user = "user";
  int32_t role = 1;
};

/// The key in a request body of `shape` (JSON; anything unreadable gives the defaults).
AskedKey asked_key(Shape shape, const std::string &body);

/// The credentials a test server signs with.
struct Credentials {
  std::string app_id;
  std::string app_certificate;
};

/// Mints the token `step` describes for `key` (for_user/for_room/for_role/app_id, expire_s,
/// issue time = now + date_skew_s + issue_offset_s, or expired), or "" for bodies without
/// a token. `now_s`: the real time, absolute Unix seconds. Throws eduauth::Error.
std::string mint(const ReplyStep &step, Shape shape, const AskedKey &key, const Credentials &cred,
                 int64_t now_s);

/// Writes `step` into `res` (status, Retry-After, Date = now_s + date_skew_s, body with
/// `token`). Does not sleep: delay_ms is the caller's business.
void write_reply(const ReplyStep &step, const std::string &token, int64_t now_s, httplib::Response &res);

/// HTTP-date (IMF-fixdate, RFC 9110 §5.6.7) of an absolute Unix time in seconds.
std::string http_date(int64_t unix_seconds);

/// The real time, absolute Unix seconds (system clock).
int64_t unix_now();

} // namespace eduauth::testing
