// The legacy named 006 builders (spec §3.4) on top of build(AccessToken006).
#include "builder_checks.hpp"
#include "codecs.hpp"
#include "eduauth/builders.hpp"

namespace eduauth::token {

namespace {

using namespace privilege;

// Validates the ids and fills salt and ts = clock + 24 h (the reference's constructor).
AccessToken006 start(std::string_view app_id, std::string_view app_certificate, const BuildOptions &options) {
  detail::require_hex32("app ID", app_id, false);
  detail::require_hex32("app certificate", app_certificate, true);
  const uint64_t ts = uint64_t{detail::clock_or_now(options)} + 86400;
  if (ts > 0xffffffffULL) {
    throw Error(Errc::invalid_argument, "clock " + std::to_string(ts - 86400) +
                                            " + 86400 s does not fit the u32 ts field of a 006 token");
  }
  AccessToken006 t;
  t.app_id.assign(app_id);
  t.salt = detail::salt_or_random(options);
  t.ts = static_cast<uint32_t>(ts);
  return t;
}

} // namespace

std::string RtcTokenBuilder::buildTokenWithUid(std::string_view app_id, std::string_view app_certificate,
                                               std::string_view channel_name, int64_t uid, Role role,
                                               uint32_t privilege_expired_ts, const BuildOptions &options) {
  const std::string account = account_from_uid(uid);
  return buildTokenWithUserAccount(app_id, app_certificate, channel_name, account, role, privilege_expired_ts,
                                   options);
}

std::string RtcTokenBuilder::buildTokenWithUserAccount(std::string_view app_id, std::string_view app_certificate,
                                                       std::string_view channel_name, std::string_view account,
                                                       Role role, uint32_t privilege_expired_ts,
                                                       const BuildOptions &options) {
  AccessToken006 t = start(app_id, app_certificate, options);
  t.privileges[k006JoinChannel] = privilege_expired_ts;
  // As the reference: Attendee, Publisher and Admin also publish; Subscriber and any value the
  // enum does not name are join-only (spec §3.4).
  if (role == kRoleAttendee || role == kRolePublisher || role == kRoleAdmin) {
    t.privileges[k006PublishAudioStream] = privilege_expired_ts;
    t.privileges[k006PublishVideoStream] = privilege_expired_ts;
    t.privileges[k006PublishDataStream] = privilege_expired_ts;
  }
  return build(t, app_certificate, channel_name, account);
}

std::string RtmTokenBuilder::buildToken(std::string_view app_id, std::string_view app_certificate,
                                        std::string_view user_account, Role /*role: no effect, see header*/,
                                        uint32_t privilege_expired_ts, const BuildOptions &options) {
  AccessToken006 t = start(app_id, app_certificate, options);
  t.privileges[k006RtmLogin] = privilege_expired_ts;
  // RTM 006 signs with channel = the user account and an empty uid (spec §3.4, case C-04).
  return build(t, app_certificate, user_account, "");
}

} // namespace eduauth::token
