/*
 * eduauth — stable C API: decode, inspect and verify Agora tokens
 * ("007" AccessToken2 and legacy "006" AccessToken; shared/specs/token-format.md).
 *
 * Units (spec §2.7, §3.4):
 *   - 007 issue_ts is absolute Unix seconds; 007 expire and every 007 privilege value are
 *     seconds RELATIVE to issue_ts.
 *   - 006 ts and every 006 privilege value are ABSOLUTE Unix seconds (0 = no limit of its own).
 *   - Every *_expires_at result is absolute Unix seconds as int64_t (issue_ts + expire can
 *     pass 2^32).
 *
 * Thread-safety: an eduauth_token is immutable after decode; any number of threads may read
 * the same token at once. eduauth_token_free may run on any thread once no other thread
 * uses that token. Borrowed strings live until eduauth_token_free(token).
 */
#ifndef EDUAUTH_TOKEN_H
#define EDUAUTH_TOKEN_H

#include "eduauth/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A decoded token (opaque). */
typedef struct eduauth_token eduauth_token;

/** 007 service types (spec §2.3). */
typedef enum eduauth_service_type {
  EDUAUTH_SERVICE_RTC = 1,
  EDUAUTH_SERVICE_RTM = 2,
  EDUAUTH_SERVICE_STREAMING = 3,
  EDUAUTH_SERVICE_FPA = 4,
  EDUAUTH_SERVICE_CHAT = 5,
  EDUAUTH_SERVICE_FCDN = 6,
  EDUAUTH_SERVICE_APAAS = 7, /**< Flexible Classroom ("education") */
  EDUAUTH_SERVICE_RTM2 = 8
} eduauth_service_type;

/**
 * Decodes a "007" or "006" token string (NUL-terminated). Strict: standard base64 with
 * padding only, 007 payload inflated to at most 65536 bytes, every length checked, App ID
 * of 32 hex characters. Never returns a partial result.
 * Ownership: on success *out is a new token the caller frees with eduauth_token_free();
 * on failure *out is NULL.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT (out or token NULL), EDUAUTH_E_UNSUPPORTED_VERSION
 * (another prefix), EDUAUTH_E_MALFORMED_TOKEN (the message names the character / offset /
 * field, and says when the string looks JSON-escaped or percent-encoded; case C-05, C-06).
 * Thread-safety: any thread.
 */
EDUAUTH_API int eduauth_token_decode(eduauth_token **out, const char *token);

/** Frees a token (NULL is a no-op). Borrowed strings of the token die with it. Any thread. */
EDUAUTH_API void eduauth_token_free(eduauth_token *token);

/* ---- whole-token accessors (NULL token: 0 / "") ---------------------------------------- */

/** 7 for "007", 6 for "006". */
EDUAUTH_API int32_t eduauth_token_version(const eduauth_token *token);

/** The App ID (32 characters, case as in the token). Borrowed: lives until eduauth_token_free. */
EDUAUTH_API const char *eduauth_token_app_id(const eduauth_token *token);

/** 007: issue time, absolute Unix seconds. 006: 0 (the format has no issue time; see _ts). */
EDUAUTH_API uint32_t eduauth_token_issue_ts(const eduauth_token *token);

/** 007: lifetime in seconds RELATIVE to issue_ts (0 = no lifetime). 006: 0. */
EDUAUTH_API uint32_t eduauth_token_expire(const eduauth_token *token);

/** The salt (both formats). */
EDUAUTH_API uint32_t eduauth_token_salt(const eduauth_token *token);

/** 006: the message ts, ABSOLUTE Unix seconds (build time + 24 h in the reference). 007: 0. */
EDUAUTH_API uint32_t eduauth_token_ts(const eduauth_token *token);

/**
 * Effective expiry, ABSOLUTE Unix seconds in 64 bits (DESIGN.md "Expiry"):
 *   007: the earliest of issue_ts + expire and issue_ts + v for every non-zero privilege
 *        value v of every service; expire 0 gives issue_ts (no lifetime).
 *   006: the earliest of ts and every non-zero privilege value.
 */
EDUAUTH_API int64_t eduauth_token_expires_at(const eduauth_token *token);

/** 006: CRC-32 of the channel name the token was built for (spec §3.2). 007: 0. */
EDUAUTH_API uint32_t eduauth_token_crc_channel_name(const eduauth_token *token);

/** 006: CRC-32 of the uid string the token was built for (0 for uid 0 / ""). 007: 0. */
EDUAUTH_API uint32_t eduauth_token_crc_uid(const eduauth_token *token);

/**
 * 007: the service type at which decoding stopped because it is unknown (the services
 * before it are kept; spec §2.8, case C-06), or -1 when every service was understood.
 * 006: -1.
 */
EDUAUTH_API int32_t eduauth_token_unknown_service_type(const eduauth_token *token);

/** 007: number of signed bytes after the last decoded service (normally 0). 006: 0. */
EDUAUTH_API size_t eduauth_token_trailing_bytes(const eduauth_token *token);

/* ---- 007 services ---------------------------------------------------------------------- */

/** 007: number of decoded services, in wire order (ascending type). 006: 0. */
EDUAUTH_API size_t eduauth_token_service_count(const eduauth_token *token);

/**
 * The type (eduauth_service_type) of service `index` (0-based, wire order).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out/token is NULL or index >= service_count.
 */
EDUAUTH_API int eduauth_token_service_type(uint32_t *out, const eduauth_token *token, size_t index);

/** Static name of a service type as the vectors print it ("RTC", "APaaS", ...; "unknown"). */
EDUAUTH_API const char *eduauth_service_type_name(uint32_t type);

/*
 * String fields of a service. *out is borrowed (lives until eduauth_token_free) and is the
 * field's UTF-8 bytes; a field that contains a NUL byte is cut there (eduauth_token_to_json
 * shows it whole). Errors: EDUAUTH_E_INVALID_ARGUMENT when out/token is NULL, index is out
 * of range, or the service's type has no such field (the message names type and field).
 */

/** channel_name of an RTC, Streaming or FCDN service. */
EDUAUTH_API int eduauth_token_service_channel_name(const char **out, const eduauth_token *token, size_t index);
/** account of an RTC, Streaming or FCDN service ("" = uid 0; uids appear as decimal text). */
EDUAUTH_API int eduauth_token_service_account(const char **out, const eduauth_token *token, size_t index);
/** user_id of an RTM, Chat or RTM2 service. */
EDUAUTH_API int eduauth_token_service_user_id(const char **out, const eduauth_token *token, size_t index);
/** room_uuid of an APaaS service. */
EDUAUTH_API int eduauth_token_service_room_uuid(const char **out, const eduauth_token *token, size_t index);
/** user_uuid of an APaaS service. */
EDUAUTH_API int eduauth_token_service_user_uuid(const char **out, const eduauth_token *token, size_t index);
/** role (int16 on the wire: -1..4 in practice) of an APaaS service. */
EDUAUTH_API int eduauth_token_service_role(int32_t *out, const eduauth_token *token, size_t index);

/**
 * Number of privileges of service `index` (ascending privilege id).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT for a NULL pointer or an index out of range.
 */
EDUAUTH_API int eduauth_token_service_privilege_count(size_t *out, const eduauth_token *token,
                                                      size_t index);

/**
 * Privilege `privilege_index` of service `index`: its id (spec §2.4) and value, in seconds
 * RELATIVE to issue_ts (0 = no limit of its own). out_id / out_value may each be NULL.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT for a NULL token or an index out of range.
 */
EDUAUTH_API int eduauth_token_service_privilege_at(uint32_t *out_id, uint32_t *out_value,
                                                   const eduauth_token *token, size_t index,
                                                   size_t privilege_index);

/* ---- 006 privileges -------------------------------------------------------------------- */

/** 006: number of privileges (ascending id; spec §3.4). 007: 0 (see the service functions). */
EDUAUTH_API size_t eduauth_token_privilege_count(const eduauth_token *token);

/**
 * 006 privilege `privilege_index`: id (1 join, 2/3/4 publish audio/video/data, 101 admin,
 * 1000 RTM login) and value, ABSOLUTE Unix seconds (0 = no limit of its own).
 * out_id / out_value may each be NULL.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT for a NULL token, a 007 token or an index out of range.
 */
EDUAUTH_API int eduauth_token_privilege_at(uint32_t *out_id, uint32_t *out_value, const eduauth_token *token,
                                           size_t privilege_index);

/* ---- JSON ------------------------------------------------------------------------------- */

/**
 * The decoded token as compact JSON with the field names of the test vectors' `decoded`
 * objects (version, app_id, issue_ts, expire, salt, signature_hex, service_count,
 * services[{type, type_name, privileges[{id, name, value, expires_at}], fields...}],
 * RTM2 permissions, 006 ts / crc_* / privileges) plus `expires_at` (absolute Unix seconds)
 * and, when present, `unknown_service_type` and `trailing_bytes`.
 * Ownership: *out is the caller's; free with eduauth_string_free(). Any thread.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT (NULL), EDUAUTH_E_OUT_OF_MEMORY.
 */
EDUAUTH_API int eduauth_token_to_json(char **out, const eduauth_token *token);

/** Like eduauth_token_to_json, pretty-printed with `indent` spaces (0..16). */
EDUAUTH_API int eduauth_token_to_json_pretty(char **out, const eduauth_token *token, int32_t indent);

/* ---- verification ---------------------------------------------------------------------- */

/**
 * Verifies a 007 token with the app certificate (32 hex characters, case-sensitive): HMAC
 * over the signed bytes as received (spec §2.5), constant-time comparison. Does not look at
 * the expiry (use eduauth_token_expires_at).
 * Returns EDUAUTH_OK when the signature matches, EDUAUTH_E_SIGNATURE_MISMATCH when not.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT (NULL, certificate not 32 hex characters, or a 006 token:
 * use eduauth_token_verify_006). Thread-safety: any thread.
 */
EDUAUTH_API int eduauth_token_verify(const eduauth_token *token, const char *app_certificate);

/**
 * Verifies a 006 token for the channel name and uid string it was issued to (spec §3.3):
 * recomputes the signature and checks both CRCs. uid is the account string; pass "" for the
 * numeric uid 0 ("0" is another identity, case C-01). For an RTM 006 token pass
 * channel_name = the user account and uid = "".
 * Returns EDUAUTH_OK or EDUAUTH_E_SIGNATURE_MISMATCH.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT (NULL, certificate not 32 hex characters, 007 token).
 */
EDUAUTH_API int eduauth_token_verify_006(const eduauth_token *token, const char *app_certificate,
                                         const char *channel_name, const char *uid);

/** Like eduauth_token_verify_006 with a numeric uid (0 = any user = ""; spec §2.3 uid rule). */
EDUAUTH_API int eduauth_token_verify_006_uid(const eduauth_token *token, const char *app_certificate,
                                             const char *channel_name, uint32_t uid);

/* ---- helpers ---------------------------------------------------------------------------- */

/**
 * The Flexible Classroom chat user id of user_uuid: lowercase hex MD5 of its UTF-8 bytes
 * (spec §2.6). *out is the caller's (eduauth_string_free).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when a pointer is NULL.
 */
EDUAUTH_API int eduauth_chat_user_id(char **out, const char *user_uuid);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_TOKEN_H */
