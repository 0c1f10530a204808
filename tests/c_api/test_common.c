/* C API: version, status codes, per-thread errors, strings, fingerprints, logging. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "c_test.h"

static void test_version(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", EDUAUTH_VERSION_MAJOR, EDUAUTH_VERSION_MINOR,
           EDUAUTH_VERSION_PATCH);
  CHECK_STR(eduauth_version(), "0.1.0");
  CHECK_STR(eduauth_version(), EDUAUTH_VERSION_STRING);
  CHECK_STR(eduauth_version(), expected);
  CHECK_INT(eduauth_version_number(), 100);
  CHECK_INT(eduauth_version_number(), EDUAUTH_VERSION_NUMBER);
}

static void test_status_names(void) {
  static const struct {
    int code;
    const char *name;
  } codes[] = {
      {EDUAUTH_OK, "EDUAUTH_OK"},
      {EDUAUTH_E_INVALID_ARGUMENT, "EDUAUTH_E_INVALID_ARGUMENT"},
      {EDUAUTH_E_MALFORMED_TOKEN, "EDUAUTH_E_MALFORMED_TOKEN"},
      {EDUAUTH_E_UNSUPPORTED_VERSION, "EDUAUTH_E_UNSUPPORTED_VERSION"},
      {EDUAUTH_E_SIGNATURE_MISMATCH, "EDUAUTH_E_SIGNATURE_MISMATCH"},
      {EDUAUTH_E_OUT_OF_MEMORY, "EDUAUTH_E_OUT_OF_MEMORY"},
      {EDUAUTH_E_NETWORK, "EDUAUTH_E_NETWORK"},
      {EDUAUTH_E_TIMEOUT, "EDUAUTH_E_TIMEOUT"},
      {EDUAUTH_E_HTTP_STATUS, "EDUAUTH_E_HTTP_STATUS"},
      {EDUAUTH_E_BAD_RESPONSE, "EDUAUTH_E_BAD_RESPONSE"},
      {EDUAUTH_E_EXPIRED_FROM_SERVER, "EDUAUTH_E_EXPIRED_FROM_SERVER"},
      {EDUAUTH_E_TOKEN_MISMATCH, "EDUAUTH_E_TOKEN_MISMATCH"},
      {EDUAUTH_E_REAUTH_REQUIRED, "EDUAUTH_E_REAUTH_REQUIRED"},
      {EDUAUTH_E_TOKEN_REJECTED, "EDUAUTH_E_TOKEN_REJECTED"},
      {EDUAUTH_E_TLS, "EDUAUTH_E_TLS"},
      {EDUAUTH_E_CLOSED, "EDUAUTH_E_CLOSED"},
      {EDUAUTH_E_EXPIRED, "EDUAUTH_E_EXPIRED"},
      {EDUAUTH_E_INVALID_LAUNCH_OPTION, "EDUAUTH_E_INVALID_LAUNCH_OPTION"},
      {EDUAUTH_E_LAUNCH_TOKEN_MISMATCH, "EDUAUTH_E_LAUNCH_TOKEN_MISMATCH"},
      {EDUAUTH_E_INTERNAL, "EDUAUTH_E_INTERNAL"},
  };
  size_t i;
  for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) CHECK_STR(eduauth_status_name(codes[i].code), codes[i].name);
  /* The numbers are ABI: spot-check a few literal values. */
  CHECK_INT(EDUAUTH_E_MALFORMED_TOKEN, -2);
  CHECK_INT(EDUAUTH_E_REAUTH_REQUIRED, -16);
  CHECK_INT(EDUAUTH_E_LAUNCH_TOKEN_MISMATCH, -31);
  CHECK_INT(EDUAUTH_E_INTERNAL, -99);
  CHECK_STR(eduauth_status_name(1), "EDUAUTH_E_UNKNOWN");
  CHECK_STR(eduauth_status_name(-1000), "EDUAUTH_E_UNKNOWN");
}

static void test_error_last_lifecycle(void) {
  eduauth_token *token = NULL;
  char *s = NULL;
  /* Never NULL; a failure fills it, a success clears it. */
  CHECK(eduauth_error_last() != NULL);
  CHECK_RC(eduauth_token_decode(&token, "008abc"), EDUAUTH_E_UNSUPPORTED_VERSION);
  CHECK(token == NULL);
  CHECK_INT(eduauth_error_last_code(), EDUAUTH_E_UNSUPPORTED_VERSION);
  CHECK_CONTAINS(eduauth_error_last(), "eduauth_token_decode");
  CHECK_OK(eduauth_fingerprint(&s, "secret"));
  CHECK_STR(eduauth_error_last(), "");
  CHECK_INT(eduauth_error_last_code(), EDUAUTH_OK);
  eduauth_string_free(s);
  /* NULL arguments are errors naming the parameter, not crashes. */
  CHECK_RC(eduauth_token_decode(NULL, "007"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "out is NULL");
  CHECK_RC(eduauth_token_decode(&token, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "token is NULL");
}

struct thread_result {
  int code_at_start;
  char message_at_start[64];
  int code_after_failure;
};

static void *other_thread(void *arg) {
  struct thread_result *r = (struct thread_result *)arg;
  eduauth_token *token = NULL;
  r->code_at_start = eduauth_error_last_code();
  snprintf(r->message_at_start, sizeof r->message_at_start, "%s", eduauth_error_last());
  eduauth_token_decode(&token, "");
  r->code_after_failure = eduauth_error_last_code();
  return NULL;
}

static void test_error_last_is_per_thread(void) {
  pthread_t t;
  struct thread_result r;
  eduauth_token *token = NULL;
  memset(&r, 0, sizeof r);
  CHECK_RC(eduauth_token_decode(&token, "not a token"), EDUAUTH_E_UNSUPPORTED_VERSION);
  CHECK(pthread_create(&t, NULL, other_thread, &r) == 0);
  pthread_join(t, NULL);
  /* The other thread saw a clean slate and its own failure did not change ours. */
  CHECK_INT(r.code_at_start, EDUAUTH_OK);
  CHECK_STR(r.message_at_start, "");
  CHECK(r.code_after_failure != EDUAUTH_OK);
  CHECK_INT(eduauth_error_last_code(), EDUAUTH_E_UNSUPPORTED_VERSION);
}

static void test_strings_and_fingerprint(void) {
  char *a = NULL, *b = NULL, *c = NULL;
  eduauth_string_free(NULL); /* no-op */
  CHECK_OK(eduauth_fingerprint(&a, TEST_APP_CERT));
  CHECK_OK(eduauth_fingerprint(&b, TEST_APP_CERT));
  CHECK_OK(eduauth_fingerprint(&c, "5CFd2fd1755d40ecb72977518be15d3c"));
  CHECK(a != NULL && strncmp(a, "sha256:", 7) == 0);
  CHECK_INT(strlen(a), 15);
  CHECK_STR(a, b);
  CHECK(strcmp(a, c) != 0);
  CHECK(strstr(a, TEST_APP_CERT) == NULL);
  eduauth_string_free(a);
  eduauth_string_free(b);
  eduauth_string_free(c);
  CHECK_RC(eduauth_fingerprint(NULL, "x"), EDUAUTH_E_INVALID_ARGUMENT);
  a = (char *)"sentinel";
  CHECK_RC(eduauth_fingerprint(&a, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(a == NULL); /* out params are reset on failure */
}

struct log_capture {
  int calls;
  int last_level;
  char last[256];
};

static void capture_log(void *user_data, int32_t level, const char *message) {
  struct log_capture *c = (struct log_capture *)user_data;
  c->calls++;
  c->last_level = level;
  snprintf(c->last, sizeof c->last, "%s", message);
}

static void test_log_sink(void) {
  struct log_capture cap;
  memset(&cap, 0, sizeof cap);
  CHECK_STR(eduauth_log_level_name(EDUAUTH_LOG_TRACE), "trace");
  CHECK_STR(eduauth_log_level_name(EDUAUTH_LOG_DEBUG), "debug");
  CHECK_STR(eduauth_log_level_name(EDUAUTH_LOG_INFO), "info");
  CHECK_STR(eduauth_log_level_name(EDUAUTH_LOG_WARN), "warn");
  CHECK_STR(eduauth_log_level_name(EDUAUTH_LOG_ERROR), "error");
  CHECK_STR(eduauth_log_level_name(EDUAUTH_LOG_OFF), "off");
  CHECK_STR(eduauth_log_level_name(42), "unknown");
  CHECK_RC(eduauth_log_set_sink(capture_log, &cap, 6), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "min_level 6");
  CHECK_RC(eduauth_log_set_sink(capture_log, &cap, -1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_log_set_sink(capture_log, &cap, EDUAUTH_LOG_TRACE));
  CHECK_OK(eduauth_log_set_sink(NULL, NULL, EDUAUTH_LOG_OFF));
  CHECK_INT(cap.calls, 0); /* the token layer does not log on these paths */
}

int main(void) {
  C_TEST_RUN(test_version);
  C_TEST_RUN(test_status_names);
  C_TEST_RUN(test_error_last_lifecycle);
  C_TEST_RUN(test_error_last_is_per_thread);
  C_TEST_RUN(test_strings_and_fingerprint);
  C_TEST_RUN(test_log_sink);
  return c_test_finish();
}
