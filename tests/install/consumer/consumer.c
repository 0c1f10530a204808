/*
 * Consumer of an installed eduauth: built twice by tests/install/consumer.sh, once through
 * find_package(EduAuth) and once through pkg-config, outside the source tree.
 *   1. decodes and verifies a known token (vector p007-edu-room-user-02 of
 *      shared/vectors/token_vectors.json) and checks its fields,
 *   2. fetches a token from the installed eduauth-token-server (URL in argv[1]) and decodes it.
 * Prints "consumer ok" and exits 0 when every check holds; otherwise names the failed check.
 */
#include <eduauth.h>
#include <stdio.h>
#include <string.h>

/* p007-edu-room-user-02: EducationTokenBuilder2.BuildRoomUserToken(app_id, certificate,
 * "room-0001", "user-0001", role 2, expire 600 s), issue_ts 1700000000, salt 12345678. */
static const char kToken[] =
    "007eJxTYOB59a5sg3NC9NUnUq/2fNr3T/r2y9MPKizX31hueY/n4v1PCgyW5gbOjsamKalmBskmJmYmpklJiakWiUaGpgZmhkn"
    "Gxgwfg1MjmBgY/BL3MDAzMDEwAiGIz8lQWpxapGtgYGDIChdUYDAzNjJKSjFOSU00t0wzMzBNTLQwtjBITk0zNTI3N0gzZkcyoC"
    "g/PxdsAJJZTAwA+fAydA==";
static const char kAppId[] = "970CA35de60c44645bbae8a215061b33";
static const char kCertificate[] = "5CFd2fd1755d40ecb72977518be15d3b";

static int check(int ok, const char *what) {
  if (!ok) fprintf(stderr, "consumer: check failed: %s (last error: %s)\n", what, eduauth_error_last());
  return ok ? 0 : 1;
}

static int known_token(void) {
  eduauth_token *t = NULL;
  const char *room = NULL;
  int failures = 0;
  if (check(eduauth_token_decode(&t, kToken) == EDUAUTH_OK, "decode of the vector token")) return 1;
  failures += check(eduauth_token_version(t) == 7, "version 007");
  failures += check(strcmp(eduauth_token_app_id(t), kAppId) == 0, "app_id");
  failures += check(eduauth_token_issue_ts(t) == 1700000000u, "issue_ts (absolute Unix s)");
  failures += check(eduauth_token_expire(t) == 600u, "expire (s relative to issue_ts)");
  failures += check(eduauth_token_salt(t) == 12345678u, "salt");
  failures += check(eduauth_token_service_count(t) == 3u, "3 services (RTM, Chat, APaaS)");
  failures += check(eduauth_token_service_room_uuid(&room, t, 2) == EDUAUTH_OK && room != NULL &&
                        strcmp(room, "room-0001") == 0,
                    "APaaS room_uuid");
  failures += check(eduauth_token_verify(t, kCertificate) == EDUAUTH_OK, "signature with the certificate");
  failures += check(eduauth_token_verify(t, "00000000000000000000000000000000") != EDUAUTH_OK,
                    "wrong certificate refused");
  eduauth_token_free(t);
  return failures;
}

static int fetched_token(const char *server) {
  eduauth_client_config *config = NULL;
  eduauth_client *client = NULL;
  eduauth_token *t = NULL;
  char *token = NULL;
  int64_t expires_at = 0;
  int failures = 0;
  if (check(eduauth_client_config_new(&config) == EDUAUTH_OK, "client config") ||
      check(eduauth_client_config_set_server_url(config, server) == EDUAUTH_OK, "server URL") ||
      check(eduauth_client_config_set_preset(config, "education") == EDUAUTH_OK, "preset") ||
      check(eduauth_client_new(&client, config) == EDUAUTH_OK, "client")) {
    failures = 1;
  } else if (check(eduauth_client_get_token(&token, &expires_at, client, "room-42", "user-7",
                                            EDUAUTH_ROLE_STUDENT, 15000) == EDUAUTH_OK,
                   "fetch from the installed token server") == 0) {
    failures += check(expires_at > 1700000000, "expires_at (absolute Unix s)");
    if (check(eduauth_token_decode(&t, token) == EDUAUTH_OK, "decode of the fetched token") == 0) {
      failures += check(eduauth_token_version(t) == 7, "fetched token is 007");
      eduauth_token_free(t);
    } else {
      failures = 1;
    }
  } else {
    failures = 1;
  }
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_config_free(config);
  return failures;
}

int main(int argc, char **argv) {
  int failures;
  if (argc != 2) {
    fprintf(stderr, "usage: consumer TOKEN_SERVER_URL\n");
    return 2;
  }
  failures = check(strcmp(eduauth_version(), EDUAUTH_VERSION_STRING) == 0, "header and library versions agree");
  failures += known_token();
  failures += fetched_token(argv[1]);
  if (failures != 0) return 1;
  printf("consumer ok: eduauth %s\n", eduauth_version());
  return 0;
}
