/*
 * eduauth — stable C API: token builders (the server half of the format; spec
 * shared/specs/token-format.md §2.6 for 007, §3.4 for 006). Byte-compatible with Agora's
 * reference builders for the same inputs, issue time and salt.
 *
 * Every builder comes in two forms:
 *   eduauth_build_X(...)      issue_ts = the current UTC time, salt = a CSPRNG value in
 *                             1..99999999;
 *   eduauth_build_X_at(...)   explicit issue_ts (006: clock time) and salt, for
 *                             reproducible output (tests, vectors). Any u32 salt is valid.
 *
 * Units:
 *   - 007 `expire` / `*_expire` arguments are seconds RELATIVE to issue_ts, 0..86400. A
 *     larger value looks like an absolute Unix time and is refused (case C-03).
 *   - 006 `privilege_expired_ts` is an ABSOLUTE Unix time in seconds (0 = no limit of its
 *     own); the 006 message ts is clock + 86400.
 *   - `issue_ts` / `clock_ts` are absolute Unix seconds.
 * Strings are UTF-8, at most 65535 bytes each. Numeric uids are uint32_t: uid 0 means "any
 * user" and is written as the empty account; any other uid as its decimal text (case C-01).
 *
 * Ownership: on success *out is a new NUL-terminated token string the caller frees with
 * eduauth_string_free(); on failure *out is NULL.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT naming the field and value when a pointer is NULL, the
 * App ID or certificate is not 32 hex characters, a role or expire is out of range or a
 * string is too long. The certificate never appears in messages.
 * Thread-safety: all builders are reentrant.
 */
#ifndef EDUAUTH_BUILDERS_H
#define EDUAUTH_BUILDERS_H

#include "eduauth/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** 007 RTC roles (RtcTokenBuilder2): publisher gets join + publish audio/video/data. */
#define EDUAUTH_RTC_ROLE_PUBLISHER 1
/** 007 RTC roles: subscriber gets join only. */
#define EDUAUTH_RTC_ROLE_SUBSCRIBER 2

/** 006 RTC roles (RtcTokenBuilder): attendee, publisher and admin get join + publish. */
#define EDUAUTH_RTC006_ROLE_ATTENDEE 0
#define EDUAUTH_RTC006_ROLE_PUBLISHER 1
#define EDUAUTH_RTC006_ROLE_SUBSCRIBER 2
#define EDUAUTH_RTC006_ROLE_ADMIN 101

/** Largest relative expire the named 007 builders accept (seconds). */
#define EDUAUTH_MAX_RELATIVE_EXPIRE_S 86400

/* ---- Flexible Classroom (education / APaaS) -------------------------------------------- */

/**
 * The classroom room-user token (EducationTokenBuilder2::BuildRoomUserToken):
 * APaaS(room_uuid, user_uuid, role) room-user = expire, RTM(user_uuid) login = expire,
 * Chat(md5hex(user_uuid)) user = expire. role: classroom roleType, any int16 (-1..4 in
 * practice: 1 teacher, 2 student, ...). expire: seconds relative to issue_ts.
 */
EDUAUTH_API int eduauth_build_education_room_user_token(char **out, const char *app_id,
                                                        const char *app_certificate, const char *room_uuid,
                                                        const char *user_uuid, int32_t role, uint32_t expire);
EDUAUTH_API int eduauth_build_education_room_user_token_at(char **out, const char *app_id,
                                                           const char *app_certificate, const char *room_uuid,
                                                           const char *user_uuid, int32_t role, uint32_t expire,
                                                           uint32_t issue_ts, uint32_t salt);

/** EducationTokenBuilder2::BuildUserToken: APaaS("", user_uuid, -1) user = expire. */
EDUAUTH_API int eduauth_build_education_user_token(char **out, const char *app_id, const char *app_certificate,
                                                   const char *user_uuid, uint32_t expire);
EDUAUTH_API int eduauth_build_education_user_token_at(char **out, const char *app_id,
                                                      const char *app_certificate, const char *user_uuid,
                                                      uint32_t expire, uint32_t issue_ts, uint32_t salt);

/** EducationTokenBuilder2::BuildAppToken: APaaS("", "", -1) app = expire. */
EDUAUTH_API int eduauth_build_education_app_token(char **out, const char *app_id, const char *app_certificate,
                                                  uint32_t expire);
EDUAUTH_API int eduauth_build_education_app_token_at(char **out, const char *app_id, const char *app_certificate,
                                                     uint32_t expire, uint32_t issue_ts, uint32_t salt);

/* ---- RTM / Chat ------------------------------------------------------------------------ */

/** RtmTokenBuilder2::BuildToken: RTM(user_id) login = expire. */
EDUAUTH_API int eduauth_build_rtm_token(char **out, const char *app_id, const char *app_certificate,
                                        const char *user_id, uint32_t expire);
EDUAUTH_API int eduauth_build_rtm_token_at(char **out, const char *app_id, const char *app_certificate,
                                           const char *user_id, uint32_t expire, uint32_t issue_ts,
                                           uint32_t salt);

/**
 * RtmTokenBuilder2::BuildToken with permissions: RTM2(user_id, permissions) login = expire.
 * permissions_json is a JSON array of
 *   {"resource_type": 0..4, "permission_type": 0..1, "resources": ["name", ...]}
 * (resource types: 0 message channels, 1 stream channels, 2 group channels, 3 server groups,
 * 4 users; permission types: 0 read, 1 write; spec §2.3). "[]" is the empty permission set.
 * Errors: also EDUAUTH_E_INVALID_ARGUMENT naming the JSON path when permissions_json is not
 * of that shape.
 */
EDUAUTH_API int eduauth_build_rtm_token_with_permissions(char **out, const char *app_id,
                                                         const char *app_certificate, const char *user_id,
                                                         const char *permissions_json, uint32_t expire);
EDUAUTH_API int eduauth_build_rtm_token_with_permissions_at(char **out, const char *app_id,
                                                            const char *app_certificate, const char *user_id,
                                                            const char *permissions_json, uint32_t expire,
                                                            uint32_t issue_ts, uint32_t salt);

/** ChatTokenBuilder2::BuildUserToken: Chat(user_id) user = expire. */
EDUAUTH_API int eduauth_build_chat_user_token(char **out, const char *app_id, const char *app_certificate,
                                              const char *user_id, uint32_t expire);
EDUAUTH_API int eduauth_build_chat_user_token_at(char **out, const char *app_id, const char *app_certificate,
                                                 const char *user_id, uint32_t expire, uint32_t issue_ts,
                                                 uint32_t salt);

/** ChatTokenBuilder2::BuildAppToken: Chat("") app = expire. */
EDUAUTH_API int eduauth_build_chat_app_token(char **out, const char *app_id, const char *app_certificate,
                                             uint32_t expire);
EDUAUTH_API int eduauth_build_chat_app_token_at(char **out, const char *app_id, const char *app_certificate,
                                                uint32_t expire, uint32_t issue_ts, uint32_t salt);

/* ---- RTC (007) --------------------------------------------------------------------------- */

/**
 * RtcTokenBuilder2::BuildTokenWithUid (role form): RTC(channel_name, uid) join =
 * privilege_expire; a publisher (EDUAUTH_RTC_ROLE_PUBLISHER) also gets publish
 * audio/video/data = privilege_expire. Token expire = token_expire. Both relative seconds.
 */
EDUAUTH_API int eduauth_build_rtc_token_with_uid(char **out, const char *app_id, const char *app_certificate,
                                                 const char *channel_name, uint32_t uid, int32_t role,
                                                 uint32_t token_expire, uint32_t privilege_expire);
EDUAUTH_API int eduauth_build_rtc_token_with_uid_at(char **out, const char *app_id, const char *app_certificate,
                                                    const char *channel_name, uint32_t uid, int32_t role,
                                                    uint32_t token_expire, uint32_t privilege_expire,
                                                    uint32_t issue_ts, uint32_t salt);

/** RtcTokenBuilder2::BuildTokenWithUserAccount (role form); the account is used verbatim. */
EDUAUTH_API int eduauth_build_rtc_token_with_account(char **out, const char *app_id,
                                                     const char *app_certificate, const char *channel_name,
                                                     const char *account, int32_t role, uint32_t token_expire,
                                                     uint32_t privilege_expire);
EDUAUTH_API int eduauth_build_rtc_token_with_account_at(char **out, const char *app_id,
                                                        const char *app_certificate, const char *channel_name,
                                                        const char *account, int32_t role,
                                                        uint32_t token_expire, uint32_t privilege_expire,
                                                        uint32_t issue_ts, uint32_t salt);

/**
 * Per-privilege RTC form (BuildTokenWithUid with four privilege values): join and publish
 * audio / video / data each get their own relative value; all four are always written.
 */
EDUAUTH_API int eduauth_build_rtc_token_with_uid_privileges(char **out, const char *app_id,
                                                            const char *app_certificate,
                                                            const char *channel_name, uint32_t uid,
                                                            uint32_t token_expire, uint32_t join_channel_expire,
                                                            uint32_t pub_audio_expire, uint32_t pub_video_expire,
                                                            uint32_t pub_data_stream_expire);
EDUAUTH_API int eduauth_build_rtc_token_with_uid_privileges_at(
    char **out, const char *app_id, const char *app_certificate, const char *channel_name, uint32_t uid,
    uint32_t token_expire, uint32_t join_channel_expire, uint32_t pub_audio_expire, uint32_t pub_video_expire,
    uint32_t pub_data_stream_expire, uint32_t issue_ts, uint32_t salt);

/** Per-privilege RTC form with a user account. */
EDUAUTH_API int eduauth_build_rtc_token_with_account_privileges(
    char **out, const char *app_id, const char *app_certificate, const char *channel_name, const char *account,
    uint32_t token_expire, uint32_t join_channel_expire, uint32_t pub_audio_expire, uint32_t pub_video_expire,
    uint32_t pub_data_stream_expire);
EDUAUTH_API int eduauth_build_rtc_token_with_account_privileges_at(
    char **out, const char *app_id, const char *app_certificate, const char *channel_name, const char *account,
    uint32_t token_expire, uint32_t join_channel_expire, uint32_t pub_audio_expire, uint32_t pub_video_expire,
    uint32_t pub_data_stream_expire, uint32_t issue_ts, uint32_t salt);

/** RtcTokenBuilder2::BuildTokenWithRtm: the role form plus RTM(account) login = token_expire. */
EDUAUTH_API int eduauth_build_rtc_rtm_token(char **out, const char *app_id, const char *app_certificate,
                                            const char *channel_name, const char *account, int32_t role,
                                            uint32_t token_expire, uint32_t privilege_expire);
EDUAUTH_API int eduauth_build_rtc_rtm_token_at(char **out, const char *app_id, const char *app_certificate,
                                               const char *channel_name, const char *account, int32_t role,
                                               uint32_t token_expire, uint32_t privilege_expire,
                                               uint32_t issue_ts, uint32_t salt);

/**
 * RtcTokenBuilder2::BuildTokenWithRtm2: RTC(channel_name, rtc_account) join =
 * join_channel_expire and, for a publisher rtc_role, publish audio/video/data with their own
 * values; plus RTM(rtm_user_id) login = rtm_token_expire. Token expire = rtc_token_expire.
 * All values are seconds relative to issue_ts.
 */
EDUAUTH_API int eduauth_build_rtc_rtm2_token(char **out, const char *app_id, const char *app_certificate,
                                             const char *channel_name, const char *rtc_account,
                                             int32_t rtc_role, uint32_t rtc_token_expire,
                                             uint32_t join_channel_expire, uint32_t pub_audio_expire,
                                             uint32_t pub_video_expire, uint32_t pub_data_stream_expire,
                                             const char *rtm_user_id, uint32_t rtm_token_expire);
EDUAUTH_API int eduauth_build_rtc_rtm2_token_at(char **out, const char *app_id, const char *app_certificate,
                                                const char *channel_name, const char *rtc_account,
                                                int32_t rtc_role, uint32_t rtc_token_expire,
                                                uint32_t join_channel_expire, uint32_t pub_audio_expire,
                                                uint32_t pub_video_expire, uint32_t pub_data_stream_expire,
                                                const char *rtm_user_id, uint32_t rtm_token_expire,
                                                uint32_t issue_ts, uint32_t salt);

/** FpaTokenBuilder::BuildToken: FPA login = 0, token expire fixed at 86400 s. */
EDUAUTH_API int eduauth_build_fpa_token(char **out, const char *app_id, const char *app_certificate);
EDUAUTH_API int eduauth_build_fpa_token_at(char **out, const char *app_id, const char *app_certificate,
                                           uint32_t issue_ts, uint32_t salt);

/* ---- legacy 006 ------------------------------------------------------------------------- */

/**
 * RtcTokenBuilder::buildTokenWithUid (006): join always; roles attendee (0), publisher (1)
 * and admin (101) also publish audio/video/data; subscriber (2) join only. All privileges
 * carry privilege_expired_ts (ABSOLUTE Unix seconds, 0 = no limit of its own).
 * The _at form takes the clock time (ts = clock_ts + 86400) and the salt.
 */
EDUAUTH_API int eduauth_build_rtc006_token_with_uid(char **out, const char *app_id, const char *app_certificate,
                                                    const char *channel_name, uint32_t uid, int32_t role,
                                                    uint32_t privilege_expired_ts);
EDUAUTH_API int eduauth_build_rtc006_token_with_uid_at(char **out, const char *app_id,
                                                       const char *app_certificate, const char *channel_name,
                                                       uint32_t uid, int32_t role, uint32_t privilege_expired_ts,
                                                       uint32_t clock_ts, uint32_t salt);

/** RtcTokenBuilder::buildTokenWithUserAccount (006); the account is used verbatim. */
EDUAUTH_API int eduauth_build_rtc006_token_with_account(char **out, const char *app_id,
                                                        const char *app_certificate, const char *channel_name,
                                                        const char *account, int32_t role,
                                                        uint32_t privilege_expired_ts);
EDUAUTH_API int eduauth_build_rtc006_token_with_account_at(char **out, const char *app_id,
                                                           const char *app_certificate, const char *channel_name,
                                                           const char *account, int32_t role,
                                                           uint32_t privilege_expired_ts, uint32_t clock_ts,
                                                           uint32_t salt);

/**
 * RtmTokenBuilder::buildToken (006): signs channel = user_account, uid = "" and adds RTM
 * login (1000) = privilege_expired_ts (ABSOLUTE Unix seconds, 0 = no limit of its own).
 */
EDUAUTH_API int eduauth_build_rtm006_token(char **out, const char *app_id, const char *app_certificate,
                                           const char *user_account, uint32_t privilege_expired_ts);
EDUAUTH_API int eduauth_build_rtm006_token_at(char **out, const char *app_id, const char *app_certificate,
                                              const char *user_account, uint32_t privilege_expired_ts,
                                              uint32_t clock_ts, uint32_t salt);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_BUILDERS_H */
