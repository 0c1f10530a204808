/*
 * eduauth — stable C API, test kit part 2: a scriptable token server for integrators' tests.
 *
 *   #include <eduauth/test_server.h>      link with -leduauth_testing (libeduauth_testing.so.0)
 *                                          CMake: EduAuth::testing; pkg-config: eduauth-testing
 *
 * The server listens on 127.0.0.1 only, on a port the kernel picks, and answers the two
 * request shapes of the "education" and "rtm" presets:
 *   POST /fetch_education_token  {"roomUuid", "userUuid", "role"}  -> {"token", "code": "200"}
 *   POST /fetch_rtm_token        {"uid"}                           -> {"token", "code": "200"}
 * with real tokens (AccessToken2 room-user / RTM tokens signed with the app ID and
 * certificate given at start). Point a client at it with
 * eduauth_client_config_set_server_url(config, eduauth_test_server_url(server)).
 *
 * Each request consumes the next step of a script (a JSON queue, see eduauth_test_server_script);
 * when the queue is empty the default step answers (a valid 3600 s token). Steps make the
 * server slow, fail with a status and Retry-After, return malformed bodies, expired tokens,
 * tokens for another user / room / role / app, or a skewed Date header — the faults the
 * token client must survive. Combine it with the fake clock of <eduauth/testing.h>.
 * Guide with the full step format: docs/testing-kit.md.
 *
 * Conventions are those of eduauth/common.h (status codes, out parameters first, strings
 * UTF-8), with one difference: this library keeps its own per-thread error message,
 * eduauth_test_server_error_last(), because it is a separate library.
 * Thread-safety: every function may be called from any thread, also while requests are
 * being answered; eduauth_test_server_free must not race other calls on the same server.
 *
 * This header is C99 and C++ compatible. Not a production server: it is for tests only.
 */
#ifndef EDUAUTH_TEST_SERVER_H
#define EDUAUTH_TEST_SERVER_H

#include "eduauth/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A running scripted token server (opaque). */
typedef struct eduauth_test_server eduauth_test_server;

/**
 * Starts a server on 127.0.0.1 with an ephemeral port that signs tokens with app_id and
 * app_certificate (32 hex characters each; e.g. Agora's public demo values).
 * Ownership: *out is the caller's, stop and release it with eduauth_test_server_free().
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out, app_id or app_certificate is NULL or not 32
 * hex characters; EDUAUTH_E_NETWORK when 127.0.0.1 cannot be bound.
 */
EDUAUTH_API int eduauth_test_server_start(eduauth_test_server **out, const char *app_id,
                                          const char *app_certificate);

/**
 * Stops the server (if running) and frees it. Replies still being delayed are abandoned.
 * NULL is a no-op. Must not race other calls on the same server.
 * A server never freed is stopped by the library's exit handler when the process exits
 * (delayed replies abandoned), so its worker threads do not outlive the runtime's static
 * data; the handle itself then leaks (LeakSanitizer reports it): free servers in tests.
 */
EDUAUTH_API void eduauth_test_server_free(eduauth_test_server *server);

/**
 * Stops listening without freeing (idempotent): later requests fail to connect, as with a
 * server that went down. The URL, counters and last token stay readable.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when server is NULL.
 */
EDUAUTH_API int eduauth_test_server_stop(eduauth_test_server *server);

/**
 * Base URL "http://127.0.0.1:PORT" (no trailing slash), the value for
 * eduauth_client_config_set_server_url. Ownership: borrowed, valid until
 * eduauth_test_server_free(server). "" when server is NULL.
 */
EDUAUTH_API const char *eduauth_test_server_url(const eduauth_test_server *server);

/** The TCP port on 127.0.0.1 (1..65535), or 0 when server is NULL. */
EDUAUTH_API int32_t eduauth_test_server_port(const eduauth_test_server *server);

/**
 * Appends steps to the reply queue. `script_json` is a JSON array of step objects, or one
 * step object; every member is optional (units in the names: _ms REAL milliseconds, _s
 * seconds):
 *   "status"          HTTP status 100..599 (default 200); 1xx, 204 and 304 replies carry
 *                     no body (a "body" member with them is refused)
 *   "retry_after"     Retry-After header: "7" / 7 (delay-seconds) or an HTTP-date string
 *                     (control characters such as CR, LF, NUL are refused)
 *   "delay_ms"        answer after this many real milliseconds, 0..600000 (default 0)
 *   "body"            "token" (default for 2xx), "expired" (token that expired 100 s before
 *                     the server's now), "malformed" (truncated JSON), "no_token"
 *                     ({"code":"200"} without token), "error" (default for non-2xx:
 *                     {"code":"<status>","message":...}), "raw:<text>" (<text> verbatim)
 *   "expire_s"        token lifetime in seconds, 1..86400 (default 3600)
 *   "date_skew_s"     the server's clock is off by this many seconds: the Date header and
 *                     the token's issue time are real now + date_skew_s (default 0)
 *   "issue_offset_s"  token issue time relative to the server's clock (default 0)
 *   "for_user" / "for_room" / "for_role"   mint for another user / room / role than asked
 *                     (for_role -32768..32767, the token's int16 role field)
 *   "app_id"          sign for this app ID, 32 hex characters (with the server's certificate)
 *   "code"            the "code" member of token bodies, string or integer (default "200")
 * Example: [{"status":503,"retry_after":"7"},{"body":"expired"},{"delay_ms":300}]
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when server or script_json is NULL, the text is not
 * JSON, or a step has an unknown member or a value of the wrong type or range (the message
 * names the step index and the member); nothing is queued then.
 */
EDUAUTH_API int eduauth_test_server_script(eduauth_test_server *server, const char *script_json);

/**
 * Sets the step that answers once the queue is empty (one step object, same members as in
 * eduauth_test_server_script; "{}" restores the valid 3600 s token).
 * Errors: as eduauth_test_server_script.
 */
EDUAUTH_API int eduauth_test_server_set_default(eduauth_test_server *server, const char *step_json);

/** Empties the reply queue. Errors: EDUAUTH_E_INVALID_ARGUMENT when server is NULL. */
EDUAUTH_API int eduauth_test_server_clear_script(eduauth_test_server *server);

/** Token requests received so far (both paths), or 0 when server is NULL. */
EDUAUTH_API int64_t eduauth_test_server_requests(const eduauth_test_server *server);

/** Steps still queued, or 0 when server is NULL. */
EDUAUTH_API int64_t eduauth_test_server_pending(const eduauth_test_server *server);

/**
 * The last token the server handed out ("" before the first one) into *out — a secret:
 * compare it, do not log it. Ownership: *out is the caller's, free with eduauth_string_free()
 * (libeduauth) or free().
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out or server is NULL.
 */
EDUAUTH_API int eduauth_test_server_last_token(char **out, const eduauth_test_server *server);

/**
 * Message of the last failed eduauth_test_server_* call made by THIS thread ("" after a call
 * that succeeded). Ownership: borrowed, never NULL; valid until this thread's next call.
 */
EDUAUTH_API const char *eduauth_test_server_error_last(void);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_TEST_SERVER_H */
