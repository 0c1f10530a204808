// The named 007 builders (spec §2.6) on top of build(AccessToken2).
#include <utility>

#include "builder_checks.hpp"
#include "codecs.hpp"
#include "eduauth/builders.hpp"

namespace eduauth::token {

namespace {

using namespace privilege;

// Validates what every named 007 builder shares and fills the token header.
AccessToken2 start(std::string_view app_id, std::string_view app_certificate, const char *expire_field,
                   uint32_t expire, const BuildOptions &options) {
  detail::require_hex32("app ID", app_id, false);
  detail::require_hex32("app certificate", app_certificate, true);
  detail::require_relative(expire_field, expire);
  AccessToken2 t;
  t.app_id.assign(app_id);
  t.issue_ts = detail::clock_or_now(options);
  t.expire = expire;
  t.salt = detail::salt_or_random(options);
  return t;
}

// RTC by role: join always, the publish privileges for publishers only (spec §2.6). As in the
// reference, any other role value (also one the enum does not name) is join-only, not an error.
Service rtc_by_role(std::string_view channel_name, std::string account, RtcTokenBuilder2::Role role,
                    uint32_t privilege_expire) {
  Service s = Service::rtc(std::string(channel_name), std::move(account));
  s.add_privilege(kJoinChannel, privilege_expire);
  if (role == RtcTokenBuilder2::kRolePublisher) {
    s.add_privilege(kPublishAudioStream, privilege_expire)
        .add_privilege(kPublishVideoStream, privilege_expire)
        .add_privilege(kPublishDataStream, privilege_expire);
  }
  return s;
}

std::string rtc_per_privilege(std::string_view app_id, std::string_view app_certificate,
                              std::string_view channel_name, std::string account, uint32_t token_expire,
                              uint32_t join, uint32_t audio, uint32_t video, uint32_t data,
                              const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "token_expire", token_expire, options);
  detail::require_relative("join_channel_privilege_expire", join);
  detail::require_relative("pub_audio_privilege_expire", audio);
  detail::require_relative("pub_video_privilege_expire", video);
  detail::require_relative("pub_data_stream_privilege_expire", data);
  Service s = Service::rtc(std::string(channel_name), std::move(account));
  s.add_privilege(kJoinChannel, join)
      .add_privilege(kPublishAudioStream, audio)
      .add_privilege(kPublishVideoStream, video)
      .add_privilege(kPublishDataStream, data);
  t.services.push_back(std::move(s));
  return build(t, app_certificate);
}

} // namespace

std::string RtcTokenBuilder2::BuildTokenWithUid(std::string_view app_id, std::string_view app_certificate,
                                                std::string_view channel_name, int64_t uid, Role role,
                                                uint32_t token_expire, uint32_t privilege_expire,
                                                const BuildOptions &options) {
  const std::string account = account_from_uid(uid);
  return BuildTokenWithUserAccount(app_id, app_certificate, channel_name, account, role, token_expire,
                                   privilege_expire, options);
}

std::string RtcTokenBuilder2::BuildTokenWithUserAccount(std::string_view app_id, std::string_view app_certificate,
                                                        std::string_view channel_name, std::string_view account,
                                                        Role role, uint32_t token_expire, uint32_t privilege_expire,
                                                        const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "token_expire", token_expire, options);
  detail::require_relative("privilege_expire", privilege_expire);
  t.services.push_back(rtc_by_role(channel_name, std::string(account), role, privilege_expire));
  return build(t, app_certificate);
}

std::string RtcTokenBuilder2::BuildTokenWithUid(std::string_view app_id, std::string_view app_certificate,
                                                std::string_view channel_name, int64_t uid, uint32_t token_expire,
                                                uint32_t join_channel_privilege_expire,
                                                uint32_t pub_audio_privilege_expire,
                                                uint32_t pub_video_privilege_expire,
                                                uint32_t pub_data_stream_privilege_expire,
                                                const BuildOptions &options) {
  return rtc_per_privilege(app_id, app_certificate, channel_name, account_from_uid(uid), token_expire,
                           join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
                           pub_data_stream_privilege_expire, options);
}

std::string RtcTokenBuilder2::BuildTokenWithUserAccount(
    std::string_view app_id, std::string_view app_certificate, std::string_view channel_name,
    std::string_view account, uint32_t token_expire, uint32_t join_channel_privilege_expire,
    uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire,
    uint32_t pub_data_stream_privilege_expire, const BuildOptions &options) {
  return rtc_per_privilege(app_id, app_certificate, channel_name, std::string(account), token_expire,
                           join_channel_privilege_expire, pub_audio_privilege_expire, pub_video_privilege_expire,
                           pub_data_stream_privilege_expire, options);
}

std::string RtcTokenBuilder2::BuildTokenWithRtm(std::string_view app_id, std::string_view app_certificate,
                                                std::string_view channel_name, std::string_view account, Role role,
                                                uint32_t token_expire, uint32_t privilege_expire,
                                                const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "token_expire", token_expire, options);
  detail::require_relative("privilege_expire", privilege_expire);
  t.services.push_back(rtc_by_role(channel_name, std::string(account), role, privilege_expire));
  t.services.push_back(Service::rtm(std::string(account)).add_privilege(kLogin, token_expire));
  return build(t, app_certificate);
}

std::string RtcTokenBuilder2::BuildTokenWithRtm2(
    std::string_view app_id, std::string_view app_certificate, std::string_view channel_name,
    std::string_view rtc_account, Role rtc_role, uint32_t rtc_token_expire, uint32_t join_channel_privilege_expire,
    uint32_t pub_audio_privilege_expire, uint32_t pub_video_privilege_expire,
    uint32_t pub_data_stream_privilege_expire, std::string_view rtm_user_id, uint32_t rtm_token_expire,
    const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "rtc_token_expire", rtc_token_expire, options);
  detail::require_relative("join_channel_privilege_expire", join_channel_privilege_expire);
  detail::require_relative("pub_audio_privilege_expire", pub_audio_privilege_expire);
  detail::require_relative("pub_video_privilege_expire", pub_video_privilege_expire);
  detail::require_relative("pub_data_stream_privilege_expire", pub_data_stream_privilege_expire);
  detail::require_relative("rtm_token_expire", rtm_token_expire);
  Service rtc = Service::rtc(std::string(channel_name), std::string(rtc_account));
  rtc.add_privilege(kJoinChannel, join_channel_privilege_expire);
  if (rtc_role == kRolePublisher) {
    rtc.add_privilege(kPublishAudioStream, pub_audio_privilege_expire)
        .add_privilege(kPublishVideoStream, pub_video_privilege_expire)
        .add_privilege(kPublishDataStream, pub_data_stream_privilege_expire);
  }
  t.services.push_back(std::move(rtc));
  t.services.push_back(Service::rtm(std::string(rtm_user_id)).add_privilege(kLogin, rtm_token_expire));
  return build(t, app_certificate);
}

std::string RtmTokenBuilder2::BuildToken(std::string_view app_id, std::string_view app_certificate,
                                         std::string_view user_id, uint32_t expire, const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  t.services.push_back(Service::rtm(std::string(user_id)).add_privilege(kLogin, expire));
  return build(t, app_certificate);
}

std::string RtmTokenBuilder2::BuildToken(std::string_view app_id, std::string_view app_certificate,
                                         std::string_view user_id, const Rtm2Permissions &permissions,
                                         uint32_t expire, const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  t.services.push_back(Service::rtm2(std::string(user_id), permissions).add_privilege(kLogin, expire));
  return build(t, app_certificate);
}

std::string ChatTokenBuilder2::BuildUserToken(std::string_view app_id, std::string_view app_certificate,
                                              std::string_view user_id, uint32_t expire,
                                              const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  t.services.push_back(Service::chat(std::string(user_id)).add_privilege(kChatUser, expire));
  return build(t, app_certificate);
}

std::string ChatTokenBuilder2::BuildAppToken(std::string_view app_id, std::string_view app_certificate,
                                             uint32_t expire, const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  t.services.push_back(Service::chat(std::string()).add_privilege(kChatApp, expire));
  return build(t, app_certificate);
}

std::string EducationTokenBuilder2::BuildRoomUserToken(std::string_view app_id, std::string_view app_certificate,
                                                       std::string_view room_uuid, std::string_view user_uuid,
                                                       int32_t role, uint32_t expire, const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  const int16_t role16 = detail::role_as_int16(role);
  t.services.reserve(3);
  t.services.push_back(
      Service::apaas(std::string(room_uuid), std::string(user_uuid), role16).add_privilege(kRoomUser, expire));
  t.services.push_back(Service::rtm(std::string(user_uuid)).add_privilege(kLogin, expire));
  t.services.push_back(Service::chat(chat_user_id(user_uuid)).add_privilege(kChatUser, expire));
  return build(t, app_certificate);
}

std::string EducationTokenBuilder2::BuildUserToken(std::string_view app_id, std::string_view app_certificate,
                                                   std::string_view user_uuid, uint32_t expire,
                                                   const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  t.services.push_back(Service::apaas(std::string(), std::string(user_uuid), -1).add_privilege(kUser, expire));
  return build(t, app_certificate);
}

std::string EducationTokenBuilder2::BuildAppToken(std::string_view app_id, std::string_view app_certificate,
                                                  uint32_t expire, const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", expire, options);
  t.services.push_back(Service::apaas(std::string(), std::string(), -1).add_privilege(kApp, expire));
  return build(t, app_certificate);
}

std::string FpaTokenBuilder::BuildToken(std::string_view app_id, std::string_view app_certificate,
                                        const BuildOptions &options) {
  AccessToken2 t = start(app_id, app_certificate, "expire", 86400, options);
  t.services.push_back(Service::fpa().add_privilege(kLogin, 0));
  return build(t, app_certificate);
}

} // namespace eduauth::token
