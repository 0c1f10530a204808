/*
 * eduauth — stable C API: metrics of a token client (counters and gauges), read as a snapshot
 * with eduauth_client_metrics() or pushed to a sink callback. Field meanings, units and when
 * each one moves: docs/metrics.md.
 *
 * Counters are cumulative since eduauth_client_new and never go down; gauges are the state
 * at the snapshot. Durations are MILLISECONDS on the client's boot-time clock (the fake clock
 * of eduauth/testing.h when one is set). Cached gets served without a lock are not counted,
 * so metrics cost nothing on that path.
 *
 * ABI rule (the struct may grow): struct_size is the FIRST member. The caller sets it to
 * sizeof(eduauth_metrics) as compiled; the library fills only the fields that fit in
 * struct_size bytes (whole fields), leaves the rest untouched, and sets struct_size to the
 * number of bytes it filled. New fields are only ever appended at the end.
 */
#ifndef EDUAUTH_METRICS_H
#define EDUAUTH_METRICS_H

#include "eduauth/client.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of fetch-latency buckets: <=10, <=50, <=100, <=250, <=500, <=1000, <=2500, <=5000, >5000 ms. */
#define EDUAUTH_METRICS_LATENCY_BUCKETS 9

/** A snapshot of a client's metrics. Plain data owned by the caller. */
typedef struct eduauth_metrics {
  uint32_t struct_size; /**< in: sizeof(eduauth_metrics) of the caller; out: bytes filled */
  uint32_t reserved;    /**< always 0 */
  /* ---- counters (cumulative) ---- */
  uint64_t fetches_started;              /**< requests sent to the token server (first, refresh, retry) */
  uint64_t fetch_successes;              /**< fetches whose token was accepted and installed */
  uint64_t fetch_failures;               /**< failed fetches: the sum of the failures_* below */
  uint64_t failures_network;             /**< EDUAUTH_E_NETWORK and EDUAUTH_E_TLS */
  uint64_t failures_timeout;             /**< EDUAUTH_E_TIMEOUT (transport connect/total timeout) */
  uint64_t failures_http_status;         /**< EDUAUTH_E_HTTP_STATUS (HTTP errors other than 401/403) */
  uint64_t failures_bad_response;        /**< bad response, malformed / unsupported / mismatched token */
  uint64_t failures_expired_from_server; /**< EDUAUTH_E_EXPIRED_FROM_SERVER (case C-09) */
  uint64_t failures_reauth;              /**< EDUAUTH_E_REAUTH_REQUIRED: 401/403 from the server */
  uint64_t failures_other;               /**< anything else (internal) */
  uint64_t served_while_refreshing;      /**< gets answered with the current token while it was being refreshed */
  uint64_t coalesced_waiters;            /**< gets that joined a fetch already in flight (N cold callers: N-1) */
  uint64_t cooldown_refusals;            /**< gets refused without a request during a re-auth cool-down */
  /* ---- gauges (now) ---- */
  uint64_t keys;                         /**< keys known to the client */
  uint64_t keys_with_token;              /**< keys holding a currently valid token */
  uint64_t fetches_in_flight;            /**< keys with a fetch in progress */
  uint64_t keys_backing_off;             /**< keys waiting for a retry after a failed fetch */
  uint64_t keys_in_cooldown;             /**< keys in a re-auth / rejection cool-down */
  uint64_t max_consecutive_failures;     /**< longest current run of failed fetches of one key */
  uint64_t next_retry_in_ms;             /**< ms until the earliest scheduled retry (0: none) */
  /* ---- fetch latency, send to receipt (counters) ---- */
  uint64_t latency_count;                /**< fetches measured */
  uint64_t latency_sum_ms;               /**< sum of their durations, ms */
  uint64_t latency_max_ms;               /**< the longest, ms */
  uint64_t latency_buckets[EDUAUTH_METRICS_LATENCY_BUCKETS]; /**< per bucket (not cumulative) */
} eduauth_metrics;

/**
 * Fills *out with a snapshot of the client's metrics (see the ABI rule above: set
 * out->struct_size first). Any thread; also after the client stopped refreshing.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when client or out is NULL or out->struct_size is below
 * 8 (the header fields); EDUAUTH_E_CLOSED while the client is being freed.
 */
EDUAUTH_API int eduauth_client_metrics(eduauth_client *client, eduauth_metrics *out);

/**
 * A metrics sink. `metrics` is borrowed for the duration of the call; its struct_size is the
 * library's sizeof(eduauth_metrics), at least as large as any older header's (read only the
 * fields you know). Runs on the SDK callback thread, in order with events, never while an
 * SDK lock is held.
 */
typedef void (*eduauth_metrics_fn)(void *user_data, const eduauth_metrics *metrics);

/**
 * Metrics sink of clients made from this configuration (fn NULL: none): called every
 * interval_ms milliseconds of the client's clock (1..86400000) and once more when the client
 * is freed. user_data / destroy follow the rules of eduauth_client_config_set_event_callback
 * (destroy, may be NULL, runs exactly once when nothing uses user_data any more; with fn
 * NULL it runs at once).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT for a NULL config or interval_ms out of range (then
 * nothing is changed and destroy is not called).
 */
EDUAUTH_API int eduauth_client_config_set_metrics_sink(eduauth_client_config *config, eduauth_metrics_fn fn,
                                                       void *user_data, eduauth_destroy_fn destroy,
                                                       int64_t interval_ms);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_METRICS_H */
