// eduauth C API — token builders (over eduauth/builders.hpp).
//
// Each builder X has two entry points: X (clock + CSPRNG salt) and X_at (pinned issue_ts /
// clock and salt). Both forward to one C++ call with a BuildOptions.
#include <nlohmann/json.hpp>
#include <string>

#include "eduauth/builders.hpp"
#include "guard.hpp"

namespace tk = eduauth::token;
using namespace eduauth::capi;

namespace {

tk::BuildOptions now_options() {
  return {};
}

tk::BuildOptions pinned(uint32_t issue_ts, uint32_t salt) {
  tk::BuildOptions o;
  o.issue_ts = issue_ts;
  o.salt = salt;
  return o;
}

// Runs a builder that returns the token string; stores a malloc'ed copy in *out.
template <class F> int build(const char *fn, char **out, F &&make) {
  return guarded(fn, [&] {
    require(out, "out");
    *out = nullptr;
    *out = dup_string(make());
    return EDUAUTH_OK;
  });
}

// NULL strings are refused here, by name, before any C++ code sees them.
const char *str(const char *p, const char *name) {
  require(p, name);
  return p;
}

tk::RtcTokenBuilder2::Role rtc_role(int32_t role) {
  if (role != tk::RtcTokenBuilder2::kRolePublisher && role != tk::RtcTokenBuilder2::kRoleSubscriber)
    throw invalid("role " + std::to_string(role) + " is not 1 (publisher) or 2 (subscriber)");
  return static_cast<tk::RtcTokenBuilder2::Role>(role);
}

tk::RtcTokenBuilder::Role rtc006_role(int32_t role) {
  using B = tk::RtcTokenBuilder;
  if (role != B::kRoleAttendee && role != B::kRolePublisher && role != B::kRoleSubscriber &&
      role != B::kRoleAdmin)
    throw invalid("role " + std::to_string(role) +
                  " is not 0 (attendee), 1 (publisher), 2 (subscriber) or 101 (admin)");
  return static_cast<B::Role>(role);
}

// permissions_json: [{"resource_type": n, "permission_type": n, "resources": [s...]}...]
tk::Rtm2Permissions parse_permissions(const char *text) {
  require(text, "permissions_json");
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw invalid("permissions_json is not valid JSON");
  if (!j.is_array()) throw invalid("permissions_json must be a JSON array");
  tk::Rtm2Permissions result;
  for (size_t i = 0; i < j.size(); ++i) {
    const auto &e = j[i];
    const std::string at = "permissions_json[" + std::to_string(i) + "]";
    if (!e.is_object()) throw invalid(at + " must be an object");
    auto small = [&](const char *key, unsigned max) -> uint16_t {
      const auto it = e.find(key);
      if (it == e.end() || !it->is_number_unsigned() || it->get<uint64_t>() > max)
        throw invalid(at + "." + key + " must be an integer 0.." + std::to_string(max));
      return static_cast<uint16_t>(it->get<uint64_t>());
    };
    const uint16_t resource_type = small("resource_type", 4);
    const uint16_t permission_type = small("permission_type", 1);
    const auto res = e.find("resources");
    if (res == e.end() || !res->is_array()) throw invalid(at + ".resources must be an array of strings");
    std::vector<std::string> names;
    for (const auto &r : *res) {
      if (!r.is_string()) throw invalid(at + ".resources must be an array of strings");
      names.push_back(r.get<std::string>());
    }
    result[resource_type][permission_type] = std::move(names); // same pair again replaces (spec §2.3)
  }
  return result;
}

} // namespace

using R2 = tk::RtcTokenBuilder2;

extern "C" {

// ---- education / APaaS ----------------------------------------------------------------------

#define EDU_ROOM_USER_CALL(opts)                                                                             \
  tk::EducationTokenBuilder2::BuildRoomUserToken(                                                            \
      str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(room_uuid, "room_uuid"),           \
      str(user_uuid, "user_uuid"), role, expire, opts)

int eduauth_build_education_room_user_token(char **out, const char *app_id, const char *app_certificate,
                                            const char *room_uuid, const char *user_uuid, int32_t role,
                                            uint32_t expire) {
  return build(__func__, out, [&] { return EDU_ROOM_USER_CALL(now_options()); });
}
int eduauth_build_education_room_user_token_at(char **out, const char *app_id, const char *app_certificate,
                                               const char *room_uuid, const char *user_uuid, int32_t role,
                                               uint32_t expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] { return EDU_ROOM_USER_CALL(pinned(issue_ts, salt)); });
}

int eduauth_build_education_user_token(char **out, const char *app_id, const char *app_certificate,
                                       const char *user_uuid, uint32_t expire) {
  return build(__func__, out, [&] {
    return tk::EducationTokenBuilder2::BuildUserToken(str(app_id, "app_id"),
                                                      str(app_certificate, "app_certificate"),
                                                      str(user_uuid, "user_uuid"), expire, now_options());
  });
}
int eduauth_build_education_user_token_at(char **out, const char *app_id, const char *app_certificate,
                                          const char *user_uuid, uint32_t expire, uint32_t issue_ts,
                                          uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::EducationTokenBuilder2::BuildUserToken(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(user_uuid, "user_uuid"), expire,
        pinned(issue_ts, salt));
  });
}

int eduauth_build_education_app_token(char **out, const char *app_id, const char *app_certificate,
                                      uint32_t expire) {
  return build(__func__, out, [&] {
    return tk::EducationTokenBuilder2::BuildAppToken(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), expire, now_options());
  });
}
int eduauth_build_education_app_token_at(char **out, const char *app_id, const char *app_certificate,
                                         uint32_t expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::EducationTokenBuilder2::BuildAppToken(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), expire, pinned(issue_ts, salt));
  });
}

// ---- RTM / Chat ------------------------------------------------------------------------------

int eduauth_build_rtm_token(char **out, const char *app_id, const char *app_certificate, const char *user_id,
                            uint32_t expire) {
  return build(__func__, out, [&] {
    return tk::RtmTokenBuilder2::BuildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                            str(user_id, "user_id"), expire, now_options());
  });
}
int eduauth_build_rtm_token_at(char **out, const char *app_id, const char *app_certificate,
                               const char *user_id, uint32_t expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::RtmTokenBuilder2::BuildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                            str(user_id, "user_id"), expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_rtm_token_with_permissions(char **out, const char *app_id, const char *app_certificate,
                                             const char *user_id, const char *permissions_json,
                                             uint32_t expire) {
  return build(__func__, out, [&] {
    return tk::RtmTokenBuilder2::BuildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                            str(user_id, "user_id"), parse_permissions(permissions_json),
                                            expire, now_options());
  });
}
int eduauth_build_rtm_token_with_permissions_at(char **out, const char *app_id, const char *app_certificate,
                                                const char *user_id, const char *permissions_json,
                                                uint32_t expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::RtmTokenBuilder2::BuildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                            str(user_id, "user_id"), parse_permissions(permissions_json),
                                            expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_chat_user_token(char **out, const char *app_id, const char *app_certificate,
                                  const char *user_id, uint32_t expire) {
  return build(__func__, out, [&] {
    return tk::ChatTokenBuilder2::BuildUserToken(str(app_id, "app_id"),
                                                 str(app_certificate, "app_certificate"),
                                                 str(user_id, "user_id"), expire, now_options());
  });
}
int eduauth_build_chat_user_token_at(char **out, const char *app_id, const char *app_certificate,
                                     const char *user_id, uint32_t expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::ChatTokenBuilder2::BuildUserToken(str(app_id, "app_id"),
                                                 str(app_certificate, "app_certificate"),
                                                 str(user_id, "user_id"), expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_chat_app_token(char **out, const char *app_id, const char *app_certificate,
                                 uint32_t expire) {
  return build(__func__, out, [&] {
    return tk::ChatTokenBuilder2::BuildAppToken(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), expire, now_options());
  });
}
int eduauth_build_chat_app_token_at(char **out, const char *app_id, const char *app_certificate,
                                    uint32_t expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::ChatTokenBuilder2::BuildAppToken(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), expire, pinned(issue_ts, salt));
  });
}

// ---- RTC (007) -------------------------------------------------------------------------------

int eduauth_build_rtc_token_with_uid(char **out, const char *app_id, const char *app_certificate,
                                     const char *channel_name, uint32_t uid, int32_t role,
                                     uint32_t token_expire, uint32_t privilege_expire) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUid(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                 str(channel_name, "channel_name"), uid, rtc_role(role), token_expire,
                                 privilege_expire, now_options());
  });
}
int eduauth_build_rtc_token_with_uid_at(char **out, const char *app_id, const char *app_certificate,
                                        const char *channel_name, uint32_t uid, int32_t role,
                                        uint32_t token_expire, uint32_t privilege_expire, uint32_t issue_ts,
                                        uint32_t salt) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUid(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                 str(channel_name, "channel_name"), uid, rtc_role(role), token_expire,
                                 privilege_expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_rtc_token_with_account(char **out, const char *app_id, const char *app_certificate,
                                         const char *channel_name, const char *account, int32_t role,
                                         uint32_t token_expire, uint32_t privilege_expire) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUserAccount(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                         str(channel_name, "channel_name"), str(account, "account"),
                                         rtc_role(role), token_expire, privilege_expire, now_options());
  });
}
int eduauth_build_rtc_token_with_account_at(char **out, const char *app_id, const char *app_certificate,
                                            const char *channel_name, const char *account, int32_t role,
                                            uint32_t token_expire, uint32_t privilege_expire,
                                            uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUserAccount(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(channel_name, "channel_name"),
        str(account, "account"), rtc_role(role), token_expire, privilege_expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_rtc_token_with_uid_privileges(char **out, const char *app_id, const char *app_certificate,
                                                const char *channel_name, uint32_t uid, uint32_t token_expire,
                                                uint32_t join_channel_expire, uint32_t pub_audio_expire,
                                                uint32_t pub_video_expire, uint32_t pub_data_stream_expire) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUid(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                 str(channel_name, "channel_name"), uid, token_expire, join_channel_expire,
                                 pub_audio_expire, pub_video_expire, pub_data_stream_expire, now_options());
  });
}
int eduauth_build_rtc_token_with_uid_privileges_at(char **out, const char *app_id,
                                                   const char *app_certificate, const char *channel_name,
                                                   uint32_t uid, uint32_t token_expire,
                                                   uint32_t join_channel_expire, uint32_t pub_audio_expire,
                                                   uint32_t pub_video_expire, uint32_t pub_data_stream_expire,
                                                   uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUid(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                 str(channel_name, "channel_name"), uid, token_expire, join_channel_expire,
                                 pub_audio_expire, pub_video_expire, pub_data_stream_expire,
                                 pinned(issue_ts, salt));
  });
}

int eduauth_build_rtc_token_with_account_privileges(char **out, const char *app_id,
                                                    const char *app_certificate, const char *channel_name,
                                                    const char *account, uint32_t token_expire,
                                                    uint32_t join_channel_expire, uint32_t pub_audio_expire,
                                                    uint32_t pub_video_expire,
                                                    uint32_t pub_data_stream_expire) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUserAccount(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                         str(channel_name, "channel_name"), str(account, "account"),
                                         token_expire, join_channel_expire, pub_audio_expire,
                                         pub_video_expire, pub_data_stream_expire, now_options());
  });
}
int eduauth_build_rtc_token_with_account_privileges_at(
    char **out, const char *app_id, const char *app_certificate, const char *channel_name,
    const char *account, uint32_t token_expire, uint32_t join_channel_expire, uint32_t pub_audio_expire,
    uint32_t pub_video_expire, uint32_t pub_data_stream_expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithUserAccount(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                         str(channel_name, "channel_name"), str(account, "account"),
                                         token_expire, join_channel_expire, pub_audio_expire,
                                         pub_video_expire, pub_data_stream_expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_rtc_rtm_token(char **out, const char *app_id, const char *app_certificate,
                                const char *channel_name, const char *account, int32_t role,
                                uint32_t token_expire, uint32_t privilege_expire) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithRtm(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                 str(channel_name, "channel_name"), str(account, "account"), rtc_role(role),
                                 token_expire, privilege_expire, now_options());
  });
}
int eduauth_build_rtc_rtm_token_at(char **out, const char *app_id, const char *app_certificate,
                                   const char *channel_name, const char *account, int32_t role,
                                   uint32_t token_expire, uint32_t privilege_expire, uint32_t issue_ts,
                                   uint32_t salt) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithRtm(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                 str(channel_name, "channel_name"), str(account, "account"), rtc_role(role),
                                 token_expire, privilege_expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_rtc_rtm2_token(char **out, const char *app_id, const char *app_certificate,
                                 const char *channel_name, const char *rtc_account, int32_t rtc_role_value,
                                 uint32_t rtc_token_expire, uint32_t join_channel_expire,
                                 uint32_t pub_audio_expire, uint32_t pub_video_expire,
                                 uint32_t pub_data_stream_expire, const char *rtm_user_id,
                                 uint32_t rtm_token_expire) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithRtm2(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                  str(channel_name, "channel_name"), str(rtc_account, "rtc_account"),
                                  rtc_role(rtc_role_value), rtc_token_expire, join_channel_expire,
                                  pub_audio_expire, pub_video_expire, pub_data_stream_expire,
                                  str(rtm_user_id, "rtm_user_id"), rtm_token_expire, now_options());
  });
}
int eduauth_build_rtc_rtm2_token_at(char **out, const char *app_id, const char *app_certificate,
                                    const char *channel_name, const char *rtc_account, int32_t rtc_role_value,
                                    uint32_t rtc_token_expire, uint32_t join_channel_expire,
                                    uint32_t pub_audio_expire, uint32_t pub_video_expire,
                                    uint32_t pub_data_stream_expire, const char *rtm_user_id,
                                    uint32_t rtm_token_expire, uint32_t issue_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return R2::BuildTokenWithRtm2(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                  str(channel_name, "channel_name"), str(rtc_account, "rtc_account"),
                                  rtc_role(rtc_role_value), rtc_token_expire, join_channel_expire,
                                  pub_audio_expire, pub_video_expire, pub_data_stream_expire,
                                  str(rtm_user_id, "rtm_user_id"), rtm_token_expire, pinned(issue_ts, salt));
  });
}

int eduauth_build_fpa_token(char **out, const char *app_id, const char *app_certificate) {
  return build(__func__, out, [&] {
    return tk::FpaTokenBuilder::BuildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                           now_options());
  });
}
int eduauth_build_fpa_token_at(char **out, const char *app_id, const char *app_certificate, uint32_t issue_ts,
                               uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::FpaTokenBuilder::BuildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                           pinned(issue_ts, salt));
  });
}

// ---- legacy 006 ----------------------------------------------------------------------------

int eduauth_build_rtc006_token_with_uid(char **out, const char *app_id, const char *app_certificate,
                                        const char *channel_name, uint32_t uid, int32_t role,
                                        uint32_t privilege_expired_ts) {
  return build(__func__, out, [&] {
    return tk::RtcTokenBuilder::buildTokenWithUid(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(channel_name, "channel_name"),
        uid, rtc006_role(role), privilege_expired_ts, now_options());
  });
}
int eduauth_build_rtc006_token_with_uid_at(char **out, const char *app_id, const char *app_certificate,
                                           const char *channel_name, uint32_t uid, int32_t role,
                                           uint32_t privilege_expired_ts, uint32_t clock_ts, uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::RtcTokenBuilder::buildTokenWithUid(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(channel_name, "channel_name"),
        uid, rtc006_role(role), privilege_expired_ts, pinned(clock_ts, salt));
  });
}

int eduauth_build_rtc006_token_with_account(char **out, const char *app_id, const char *app_certificate,
                                            const char *channel_name, const char *account, int32_t role,
                                            uint32_t privilege_expired_ts) {
  return build(__func__, out, [&] {
    return tk::RtcTokenBuilder::buildTokenWithUserAccount(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(channel_name, "channel_name"),
        str(account, "account"), rtc006_role(role), privilege_expired_ts, now_options());
  });
}
int eduauth_build_rtc006_token_with_account_at(char **out, const char *app_id, const char *app_certificate,
                                               const char *channel_name, const char *account, int32_t role,
                                               uint32_t privilege_expired_ts, uint32_t clock_ts,
                                               uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::RtcTokenBuilder::buildTokenWithUserAccount(
        str(app_id, "app_id"), str(app_certificate, "app_certificate"), str(channel_name, "channel_name"),
        str(account, "account"), rtc006_role(role), privilege_expired_ts, pinned(clock_ts, salt));
  });
}

int eduauth_build_rtm006_token(char **out, const char *app_id, const char *app_certificate,
                               const char *user_account, uint32_t privilege_expired_ts) {
  return build(__func__, out, [&] {
    return tk::RtmTokenBuilder::buildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                           str(user_account, "user_account"), tk::RtmTokenBuilder::Rtm_User,
                                           privilege_expired_ts, now_options());
  });
}
int eduauth_build_rtm006_token_at(char **out, const char *app_id, const char *app_certificate,
                                  const char *user_account, uint32_t privilege_expired_ts, uint32_t clock_ts,
                                  uint32_t salt) {
  return build(__func__, out, [&] {
    return tk::RtmTokenBuilder::buildToken(str(app_id, "app_id"), str(app_certificate, "app_certificate"),
                                           str(user_account, "user_account"), tk::RtmTokenBuilder::Rtm_User,
                                           privilege_expired_ts, pinned(clock_ts, salt));
  });
}

} // extern "C"
