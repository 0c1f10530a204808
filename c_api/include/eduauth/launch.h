/*
 * eduauth — stable C API: the launchOption builder (shared/specs/launch-option.md).
 *
 * Fill an eduauth_launch_option with the typed setters (and eduauth_launch_option_set_json
 * for the nested fields), then eduauth_launch_option_build() validates every field the way
 * the classroom SDK does, checks the values against the token (appId, userUuid, roomUuid,
 * roleType: the "parameter consistency" rule) and returns the launchOption JSON.
 *
 * Setters store the value and reject NULL; the string-valued enumerations (language,
 * region, platform, uiMode) are parsed by their setters (EDUAUTH_E_INVALID_LAUNCH_OPTION
 * naming the value and the accepted ones). Every other rule is checked by build, whose
 * message lists every problem, one per line, naming the field and the value (and, for a
 * token mismatch, both values).
 * Byte limits ("< 64 bytes") count UTF-8 bytes, not characters (case C-08).
 * Thread-safety: an eduauth_launch_option is not synchronised: use it from one thread at a
 * time; different objects are independent. _free may run on any thread.
 */
#ifndef EDUAUTH_LAUNCH_H
#define EDUAUTH_LAUNCH_H

#include "eduauth/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A launchOption being built (opaque). */
typedef struct eduauth_launch_option eduauth_launch_option;

/** Classroom role types (roleType). */
#define EDUAUTH_ROLE_NONE (-1)
#define EDUAUTH_ROLE_INVISIBLE 0
#define EDUAUTH_ROLE_TEACHER 1
#define EDUAUTH_ROLE_STUDENT 2
#define EDUAUTH_ROLE_ASSISTANT 3
#define EDUAUTH_ROLE_OBSERVER 4

/** Room types accepted by launch (roomType). */
#define EDUAUTH_ROOM_ONE_TO_ONE 0
#define EDUAUTH_ROOM_LECTURE_HALL 2
#define EDUAUTH_ROOM_SMALL_CLASS 4

/** A new, empty launchOption (profile "web"). *out is the caller's (eduauth_launch_option_free). */
EDUAUTH_API int eduauth_launch_option_new(eduauth_launch_option **out);
/** Frees a launchOption (NULL is a no-op). */
EDUAUTH_API void eduauth_launch_option_free(eduauth_launch_option *option);

/**
 * Target client profile: "web" (agora-classroom-sdk 2.9.52+, token field `token`, default)
 * or "web-2.8" (2.0 - 2.9.40, token field `rtmToken`).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT naming an unknown profile.
 */
EDUAUTH_API int eduauth_launch_option_set_profile(eduauth_launch_option *option, const char *profile);

/* Required fields. */
/** userUuid: non-empty, < 64 bytes, must equal the user in the token. */
EDUAUTH_API int eduauth_launch_option_set_user_uuid(eduauth_launch_option *option, const char *user_uuid);
/** userName: display name, non-empty, < 64 bytes. */
EDUAUTH_API int eduauth_launch_option_set_user_name(eduauth_launch_option *option, const char *user_name);
/** roomUuid: non-empty, < 64 bytes, must equal the room in a room-user token. */
EDUAUTH_API int eduauth_launch_option_set_room_uuid(eduauth_launch_option *option, const char *room_uuid);
/** roomName: non-empty, < 64 bytes. */
EDUAUTH_API int eduauth_launch_option_set_room_name(eduauth_launch_option *option, const char *room_name);
/** roleType: EDUAUTH_ROLE_* (-1..4); must equal the role in a room-user token. */
EDUAUTH_API int eduauth_launch_option_set_role_type(eduauth_launch_option *option, int32_t role_type);
/** roomType: EDUAUTH_ROOM_* (0, 2 or 4). */
EDUAUTH_API int eduauth_launch_option_set_room_type(eduauth_launch_option *option, int32_t room_type);
/** The token ("007" room-user or RTM token, or a legacy "006" RTM token). Never logged. */
EDUAUTH_API int eduauth_launch_option_set_token(eduauth_launch_option *option, const char *token);
/** pretest: open the device test page first (flag 0/1). */
EDUAUTH_API int eduauth_launch_option_set_pretest(eduauth_launch_option *option, int flag);
/** language: "en" or "zh". */
EDUAUTH_API int eduauth_launch_option_set_language(eduauth_launch_option *option, const char *language);
/** duration: class length in SECONDS, 1..86400. */
EDUAUTH_API int eduauth_launch_option_set_duration_s(eduauth_launch_option *option, int64_t seconds);

/* Optional fields (absent from the JSON unless set). */
/** appId: 32 hex characters; must equal the token's App ID. */
EDUAUTH_API int eduauth_launch_option_set_app_id(eduauth_launch_option *option, const char *app_id);
/** region: "CN" (default), "AP", "EU" or "NA" (any case). */
EDUAUTH_API int eduauth_launch_option_set_region(eduauth_launch_option *option, const char *region);
/** startTime: class start, ABSOLUTE Unix time in MILLISECONDS. */
EDUAUTH_API int eduauth_launch_option_set_start_time_ms(eduauth_launch_option *option, int64_t unix_ms);
/** recordUrl: page that cloud recording opens. */
EDUAUTH_API int eduauth_launch_option_set_record_url(eduauth_launch_option *option, const char *url);
/** recordRetryTimeout in MILLISECONDS. */
EDUAUTH_API int eduauth_launch_option_set_record_retry_timeout_ms(eduauth_launch_option *option, int64_t ms);
/** latencyLevel: 1 low, 2 ultra-low. */
EDUAUTH_API int eduauth_launch_option_set_latency_level(eduauth_launch_option *option, int32_t level);
/** platform: "PC" or "H5". */
EDUAUTH_API int eduauth_launch_option_set_platform(eduauth_launch_option *option, const char *platform);
/** uiMode: "light" or "dark". */
EDUAUTH_API int eduauth_launch_option_set_ui_mode(eduauth_launch_option *option, const char *ui_mode);
/** shareUrl: invite link. */
EDUAUTH_API int eduauth_launch_option_set_share_url(eduauth_launch_option *option, const char *url);
/** webrtcExtensionBaseUrl. */
EDUAUTH_API int eduauth_launch_option_set_webrtc_extension_base_url(eduauth_launch_option *option,
                                                                    const char *url);
/** rtcCloudProxyType: 0 automatic, 1 UDP, 2 TCP. */
EDUAUTH_API int eduauth_launch_option_set_rtc_cloud_proxy_type(eduauth_launch_option *option, int32_t type);
/** rtmCloudProxyEnabled (flag 0/1). */
EDUAUTH_API int eduauth_launch_option_set_rtm_cloud_proxy_enabled(eduauth_launch_option *option, int flag);

/**
 * Sets a nested field from JSON text: "courseWareList" (array), "mediaOptions",
 * "userFlexProperties", "recordOptions" (objects), "virtualBackgroundImages",
 * "virtualBackgroundVideos" (string arrays). The JSON is parsed here; its content is
 * validated by build.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT naming the field when the name is unknown or the text
 * is not JSON of the right kind (array / object).
 */
EDUAUTH_API int eduauth_launch_option_set_json(eduauth_launch_option *option, const char *field,
                                               const char *json);

/**
 * When the token's remaining life is shorter than duration: flag 1 makes build fail with
 * EDUAUTH_E_INVALID_LAUNCH_OPTION, flag 0 (default) logs a warning (log sink, level warn)
 * and builds. An already expired token always fails.
 */
EDUAUTH_API int eduauth_launch_option_set_require_token_lifetime(eduauth_launch_option *option, int flag);

/**
 * Validates and serialises the launchOption as compact JSON (the profile decides the token
 * field name). The token is decoded and its app ID, user, room and role are compared with
 * the launch values; expiry is judged against the current UTC time.
 * Ownership: *out_json is the caller's (eduauth_string_free).
 * Errors: EDUAUTH_E_INVALID_LAUNCH_OPTION naming the field and value (missing, empty, too
 * long, out of range, expired token), EDUAUTH_E_LAUNCH_TOKEN_MISMATCH naming the field and
 * both values (case C-14), EDUAUTH_E_MALFORMED_TOKEN / EDUAUTH_E_UNSUPPORTED_VERSION for an
 * undecodable token.
 */
EDUAUTH_API int eduauth_launch_option_build(char **out_json, const eduauth_launch_option *option);

/** Like eduauth_launch_option_build, judging expiry at now_unix_s (ABSOLUTE Unix seconds). */
EDUAUTH_API int eduauth_launch_option_build_at(char **out_json, const eduauth_launch_option *option,
                                               int64_t now_unix_s);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_LAUNCH_H */
