/*
 * eduauth — stable C API: export macro, version, status codes, errors, strings, logging.
 *
 * Conventions (shared/DESIGN.md "C API conventions"), valid for every eduauth_* function:
 *   - Fallible functions return int: EDUAUTH_OK (0) or a negative EDUAUTH_E_* code. On
 *     failure eduauth_error_last() gives a message naming the field and value; on success it
 *     is "" (the message is per thread).
 *   - Out parameters come first. On failure *out is set to NULL / 0 when out is not NULL.
 *   - Strings are NUL-terminated UTF-8. A `char *` the SDK returns through `char **out` is
 *     owned by the caller and freed with eduauth_string_free(). A `const char *` the SDK
 *     returns is borrowed; its documentation says how long it lives.
 *   - eduauth_*_free(NULL) is a no-op and any _free may be called from any thread (GC
 *     finalizers), as long as no other thread still uses that same handle.
 *   - No exception, signal or longjmp crosses this boundary; allocation failure is
 *     EDUAUTH_E_OUT_OF_MEMORY.
 *   - Units are in the names or the docs: `_s` seconds, `_ms` milliseconds, `_ts` / `_at`
 *     absolute Unix time in seconds unless stated otherwise.
 *
 * This header is C99 and C++ compatible and is included by <eduauth.h>.
 */
#ifndef EDUAUTH_COMMON_H
#define EDUAUTH_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* ---- export macro --------------------------------------------------------------------- */

#if defined(SWIG)
#define EDUAUTH_API
#elif defined(_WIN32)
#if defined(EDUAUTH_BUILDING_LIBRARY)
#define EDUAUTH_API __declspec(dllexport)
#else
#define EDUAUTH_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
/* The library is built with hidden visibility; only EDUAUTH_API declarations are exported. */
#define EDUAUTH_API __attribute__((visibility("default")))
#else
#define EDUAUTH_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version -------------------------------------------------------------------------- */

/** Compile-time version of the headers (semantic versioning; the SONAME follows MAJOR). */
#define EDUAUTH_VERSION_MAJOR 0
#define EDUAUTH_VERSION_MINOR 1
#define EDUAUTH_VERSION_PATCH 0
/** "MAJOR.MINOR.PATCH" of the headers. */
#define EDUAUTH_VERSION_STRING "0.1.0"
/** MAJOR * 10000 + MINOR * 100 + PATCH, for preprocessor comparisons. */
#define EDUAUTH_VERSION_NUMBER                                                                  \
  (EDUAUTH_VERSION_MAJOR * 10000 + EDUAUTH_VERSION_MINOR * 100 + EDUAUTH_VERSION_PATCH)

/**
 * Run-time twin of EDUAUTH_VERSION_STRING: the version of the loaded library, e.g. "0.1.0".
 * Ownership: static storage, never NULL, never freed. Thread-safety: any thread.
 */
EDUAUTH_API const char *eduauth_version(void);

/** Run-time twin of EDUAUTH_VERSION_NUMBER (MAJOR * 10000 + MINOR * 100 + PATCH). Any thread. */
EDUAUTH_API uint32_t eduauth_version_number(void);

/* ---- status codes --------------------------------------------------------------------- */

/**
 * Status codes returned by every fallible function. The numbers are part of the stable ABI
 * and equal eduauth::Errc of the C++ layer (sdk/include/eduauth/error.hpp).
 */
typedef enum eduauth_status {
  EDUAUTH_OK = 0,
  EDUAUTH_E_INVALID_ARGUMENT = -1,      /**< a value is NULL, out of range or malformed */
  EDUAUTH_E_MALFORMED_TOKEN = -2,       /**< the token string does not decode */
  EDUAUTH_E_UNSUPPORTED_VERSION = -3,   /**< the token does not start with "006" or "007" */
  EDUAUTH_E_SIGNATURE_MISMATCH = -4,    /**< the token decodes but its signature does not verify */
  EDUAUTH_E_OUT_OF_MEMORY = -5,         /**< allocation failed */
  EDUAUTH_E_NETWORK = -10,              /**< DNS, connect, reset, proxy, TLS handshake failure */
  EDUAUTH_E_TIMEOUT = -11,              /**< a network or waiting deadline passed */
  EDUAUTH_E_HTTP_STATUS = -12,          /**< the token server answered an HTTP error (not 401/403) */
  EDUAUTH_E_BAD_RESPONSE = -13,         /**< the response is not the expected JSON / too large */
  EDUAUTH_E_EXPIRED_FROM_SERVER = -14,  /**< the server returned an expired or too short-lived token */
  EDUAUTH_E_TOKEN_MISMATCH = -15,       /**< the token is for another app ID / user / room / role */
  EDUAUTH_E_REAUTH_REQUIRED = -16,      /**< 401/403 from the token server: sign in again */
  EDUAUTH_E_TOKEN_REJECTED = -17,       /**< the token was rejected downstream and a refetch did not help */
  EDUAUTH_E_TLS = -18,                  /**< certificate verification or CA bundle problem */
  EDUAUTH_E_CLOSED = -19,               /**< the client is being freed */
  EDUAUTH_E_EXPIRED = -20,              /**< no valid token is available */
  EDUAUTH_E_INVALID_LAUNCH_OPTION = -30, /**< a launchOption field breaks a rule */
  EDUAUTH_E_LAUNCH_TOKEN_MISMATCH = -31, /**< launchOption values disagree with the token */
  EDUAUTH_E_INTERNAL = -99              /**< a bug in eduauth; the message says where */
} eduauth_status;

/**
 * Static name of a status code, e.g. "EDUAUTH_E_MALFORMED_TOKEN" for -2, "EDUAUTH_OK" for 0,
 * "EDUAUTH_E_UNKNOWN" for a number that is not a code. Never NULL, never freed. Any thread.
 */
EDUAUTH_API const char *eduauth_status_name(int code);

/**
 * Message of the last failed call made by THIS thread ("" after a call that succeeded).
 * It names the failing field and value; secrets appear only as fingerprints.
 * Ownership: borrowed, never NULL; valid until the calling thread's next eduauth_* call.
 */
EDUAUTH_API const char *eduauth_error_last(void);

/** Status code of the last fallible call made by this thread (EDUAUTH_OK after a success). */
EDUAUTH_API int eduauth_error_last_code(void);

/* ---- strings -------------------------------------------------------------------------- */

/**
 * Frees a string returned by eduauth through a `char **out` parameter. NULL is a no-op.
 * Never pass borrowed (`const char *`) strings. Any thread.
 */
EDUAUTH_API void eduauth_string_free(char *s);

/**
 * A short, non-reversible fingerprint of a secret (token, certificate, header value) that is
 * safe to log: "sha256:" + the first 8 hex digits of SHA-256(secret), e.g. "sha256:1a2b3c4d".
 * Ownership: *out is the caller's, free with eduauth_string_free(). Any thread.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out or secret is NULL.
 */
EDUAUTH_API int eduauth_fingerprint(char **out, const char *secret);

/* ---- logging -------------------------------------------------------------------------- */

/** Log levels, in increasing severity. */
typedef enum eduauth_log_level {
  EDUAUTH_LOG_TRACE = 0,
  EDUAUTH_LOG_DEBUG = 1,
  EDUAUTH_LOG_INFO = 2,
  EDUAUTH_LOG_WARN = 3,
  EDUAUTH_LOG_ERROR = 4,
  EDUAUTH_LOG_OFF = 5 /**< as a threshold: deliver nothing */
} eduauth_log_level;

/**
 * A log sink. `level` is an eduauth_log_level; `message` is one UTF-8 line without newline,
 * borrowed for the duration of the call. Messages never contain tokens, certificates or
 * header values (only fingerprints). Called on whichever SDK or caller thread logs,
 * possibly concurrently from several threads; the sink must be thread-safe, should return
 * quickly, and must not call eduauth_log_set_sink (that call waits for running sinks).
 */
typedef void (*eduauth_log_fn)(void *user_data, int32_t level, const char *message);

/**
 * Installs the process-wide log sink (replacing the previous one) and the minimum level
 * delivered. fn NULL removes the sink (the default: nothing is logged). When this returns,
 * the previous sink is no longer running and will not be called again, so its user_data
 * may be released. Thread-safety: any thread, but not from inside a sink.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when min_level is outside EDUAUTH_LOG_TRACE..OFF.
 */
EDUAUTH_API int eduauth_log_set_sink(eduauth_log_fn fn, void *user_data, int32_t min_level);

/** Static name of a log level ("trace", "debug", "info", "warn", "error", "off", "unknown"). */
EDUAUTH_API const char *eduauth_log_level_name(int32_t level);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_COMMON_H */
