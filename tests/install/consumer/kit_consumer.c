/*
 * A downstream project's test using the installed test kit: the scripted token server
 * (libeduauth_testing) answers 503 + Retry-After once, then a valid token; the client runs on
 * the fake clock of libeduauth. Prints "kit consumer ok: eduauth <version>" on success.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <eduauth.h>
#include <eduauth/test_server.h>
#include <eduauth/testing.h>

#define APP_ID "970CA35de60c44645bbae8a215061b33"
#define APP_CERT "5CFd2fd1755d40ecb72977518be15d3b"

static int fail(const char *what, int rc, const char *message) {
  fprintf(stderr, "kit consumer: %s: %s: %s\n", what, eduauth_status_name(rc), message);
  return 1;
}

int main(void) {
  eduauth_test_server *server = NULL;
  eduauth_fake_clock *clock = NULL;
  eduauth_client_config *config = NULL;
  eduauth_client *client = NULL;
  char *token = NULL;
  int rc, status = 1;

  rc = eduauth_test_server_start(&server, APP_ID, APP_CERT);
  if (rc != EDUAUTH_OK) return fail("test_server_start", rc, eduauth_test_server_error_last());
  rc = eduauth_test_server_script(server, "[{\"status\":503,\"retry_after\":\"7\"},{\"expire_s\":600}]");
  if (rc != EDUAUTH_OK) {
    status = fail("test_server_script", rc, eduauth_test_server_error_last());
    goto out;
  }
  if ((rc = eduauth_fake_clock_new(&clock, (int64_t)time(NULL) * 1000, 10000)) != EDUAUTH_OK ||
      (rc = eduauth_client_config_new(&config)) != EDUAUTH_OK ||
      (rc = eduauth_client_config_set_server_url(config, eduauth_test_server_url(server))) != EDUAUTH_OK ||
      (rc = eduauth_client_config_set_clock(config, clock)) != EDUAUTH_OK ||
      (rc = eduauth_client_new(&client, config)) != EDUAUTH_OK) {
    status = fail("client set-up", rc, eduauth_error_last());
    goto out;
  }
  rc = eduauth_client_get_token(&token, NULL, client, "room-1", "user-1", 2, 5000);
  if (rc != EDUAUTH_E_HTTP_STATUS) {
    status = fail("first get (scripted 503)", rc, eduauth_error_last());
    goto out;
  }
  rc = eduauth_client_get_token(&token, NULL, client, "room-1", "user-1", 2, 5000);
  if (rc != EDUAUTH_OK) {
    status = fail("second get", rc, eduauth_error_last());
    goto out;
  }
  if (eduauth_test_server_requests(server) != 2 || strncmp(token, "007", 3) != 0) {
    fprintf(stderr, "kit consumer: %lld requests, token prefix %.3s\n",
            (long long)eduauth_test_server_requests(server), token);
    goto out;
  }
  printf("kit consumer ok: eduauth %s, scripted server on port %d\n", eduauth_version(),
         (int)eduauth_test_server_port(server));
  status = 0;
out:
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_config_free(config);
  eduauth_fake_clock_free(clock);
  eduauth_test_server_free(server);
  return status;
}
