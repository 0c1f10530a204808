// eduauth — named token builders with the reference's names and argument order
// (shared/specs/token-format.md §2.6 for 007, §3.4 for 006).
//
// Differences from the reference, on purpose:
//   * invalid input throws eduauth::Error{invalid_argument} naming the field and value
//     instead of returning an empty string: app ID / certificate not 32 hex characters,
//     uid outside 0..4294967295 (C-02), a string over 65535 bytes (b007-07), an APaaS role
//     outside int16;
//   * the named 007 builders refuse an expire / privilege value > 86400 s, because 007
//     values are seconds relative to issue_ts and such a value looks like an absolute Unix
//     time (C-03). The wire-level eduauth::token::build() accepts any u32.
//   * roles outside the documented enums are refused (RtcTokenBuilder2: 1 or 2; 006
//     RtcTokenBuilder: 0, 1, 2, 101) instead of silently signing a subscriber token;
//   * 006: a clock whose clock + 86400 does not fit the u32 ts is refused;
//   * issue_ts / clock and salt are injectable through BuildOptions.
// All functions are reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "eduauth/token.hpp"

namespace eduauth::token {

/// Largest relative lifetime the named 007 builders accept (seconds).
inline constexpr uint32_t kMaxRelativeExpire = 86400;

/// 007 RTC builders. Role: kRolePublisher (1) gets join + publish audio/video/data,
/// kRoleSubscriber (2) and any other value join only (as the reference). Expire values are seconds
/// relative to issue_ts.
class RtcTokenBuilder2 {
public:
  enum Role : int { kRolePublisher = 1, kRoleSubscriber = 2 };

  static std::string BuildTokenWithUid(std::string_view app_id, std::string_view app_certificate,
                                       std::string_view channel_name, int64_t uid, Role role,
                                       uint32_t token_expire, uint32_t privilege_expire = 0,
                                       const BuildOptions &options = {});
  static std::string BuildTokenWithUserAccount(std::string_view app_id, std::string_view app_certificate,
                                               std::string_view channel_name, std::string_view account,
                                               Role role, uint32_t token_expire, uint32_t privilege_expire = 0,
                                               const BuildOptions &options = {});
  /// Per-privilege form: all four privileges are always written, even when 0.
  static std::string BuildTokenWithUid(std::string_view app_id, std::string_view app_certificate,
                                       std::string_view channel_name, int64_t uid, uint32_t token_expire,
                                       uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire,
                                       uint32_t pub_video_privilege_expire,
                                       uint32_t pub_data_stream_privilege_expire, const BuildOptions &options = {});
  static std::string BuildTokenWithUserAccount(std::string_view app_id, std::string_view app_certificate,
                                               std::string_view channel_name, std::string_view account,
                                               uint32_t token_expire, uint32_t join_channel_privilege_expire,
                                               uint32_t pub_audio_privilege_expire,
                                               uint32_t pub_video_privilege_expire,
                                               uint32_t pub_data_stream_privilege_expire,
                                               const BuildOptions &options = {});
  /// RTC (role form) plus RTM(account) login = token_expire.
  static std::string BuildTokenWithRtm(std::string_view app_id, std::string_view app_certificate,
                                       std::string_view channel_name, std::string_view account, Role role,
                                       uint32_t token_expire, uint32_t privilege_expire = 0,
                                       const BuildOptions &options = {});
  /// RTC(channel, rtc_account) with per-privilege values (publish ones only for publishers)
  /// plus RTM(rtm_user_id) login = rtm_token_expire. Token expire = rtc_token_expire.
  static std::string BuildTokenWithRtm2(std::string_view app_id, std::string_view app_certificate,
                                        std::string_view channel_name, std::string_view rtc_account,
                                        Role rtc_role, uint32_t rtc_token_expire,
                                        uint32_t join_channel_privilege_expire, uint32_t pub_audio_privilege_expire,
                                        uint32_t pub_video_privilege_expire,
                                        uint32_t pub_data_stream_privilege_expire, std::string_view rtm_user_id,
                                        uint32_t rtm_token_expire, const BuildOptions &options = {});
};

/// 007 RTM builders: RTM(user_id) login = expire; with permissions: RTM2(user_id, permissions).
class RtmTokenBuilder2 {
public:
  static std::string BuildToken(std::string_view app_id, std::string_view app_certificate,
                                std::string_view user_id, uint32_t expire, const BuildOptions &options = {});
  static std::string BuildToken(std::string_view app_id, std::string_view app_certificate,
                                std::string_view user_id, const Rtm2Permissions &permissions, uint32_t expire,
                                const BuildOptions &options = {});
};

/// 007 Chat builders: Chat(user_id) user = expire; Chat("") app = expire.
class ChatTokenBuilder2 {
public:
  static std::string BuildUserToken(std::string_view app_id, std::string_view app_certificate,
                                    std::string_view user_id, uint32_t expire, const BuildOptions &options = {});
  static std::string BuildAppToken(std::string_view app_id, std::string_view app_certificate, uint32_t expire,
                                   const BuildOptions &options = {});
};

/// 007 Flexible Classroom (APaaS) builders.
///   BuildRoomUserToken: APaaS(room_uuid, user_uuid, role) room-user = expire, RTM(user_uuid)
///     login = expire, Chat(md5hex(user_uuid)) user = expire. role: -1..4 in practice, any int16.
///   BuildUserToken: APaaS("", user_uuid, -1) user = expire.
///   BuildAppToken: APaaS("", "", -1) app = expire.
class EducationTokenBuilder2 {
public:
  static std::string BuildRoomUserToken(std::string_view app_id, std::string_view app_certificate,
                                        std::string_view room_uuid, std::string_view user_uuid, int32_t role,
                                        uint32_t expire, const BuildOptions &options = {});
  static std::string BuildUserToken(std::string_view app_id, std::string_view app_certificate,
                                    std::string_view user_uuid, uint32_t expire, const BuildOptions &options = {});
  static std::string BuildAppToken(std::string_view app_id, std::string_view app_certificate, uint32_t expire,
                                   const BuildOptions &options = {});
};

/// Identical to EducationTokenBuilder2 (the reference ships both names).
class ApaasTokenBuilder : public EducationTokenBuilder2 {};

/// 007 FPA builder: token expire fixed at 86400, FPA login = 0.
class FpaTokenBuilder {
public:
  static std::string BuildToken(std::string_view app_id, std::string_view app_certificate,
                                const BuildOptions &options = {});
};

/// Legacy 006 RTC builder. Roles: kRoleAttendee (0), kRolePublisher (1), kRoleAdmin (101) get
/// join + publish audio/video/data; kRoleSubscriber (2) and any other value join only. privilege_expired_ts is an
/// ABSOLUTE Unix time (0 = no limit of its own). ts = clock (BuildOptions::issue_ts) + 86400.
class RtcTokenBuilder {
public:
  enum Role : int { kRoleAttendee = 0, kRolePublisher = 1, kRoleSubscriber = 2, kRoleAdmin = 101 };

  static std::string buildTokenWithUid(std::string_view app_id, std::string_view app_certificate,
                                       std::string_view channel_name, int64_t uid, Role role,
                                       uint32_t privilege_expired_ts, const BuildOptions &options = {});
  static std::string buildTokenWithUserAccount(std::string_view app_id, std::string_view app_certificate,
                                               std::string_view channel_name, std::string_view account, Role role,
                                               uint32_t privilege_expired_ts, const BuildOptions &options = {});
};

/// Legacy 006 RTM builder: signs with channel = user_account and uid = "" and adds
/// privilege 1000 (RTM login) = privilege_expired_ts (ABSOLUTE Unix time). role is the
/// reference's kRtm_User (1) and does not change the token.
class RtmTokenBuilder {
public:
  enum Role : int { Rtm_User = 1 };
  static std::string buildToken(std::string_view app_id, std::string_view app_certificate,
                                std::string_view user_account, Role role, uint32_t privilege_expired_ts,
                                const BuildOptions &options = {});
};

} // namespace eduauth::token
