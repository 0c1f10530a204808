/*
 * eduauth — stable C API: the token client (fetch from the app's token server, cache,
 * refresh before expiry, events). Semantics: shared/DESIGN.md "Refresh", "Events";
 * server shapes: shared/specs/token-servers.md.
 *
 * A token is asked for by key (room_uuid, user_uuid, role). The client keeps one cached
 * token per key, refreshes it on its own scheduler thread at expiry - margin, shares one
 * fetch among concurrent callers (single-flight), backs off on failures, and never hands
 * out a token past its effective expiry.
 *
 * Threads and callbacks:
 *   - Every function on an eduauth_client may be called from any thread concurrently.
 *   - Event callbacks and async-get callbacks run on ONE SDK callback thread, one at a time,
 *     never while an SDK lock is held; they may call back into the SDK (including
 *     eduauth_client_free on their own client, which then does not wait for itself).
 *   - After eduauth_client_free returns, no callback of that client runs any more and each
 *     user-data destructor has run exactly once.
 *   - Events are also queued for polling (eduauth_client_next_event) so that bindings and game
 *     loops need no native-to-managed callbacks.
 */
#ifndef EDUAUTH_CLIENT_H
#define EDUAUTH_CLIENT_H

#include "eduauth/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Client configuration (opaque, plain data; not thread-safe: fill it on one thread). */
typedef struct eduauth_client_config eduauth_client_config;
/** A token client (opaque, thread-safe). */
typedef struct eduauth_client eduauth_client;
/** One client event (opaque, immutable). */
typedef struct eduauth_event eduauth_event;

/** Releases a user_data pointer handed to eduauth; called exactly once, on any thread. */
typedef void (*eduauth_destroy_fn)(void *user_data);

/* ---- configuration ---------------------------------------------------------------------- */

/**
 * A new configuration with defaults: preset "education", no server URL, system CA store,
 * proxy from the environment, connect timeout 5000 ms, total timeout 15000 ms, refresh
 * margin min(300 s, 25 % of the lifetime), will-expire lead 60 s, event queue of 256.
 * *out is the caller's; free with eduauth_client_config_free().
 */
EDUAUTH_API int eduauth_client_config_new(eduauth_client_config **out);
/** Frees a configuration (NULL is a no-op). Clients made from it keep their own copy. */
EDUAUTH_API void eduauth_client_config_free(eduauth_client_config *config);

/**
 * Base URL of the token server, e.g. "https://tokens.example.com" or
 * "http://127.0.0.1:8082" (plain http:// is accepted only for loopback hosts unless
 * eduauth_client_config_set_allow_insecure_http). Required unless a URL template is set.
 */
EDUAUTH_API int eduauth_client_config_set_server_url(eduauth_client_config *config, const char *base_url);

/**
 * Request/response mapping preset: "education" (POST /fetch_education_token), "rtm"
 * (POST /fetch_rtm_token), "generic" (POST /token/generate), "agora-demo"
 * (GET /edu/v3/rooms/{roomUuid}/roles/{role}/users/{userUuid}/token) or "custom" (set the
 * template and pointers yourself). The custom setters below override single fields of a
 * preset. Errors: EDUAUTH_E_INVALID_ARGUMENT naming an unknown preset.
 */
EDUAUTH_API int eduauth_client_config_set_preset(eduauth_client_config *config, const char *preset);

/** Custom mapping: HTTP method, "GET" or "POST". */
EDUAUTH_API int eduauth_client_config_set_method(eduauth_client_config *config, const char *method);
/**
 * Custom mapping: absolute URL template with {roomUuid}, {userUuid}, {role} placeholders
 * (percent-encoded on substitution). Overrides the preset's URL built from server_url.
 * eduauth_client_new refuses (EDUAUTH_E_INVALID_ARGUMENT naming url_template and the value)
 * a template that is not http(s), has no host, a bad port, spaces or other characters a URL
 * cannot carry, or any other {name} (e.g. a typo such as {roomId}).
 */
EDUAUTH_API int eduauth_client_config_set_url_template(eduauth_client_config *config, const char *url_template);
/**
 * Custom mapping: JSON body template; placeholders are substituted inside JSON string values
 * and a value that is exactly "{role}" becomes the number. "" = no body.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when it is not JSON or a string value has an unknown
 * {name} placeholder (checked by eduauth_client_new).
 */
EDUAUTH_API int eduauth_client_config_set_body_template(eduauth_client_config *config, const char *body_template);
/**
 * Custom mapping: RFC 6901 JSON pointer to the token in the response, e.g. "/data/token".
 * The three pointers are checked by eduauth_client_new: "token" (no leading '/') or a '~'
 * not followed by 0/1 is EDUAUTH_E_INVALID_ARGUMENT naming the pointer and its value.
 */
EDUAUTH_API int eduauth_client_config_set_token_pointer(eduauth_client_config *config, const char *json_pointer);
/** Custom mapping: JSON pointer to the App ID in the response ("" = not reported). */
EDUAUTH_API int eduauth_client_config_set_app_id_pointer(eduauth_client_config *config, const char *json_pointer);
/** Custom mapping: JSON pointer to an application status code ("" = none; see source.hpp). */
EDUAUTH_API int eduauth_client_config_set_code_pointer(eduauth_client_config *config, const char *json_pointer);

/**
 * Adds a request header sent with every token request, e.g. ("Authorization",
 * "Bearer <session>"). Values are treated as secrets: never logged. Repeated names are sent
 * in order. Errors: EDUAUTH_E_INVALID_ARGUMENT for an empty name or CR/LF in name or value.
 */
EDUAUTH_API int eduauth_client_config_add_header(eduauth_client_config *config, const char *name,
                                                 const char *value);
/** Removes every header added with eduauth_client_config_add_header. */
EDUAUTH_API int eduauth_client_config_clear_headers(eduauth_client_config *config);

/**
 * PEM CA bundle file used instead of the system store. A missing or unreadable file makes
 * eduauth_client_new fail with EDUAUTH_E_TLS naming "ca_file" (case C-12).
 */
EDUAUTH_API int eduauth_client_config_set_ca_file(eduauth_client_config *config, const char *path);
/** In-memory PEM CA bundle; wins over the CA file when both are set. */
EDUAUTH_API int eduauth_client_config_set_ca_pem(eduauth_client_config *config, const char *pem);
/**
 * Proxy URL, e.g. "http://proxy:3128", overriding the environment; "" = connect directly.
 * Not called: the environment (HTTPS_PROXY, NO_PROXY, ...) applies.
 */
EDUAUTH_API int eduauth_client_config_set_proxy(eduauth_client_config *config, const char *proxy);
/** Hosts that bypass the proxy ("127.0.0.1,localhost"); not called: environment NO_PROXY. */
EDUAUTH_API int eduauth_client_config_set_no_proxy(eduauth_client_config *config, const char *hosts);
/** Permit plain http:// to non-loopback hosts (flag 0/1; default 0). TLS checks stay on. */
EDUAUTH_API int eduauth_client_config_set_allow_insecure_http(eduauth_client_config *config, int flag);

/** TCP + TLS connect deadline in MILLISECONDS, > 0. */
EDUAUTH_API int eduauth_client_config_set_connect_timeout_ms(eduauth_client_config *config, int64_t ms);
/** Whole-request deadline in MILLISECONDS, > 0. */
EDUAUTH_API int eduauth_client_config_set_total_timeout_ms(eduauth_client_config *config, int64_t ms);
/**
 * How long eduauth_client_free waits, in real MILLISECONDS, for fetches still in flight
 * before it returns and leaves them to finish on their own (their results are discarded;
 * callbacks and user data are still settled before free returns). 0..60000; default 5000.
 * A small value keeps free from blocking on a slow token server (e.g. at app shutdown).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT naming close_grace and the value when out of range.
 */
EDUAUTH_API int eduauth_client_config_set_close_grace_ms(eduauth_client_config *config, int64_t ms);

/**
 * Refresh margin in SECONDS, >= 0: a token is refreshed min(seconds, 25 % of its lifetime)
 * before its expiry, +/- 10 % jitter. Default 300 (DESIGN.md "Refresh").
 */
EDUAUTH_API int eduauth_client_config_set_refresh_margin_s(eduauth_client_config *config, int64_t seconds);
/** Lead time in SECONDS before expiry at which EDUAUTH_EVENT_WILL_EXPIRE fires, >= 0 (0 = never). */
EDUAUTH_API int eduauth_client_config_set_will_expire_lead_s(eduauth_client_config *config, int64_t seconds);

/**
 * The App ID the tokens must be for (32 hex characters). A token for another App ID is
 * refused with EDUAUTH_E_TOKEN_MISMATCH. Not called: not checked.
 */
EDUAUTH_API int eduauth_client_config_set_app_id(eduauth_client_config *config, const char *app_id);

/** Event types. */
typedef enum eduauth_event_kind {
  EDUAUTH_EVENT_TOKEN_REFRESHED = 1, /**< a new token was installed: token, expires_at */
  EDUAUTH_EVENT_WILL_EXPIRE = 2,     /**< the token expires within the lead time: expires_at, seconds_left */
  EDUAUTH_EVENT_REFRESH_FAILED = 3,  /**< a refresh failed: status, message, seconds_left */
  EDUAUTH_EVENT_EXPIRED = 4,         /**< the cached token expired and no new one is available */
  EDUAUTH_EVENT_REAUTH_REQUIRED = 5  /**< 401/403 from the token server: the user must sign in again */
} eduauth_event_kind;

/**
 * An event callback. `event` is borrowed for the duration of the call (copy what you need).
 * Runs on the SDK callback thread (see the header comment).
 */
typedef void (*eduauth_event_fn)(void *user_data, const eduauth_event *event);

/**
 * Event callback of clients made from this configuration (fn NULL: none). user_data is
 * passed to fn; destroy (may be NULL) is called exactly once with user_data when nothing
 * uses it any more: when the configuration has been freed (or given another callback) and
 * every client made from it has been freed. With fn NULL, destroy(user_data) runs at once.
 */
EDUAUTH_API int eduauth_client_config_set_event_callback(eduauth_client_config *config, eduauth_event_fn fn,
                                                         void *user_data, eduauth_destroy_fn destroy);

/**
 * Capacity of the poll queue (eduauth_client_next_event); 0 disables queueing. When full,
 * the oldest event is dropped (eduauth_client_dropped_events counts them). Default 256.
 */
EDUAUTH_API int eduauth_client_config_set_event_queue_capacity(eduauth_client_config *config, size_t capacity);

/* ---- client ----------------------------------------------------------------------------- */

/**
 * Creates a client from a configuration (copied: the configuration may be freed or changed
 * afterwards). Starts the scheduler thread. *out is the caller's; free with
 * eduauth_client_free().
 * Errors: EDUAUTH_E_INVALID_ARGUMENT naming the option (no server URL, bad URL, bad template,
 * insecure http), EDUAUTH_E_TLS (CA file missing / unreadable).
 */
EDUAUTH_API int eduauth_client_new(eduauth_client **out, const eduauth_client_config *config);

/**
 * Closes and frees a client (NULL is a no-op). Any thread, also from inside one of its own
 * callbacks. Stops refreshing; calls blocked in eduauth_client_get_token /
 * eduauth_client_next_event on this client return EDUAUTH_E_CLOSED; pending async gets
 * complete with EDUAUTH_E_CLOSED. When it returns (unless called from the client's own
 * callback thread, where it cannot wait for itself) no callback of the client is running or
 * will run, and every user-data destructor has been called.
 */
EDUAUTH_API void eduauth_client_free(eduauth_client *client);

/**
 * Returns a valid token for (room_uuid, user_uuid, role): the cached one while it is valid,
 * otherwise the result of a (shared) fetch. Blocks at most timeout_ms MILLISECONDS
 * (>= 0; the network timeouts bound it as well). timeout_ms 0 never waits: the cached token,
 * or EDUAUTH_E_TIMEOUT while a fetch starts (or carries on) in the background.
 * Ownership: *out_token is the caller's (eduauth_string_free). out_expires_at (may be NULL)
 * receives the token's effective expiry, ABSOLUTE Unix seconds.
 * Errors: EDUAUTH_E_TIMEOUT, EDUAUTH_E_NETWORK, EDUAUTH_E_TLS, EDUAUTH_E_HTTP_STATUS,
 * EDUAUTH_E_BAD_RESPONSE, EDUAUTH_E_EXPIRED_FROM_SERVER, EDUAUTH_E_TOKEN_MISMATCH,
 * EDUAUTH_E_REAUTH_REQUIRED, EDUAUTH_E_CLOSED, EDUAUTH_E_INVALID_ARGUMENT.
 */
EDUAUTH_API int eduauth_client_get_token(char **out_token, int64_t *out_expires_at, eduauth_client *client,
                                         const char *room_uuid, const char *user_uuid, int32_t role,
                                         int64_t timeout_ms);

/**
 * Completion of an async get. status is EDUAUTH_OK or an EDUAUTH_E_* code; token (NULL on
 * error) and message ("" on success) are borrowed for the call; expires_at is ABSOLUTE Unix
 * seconds (0 on error).
 */
typedef void (*eduauth_token_fn)(void *user_data, int32_t status, const char *token, int64_t expires_at,
                                 const char *message);

/**
 * Asynchronous eduauth_client_get_token: returns at once; fn runs exactly once on the SDK
 * callback thread (never inside this call), then destroy(user_data) (destroy may be NULL).
 * If this call itself fails, neither fn nor destroy is called.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT (NULL client/strings/fn), EDUAUTH_E_CLOSED.
 */
EDUAUTH_API int eduauth_client_get_token_async(eduauth_client *client, const char *room_uuid,
                                               const char *user_uuid, int32_t role, eduauth_token_fn fn,
                                               void *user_data, eduauth_destroy_fn destroy);

/**
 * Starts fetching (room_uuid, user_uuid, role) in the background if it is not cached and
 * valid, so that a later get is instant. Returns at once; failures show up as events and
 * on the next get.
 */
EDUAUTH_API int eduauth_client_prefetch(eduauth_client *client, const char *room_uuid, const char *user_uuid,
                                        int32_t role);

/**
 * Reports that `token` was rejected downstream (e.g. the classroom said "invalid token").
 * If it is still the current token of the key it is dropped and the next get fetches a new
 * one (*out_dropped = 1); otherwise nothing happens (*out_dropped = 0). out_dropped may be
 * NULL. If the token fetched after such a report is rejected too, get fails with
 * EDUAUTH_E_TOKEN_REJECTED for a cool-down instead of looping (case C-11).
 */
EDUAUTH_API int eduauth_client_invalidate(int *out_dropped, eduauth_client *client, const char *room_uuid,
                                          const char *user_uuid, int32_t role, const char *token);

/** Forgets (room_uuid, user_uuid, role) entirely: no more refreshes, cached token dropped. */
EDUAUTH_API int eduauth_client_forget(eduauth_client *client, const char *room_uuid, const char *user_uuid,
                                      int32_t role);

/**
 * Waits up to timeout_ms MILLISECONDS (0 = do not wait) for the next queued event.
 * *out is the caller's; free with eduauth_event_free().
 * Errors: EDUAUTH_E_TIMEOUT (no event in time), EDUAUTH_E_CLOSED (the client is being freed),
 * EDUAUTH_E_INVALID_ARGUMENT.
 */
EDUAUTH_API int eduauth_client_next_event(eduauth_event **out, eduauth_client *client, int64_t timeout_ms);

/** Events dropped because the poll queue was full, since the client was created (0 for NULL). */
EDUAUTH_API uint64_t eduauth_client_dropped_events(const eduauth_client *client);

/* ---- events ----------------------------------------------------------------------------- */

/** Frees a polled event (NULL is a no-op). Never free the event passed to a callback. */
EDUAUTH_API void eduauth_event_free(eduauth_event *event);
/** The eduauth_event_kind (EDUAUTH_EVENT_*) of the event (0 for NULL). */
EDUAUTH_API int32_t eduauth_event_type(const eduauth_event *event);
/** Static name of an event type ("refreshed", "will_expire", "refresh_failed", "expired",
 *  "reauth_required"; "unknown" otherwise). */
EDUAUTH_API const char *eduauth_event_type_name(int32_t type);
/** Key of the token concerned. Borrowed: lives as long as the event. */
EDUAUTH_API const char *eduauth_event_room_uuid(const eduauth_event *event);
EDUAUTH_API const char *eduauth_event_user_uuid(const eduauth_event *event);
EDUAUTH_API int32_t eduauth_event_role(const eduauth_event *event);
/** TOKEN_REFRESHED: the new token (a secret: never log it); "" otherwise. Borrowed: lives as long as the event. */
EDUAUTH_API const char *eduauth_event_token(const eduauth_event *event);
/** TOKEN_REFRESHED: fingerprint of the new token ("sha256:xxxxxxxx"), safe to log; "" otherwise. */
EDUAUTH_API const char *eduauth_event_fingerprint(const eduauth_event *event);
/** REFRESH_FAILED / REAUTH_REQUIRED: HTTP status of the token server's answer (0 = none). */
EDUAUTH_API int32_t eduauth_event_http_status(const eduauth_event *event);
/** Effective expiry of the token concerned, ABSOLUTE Unix seconds (0 when none). */
EDUAUTH_API int64_t eduauth_event_expires_at(const eduauth_event *event);
/** Seconds of validity left for the current token when the event was made (0 when none). */
EDUAUTH_API int64_t eduauth_event_seconds_left(const eduauth_event *event);
/** REFRESH_FAILED / REAUTH_REQUIRED: the EDUAUTH_E_* cause; EDUAUTH_OK otherwise (also for EXPIRED). */
EDUAUTH_API int32_t eduauth_event_status(const eduauth_event *event);
/** Human-readable detail (never a secret); "" when none. Borrowed: lives as long as the event. */
EDUAUTH_API const char *eduauth_event_message(const eduauth_event *event);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_CLIENT_H */
