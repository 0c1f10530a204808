/*
 * Client metrics through the C API (eduauth/metrics.h): the snapshot after a scripted 503 then
 * a token on the fake clock, the growable struct_size rule, the sink (every interval of fake
 * time and once more at free, user data released exactly once) and argument errors.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <time.h>

#include <eduauth/test_server.h>
#include <eduauth/testing.h>

#include "c_test.h"

#define ROOM "room-m"
#define USER "user-m"
#define ROLE 2
#define REAL_WAIT_MS 10000

typedef struct sink_state {
  pthread_mutex_t mu;
  int calls;
  int destroyed;
  uint64_t last_fetches_started;
  uint64_t last_successes;
  uint32_t last_struct_size;
} sink_state;

static void on_metrics(void *user_data, const eduauth_metrics *m) {
  sink_state *s = (sink_state *)user_data;
  pthread_mutex_lock(&s->mu);
  s->calls++;
  s->last_fetches_started = m->fetches_started;
  s->last_successes = m->fetch_successes;
  s->last_struct_size = m->struct_size;
  pthread_mutex_unlock(&s->mu);
}

static void on_destroy(void *user_data) {
  sink_state *s = (sink_state *)user_data;
  pthread_mutex_lock(&s->mu);
  s->destroyed++;
  pthread_mutex_unlock(&s->mu);
}

static int sink_calls(sink_state *s) {
  int n;
  pthread_mutex_lock(&s->mu);
  n = s->calls;
  pthread_mutex_unlock(&s->mu);
  return n;
}

/* Real-time bounded wait for the sink's n-th call (a latch, not a timer). */
static int await_calls(sink_state *s, int n) {
  int i;
  for (i = 0; i < REAL_WAIT_MS; ++i) {
    struct timespec ms = {0, 1000000};
    if (sink_calls(s) >= n) return 1;
    nanosleep(&ms, NULL);
  }
  return 0;
}

static eduauth_event *wait_event(eduauth_client *client, int32_t type) {
  for (;;) {
    eduauth_event *e = NULL;
    if (eduauth_client_next_event(&e, client, REAL_WAIT_MS) != EDUAUTH_OK || e == NULL) {
      C_TEST_FAIL_AT("no %s event within %d ms", eduauth_event_type_name(type), REAL_WAIT_MS);
      return NULL;
    }
    if (eduauth_event_type(e) == type) return e;
    eduauth_event_free(e);
  }
}

static void test_snapshot_and_sink(void) {
  eduauth_test_server *server = NULL;
  eduauth_fake_clock *clock = NULL;
  eduauth_client_config *config = NULL;
  eduauth_client *client = NULL;
  eduauth_metrics m;
  sink_state s;
  char *token = NULL;
  memset(&s, 0, sizeof s);
  pthread_mutex_init(&s.mu, NULL);

  CHECK_OK(eduauth_test_server_start(&server, TEST_APP_ID, TEST_APP_CERT));
  if (!server) return;
  CHECK_OK(eduauth_test_server_script(server, "[{\"status\":503,\"retry_after\":\"2\"},{\"expire_s\":600}]"));
  CHECK_OK(eduauth_fake_clock_new(&clock, (int64_t)time(NULL) * 1000, 10000));
  CHECK_OK(eduauth_client_config_new(&config));
  CHECK_OK(eduauth_client_config_set_server_url(config, eduauth_test_server_url(server)));
  CHECK_OK(eduauth_client_config_set_app_id(config, TEST_APP_ID));
  CHECK_OK(eduauth_client_config_set_clock(config, clock));
  CHECK_OK(eduauth_client_config_set_metrics_sink(config, on_metrics, &s, on_destroy, 5000));
  CHECK_OK(eduauth_client_new(&client, config));
  eduauth_client_config_free(config);
  if (!client) return;

  CHECK_RC(eduauth_client_get_token(&token, NULL, client, ROOM, USER, ROLE, 5000), EDUAUTH_E_HTTP_STATUS);
  eduauth_event_free(wait_event(client, EDUAUTH_EVENT_REFRESH_FAILED));
  CHECK_OK(eduauth_fake_clock_await_waiters(clock, 1, REAL_WAIT_MS));
  memset(&m, 0xff, sizeof m);
  m.struct_size = sizeof m;
  CHECK_OK(eduauth_client_metrics(client, &m));
  CHECK_INT(m.struct_size, sizeof m);
  CHECK_INT(m.reserved, 0);
  CHECK_INT(m.fetches_started, 1);
  CHECK_INT(m.fetch_successes, 0);
  CHECK_INT(m.fetch_failures, 1);
  CHECK_INT(m.failures_http_status, 1);
  CHECK_INT(m.failures_network, 0);
  CHECK_INT(m.keys, 1);
  CHECK_INT(m.keys_with_token, 0);
  CHECK_INT(m.keys_backing_off, 1);
  CHECK_INT(m.max_consecutive_failures, 1);
  CHECK_INT(m.next_retry_in_ms, 2000); /* Retry-After: 2 */
  CHECK_INT(m.latency_count, 1);
  CHECK_INT(m.latency_buckets[0], 1); /* no fake time passed during the request */
  CHECK_INT(sink_calls(&s), 0);

  CHECK_OK(eduauth_fake_clock_advance(clock, 2000)); /* the retry: a token */
  eduauth_event_free(wait_event(client, EDUAUTH_EVENT_TOKEN_REFRESHED));
  CHECK_OK(eduauth_fake_clock_await_waiters(clock, 1, REAL_WAIT_MS));
  m.struct_size = sizeof m;
  CHECK_OK(eduauth_client_metrics(client, &m));
  CHECK_INT(m.fetches_started, 2);
  CHECK_INT(m.fetch_successes, 1);
  CHECK_INT(m.keys_with_token, 1);
  CHECK_INT(m.keys_backing_off, 0);
  CHECK_INT(m.next_retry_in_ms, 0);
  CHECK_INT(m.latency_count, 2);

  CHECK_OK(eduauth_fake_clock_advance(clock, 3000)); /* 5 s since start: the sink's first call */
  CHECK(await_calls(&s, 1));
  eduauth_client_free(client); /* one more call, then user data released */
  CHECK_INT(sink_calls(&s), 2);
  CHECK_INT(s.destroyed, 1);
  CHECK_INT(s.last_fetches_started, 2);
  CHECK_INT(s.last_successes, 1);
  CHECK_INT(s.last_struct_size, sizeof(eduauth_metrics));
  eduauth_fake_clock_free(clock);
  eduauth_test_server_free(server);
  pthread_mutex_destroy(&s.mu);
}

/* An older caller (smaller struct) gets only the fields it knows; a newer one (larger) keeps
 * its extra bytes and learns how many were filled. */
static void test_struct_size_rule(void) {
  eduauth_test_server *server = NULL;
  eduauth_client_config *config = NULL;
  eduauth_client *client = NULL;
  eduauth_metrics m;
  struct {
    eduauth_metrics known;
    uint64_t future_field;
  } bigger;
  CHECK_OK(eduauth_test_server_start(&server, TEST_APP_ID, TEST_APP_CERT));
  if (!server) return;
  CHECK_OK(eduauth_client_config_new(&config));
  CHECK_OK(eduauth_client_config_set_server_url(config, eduauth_test_server_url(server)));
  CHECK_OK(eduauth_client_new(&client, config));
  eduauth_client_config_free(config);
  if (!client) return;

  memset(&m, 0xab, sizeof m);
  m.struct_size = 20; /* header + fetches_started + half a field: whole fields only */
  CHECK_OK(eduauth_client_metrics(client, &m));
  CHECK_INT(m.struct_size, 16);
  CHECK_INT(m.fetches_started, 0);
  CHECK(m.fetch_successes == UINT64_C(0xabababababababab)); /* untouched */

  memset(&bigger, 0xcd, sizeof bigger);
  bigger.known.struct_size = sizeof bigger;
  CHECK_OK(eduauth_client_metrics(client, &bigger.known));
  CHECK_INT(bigger.known.struct_size, sizeof(eduauth_metrics));
  CHECK_INT(bigger.known.latency_buckets[EDUAUTH_METRICS_LATENCY_BUCKETS - 1], 0);
  CHECK(bigger.future_field == UINT64_C(0xcdcdcdcdcdcdcdcd));

  m.struct_size = 4;
  CHECK_RC(eduauth_client_metrics(client, &m), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "out->struct_size 4 is below 8");
  CHECK_RC(eduauth_client_metrics(client, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  m.struct_size = sizeof m;
  CHECK_RC(eduauth_client_metrics(NULL, &m), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "client is NULL");
  eduauth_client_free(client);
  eduauth_test_server_free(server);
}

static void test_sink_arguments(void) {
  eduauth_client_config *config = NULL;
  sink_state s;
  memset(&s, 0, sizeof s);
  pthread_mutex_init(&s.mu, NULL);
  CHECK_OK(eduauth_client_config_new(&config));
  CHECK_RC(eduauth_client_config_set_metrics_sink(config, on_metrics, &s, on_destroy, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "interval_ms 0 is outside 1..86400000");
  CHECK_RC(eduauth_client_config_set_metrics_sink(config, on_metrics, &s, on_destroy, 86400001),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(s.destroyed, 0);
  CHECK_RC(eduauth_client_config_set_metrics_sink(NULL, on_metrics, &s, on_destroy, 1000), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_client_config_set_metrics_sink(config, on_metrics, &s, on_destroy, 1000));
  CHECK_INT(s.destroyed, 0);
  CHECK_OK(eduauth_client_config_set_metrics_sink(config, NULL, NULL, NULL, 1000)); /* replaces: old data released */
  CHECK_INT(s.destroyed, 1);
  eduauth_client_config_free(config);
  CHECK_INT(s.calls, 0);
  pthread_mutex_destroy(&s.mu);
}

int main(void) {
  C_TEST_RUN(test_snapshot_and_sink);
  C_TEST_RUN(test_struct_size_rule);
  C_TEST_RUN(test_sink_arguments);
  return c_test_finish();
}
