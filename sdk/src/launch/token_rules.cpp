// Parameter consistency between the launchOption and its token (spec "Consistency with the
// token", case C-14), RTM usability of the token (case C-04), and its remaining lifetime.
#include <cctype>
#include <chrono>
#include <ctime>

#include <zlib.h>

#include "eduauth/token.hpp"
#include "launch/checks.hpp"

namespace eduauth::launch::detail {
namespace {

void mismatch(Report &r, const std::string &field, const std::string &text) {
  add(r.errors, Errc::launch_token_mismatch, field, text);
}

std::string iso_utc(int64_t unix_s) {
  const std::time_t t = static_cast<std::time_t>(unix_s);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return std::to_string(unix_s);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string hex32(uint32_t v) {
  static const char *digits = "0123456789abcdef";
  std::string s = "0x00000000";
  for (int i = 9; i >= 2; --i, v >>= 4) s[static_cast<size_t>(i)] = digits[v & 0xF];
  return s;
}

void check_app_id(const LaunchOption &o, const std::string &token_app_id, Report &r) {
  if (!o.app_id || *o.app_id == token_app_id) return;
  std::string text = "launch value " + quote(*o.app_id) + " but the token is for app ID " + quote(token_app_id);
  if (o.app_id->size() == token_app_id.size()) {
    bool same_ignoring_case = true;
    for (size_t i = 0; i < token_app_id.size(); ++i)
      same_ignoring_case &= std::tolower(static_cast<unsigned char>((*o.app_id)[i])) ==
                            std::tolower(static_cast<unsigned char>(token_app_id[i]));
    if (same_ignoring_case) text += " (they differ only in letter case; the token signs the exact text)";
  }
  mismatch(r, "appId", text);
}

std::string service_list(const token::AccessToken2 &t) {
  std::string s;
  for (const auto &svc : t.services)
    s += (s.empty() ? "" : ", ") + std::string(token::service_type_name(svc.type)) + "(" + std::to_string(svc.type) + ")";
  return s.empty() ? "none" : s;
}

void check_apaas(const LaunchOption &o, const token::Service &svc, Report &r) {
  if (svc.user_uuid.empty()) {
    mismatch(r, "token", "is an APaaS app token (no user): a classroom is launched with a room-user token");
    return;
  }
  if (svc.user_uuid != o.user_uuid)
    mismatch(r, "userUuid", "launch value " + quote(o.user_uuid) + " but the token's APaaS user (service 7) is " +
                                quote(svc.user_uuid));
  if (svc.room_uuid.empty()) return; // an APaaS user token: not bound to a room or role
  if (svc.room_uuid != o.room_uuid)
    mismatch(r, "roomUuid", "launch value " + quote(o.room_uuid) + " but the token's APaaS room (service 7) is " +
                                quote(svc.room_uuid));
  if (svc.role != static_cast<int32_t>(o.role_type))
    mismatch(r, "roleType", "launch value " + std::to_string(static_cast<int32_t>(o.role_type)) +
                                " but the token's APaaS role (service 7) is " + std::to_string(svc.role));
}

void check_007(const LaunchOption &o, const token::AccessToken2 &t, Report &r) {
  using token::ServiceType;
  // APaaS first (it binds user, room and role), then the services that bind only the user;
  // the wire order is by type, which would report the RTM user before the APaaS one.
  for (const auto &svc : t.services)
    if (svc.type == static_cast<uint16_t>(ServiceType::apaas)) check_apaas(o, svc, r);
  bool rtm_login = false;
  for (const auto &svc : t.services) {
    switch (static_cast<ServiceType>(svc.type)) {
    case ServiceType::rtm:
    case ServiceType::rtm2:
      rtm_login = true;
      if (svc.user_id != o.user_uuid)
        mismatch(r, "userUuid", "launch value " + quote(o.user_uuid) + " but the token's RTM user (service " +
                                    std::to_string(svc.type) + ") is " + quote(svc.user_id));
      break;
    case ServiceType::chat:
      if (!svc.user_id.empty() && svc.user_id != token::chat_user_id(o.user_uuid))
        mismatch(r, "userUuid", "launch value " + quote(o.user_uuid) + " (Chat id md5 " +
                                    quote(token::chat_user_id(o.user_uuid)) + ") but the token's Chat user (service 5) is " +
                                    quote(svc.user_id));
      break;
    default:
      break;
    }
  }
  if (!rtm_login)
    mismatch(r, "token", "has no RTM service (type 2): the classroom logs in to RTM as userUuid; services present: " +
                             service_list(t));
}

void check_006(const LaunchOption &o, const token::AccessToken006 &t, Report &r) {
  if (!t.privileges.count(token::privilege::k006RtmLogin)) {
    mismatch(r, "token", "is a 006 token without the RTM login privilege (1000), i.e. an RTC token");
    return;
  }
  if (t.crc_uid != 0) {
    // RTM 006 tokens sign channel = account and uid = "" (CRC-32("") = 0): case C-04.
    mismatch(r, "token", "is a 006 RTM token with the user in the uid slot (crc_uid " + hex32(t.crc_uid) +
                             ", expected 0x00000000 for uid \"\"): RTM tokens sign channel = user account");
  }
  const uint32_t expected = static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef *>(o.user_uuid.data()), static_cast<uInt>(o.user_uuid.size())));
  if (t.crc_channel_name != expected)
    mismatch(r, "userUuid", "launch value " + quote(o.user_uuid) + " (CRC-32 " + hex32(expected) +
                                ") but the 006 token was signed for another user account (crc_channel_name " +
                                hex32(t.crc_channel_name) + ")");
}

void check_lifetime(const LaunchOption &o, const token::Token &t, const CheckOptions &opts, Report &r) {
  const int64_t now = opts.now_unix_s ? *opts.now_unix_s
                                      : std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count();
  const int64_t expires_at = t.expires_at();
  const int64_t left = expires_at - now;
  if (left <= 0) {
    add(r.errors, Errc::invalid_launch_option, "token",
        "expired at " + iso_utc(expires_at) + " (" + std::to_string(-left) + " s before now " + iso_utc(now) + ")");
    return;
  }
  if (left < o.duration_s) {
    add(opts.require_token_lifetime ? r.errors : r.warnings, Errc::invalid_launch_option, "token",
        "remaining life " + std::to_string(left) + " s (expires " + iso_utc(expires_at) +
            ") is shorter than duration " + std::to_string(o.duration_s) + " s");
  }
}

} // namespace

void check_token(const LaunchOption &o, const CheckOptions &opts, Report &r) {
  if (o.token.empty()) {
    add(r.errors, Errc::invalid_launch_option, "token", "is required and must not be empty");
    return;
  }
  token::Token t;
  try {
    t = token::decode(o.token);
  } catch (const Error &e) {
    add(r.errors, e.code(), "token",
        "does not decode (" + token::fingerprint(o.token) + "): " + e.what());
    return;
  }
  check_app_id(o, t.app_id(), r);
  if (t.version == token::Version::v007) check_007(o, t.v007, r);
  else check_006(o, t.v006, r);
  check_lifetime(o, t, opts, r);
}

} // namespace eduauth::launch::detail
