/* C API: the token builders — pinned and clock forms, input checks, non-ASCII identities. */
#include <time.h>

#include "c_test.h"

#define CHANNEL "7d72365eb983485397e3e3f9d460bdda"

/* p007-edu-room-user-02 */
static const char *EDU_ROOM_USER =
    "007eJxTYOB59a5sg3NC9NUnUq/2fNr3T/r2y9MPKizX31hueY/n4v1PCgyW5gbOjsamKalmBskmJmYmpklJiakWiUaGpgZmhknGxgwfg1Mj"
    "mBgY/BL3MDAzMDEwAiGIz8lQWpxapGtgYGDIChdUYDAzNjJKSjFOSU00t0wzMzBNTLQwtjBITk0zNTI3N0gzZkcyoCg/PxdsAJJZTAwA+fAydA==";

static void test_pinned_builder_matches_reference(void) {
  char *token = NULL;
  CHECK_OK(eduauth_build_education_room_user_token_at(&token, TEST_APP_ID, TEST_APP_CERT, "room-0001", "user-0001",
                                                      2, 600, 1700000000u, 12345678u));
  CHECK_STR(token, EDU_ROOM_USER);
  eduauth_string_free(token);
}

/* The clock forms use the current time and a random salt in 1..99999999. */
static void check_fresh(const char *token, uint32_t expected_expire) {
  eduauth_token *t = NULL;
  const int64_t now = (int64_t)time(NULL);
  CHECK_OK(eduauth_token_decode(&t, token));
  CHECK(eduauth_token_issue_ts(t) >= now - 5 && eduauth_token_issue_ts(t) <= now + 5);
  CHECK(eduauth_token_salt(t) >= 1 && eduauth_token_salt(t) <= 99999999u);
  CHECK_INT(eduauth_token_expire(t), expected_expire);
  CHECK_OK(eduauth_token_verify(t, TEST_APP_CERT));
  eduauth_token_free(t);
}

static void test_clock_forms(void) {
  char *a = NULL, *b = NULL;
  eduauth_token *t = NULL;
  CHECK_OK(eduauth_build_education_room_user_token(&a, TEST_APP_ID, TEST_APP_CERT, "r", "u", 1, 3600));
  check_fresh(a, 3600);
  CHECK_OK(eduauth_build_education_room_user_token(&b, TEST_APP_ID, TEST_APP_CERT, "r", "u", 1, 3600));
  CHECK(strcmp(a, b) != 0); /* fresh salt each time */
  eduauth_string_free(a);
  eduauth_string_free(b);
  CHECK_OK(eduauth_build_education_user_token(&a, TEST_APP_ID, TEST_APP_CERT, "u", 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_education_app_token(&a, TEST_APP_ID, TEST_APP_CERT, 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtm_token(&a, TEST_APP_ID, TEST_APP_CERT, "test_user", 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtm_token_with_permissions(
      &a, TEST_APP_ID, TEST_APP_CERT, "test_user",
      "[{\"resource_type\":0,\"permission_type\":1,\"resources\":[\"ch\"]}]", 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_chat_user_token(&a, TEST_APP_ID, TEST_APP_CERT, "u", 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_chat_app_token(&a, TEST_APP_ID, TEST_APP_CERT, 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_chat_app_token_at(&a, TEST_APP_ID, TEST_APP_CERT, 600, 1700000000u, 9u));
  CHECK_OK(eduauth_token_decode(&t, a));
  {
    const char *user = NULL;
    uint32_t id = 0, value = 0;
    CHECK_OK(eduauth_token_service_user_id(&user, t, 0));
    CHECK_STR(user, ""); /* the app token's Chat service has no user */
    CHECK_OK(eduauth_token_service_privilege_at(&id, &value, t, 0, 0));
    CHECK_INT(id, 2); /* Chat app privilege */
    CHECK_INT(value, 600);
    CHECK_INT(eduauth_token_salt(t), 9);
  }
  eduauth_token_free(t);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc_token_with_uid(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 42, 1, 600, 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc_token_with_account(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "alice", 2, 600, 0));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc_token_with_uid_privileges(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 42, 600, 600, 500,
                                                       400, 300));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc_token_with_account_privileges(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "alice", 600,
                                                           600, 0, 0, 0));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc_rtm_token(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "alice", 1, 600, 600));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc_rtm2_token(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "alice", 1, 600, 600, 500, 400, 300,
                                        "rtm-alice", 900));
  check_fresh(a, 600);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_fpa_token(&a, TEST_APP_ID, TEST_APP_CERT));
  check_fresh(a, 86400);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_fpa_token_at(&a, TEST_APP_ID, TEST_APP_CERT, 1700000000u, 5u));
  CHECK_OK(eduauth_token_decode(&t, a));
  CHECK_INT(eduauth_token_issue_ts(t), 1700000000);
  CHECK_INT(eduauth_token_salt(t), 5);
  eduauth_token_free(t);
  eduauth_string_free(a);

  /* 006: ts = clock + 86400. */
  CHECK_OK(eduauth_build_rtc006_token_with_uid(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 42, 1, 0));
  CHECK_OK(eduauth_token_decode(&t, a));
  CHECK((int64_t)eduauth_token_ts(t) - 86400 >= (int64_t)time(NULL) - 5);
  CHECK_OK(eduauth_token_verify_006_uid(t, TEST_APP_CERT, CHANNEL, 42));
  eduauth_token_free(t);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtc006_token_with_account(&a, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "alice", 101, 0));
  CHECK_OK(eduauth_token_decode(&t, a));
  CHECK_INT(eduauth_token_privilege_count(t), 4); /* admin: join + publish audio/video/data */
  eduauth_token_free(t);
  eduauth_string_free(a);
  CHECK_OK(eduauth_build_rtm006_token(&a, TEST_APP_ID, TEST_APP_CERT, "test_user", 0));
  CHECK_OK(eduauth_token_decode(&t, a));
  CHECK_OK(eduauth_token_verify_006(t, TEST_APP_CERT, "test_user", ""));
  eduauth_token_free(t);
  eduauth_string_free(a);
}

static void test_input_errors_name_the_field(void) {
  char *out = (char *)"sentinel";
  CHECK_RC(eduauth_build_rtm_token_at(&out, "970CA35de60c44645bbae8a215061b3", TEST_APP_CERT, "u", 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_CONTAINS(eduauth_error_last(), "app ID");
  CHECK_RC(eduauth_build_rtm_token_at(&out, TEST_APP_ID, "", "u", 600, 1, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "certificate");
  CHECK_RC(eduauth_build_rtm_token_at(&out, TEST_APP_ID, "5CFd2fd1755d40ecb72977518be15d3z", "u", 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(strstr(eduauth_error_last(), "5CFd2fd1755d40ecb72977518be15d3z") == NULL); /* never echo a secret */
  CHECK_RC(eduauth_build_rtm_token_at(&out, TEST_APP_ID, TEST_APP_CERT, NULL, 600, 1, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "user_id is NULL");
  CHECK_RC(eduauth_build_rtm_token_at(NULL, TEST_APP_ID, TEST_APP_CERT, "u", 600, 1, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_build_education_room_user_token_at(&out, NULL, TEST_APP_CERT, "r", "u", 1, 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "app_id is NULL");
  /* Roles: 007 RTC takes 1/2, 006 RTC 0/1/2/101, classroom roles are int16. */
  CHECK_RC(eduauth_build_rtc_token_with_uid_at(&out, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 1, 3, 600, 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "role 3");
  CHECK_RC(eduauth_build_rtc006_token_with_uid_at(&out, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 1, 5, 0, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_build_education_room_user_token_at(&out, TEST_APP_ID, TEST_APP_CERT, "r", "u", 40000, 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "40000");
  CHECK(out == NULL);
}

/* C-03: a 007 expire that looks like an absolute time is refused, saying so. */
static void test_c03_absolute_looking_expire_refused(void) {
  char *out = NULL;
  CHECK_RC(eduauth_build_education_room_user_token(&out, TEST_APP_ID, TEST_APP_CERT, "r", "u", 1, 1700003600u),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK_CONTAINS(eduauth_error_last(), "1700003600");
  printf("  C-03 message: %s\n", eduauth_error_last());
  CHECK_RC(eduauth_build_rtc_token_with_uid(&out, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 1, 1, 600, 1700003600u),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_build_rtm_token(&out, TEST_APP_ID, TEST_APP_CERT, "u", EDUAUTH_MAX_RELATIVE_EXPIRE_S));
  eduauth_string_free(out);
  CHECK_RC(eduauth_build_rtm_token(&out, TEST_APP_ID, TEST_APP_CERT, "u", EDUAUTH_MAX_RELATIVE_EXPIRE_S + 1),
           EDUAUTH_E_INVALID_ARGUMENT);
}

/* C-01 / C-02: uid 4294967295 is valid; a uid and its decimal account give the same token. */
static void test_c01_c02_uids(void) {
  char *by_uid = NULL, *by_account = NULL;
  eduauth_token *t = NULL;
  const char *account = NULL;
  CHECK_OK(eduauth_build_rtc_token_with_uid_at(&by_uid, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 2882341273u, 1, 600,
                                               600, 1700000000u, 12345678u));
  CHECK_OK(eduauth_build_rtc_token_with_account_at(&by_account, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "2882341273", 1,
                                                   600, 600, 1700000000u, 12345678u));
  CHECK_STR(by_uid, by_account);
  eduauth_string_free(by_account);
  CHECK_OK(eduauth_build_rtc_token_with_account_at(&by_account, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "02882341273",
                                                   1, 600, 600, 1700000000u, 12345678u));
  CHECK(strcmp(by_uid, by_account) != 0); /* "00123" is not uid 123 */
  eduauth_string_free(by_uid);
  eduauth_string_free(by_account);
  CHECK_OK(eduauth_build_rtc_token_with_uid_at(&by_uid, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 4294967295u, 1, 600,
                                               600, 1700000000u, 12345678u));
  CHECK_OK(eduauth_token_decode(&t, by_uid));
  CHECK_OK(eduauth_token_service_account(&account, t, 0));
  CHECK_STR(account, "4294967295");
  eduauth_token_free(t);
  eduauth_string_free(by_uid);
}

/* C-08: non-ASCII identities travel as their UTF-8 bytes and decode back unchanged. */
static void test_c08_non_ascii_users(void) {
  static const char *users[] = {"\xe8\x80\x81\xe5\xb8\x88" "01" /* 老师01: 8 bytes */,
                                "u\xf0\x9f\x99\x82" /* u🙂: 75 f0 9f 99 82 */};
  size_t i;
  for (i = 0; i < 2; ++i) {
    char *token = NULL, *chat = NULL;
    eduauth_token *t = NULL;
    const char *s = NULL;
    CHECK_OK(eduauth_build_education_room_user_token_at(&token, TEST_APP_ID, TEST_APP_CERT, "room", users[i], 2, 600,
                                                        1700000000u, 1u));
    CHECK_OK(eduauth_token_decode(&t, token));
    CHECK_OK(eduauth_token_service_user_id(&s, t, 0)); /* RTM */
    CHECK_STR(s, users[i]);
    CHECK_OK(eduauth_token_service_user_uuid(&s, t, 2)); /* APaaS */
    CHECK_STR(s, users[i]);
    CHECK_OK(eduauth_chat_user_id(&chat, users[i]));
    CHECK_OK(eduauth_token_service_user_id(&s, t, 1)); /* Chat = md5(user) */
    CHECK_STR(s, chat);
    eduauth_string_free(chat);
    eduauth_token_free(t);
    eduauth_string_free(token);
  }
  CHECK_INT(strlen(users[0]), 8);
  CHECK_INT(strlen(users[1]), 5);
}

static void test_rtm2_permissions_json(void) {
  char *out = NULL;
  eduauth_token *t = NULL;
  uint32_t type = 0;
  CHECK_OK(eduauth_build_rtm_token_with_permissions_at(&out, TEST_APP_ID, TEST_APP_CERT, "u", "[]", 600, 1, 1));
  CHECK_OK(eduauth_token_decode(&t, out));
  CHECK_OK(eduauth_token_service_type(&type, t, 0));
  CHECK_INT(type, EDUAUTH_SERVICE_RTM2);
  eduauth_token_free(t);
  eduauth_string_free(out);
  CHECK_RC(eduauth_build_rtm_token_with_permissions_at(&out, TEST_APP_ID, TEST_APP_CERT, "u", "{", 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "not valid JSON");
  CHECK_RC(eduauth_build_rtm_token_with_permissions_at(&out, TEST_APP_ID, TEST_APP_CERT, "u", "{}", 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_build_rtm_token_with_permissions_at(
               &out, TEST_APP_ID, TEST_APP_CERT, "u",
               "[{\"resource_type\":9,\"permission_type\":0,\"resources\":[]}]", 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "permissions_json[0].resource_type");
  CHECK_RC(eduauth_build_rtm_token_with_permissions_at(
               &out, TEST_APP_ID, TEST_APP_CERT, "u",
               "[{\"resource_type\":1,\"permission_type\":0,\"resources\":[1]}]", 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "resources");
  CHECK_RC(eduauth_build_rtm_token_with_permissions_at(&out, TEST_APP_ID, TEST_APP_CERT, "u", NULL, 600, 1, 1),
           EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(out == NULL);
}

/* b007-07: strings over 65535 bytes cannot be encoded and are refused (not a crash). */
static void test_oversized_string_refused(void) {
  char *out = NULL;
  char *big = (char *)malloc(65537);
  memset(big, 'x', 65536);
  big[65536] = '\0';
  CHECK_RC(eduauth_build_rtm_token_at(&out, TEST_APP_ID, TEST_APP_CERT, big, 600, 1, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(out == NULL);
  big[5000] = '\0'; /* 5000 bytes: the reference C++ builder crashes; we build it */
  CHECK_OK(eduauth_build_rtm_token_at(&out, TEST_APP_ID, TEST_APP_CERT, big, 600, 1, 1));
  CHECK(out != NULL);
  eduauth_string_free(out);
  free(big);
}

int main(void) {
  C_TEST_RUN(test_pinned_builder_matches_reference);
  C_TEST_RUN(test_clock_forms);
  C_TEST_RUN(test_input_errors_name_the_field);
  C_TEST_RUN(test_c03_absolute_looking_expire_refused);
  C_TEST_RUN(test_c01_c02_uids);
  C_TEST_RUN(test_c08_non_ascii_users);
  C_TEST_RUN(test_rtm2_permissions_json);
  C_TEST_RUN(test_oversized_string_refused);
  return c_test_finish();
}
