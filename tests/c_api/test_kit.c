/*
 * The installed test kit, used the way an integrator would: a token client on the fake clock
 * (<eduauth/testing.h>) against the scripted token server (<eduauth/test_server.h>,
 * libeduauth_testing). Refresh at expiry - margin, 503 + Retry-After, an expired token from
 * the server, a server whose clock is 1000 s behind, device sleep past expiry, the RTM shape,
 * each fault step's status, a stopped server, and the kit's own argument errors. No sleeps: time moves only through the fake clock; the
 * tests wait (in real time) for the client's events.
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <eduauth/test_server.h>
#include <eduauth/testing.h>

#include "c_test.h"

#define ROOM "room-k"
#define USER "user-k"
#define ROLE 2
#define REAL_WAIT_MS 10000

typedef struct kit {
  eduauth_test_server *server;
  eduauth_fake_clock *clock;
  eduauth_client *client;
  int64_t start_unix_s; /* the real time at set-up (and the fake clock's start) */
} kit;

/* Server + fake clock at the real time + client (education preset) on both. */
static int kit_start(kit *k, const char *preset, const char *script) {
  eduauth_client_config *config = NULL;
  memset(k, 0, sizeof *k);
  k->start_unix_s = (int64_t)time(NULL);
  CHECK_OK(eduauth_test_server_start(&k->server, TEST_APP_ID, TEST_APP_CERT));
  if (k->server == NULL) return -1;
  if (script) CHECK_OK(eduauth_test_server_script(k->server, script));
  CHECK_OK(eduauth_fake_clock_new(&k->clock, k->start_unix_s * 1000, 10000));
  CHECK_OK(eduauth_client_config_new(&config));
  CHECK_OK(eduauth_client_config_set_preset(config, preset));
  CHECK_OK(eduauth_client_config_set_server_url(config, eduauth_test_server_url(k->server)));
  CHECK_OK(eduauth_client_config_set_app_id(config, TEST_APP_ID));
  CHECK_OK(eduauth_client_config_set_clock(config, k->clock));
  CHECK_OK(eduauth_client_new(&k->client, config));
  eduauth_client_config_free(config);
  return k->client ? 0 : -1;
}

static void kit_stop(kit *k) {
  eduauth_client_free(k->client);
  eduauth_fake_clock_free(k->clock);
  eduauth_test_server_free(k->server);
}

/* Moves fake time and waits until the client's scheduler has seen it. */
static void advance_s(kit *k, int64_t seconds) {
  CHECK_OK(eduauth_fake_clock_advance(k->clock, seconds * 1000));
  CHECK_OK(eduauth_fake_clock_await_waiters(k->clock, 1, REAL_WAIT_MS));
}

/* The next event of `type` (others are skipped), or NULL after REAL_WAIT_MS real ms. */
static eduauth_event *wait_event(kit *k, int32_t type) {
  for (;;) {
    eduauth_event *e = NULL;
    if (eduauth_client_next_event(&e, k->client, REAL_WAIT_MS) != EDUAUTH_OK || e == NULL) {
      C_TEST_FAIL_AT("no %s event within %d ms", eduauth_event_type_name(type), REAL_WAIT_MS);
      return NULL;
    }
    if (eduauth_event_type(e) == type) return e;
    eduauth_event_free(e);
  }
}

static char *get(kit *k, int64_t *expires_at, int expected_rc) {
  char *token = NULL;
  CHECK_RC(eduauth_client_get_token(&token, expires_at, k->client, ROOM, USER, ROLE, 5000), expected_rc);
  return token;
}

static int same(const char *a, const char *b) {
  return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* 600 s token: margin min(300, 25 %) = 150 s, jitter +/- 10 % of it: refresh in [435, 465] s. */
static void test_refresh_at_expiry_margin(void) {
  kit k;
  char *first, *last = NULL, *again;
  eduauth_event *e;
  if (kit_start(&k, "education", "[{\"expire_s\":600},{\"expire_s\":600}]") != 0) goto out;
  first = get(&k, NULL, EDUAUTH_OK);
  CHECK_INT(eduauth_test_server_requests(k.server), 1);
  CHECK_OK(eduauth_test_server_last_token(&last, k.server));
  CHECK(same(first, last));
  eduauth_event_free(wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED)); /* the first install */
  CHECK_OK(eduauth_fake_clock_await_waiters(k.clock, 1, REAL_WAIT_MS));
  advance_s(&k, 434);
  CHECK_INT(eduauth_test_server_requests(k.server), 1);
  advance_s(&k, 36);
  e = wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED);
  CHECK_INT(eduauth_test_server_requests(k.server), 2);
  CHECK_INT(eduauth_test_server_pending(k.server), 0);
  if (e) {
    CHECK(!same(eduauth_event_token(e), first));
    again = get(&k, NULL, EDUAUTH_OK); /* the new token is served without another request */
    CHECK(same(again, eduauth_event_token(e)));
    CHECK_INT(eduauth_test_server_requests(k.server), 2);
    eduauth_string_free(again);
  }
  eduauth_event_free(e);
  eduauth_string_free(first);
  eduauth_string_free(last);
out:
  kit_stop(&k);
}

/* A failed refresh keeps the current token and retries exactly when Retry-After says. */
static void test_503_retry_after(void) {
  kit k;
  char *first, *during;
  eduauth_event *e;
  if (kit_start(&k, "education", "[{\"expire_s\":600},{\"status\":503,\"retry_after\":\"7\"},{\"expire_s\":600}]") != 0)
    goto out;
  first = get(&k, NULL, EDUAUTH_OK);
  eduauth_event_free(wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED));
  CHECK_OK(eduauth_fake_clock_await_waiters(k.clock, 1, REAL_WAIT_MS));
  advance_s(&k, 470); /* refresh due: the server answers 503 + Retry-After: 7 */
  e = wait_event(&k, EDUAUTH_EVENT_REFRESH_FAILED);
  if (e) {
    CHECK_INT(eduauth_event_status(e), EDUAUTH_E_HTTP_STATUS);
    CHECK_INT(eduauth_event_http_status(e), 503);
    CHECK(eduauth_event_seconds_left(e) > 100 && eduauth_event_seconds_left(e) <= 130);
  }
  eduauth_event_free(e);
  CHECK_OK(eduauth_fake_clock_await_waiters(k.clock, 1, REAL_WAIT_MS));
  during = get(&k, NULL, EDUAUTH_OK); /* still served while valid */
  CHECK(same(during, first));
  CHECK_INT(eduauth_test_server_requests(k.server), 2);
  CHECK_OK(eduauth_fake_clock_advance(k.clock, 6999)); /* the 1 s backoff window is over, Retry-After is not */
  CHECK_OK(eduauth_fake_clock_await_waiters(k.clock, 1, REAL_WAIT_MS));
  CHECK_INT(eduauth_test_server_requests(k.server), 2);
  CHECK_OK(eduauth_fake_clock_advance(k.clock, 1));
  e = wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED);
  CHECK_INT(eduauth_test_server_requests(k.server), 3);
  if (e) CHECK(!same(eduauth_event_token(e), first));
  eduauth_event_free(e);
  eduauth_string_free(first);
  eduauth_string_free(during);
out:
  kit_stop(&k);
}

/* C-09: an expired token from the server is refused with its own status; the next call retries. */
static void test_expired_from_server(void) {
  kit k;
  char *token;
  if (kit_start(&k, "education", "{\"body\":\"expired\"}") != 0) goto out;
  token = get(&k, NULL, EDUAUTH_E_EXPIRED_FROM_SERVER);
  CHECK(token == NULL);
  CHECK_INT(eduauth_test_server_requests(k.server), 1);
  token = get(&k, NULL, EDUAUTH_OK); /* the default reply: a valid token */
  CHECK(token != NULL);
  CHECK_INT(eduauth_test_server_requests(k.server), 2);
  eduauth_string_free(token);
out:
  kit_stop(&k);
}

/* The server's clock is 1000 s behind: its 600 s token looks expired on our clock, but the
 * client measures the skew from Date and keeps the token its full 600 s (refresh at ~450 s). */
static void test_skewed_server_clock(void) {
  kit k;
  int64_t expires_at = 0;
  char *token;
  eduauth_event *e;
  if (kit_start(&k, "education", "{\"expire_s\":600,\"date_skew_s\":-1000}") != 0) goto out;
  token = get(&k, &expires_at, EDUAUTH_OK);
  CHECK(expires_at >= k.start_unix_s - 400 && expires_at <= k.start_unix_s - 400 + 5); /* server frame */
  eduauth_event_free(wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED));
  CHECK_OK(eduauth_fake_clock_await_waiters(k.clock, 1, REAL_WAIT_MS));
  advance_s(&k, 420);
  CHECK_INT(eduauth_test_server_requests(k.server), 1);
  advance_s(&k, 50);
  e = wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED);
  CHECK_INT(eduauth_test_server_requests(k.server), 2);
  eduauth_event_free(e);
  eduauth_string_free(token);
out:
  kit_stop(&k);
}

/* The device sleeps past the token's expiry: the old token is never served after resume. */
static void test_sleep_past_expiry(void) {
  kit k;
  char *first, *after;
  if (kit_start(&k, "education", "{\"expire_s\":600}") != 0) goto out;
  first = get(&k, NULL, EDUAUTH_OK);
  eduauth_event_free(wait_event(&k, EDUAUTH_EVENT_TOKEN_REFRESHED));
  CHECK_OK(eduauth_fake_clock_sleep(k.clock, 700 * 1000));
  after = get(&k, NULL, EDUAUTH_OK);
  CHECK(after != NULL && !same(after, first));
  CHECK(eduauth_test_server_requests(k.server) >= 2);
  eduauth_string_free(first);
  eduauth_string_free(after);
out:
  kit_stop(&k);
}

/* The "rtm" preset's request shape is answered with an RTM token for the uid. */
static void test_rtm_shape(void) {
  kit k;
  char *token, *served = NULL;
  const char *user_id = NULL;
  uint32_t type = 0;
  eduauth_token *decoded = NULL;
  if (kit_start(&k, "rtm", NULL) != 0) goto out;
  token = get(&k, NULL, EDUAUTH_OK);
  CHECK_OK(eduauth_test_server_last_token(&served, k.server));
  CHECK(same(token, served));
  if (token) {
    CHECK_OK(eduauth_token_decode(&decoded, token));
    CHECK_INT(eduauth_token_service_count(decoded), 1);
    CHECK_OK(eduauth_token_service_type(&type, decoded, 0));
    CHECK_INT(type, EDUAUTH_SERVICE_RTM);
    CHECK_OK(eduauth_token_service_user_id(&user_id, decoded, 0));
    CHECK_STR(user_id, USER);
  }
  eduauth_token_free(decoded);
  eduauth_string_free(token);
  eduauth_string_free(served);
out:
  kit_stop(&k);
}

/* One scripted reply per fresh client, and the status the client reports for it. */
static void test_fault_steps(void) {
  static const struct {
    const char *step;
    int status;
  } cases[] = {
      {"{\"status\":401}", EDUAUTH_E_REAUTH_REQUIRED},
      {"{\"status\":500}", EDUAUTH_E_HTTP_STATUS},
      {"{\"status\":429,\"retry_after\":30}", EDUAUTH_E_HTTP_STATUS},
      {"{\"body\":\"malformed\"}", EDUAUTH_E_BAD_RESPONSE},
      {"{\"body\":\"no_token\"}", EDUAUTH_E_BAD_RESPONSE},
      {"{\"body\":\"raw:<html>busy</html>\"}", EDUAUTH_E_BAD_RESPONSE},
      {"{\"code\":\"500\"}", EDUAUTH_E_HTTP_STATUS},
      {"{\"for_user\":\"someone-else\"}", EDUAUTH_E_TOKEN_MISMATCH},
      {"{\"for_room\":\"room-other\"}", EDUAUTH_E_TOKEN_MISMATCH},
      {"{\"for_role\":1}", EDUAUTH_E_TOKEN_MISMATCH},
      {"{\"app_id\":\"0123456789abcdef0123456789abcdef\"}", EDUAUTH_E_TOKEN_MISMATCH},
      {"{\"expire_s\":20}", EDUAUTH_E_EXPIRED_FROM_SERVER}, /* under the 30 s minimum */
      {"{\"issue_offset_s\":-3000}", EDUAUTH_OK},           /* 600 s left of 3600 */
      {"{\"date_skew_s\":7200,\"expire_s\":900}", EDUAUTH_OK},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    kit k;
    char *token;
    if (kit_start(&k, "education", cases[i].step) == 0) {
      token = get(&k, NULL, cases[i].status);
      if (eduauth_error_last_code() != cases[i].status) fprintf(stderr, "  (step %s)\n", cases[i].step);
      CHECK_INT(eduauth_test_server_requests(k.server), 1);
      eduauth_string_free(token);
    }
    kit_stop(&k);
  }
}

/* A stopped server refuses connections: a network error. */
static void test_stopped_server(void) {
  kit k;
  char *token;
  if (kit_start(&k, "education", NULL) != 0) goto out;
  CHECK_OK(eduauth_test_server_stop(k.server));
  token = get(&k, NULL, EDUAUTH_E_NETWORK);
  CHECK(token == NULL);
  CHECK_INT(eduauth_test_server_requests(k.server), 0);
out:
  kit_stop(&k);
}

/* The kit's own errors: clear codes and messages naming the step and field. */
static void test_kit_argument_errors(void) {
  eduauth_test_server *s = NULL;
  eduauth_fake_clock *c = NULL;
  int64_t ms = -1;
  CHECK_RC(eduauth_test_server_start(&s, "not-hex", TEST_APP_CERT), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(s == NULL);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "app");
  CHECK_RC(eduauth_test_server_start(NULL, TEST_APP_ID, TEST_APP_CERT), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "out is NULL");
  CHECK_OK(eduauth_test_server_start(&s, TEST_APP_ID, TEST_APP_CERT));
  CHECK_STR(eduauth_test_server_error_last(), "");
  CHECK(eduauth_test_server_port(s) > 0);
  CHECK_CONTAINS(eduauth_test_server_url(s), "http://127.0.0.1:");
  CHECK_RC(eduauth_test_server_script(s, "[{\"status\":200},{\"status\":99}]"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 1: \"status\" 99 is out of range 100..599");
  CHECK_INT(eduauth_test_server_pending(s), 0); /* nothing queued from a refused script */
  CHECK_RC(eduauth_test_server_script(s, "{\"stauts\":503}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "unknown field \"stauts\"");
  CHECK_RC(eduauth_test_server_script(s, "{\"body\":\"json\"}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "\"body\" \"json\" is not one of");
  CHECK_RC(eduauth_test_server_script(s, "{\"delay_ms\":18446744073709551615}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 0: \"delay_ms\" 18446744073709551615 is out of range 0..600000");
  CHECK_RC(eduauth_test_server_script(s, "{\"expire_s\":\"600\"}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 0: \"expire_s\" \"600\" must be an integer");
  CHECK_RC(eduauth_test_server_script(s, "[{"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "not valid JSON");
  CHECK_RC(eduauth_test_server_script(s, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_test_server_set_default(s, "[{},{}]"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_test_server_script(s, "[{\"delay_ms\":10},{\"body\":\"raw:hello\"}]"));
  CHECK_INT(eduauth_test_server_pending(s), 2);
  CHECK_OK(eduauth_test_server_clear_script(s));
  CHECK_INT(eduauth_test_server_pending(s), 0);
  CHECK_OK(eduauth_test_server_stop(s));
  CHECK_OK(eduauth_test_server_stop(s)); /* idempotent */
  eduauth_test_server_free(s);
  eduauth_test_server_free(NULL);
  CHECK_INT(eduauth_test_server_requests(NULL), 0);
  CHECK_STR(eduauth_test_server_url(NULL), "");

  CHECK_RC(eduauth_fake_clock_new(&c, -1, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "unix_ms -1 ms must be >= 0");
  CHECK_OK(eduauth_fake_clock_new(&c, 1700000000000, 5000));
  CHECK_RC(eduauth_fake_clock_advance(c, -5), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_fake_clock_sleep(c, -5), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_fake_clock_sleep(c, 1000));    /* wall and boot move */
  CHECK_OK(eduauth_fake_clock_jump_wall(c, -500)); /* wall alone, backwards */
  CHECK_OK(eduauth_fake_clock_advance(c, 250));
  CHECK_OK(eduauth_fake_clock_unix_ms(&ms, c));
  CHECK_INT(ms, 1700000000750);
  CHECK_OK(eduauth_fake_clock_boot_ms(&ms, c));
  CHECK_INT(ms, 6250);
  CHECK_RC(eduauth_fake_clock_await_waiters(c, 1, 0), EDUAUTH_E_TIMEOUT);
  CHECK_RC(eduauth_fake_clock_unix_ms(&ms, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_clock(NULL, c), EDUAUTH_E_INVALID_ARGUMENT);
  {
    eduauth_client_config *config = NULL;
    CHECK_OK(eduauth_client_config_new(&config));
    CHECK_OK(eduauth_client_config_set_clock(config, c));
    CHECK_OK(eduauth_client_config_set_clock(config, NULL)); /* back to the system clocks */
    eduauth_client_config_free(config);
  }
  eduauth_fake_clock_free(c);
  eduauth_fake_clock_free(NULL);
}

/* Moves that would overflow a scale or take the wall time below 0 are refused, naming the
 * value, and leave the clock unchanged (was: signed overflow, boot time going backwards). */
static void test_clock_range(void) {
  eduauth_fake_clock *c = NULL;
  int64_t ms = -1;
  CHECK_OK(eduauth_fake_clock_new(&c, INT64_MAX, INT64_MAX));
  CHECK_RC(eduauth_fake_clock_advance(c, INT64_MAX), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "ms 9223372036854775807 ms would overflow the wall time");
  CHECK_RC(eduauth_fake_clock_sleep(c, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_fake_clock_jump_wall(c, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_fake_clock_boot_ms(&ms, c));
  CHECK_INT(ms, INT64_MAX);
  CHECK_OK(eduauth_fake_clock_jump_wall(c, -1)); /* wall alone may still move back */
  CHECK_RC(eduauth_fake_clock_advance(c, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "would overflow the boot time 9223372036854775807 ms");
  eduauth_fake_clock_free(c);

  CHECK_OK(eduauth_fake_clock_new(&c, 1000, 0));
  CHECK_RC(eduauth_fake_clock_jump_wall(c, INT64_MIN), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "ms -9223372036854775808 ms would take the wall time 1000 ms below 0");
  CHECK_RC(eduauth_fake_clock_jump_wall(c, -1001), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_fake_clock_unix_ms(&ms, c));
  CHECK_INT(ms, 1000);
  CHECK_OK(eduauth_fake_clock_jump_wall(c, -1000)); /* exactly 0 is the Unix epoch, allowed */
  CHECK_OK(eduauth_fake_clock_unix_ms(&ms, c));
  CHECK_INT(ms, 0);
  eduauth_fake_clock_free(c);
}

/* await_waiters with a huge timeout waits (was: EDUAUTH_E_TIMEOUT at once, the deadline
 * overflowed). The client's scheduler becomes the waiter once it has a token. */
static void test_await_waiters_huge_timeout(void) {
  kit k;
  char *token;
  if (kit_start(&k, "education", NULL) != 0) goto out;
  token = get(&k, NULL, EDUAUTH_OK);
  CHECK_OK(eduauth_fake_clock_await_waiters(k.clock, 1, INT64_MAX));
  eduauth_string_free(token);
out:
  kit_stop(&k);
}

/* Steps the server could not send as written are refused when scripted, naming step and member. */
static void test_script_refusals(void) {
  eduauth_test_server *s = NULL;
  CHECK_OK(eduauth_test_server_start(&s, TEST_APP_ID, TEST_APP_CERT));
  if (s == NULL) return;
  CHECK_RC(eduauth_test_server_script(s, "[{},{\"status\":503,\"retry_after\":\"\\r\\nX-Evil: 1\"}]"),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 1: \"retry_after\"");
  CHECK_CONTAINS(eduauth_test_server_error_last(), "control character 13 at position 0");
  CHECK_RC(eduauth_test_server_script(s, "{\"retry_after\":\"7\\u0000junk\"}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "control character 0 at position 1");
  CHECK_RC(eduauth_test_server_script(s, "{\"retry_after\":\"7\\n\"}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "control character 10 at position 1");
  CHECK_RC(eduauth_test_server_script(s, "{\"app_id\":\"zz\"}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 0: \"app_id\" \"zz\" must be 32 hex characters");
  CHECK_RC(eduauth_test_server_set_default(s, "{\"app_id\":\"970CA35de60c44645bbae8a215061b3g\"}"),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "\"app_id\"");
  CHECK_RC(eduauth_test_server_script(s, "{\"for_role\":70000}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 0: \"for_role\" 70000 is out of range -32768..32767");
  CHECK_RC(eduauth_test_server_script(s, "{\"for_role\":-32769}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_test_server_script(s, "{\"status\":204,\"body\":\"token\"}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "step 0: \"body\" is not allowed with status 204");
  CHECK_RC(eduauth_test_server_script(s, "{\"body\":\"error\",\"status\":304}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_test_server_error_last(), "with status 304");
  CHECK_INT(eduauth_test_server_pending(s), 0);
  CHECK_OK(eduauth_test_server_script(s, "[{\"for_role\":-32768},{\"for_role\":32767},{\"app_id\":\"" TEST_APP_ID
                                         "\"},{\"retry_after\":\"Wed, 21 Oct 2026 07:28:00 GMT\"},{\"status\":204}]"));
  CHECK_INT(eduauth_test_server_pending(s), 5);
  eduauth_test_server_free(s);
}

/* A 204 step is sent without a body (RFC 9110 15.3.5): the reply ends with its headers. */
static void test_no_body_status(void) {
  static const char request[] = "POST /fetch_education_token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
  eduauth_test_server *s = NULL;
  struct sockaddr_in addr;
  char reply[4096];
  size_t used = 0;
  ssize_t n;
  int fd;
  const char *end;
  CHECK_OK(eduauth_test_server_start(&s, TEST_APP_ID, TEST_APP_CERT));
  if (s == NULL) return;
  CHECK_OK(eduauth_test_server_script(s, "{\"status\":204}"));
  fd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)eduauth_test_server_port(s));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK(connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0);
  CHECK(write(fd, request, sizeof request - 1) == (ssize_t)(sizeof request - 1));
  while (used < sizeof reply - 1 && (n = read(fd, reply + used, sizeof reply - 1 - used)) > 0) used += (size_t)n;
  reply[used] = '\0';
  close(fd);
  CHECK_CONTAINS(reply, "HTTP/1.1 204");
  end = strstr(reply, "\r\n\r\n");
  CHECK(end != NULL);
  if (end) CHECK_STR(end + 4, "");
  CHECK_INT(eduauth_test_server_requests(s), 1);
  eduauth_test_server_free(s);
}

/* Reachable from a global, so LeakSanitizer does not count the deliberately unfreed server. */
static eduauth_test_server *g_unfreed_server;

/* Sends requests on new connections without reading the replies, until the process ends. */
static void *hammer(void *arg) {
  static const char request[] = "POST /fetch_education_token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Length: 2\r\n\r\n{}";
  struct sockaddr_in addr;
  (void)arg;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)eduauth_test_server_port(g_unfreed_server));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (;;) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0 &&
        write(fd, request, sizeof request - 1) > 0) {
    }
    if (fd >= 0) close(fd);
  }
  return NULL;
}

/* A server never freed and still receiving requests at exit: exit() must not let its worker
 * threads parse requests while the runtime destroys cpp-httplib's statics (was a
 * heap-use-after-free under ASan). The child exits cleanly, with status 0. */
static void test_exit_with_live_server(void) {
#if defined(__SANITIZE_THREAD__)
  /* ThreadSanitizer does not support starting threads after fork() of a threaded process. */
  (void)hammer;
#else
  pid_t pid = fork();
  int status = -1;
  CHECK(pid >= 0);
  if (pid == 0) {
    pthread_t t;
    if (eduauth_test_server_start(&g_unfreed_server, TEST_APP_ID, TEST_APP_CERT) != EDUAUTH_OK) _exit(3);
    if (eduauth_test_server_set_default(g_unfreed_server, "{\"delay_ms\":5}") != EDUAUTH_OK) _exit(4);
    if (pthread_create(&t, NULL, hammer, NULL) != 0) _exit(5);
    while (eduauth_test_server_requests(g_unfreed_server) < 20) {
      struct timespec ms = {0, 1000000};
      nanosleep(&ms, NULL); /* real-time sync with the server's worker threads, no timing assumption */
    }
    exit(0); /* runs the exit handlers while requests keep arriving */
  }
  CHECK(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK_INT(WEXITSTATUS(status), 0);
#endif
}

int main(void) {
  C_TEST_RUN(test_kit_argument_errors);
  C_TEST_RUN(test_clock_range);
  C_TEST_RUN(test_script_refusals);
  C_TEST_RUN(test_no_body_status);
  C_TEST_RUN(test_await_waiters_huge_timeout);
  C_TEST_RUN(test_exit_with_live_server);
  C_TEST_RUN(test_refresh_at_expiry_margin);
  C_TEST_RUN(test_503_retry_after);
  C_TEST_RUN(test_expired_from_server);
  C_TEST_RUN(test_skewed_server_clock);
  C_TEST_RUN(test_sleep_past_expiry);
  C_TEST_RUN(test_rtm_shape);
  C_TEST_RUN(test_fault_steps);
  C_TEST_RUN(test_stopped_server);
  return c_test_finish();
}
