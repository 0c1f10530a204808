/*
 * C API: the token client against real servers on 127.0.0.1 — the sample token server
 * (education and rtm presets, bearer secret) and a scripted server (delays, no answer,
 * expired tokens). Covers config setters, blocking and async get, prefetch, invalidate,
 * forget, events (callback and poll), the log sink, and cases C-09, C-11, C-12, C-13.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "c_test.h"
#include "test_support.h"

static token_server g_server;

/* ---- a one-shot latch for async completions --------------------------------------------- */

typedef struct latch {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int count;
} latch;

static void latch_init(latch *l) {
  pthread_mutex_init(&l->mu, NULL);
  pthread_cond_init(&l->cv, NULL);
  l->count = 0;
}
static void latch_add(latch *l) {
  pthread_mutex_lock(&l->mu);
  l->count++;
  pthread_cond_broadcast(&l->cv);
  pthread_mutex_unlock(&l->mu);
}
/* Waits until count >= n or timeout_ms pass (real time); returns the count. */
static int latch_wait(latch *l, int n, int timeout_ms) {
  struct timespec deadline;
  int c;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += timeout_ms / 1000;
  deadline.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
  if (deadline.tv_nsec >= 1000000000L) {
    deadline.tv_sec++;
    deadline.tv_nsec -= 1000000000L;
  }
  pthread_mutex_lock(&l->mu);
  while (l->count < n && pthread_cond_timedwait(&l->cv, &l->mu, &deadline) == 0) {
  }
  c = l->count;
  pthread_mutex_unlock(&l->mu);
  return c;
}
static void latch_destroy(latch *l) {
  pthread_mutex_destroy(&l->mu);
  pthread_cond_destroy(&l->cv);
}

static eduauth_client_config *config_for(const char *url, const char *preset) {
  eduauth_client_config *c = NULL;
  CHECK_OK(eduauth_client_config_new(&c));
  CHECK_OK(eduauth_client_config_set_server_url(c, url));
  CHECK_OK(eduauth_client_config_set_preset(c, preset));
  CHECK_OK(eduauth_client_config_set_total_timeout_ms(c, 5000));
  return c;
}

/* ---- blocking get ------------------------------------------------------------------------ */

static void test_get_token_education(void) {
  eduauth_client_config *cfg = config_for(g_server.url, "education");
  eduauth_client *client = NULL;
  eduauth_token *t = NULL;
  char *token = NULL, *again = NULL;
  int64_t expires_at = 0, expires_again = 0;
  const char *s = NULL;
  int32_t role = 0;
  CHECK_OK(eduauth_client_config_set_app_id(cfg, TEST_APP_ID));
  CHECK_OK(eduauth_client_new(&client, cfg));
  eduauth_client_config_free(cfg); /* the client keeps its own copy */
  CHECK_OK(eduauth_client_get_token(&token, &expires_at, client, "room-1", "user-1", 2, 10000));
  CHECK(token != NULL && strncmp(token, "007", 3) == 0);
  CHECK_OK(eduauth_token_decode(&t, token));
  CHECK_INT(expires_at, eduauth_token_expires_at(t));
  CHECK(eduauth_token_expires_at(t) > (int64_t)time(NULL) + 3000); /* the server's 3600 s default */
  CHECK_OK(eduauth_token_service_room_uuid(&s, t, 2));
  CHECK_STR(s, "room-1");
  CHECK_OK(eduauth_token_service_user_uuid(&s, t, 2));
  CHECK_STR(s, "user-1");
  CHECK_OK(eduauth_token_service_role(&role, t, 2));
  CHECK_INT(role, 2);
  CHECK_OK(eduauth_token_verify(t, TEST_APP_CERT)); /* the demo server signs with the demo cert */
  eduauth_token_free(t);
  /* Cached: the same token again. */
  CHECK_OK(eduauth_client_get_token(&again, &expires_again, client, "room-1", "user-1", 2, 10000));
  CHECK_STR(again, token);
  CHECK_INT(expires_again, expires_at);
  eduauth_string_free(again);
  /* out_expires_at may be NULL. */
  CHECK_OK(eduauth_client_get_token(&again, NULL, client, "room-1", "user-1", 2, 10000));
  eduauth_string_free(again);
  /* Argument errors. */
  CHECK_RC(eduauth_client_get_token(&again, NULL, client, "room-1", "user-1", 2, -1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(again == NULL);
  CHECK_RC(eduauth_client_get_token(&again, NULL, client, NULL, "user-1", 2, 1000), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_get_token(NULL, NULL, client, "r", "u", 2, 1000), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_get_token(&again, NULL, NULL, "r", "u", 2, 1000), EDUAUTH_E_INVALID_ARGUMENT);
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_free(NULL);
}

static void test_get_token_rtm_preset(void) {
  eduauth_client_config *cfg = config_for(g_server.url, "rtm");
  eduauth_client *client = NULL;
  eduauth_token *t = NULL;
  char *token = NULL;
  const char *user = NULL;
  uint32_t type = 0;
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_OK(eduauth_client_get_token(&token, NULL, client, "", "test_user", 0, 10000));
  {
    /* timeout 0: the cached token without waiting; a negative timeout is an argument error. */
    char *again = NULL;
    CHECK_OK(eduauth_client_get_token(&again, NULL, client, "", "test_user", 0, 0));
    CHECK_STR(again, token);
    eduauth_string_free(again);
    CHECK_RC(eduauth_client_get_token(&again, NULL, client, "", "test_user", 0, -1), EDUAUTH_E_INVALID_ARGUMENT);
  }
  CHECK_OK(eduauth_token_decode(&t, token));
  CHECK_OK(eduauth_token_service_type(&type, t, 0));
  CHECK_INT(type, EDUAUTH_SERVICE_RTM);
  CHECK_OK(eduauth_token_service_user_id(&user, t, 0));
  CHECK_STR(user, "test_user");
  eduauth_token_free(t);
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
}

/* A custom mapping equivalent to the education preset, set field by field. */
static void test_custom_mapping(void) {
  char url[128];
  eduauth_client_config *cfg = NULL;
  eduauth_client *client = NULL;
  char *token = NULL;
  snprintf(url, sizeof url, "%s/fetch_education_token", g_server.url);
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_OK(eduauth_client_config_set_preset(cfg, "custom"));
  CHECK_OK(eduauth_client_config_set_method(cfg, "POST"));
  CHECK_OK(eduauth_client_config_set_url_template(cfg, url));
  CHECK_OK(eduauth_client_config_set_body_template(
      cfg, "{\"roomUuid\":\"{roomUuid}\",\"userUuid\":\"{userUuid}\",\"role\":\"{role}\"}"));
  CHECK_OK(eduauth_client_config_set_token_pointer(cfg, "/token"));
  CHECK_OK(eduauth_client_config_set_app_id_pointer(cfg, ""));
  CHECK_OK(eduauth_client_config_set_code_pointer(cfg, "/code"));
  CHECK_OK(eduauth_client_config_add_header(cfg, "X-Request-Source", "c-test"));
  CHECK_OK(eduauth_client_config_set_connect_timeout_ms(cfg, 2000));
  CHECK_OK(eduauth_client_config_set_refresh_margin_s(cfg, 120));
  CHECK_OK(eduauth_client_config_set_will_expire_lead_s(cfg, 30));
  CHECK_OK(eduauth_client_config_set_event_queue_capacity(cfg, 8));
  CHECK_OK(eduauth_client_config_set_proxy(cfg, "")); /* direct, whatever the environment says */
  CHECK_OK(eduauth_client_config_set_no_proxy(cfg, "127.0.0.1,localhost"));
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_OK(eduauth_client_get_token(&token, NULL, client, "room-c", "user-c", 1, 10000));
  CHECK(token != NULL);
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
  /* A custom mapping needs its URL template. */
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_OK(eduauth_client_config_set_preset(cfg, "custom"));
  CHECK_RC(eduauth_client_new(&client, cfg), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(client == NULL);
  CHECK_CONTAINS(eduauth_error_last(), "url_template");
  eduauth_client_config_free(cfg);
}

static void test_config_errors(void) {
  eduauth_client_config *cfg = NULL;
  eduauth_client *client = (eduauth_client *)&cfg; /* sentinel */
  CHECK_RC(eduauth_client_config_new(NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_RC(eduauth_client_config_set_preset(cfg, "soap"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "\"soap\"");
  CHECK_CONTAINS(eduauth_error_last(), "education");
  CHECK_RC(eduauth_client_config_set_method(cfg, "PUT"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_add_header(cfg, "", "x"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_add_header(cfg, "X-A", "evil\r\nHost: other"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(strstr(eduauth_error_last(), "evil") == NULL); /* header values are never echoed */
  CHECK_OK(eduauth_client_config_clear_headers(cfg));
  CHECK_RC(eduauth_client_config_set_app_id(cfg, "not-an-app-id"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_connect_timeout_ms(cfg, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_total_timeout_ms(cfg, -5), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_refresh_margin_s(cfg, -1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_will_expire_lead_s(cfg, -1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_server_url(NULL, "http://x"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_config_set_ca_file(cfg, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  /* No server URL for a preset. */
  CHECK_RC(eduauth_client_new(&client, cfg), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(client == NULL);
  CHECK_CONTAINS(eduauth_error_last(), "server_url");
  /* Plain http to a non-loopback host is refused unless the app opts in. */
  CHECK_OK(eduauth_client_config_set_server_url(cfg, "http://tokens.example.com"));
  CHECK_RC(eduauth_client_new(&client, cfg), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "allow_insecure_http");
  CHECK_OK(eduauth_client_config_set_allow_insecure_http(cfg, 1));
  CHECK_OK(eduauth_client_new(&client, cfg));
  eduauth_client_free(client);
  CHECK_OK(eduauth_client_config_set_allow_insecure_http(cfg, 0));
  /* C-12: a missing CA bundle names the option. */
  CHECK_OK(eduauth_client_config_set_server_url(cfg, "https://127.0.0.1:1"));
  CHECK_OK(eduauth_client_config_set_ca_file(cfg, "/nonexistent/ca.pem"));
  CHECK_RC(eduauth_client_new(&client, cfg), EDUAUTH_E_TLS);
  CHECK_CONTAINS(eduauth_error_last(), "ca_file");
  CHECK_OK(eduauth_client_config_set_ca_file(cfg, ""));
  CHECK_OK(eduauth_client_config_set_ca_pem(cfg, "-----BEGIN CERTIFICATE-----\n"));
  CHECK_RC(eduauth_client_new(NULL, cfg), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_new(&client, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  eduauth_client_config_free(cfg);
  eduauth_client_config_free(NULL);
}

/* C-11: a token endpoint that answers 401 gives a distinct "sign in again" outcome. */
static void test_c11_reauth_and_bearer(void) {
  token_server guarded_server;
  const char *args[] = {"--bearer-secret", "s3cret-session", NULL};
  eduauth_client_config *cfg;
  eduauth_client *client = NULL;
  eduauth_event *ev = NULL;
  char *token = NULL;
  int saw_reauth = 0, i;
  if (token_server_start(&guarded_server, args) != 0) {
    C_TEST_FAIL_AT("cannot start %s --bearer-secret", EDUAUTH_TOKEN_SERVER);
    return;
  }
  cfg = config_for(guarded_server.url, "education");
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "room-1", "user-1", 2, 10000), EDUAUTH_E_REAUTH_REQUIRED);
  CHECK(token == NULL);
  /* Within the cool-down the answer is immediate and the same. */
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "room-1", "user-1", 2, 10000), EDUAUTH_E_REAUTH_REQUIRED);
  for (i = 0; i < 4 && eduauth_client_next_event(&ev, client, 1000) == EDUAUTH_OK; ++i) {
    if (eduauth_event_type(ev) == EDUAUTH_EVENT_REAUTH_REQUIRED) {
      saw_reauth = 1;
      CHECK_INT(eduauth_event_status(ev), EDUAUTH_E_REAUTH_REQUIRED);
      CHECK_INT(eduauth_event_http_status(ev), 401);
      CHECK_STR(eduauth_event_type_name(eduauth_event_type(ev)), "reauth_required");
      CHECK(strstr(eduauth_event_message(ev), "s3cret") == NULL);
    }
    eduauth_event_free(ev);
  }
  CHECK(saw_reauth);
  eduauth_client_free(client);
  /* With the session header the same server hands out tokens. */
  CHECK_OK(eduauth_client_config_add_header(cfg, "Authorization", "Bearer s3cret-session"));
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_OK(eduauth_client_get_token(&token, NULL, client, "room-1", "user-1", 2, 10000));
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
  token_server_stop(&guarded_server);
}

/* App ID pinned to another app: the token is refused as a mismatch. */
static void test_app_id_mismatch(void) {
  eduauth_client_config *cfg = config_for(g_server.url, "education");
  eduauth_client *client = NULL;
  char *token = NULL;
  CHECK_OK(eduauth_client_config_set_app_id(cfg, "a1b2c3d4e5f60718293a4b5c6d7e8f90"));
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "room-1", "user-1", 2, 10000), EDUAUTH_E_TOKEN_MISMATCH);
  CHECK_CONTAINS(eduauth_error_last(), "a1b2c3d4e5f60718293a4b5c6d7e8f90");
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
}

/* ---- async get, events, prefetch, invalidate, forget ------------------------------------ */

struct async_result {
  latch done;
  latch destroyed;
  int status;
  char token[512];
  int64_t expires_at;
  char message[256];
};

static void on_token(void *user_data, int32_t status, const char *token, int64_t expires_at, const char *message) {
  struct async_result *r = (struct async_result *)user_data;
  r->status = status;
  snprintf(r->token, sizeof r->token, "%s", token ? token : "(null)");
  r->expires_at = expires_at;
  snprintf(r->message, sizeof r->message, "%s", message);
  latch_add(&r->done);
}

static void on_destroy(void *user_data) { latch_add(&((struct async_result *)user_data)->destroyed); }

struct event_log {
  pthread_mutex_t mu;
  int refreshed;
  int total;
  char last_token[512];
  char last_room[64];
  latch any;
  latch destroyed;
};

static void on_event(void *user_data, const eduauth_event *e) {
  struct event_log *log = (struct event_log *)user_data;
  pthread_mutex_lock(&log->mu);
  log->total++;
  if (eduauth_event_type(e) == EDUAUTH_EVENT_TOKEN_REFRESHED) {
    log->refreshed++;
    snprintf(log->last_token, sizeof log->last_token, "%s", eduauth_event_token(e));
    snprintf(log->last_room, sizeof log->last_room, "%s", eduauth_event_room_uuid(e));
  }
  pthread_mutex_unlock(&log->mu);
  latch_add(&log->any);
}

static void on_event_destroy(void *user_data) { latch_add(&((struct event_log *)user_data)->destroyed); }

static void test_async_events_prefetch_invalidate(void) {
  eduauth_client_config *cfg = config_for(g_server.url, "education");
  eduauth_client *client = NULL;
  eduauth_event *ev = NULL;
  struct async_result r;
  struct event_log log;
  char *token = NULL, *fresh = NULL;
  int dropped = -1;
  memset(&r, 0, sizeof r);
  memset(&log, 0, sizeof log);
  latch_init(&r.done);
  latch_init(&r.destroyed);
  latch_init(&log.any);
  latch_init(&log.destroyed);
  pthread_mutex_init(&log.mu, NULL);
  CHECK_OK(eduauth_client_config_set_event_callback(cfg, on_event, &log, on_event_destroy));
  CHECK_OK(eduauth_client_new(&client, cfg));
  eduauth_client_config_free(cfg); /* the client still holds the callback */
  CHECK_INT(latch_wait(&log.destroyed, 1, 0), 0);

  /* Async get: callback once, then destroy once, on the SDK thread. */
  CHECK_OK(eduauth_client_get_token_async(client, "room-a", "user-a", 2, on_token, &r, on_destroy));
  CHECK_INT(latch_wait(&r.done, 1, 10000), 1);
  CHECK_INT(latch_wait(&r.destroyed, 1, 10000), 1);
  CHECK_INT(r.status, EDUAUTH_OK);
  CHECK(strncmp(r.token, "007", 3) == 0);
  CHECK(r.expires_at > (int64_t)time(NULL));
  CHECK_STR(r.message, "");
  CHECK_OK(eduauth_client_get_token(&token, NULL, client, "room-a", "user-a", 2, 10000));
  CHECK_STR(token, r.token); /* served from the cache */

  /* The refreshed event arrives through the callback and through the poll queue. */
  CHECK(latch_wait(&log.any, 1, 10000) >= 1);
  pthread_mutex_lock(&log.mu);
  CHECK(log.refreshed >= 1);
  CHECK_STR(log.last_token, token);
  CHECK_STR(log.last_room, "room-a");
  pthread_mutex_unlock(&log.mu);
  CHECK_OK(eduauth_client_next_event(&ev, client, 5000));
  CHECK_INT(eduauth_event_type(ev), EDUAUTH_EVENT_TOKEN_REFRESHED);
  CHECK_STR(eduauth_event_type_name(eduauth_event_type(ev)), "refreshed");
  CHECK_STR(eduauth_event_room_uuid(ev), "room-a");
  CHECK_STR(eduauth_event_user_uuid(ev), "user-a");
  CHECK_INT(eduauth_event_role(ev), 2);
  CHECK_STR(eduauth_event_token(ev), token);
  CHECK(strncmp(eduauth_event_fingerprint(ev), "sha256:", 7) == 0);
  CHECK(eduauth_event_expires_at(ev) > (int64_t)time(NULL));
  CHECK_INT(eduauth_event_status(ev), EDUAUTH_OK);
  CHECK_INT(eduauth_event_http_status(ev), 0);
  CHECK(eduauth_event_seconds_left(ev) >= 0);
  CHECK(eduauth_event_message(ev) != NULL);
  eduauth_event_free(ev);
  CHECK_RC(eduauth_client_next_event(&ev, client, 0), EDUAUTH_E_TIMEOUT);
  CHECK(ev == NULL);
  CHECK_RC(eduauth_client_next_event(&ev, client, -1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(eduauth_client_dropped_events(client), 0);

  /* Invalidate (C-11 report): the current token is dropped, the next get fetches anew. */
  CHECK_OK(eduauth_client_invalidate(&dropped, client, "room-a", "user-a", 2, "007stale"));
  CHECK_INT(dropped, 0); /* not the current token: nothing happens */
  CHECK_OK(eduauth_client_invalidate(&dropped, client, "room-a", "user-a", 2, token));
  CHECK_INT(dropped, 1);
  CHECK_OK(eduauth_client_get_token(&fresh, NULL, client, "room-a", "user-a", 2, 10000));
  CHECK(strcmp(fresh, token) != 0);
  CHECK_OK(eduauth_client_invalidate(NULL, client, "room-a", "user-a", 2, "x"));
  CHECK_RC(eduauth_client_invalidate(&dropped, client, "room-a", "user-a", 2, NULL), EDUAUTH_E_INVALID_ARGUMENT);

  /* Prefetch: the token arrives in the background (a refreshed event for room-p). */
  CHECK_OK(eduauth_client_prefetch(client, "room-p", "user-p", 1));
  for (;;) {
    int rc = eduauth_client_next_event(&ev, client, 10000);
    CHECK_OK(rc);
    if (rc != EDUAUTH_OK) break;
    if (strcmp(eduauth_event_room_uuid(ev), "room-p") == 0) {
      CHECK_INT(eduauth_event_type(ev), EDUAUTH_EVENT_TOKEN_REFRESHED);
      eduauth_event_free(ev);
      break;
    }
    eduauth_event_free(ev);
  }
  CHECK_OK(eduauth_client_forget(client, "room-p", "user-p", 1));
  CHECK_RC(eduauth_client_prefetch(client, NULL, "u", 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_forget(NULL, "r", "u", 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_client_get_token_async(client, "r", "u", 1, NULL, &r, on_destroy), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(latch_wait(&r.destroyed, 2, 0), 1); /* a refused request does not take ownership */

  eduauth_client_free(client);
  /* free returned: the event user data was released exactly once. */
  CHECK_INT(latch_wait(&log.destroyed, 1, 0), 1);
  CHECK_INT(latch_wait(&r.destroyed, 1, 0), 1);
  eduauth_string_free(token);
  eduauth_string_free(fresh);
  latch_destroy(&r.done);
  latch_destroy(&r.destroyed);
  latch_destroy(&log.any);
  latch_destroy(&log.destroyed);
  pthread_mutex_destroy(&log.mu);
}

/* ---- failures from the network side ----------------------------------------------------- */

static void test_network_errors(void) {
  char url[64];
  eduauth_client_config *cfg;
  eduauth_client *client = NULL;
  char *token = NULL;
  snprintf(url, sizeof url, "http://127.0.0.1:%d", unused_port());
  cfg = config_for(url, "education");
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "r", "u", 1, 10000), EDUAUTH_E_NETWORK);
  CHECK_CONTAINS(eduauth_error_last(), "127.0.0.1");
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
}

/* C-13: a server that accepts and never answers gives a timeout within the configured time. */
static void test_c13_silent_server_times_out(void) {
  char url[64];
  mini_server *m = mini_server_start(-1, 3600, 0);
  eduauth_client_config *cfg;
  eduauth_client *client = NULL;
  char *token = NULL;
  int64_t t0, elapsed;
  int rc;
  snprintf(url, sizeof url, "http://127.0.0.1:%d", mini_server_port(m));
  cfg = config_for(url, "education");
  CHECK_OK(eduauth_client_config_set_total_timeout_ms(cfg, 500));
  CHECK_OK(eduauth_client_new(&client, cfg));
  t0 = test_now_ms();
  rc = eduauth_client_get_token(&token, NULL, client, "r", "u", 1, 10000);
  elapsed = test_now_ms() - t0;
  CHECK_RC(rc, EDUAUTH_E_TIMEOUT);
  CHECK(elapsed >= 400 && elapsed < 5000);
  printf("  silent server: %s after %d ms\n", eduauth_status_name(rc), (int)elapsed);
  /* The caller's own deadline is honoured too, while the fetch carries on. */
  CHECK_OK(eduauth_client_config_set_total_timeout_ms(cfg, 10000));
  eduauth_client_free(client);
  CHECK_OK(eduauth_client_new(&client, cfg));
  t0 = test_now_ms();
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "r", "u", 1, 300), EDUAUTH_E_TIMEOUT);
  CHECK(test_now_ms() - t0 < 5000);
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
  mini_server_stop(m);
}

/* C-09: a server handing back an already expired token gets a clear error, no hot loop. */
static void test_c09_expired_from_server(void) {
  char url[64];
  mini_server *m = mini_server_start(0, 3600, -3700);
  eduauth_client_config *cfg;
  eduauth_client *client = NULL;
  char *token = NULL;
  snprintf(url, sizeof url, "http://127.0.0.1:%d", mini_server_port(m));
  cfg = config_for(url, "education");
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "r", "u", 1, 10000), EDUAUTH_E_EXPIRED_FROM_SERVER);
  CHECK(token == NULL);
  printf("  C-09 message: %s\n", eduauth_error_last());
  eduauth_client_free(client);
  CHECK(mini_server_requests(m) <= 2); /* one attempt (+ at most one scheduled retry) */
  eduauth_client_config_free(cfg);
  mini_server_stop(m);
}

/* C-12: HTTPS_PROXY pointing nowhere does not apply to loopback listed in NO_PROXY; an
 * explicit SDK proxy setting overrides the environment. */
static void test_c12_proxy_environment(void) {
  eduauth_client_config *cfg = config_for(g_server.url, "education");
  eduauth_client *client = NULL;
  char *token = NULL;
  setenv("HTTP_PROXY", "http://127.0.0.1:9", 1);
  setenv("http_proxy", "http://127.0.0.1:9", 1);
  setenv("HTTPS_PROXY", "http://127.0.0.1:9", 1);
  setenv("NO_PROXY", "127.0.0.1,localhost", 1);
  setenv("no_proxy", "127.0.0.1,localhost", 1);
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_OK(eduauth_client_get_token(&token, NULL, client, "room-x", "user-x", 1, 10000));
  eduauth_string_free(token);
  eduauth_client_free(client);
  CHECK_OK(eduauth_client_config_set_proxy(cfg, "http://127.0.0.1:9"));
  CHECK_OK(eduauth_client_config_set_no_proxy(cfg, ""));
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_RC(eduauth_client_get_token(&token, NULL, client, "room-x", "user-x", 1, 10000), EDUAUTH_E_NETWORK);
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
  unsetenv("HTTP_PROXY");
  unsetenv("http_proxy");
  unsetenv("HTTPS_PROXY");
  unsetenv("NO_PROXY");
  unsetenv("no_proxy");
}

/* ---- logging: the client's own messages reach the C sink, without secrets -------------- */

struct log_lines {
  pthread_mutex_t mu;
  int lines;
  char text[16384]; /* every line, newline-separated (truncated when full) */
};

static void on_log(void *user_data, int32_t level, const char *message) {
  struct log_lines *l = (struct log_lines *)user_data;
  size_t used;
  (void)level;
  pthread_mutex_lock(&l->mu);
  l->lines++;
  used = strlen(l->text);
  snprintf(l->text + used, sizeof l->text - used, "%s\n", message);
  pthread_mutex_unlock(&l->mu);
}

static void test_log_sink_receives_client_logs(void) {
  eduauth_client_config *cfg = config_for(g_server.url, "education");
  eduauth_client *client = NULL;
  char *token = NULL, *fp = NULL;
  struct log_lines l;
  memset(&l, 0, sizeof l);
  pthread_mutex_init(&l.mu, NULL);
  CHECK_OK(eduauth_log_set_sink(on_log, &l, EDUAUTH_LOG_DEBUG));
  CHECK_OK(eduauth_client_config_add_header(cfg, "Authorization", "Bearer top-secret-header"));
  CHECK_OK(eduauth_client_new(&client, cfg));
  CHECK_OK(eduauth_client_get_token(&token, NULL, client, "room-l", "user-l", 1, 10000));
  eduauth_client_free(client);
  /* After set_sink returns the old sink is never called again: l may be read freely. */
  CHECK_OK(eduauth_log_set_sink(NULL, NULL, EDUAUTH_LOG_OFF));
  CHECK(l.lines >= 1);
  CHECK_CONTAINS(l.text, "room-l");
  CHECK(strstr(l.text, token) == NULL);                  /* the token never reaches a log... */
  CHECK(strstr(l.text, "top-secret-header") == NULL);    /* ...nor the Authorization header */
  CHECK_OK(eduauth_fingerprint(&fp, token));
  printf("  %d log lines; token logged as %s: %s\n", l.lines, fp, strstr(l.text, fp) ? "yes" : "no");
  eduauth_string_free(fp);
  eduauth_string_free(token);
  eduauth_client_config_free(cfg);
  pthread_mutex_destroy(&l.mu);
}

int main(void) {
  if (token_server_start(&g_server, NULL) != 0) {
    fprintf(stderr, "cannot start %s\n", EDUAUTH_TOKEN_SERVER);
    return 1;
  }
  printf("token server at %s\n", g_server.url);
  C_TEST_RUN(test_get_token_education);
  C_TEST_RUN(test_get_token_rtm_preset);
  C_TEST_RUN(test_custom_mapping);
  C_TEST_RUN(test_config_errors);
  C_TEST_RUN(test_c11_reauth_and_bearer);
  C_TEST_RUN(test_app_id_mismatch);
  C_TEST_RUN(test_async_events_prefetch_invalidate);
  C_TEST_RUN(test_network_errors);
  C_TEST_RUN(test_c13_silent_server_times_out);
  C_TEST_RUN(test_c09_expired_from_server);
  C_TEST_RUN(test_c12_proxy_environment);
  C_TEST_RUN(test_log_sink_receives_client_logs);
  token_server_stop(&g_server);
  return c_test_finish();
}
