/*
 * POSIX helpers for the C API client tests (C99 + POSIX.1-2008):
 *   - spawn the sample token server (`eduauth-token-server --port 0 ...`) and learn its URL
 *     from the "listening on http://127.0.0.1:PORT" line;
 *   - a scripted HTTP server on 127.0.0.1 (ephemeral port) that answers the "education"
 *     request shape after a configurable delay, or never;
 *   - a port with nothing listening.
 */
#ifndef EDUAUTH_TEST_SUPPORT_H
#define EDUAUTH_TEST_SUPPORT_H

#include <stdint.h>
#include <sys/types.h>

typedef struct token_server {
  pid_t pid;
  char url[64]; /* "http://127.0.0.1:PORT" */
  void *out;    /* FILE * of the server's stdout (kept open while it runs) */
} token_server;

/* Starts the sample token server with extra arguments (NULL-terminated list, may be NULL).
 * Returns 0 on success. Waits at most 20 s for the listening line. */
int token_server_start(token_server *s, const char *const *extra_args);
/* Stops it (SIGTERM, then waits). */
void token_server_stop(token_server *s);

typedef struct mini_server mini_server;

/* Starts the scripted server. Each request is answered after delay_ms milliseconds
 * (delay_ms < 0: never answered, the connection is held until stop) with a room-user token
 * for the roomUuid/userUuid/role found in the request body, expire_s seconds long, issued
 * `issue_offset_s` seconds from now (negative = in the past), as {"token": ..., "code": "200"}. */
mini_server *mini_server_start(int delay_ms, uint32_t expire_s, int64_t issue_offset_s);
int mini_server_port(const mini_server *m);
/* Requests received so far / requests currently being answered. */
int mini_server_requests(mini_server *m);
int mini_server_in_flight(mini_server *m);
void mini_server_set_delay(mini_server *m, int delay_ms);
void mini_server_stop(mini_server *m);

/* A 127.0.0.1 port where nothing listens (bound, then closed). */
int unused_port(void);

/* Monotonic milliseconds, for measuring (never for deciding token validity). */
int64_t test_now_ms(void);
/* Sleeps in real time (only to let a slow callback or server take its time in a test). */
void test_sleep_ms(int ms);

#endif /* EDUAUTH_TEST_SUPPORT_H */
