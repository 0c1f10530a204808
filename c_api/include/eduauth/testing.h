/*
 * eduauth — stable C API, test kit part 1: an injectable fake clock (exported by libeduauth).
 *
 *   #include <eduauth/testing.h>      link with -leduauth (not included by <eduauth.h>)
 *
 * A token client normally reads the system clocks. In a test, give it a fake clock that
 * moves only when the test says so, and drive refresh, backoff, expiry, device sleep and
 * wall-clock jumps without sleeping. Pair it with the scripted token server of
 * <eduauth/test_server.h> (libeduauth_testing). Guide: docs/testing-kit.md.
 *
 * The clock has three scales (see DESIGN.md "Local deadlines"):
 *   wall       absolute Unix MILLISECONDS; may jump (NTP, the user changing the date);
 *   boot       MILLISECONDS since an arbitrary origin; never goes back, keeps counting while
 *              the device sleeps (CLOCK_BOOTTIME). The client keeps its deadlines on it;
 *   monotonic  like boot, but stops while the device sleeps (CLOCK_MONOTONIC); the client
 *              never uses it for token deadlines.
 *
 * What the client measures on this clock: token deadlines, refresh times, backoff waits,
 * Retry-After, re-auth cool-downs and the timeout of eduauth_client_get_token. Network
 * timeouts and eduauth_client_next_event waits stay in REAL time (they are libcurl's and the
 * poll queue's), so a test can wait for an event without moving the fake clock.
 *
 * Thread-safety: every function may be called from any thread. Every change of the clock
 * wakes the client threads waiting on it, so they re-check their deadlines at once.
 *
 * This header is C99 and C++ compatible.
 */
#ifndef EDUAUTH_TESTING_H
#define EDUAUTH_TESTING_H

#include "eduauth/client.h"
#include "eduauth/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A fake clock (opaque). Reference-counted: clients configured with it keep it alive. */
typedef struct eduauth_fake_clock eduauth_fake_clock;

/**
 * Creates a fake clock whose wall scale starts at unix_ms (absolute Unix MILLISECONDS) and
 * whose boot and monotonic scales start at boot_ms (MILLISECONDS, >= 0). Tip: start the wall
 * scale at the real time when the token server mints tokens with the real time (the
 * scripted server does), so that tokens are not already expired on the fake clock; the
 * client corrects for the difference through the server's Date header either way.
 * Ownership: *out is the caller's, free with eduauth_fake_clock_free().
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out is NULL or unix_ms / boot_ms is negative.
 */
EDUAUTH_API int eduauth_fake_clock_new(eduauth_fake_clock **out, int64_t unix_ms, int64_t boot_ms);

/**
 * Releases the caller's reference. Clients created with the clock keep their own reference,
 * so this may be called before eduauth_client_free(). NULL is a no-op. Any thread.
 */
EDUAUTH_API void eduauth_fake_clock_free(eduauth_fake_clock *clock);

/**
 * Normal passage of time: wall, boot and monotonic all move forward by ms MILLISECONDS.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when clock is NULL, ms < 0, or the wall or boot time
 * would overflow int64 milliseconds (the message names ms and the time); the clock is unchanged.
 */
EDUAUTH_API int eduauth_fake_clock_advance(eduauth_fake_clock *clock, int64_t ms);

/**
 * The device sleeps (suspend, then resume) for ms MILLISECONDS: wall and boot move forward,
 * monotonic does not. A token whose real expiry passed during the sleep is not served.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when clock is NULL, ms < 0, or the wall or boot time
 * would overflow int64 milliseconds; the clock is unchanged.
 */
EDUAUTH_API int eduauth_fake_clock_sleep(eduauth_fake_clock *clock, int64_t ms);

/**
 * The wall clock alone jumps by ms MILLISECONDS (negative = backwards): an NTP correction or
 * the user changing the date. Boot and monotonic do not move.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when clock is NULL, or the wall time would go below 0
 * (before 1970, which eduauth_fake_clock_new refuses too) or overflow int64 milliseconds;
 * the clock is unchanged.
 */
EDUAUTH_API int eduauth_fake_clock_jump_wall(eduauth_fake_clock *clock, int64_t ms);

/**
 * The current wall time, absolute Unix MILLISECONDS, into *out.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out or clock is NULL.
 */
EDUAUTH_API int eduauth_fake_clock_unix_ms(int64_t *out, const eduauth_fake_clock *clock);

/**
 * The current boot time (MILLISECONDS since the clock's origin, counts during sleep) into *out.
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when out or clock is NULL.
 */
EDUAUTH_API int eduauth_fake_clock_boot_ms(int64_t *out, const eduauth_fake_clock *clock);

/**
 * Synchronisation helper, not a timer: waits (in REAL time, polling) until at least n client
 * threads are blocked on this clock having seen its current time, or until
 * real_timeout_ms REAL milliseconds pass (values above one day, e.g. INT64_MAX, wait one
 * day: "forever" for a test). A client's refresh scheduler is one such thread
 * once it has nothing to do before a future deadline, so after a change of the clock
 * `await_waiters(clock, 1, 10000)` returns once the scheduler has reacted to it (it may have
 * started a fetch: wait for the resulting event with eduauth_client_next_event).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when clock is NULL or real_timeout_ms < 0;
 * EDUAUTH_E_TIMEOUT when the count was not reached in time.
 */
EDUAUTH_API int eduauth_fake_clock_await_waiters(eduauth_fake_clock *clock, size_t n, int64_t real_timeout_ms);

/**
 * Makes clients created from this configuration run on `clock` instead of the system clocks.
 * The configuration and each client made from it hold a reference, so the clock stays valid
 * as long as any of them needs it. clock NULL restores the system clocks (the default).
 * Thread-safety: like the other eduauth_client_config_* setters (not concurrently with
 * other calls on the same configuration).
 * Errors: EDUAUTH_E_INVALID_ARGUMENT when config is NULL.
 */
EDUAUTH_API int eduauth_client_config_set_clock(eduauth_client_config *config, eduauth_fake_clock *clock);

#ifdef __cplusplus
}
#endif

#endif /* EDUAUTH_TESTING_H */
