/*
 * C API: a misconfigured token source fails in eduauth_client_new (not at the first get),
 * naming the field and the value; eduauth_client_config_set_close_grace_ms is range-checked
 * and bounds how long eduauth_client_free waits for a fetch the server never answers.
 * Uses only the scripted server (no sample token server needed).
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "c_test.h"
#include "test_support.h"

/* eduauth_client_new on a configuration made by `edit`; returns its status and leaves the
 * last error message in eduauth_error_last(). */
static int client_new_with(void (*edit)(eduauth_client_config *)) {
  eduauth_client_config *cfg = NULL;
  eduauth_client *client = NULL;
  int rc;
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_OK(eduauth_client_config_set_server_url(cfg, "http://127.0.0.1:9"));
  edit(cfg);
  rc = eduauth_client_new(&client, cfg);
  CHECK(rc == EDUAUTH_OK || client == NULL);
  eduauth_client_free(client);
  eduauth_client_config_free(cfg);
  return rc;
}

static void bad_server_url(eduauth_client_config *c) { CHECK_OK(eduauth_client_config_set_server_url(c, "http://my host:8082")); }
static void no_host(eduauth_client_config *c) { CHECK_OK(eduauth_client_config_set_server_url(c, "https://")); }
static void not_http(eduauth_client_config *c) { CHECK_OK(eduauth_client_config_set_server_url(c, "ws://127.0.0.1:1")); }
static void unknown_placeholder(eduauth_client_config *c) {
  CHECK_OK(eduauth_client_config_set_preset(c, "custom"));
  CHECK_OK(eduauth_client_config_set_url_template(c, "http://127.0.0.1:9/rooms/{roomId}/token"));
}
static void body_not_json(eduauth_client_config *c) {
  CHECK_OK(eduauth_client_config_set_body_template(c, "{\"roomUuid\": \"{roomUuid}\","));
}
static void pointer_without_slash(eduauth_client_config *c) {
  CHECK_OK(eduauth_client_config_set_token_pointer(c, "token"));
}
static void good(eduauth_client_config *c) {
  CHECK_OK(eduauth_client_config_set_preset(c, "custom"));
  CHECK_OK(eduauth_client_config_set_method(c, "GET"));
  CHECK_OK(eduauth_client_config_set_url_template(c, "http://127.0.0.1:9/t?room={roomUuid}&user={userUuid}&role={role}"));
  CHECK_OK(eduauth_client_config_set_token_pointer(c, "/data/token"));
}

static void test_bad_source_fails_in_client_new(void) {
  CHECK_RC(client_new_with(bad_server_url), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_STR(eduauth_error_last(), "eduauth_client_new: base_url \"http://my host:8082\" has a character a URL cannot "
                                  "carry unencoded at offset 9 (a space: percent-encode it as %20)");
  CHECK_RC(client_new_with(no_host), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "base_url \"https://\" has no host");
  CHECK_RC(client_new_with(not_http), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "base_url \"ws://127.0.0.1:1\" must start with http:// or https://");
  CHECK_RC(client_new_with(unknown_placeholder), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "source url_template \"http://127.0.0.1:9/rooms/{roomId}/token\" has an "
                                       "unknown placeholder {roomId} (known: {roomUuid}, {userUuid}, {role})");
  CHECK_RC(client_new_with(body_not_json), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_STR(eduauth_error_last(), "eduauth_client_new: source body_template \"{\"roomUuid\": \"{roomUuid}\",\" is "
                                  "not valid JSON (syntax error at byte 27)");
  CHECK_RC(client_new_with(pointer_without_slash), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "source token_pointer \"token\" is not a JSON pointer (RFC 6901): it must "
                                       "start with '/' (did you mean \"/token\"?)");
  CHECK_OK(client_new_with(good));
}

static void test_close_grace_is_range_checked(void) {
  eduauth_client_config *cfg = NULL;
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_RC(eduauth_client_config_set_close_grace_ms(cfg, -1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_STR(eduauth_error_last(), "eduauth_client_config_set_close_grace_ms: close_grace -1 ms is outside 0..60000 ms");
  CHECK_RC(eduauth_client_config_set_close_grace_ms(cfg, 60001), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "close_grace 60001 ms is outside 0..60000 ms");
  CHECK_RC(eduauth_client_config_set_close_grace_ms(NULL, 10), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_client_config_set_close_grace_ms(cfg, 0));
  CHECK_OK(eduauth_client_config_set_close_grace_ms(cfg, 60000));
  eduauth_client_config_free(cfg);
}

struct completion {
  pthread_mutex_t mu;
  int calls, destroyed;
  int32_t status;
};

static void on_token(void *user_data, int32_t status, const char *token, int64_t expires_at, const char *message) {
  struct completion *c = (struct completion *)user_data;
  (void)token;
  (void)expires_at;
  (void)message;
  pthread_mutex_lock(&c->mu);
  c->calls++;
  c->status = status;
  pthread_mutex_unlock(&c->mu);
}

static void on_destroy(void *user_data) {
  struct completion *c = (struct completion *)user_data;
  pthread_mutex_lock(&c->mu);
  c->destroyed++;
  pthread_mutex_unlock(&c->mu);
}

/* The server never answers; with close_grace 100 ms free returns long before the default
 * 5 s grace (the bound is loose: it separates 0.1 s from 5 s, it does not time anything),
 * and the pending get is still settled exactly once before free returns. */
static void test_close_grace_bounds_free(void) {
  mini_server *m = mini_server_start(-1, 3600, 0);
  eduauth_client_config *cfg = NULL;
  eduauth_client *client = NULL;
  struct completion done;
  char url[64];
  int waited = 0;
  int64_t started, took;
  CHECK(m != NULL);
  if (m == NULL) return;
  memset(&done, 0, sizeof done);
  pthread_mutex_init(&done.mu, NULL);
  snprintf(url, sizeof url, "http://127.0.0.1:%d", mini_server_port(m));
  CHECK_OK(eduauth_client_config_new(&cfg));
  CHECK_OK(eduauth_client_config_set_server_url(cfg, url));
  CHECK_OK(eduauth_client_config_set_close_grace_ms(cfg, 100));
  CHECK_OK(eduauth_client_new(&client, cfg));
  eduauth_client_config_free(cfg);
  CHECK_OK(eduauth_client_get_token_async(client, "room-g", "user-g", 2, on_token, &done, on_destroy));
  while (mini_server_in_flight(m) < 1 && waited < 10000) { /* the fetch reached the server */
    test_sleep_ms(10);
    waited += 10;
  }
  CHECK_INT(mini_server_in_flight(m), 1);
  started = test_now_ms();
  eduauth_client_free(client);
  took = test_now_ms() - started;
  CHECK(took < 2500);
  pthread_mutex_lock(&done.mu);
  CHECK_INT(done.calls, 1);
  CHECK_INT(done.status, EDUAUTH_E_CLOSED);
  CHECK_INT(done.destroyed, 1);
  pthread_mutex_unlock(&done.mu);
  mini_server_stop(m);
  pthread_mutex_destroy(&done.mu);
}

int main(void) {
  C_TEST_RUN(test_bad_source_fails_in_client_new);
  C_TEST_RUN(test_close_grace_is_range_checked);
  C_TEST_RUN(test_close_grace_bounds_free);
  return c_test_finish();
}
