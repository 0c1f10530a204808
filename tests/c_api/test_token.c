/* C API: decoding, accessors, JSON and verification, on tokens embedded from the shared vectors. */
#include "c_test.h"

/* p007-edu-room-user-02: room-0001 / user-0001 / role 2, expire 600, issue_ts 1700000000, salt 12345678. */
static const char *EDU_ROOM_USER =
    "007eJxTYOB59a5sg3NC9NUnUq/2fNr3T/r2y9MPKizX31hueY/n4v1PCgyW5gbOjsamKalmBskmJmYmpklJiakWiUaGpgZmhknGxgwfg1Mj"
    "mBgY/BL3MDAzMDEwAiGIz8lQWpxapGtgYGDIChdUYDAzNjJKSjFOSU00t0wzMzBNTLQwtjBITk0zNTI3N0gzZkcyoCg/PxdsAJJZTAwA+fAydA==";
/* p007-rtc-uid-02: RTC channel 7d72365e..., uid 2882341273, subscriber, 600/600. */
static const char *RTC_UID =
    "007eJxTYHiWML93fuWlM/z7awL4vjfMWFZ/0u2OFdcX91O9pRcSJdsVGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yNGT4Gp0YwMTD4"
    "Je5hYIRCEF+BwTzF3MjYzDQ1ydLC2MTC1NjSPNU41TjNMsXEzCApJSWRi8HIwsLI2MTQyNwYAOu0KDI=";
/* p006-rtc-uid-02: channel 7d72365e..., uid 2882341273, subscriber, privilege 1446455471, ts 1700086400. */
static const char *RTC_006 = "006970CA35de60c44645bbae8a215061b33IACFmpswaWjsHblaZ+ha1oKNvnzvNJjZ0NHbkXY57hrNe7dIfRBXoFHlEAB"
                             "OYbwAgEJVZQEAAQCvKDdW";
/* p006-rtm-01: RTM 006 for test_user, privilege 1000 = 0 (no limit of its own), ts 1700086400. */
static const char *RTM_006 = "006970CA35de60c44645bbae8a215061b33IAA5bKin6cWyWAFlV+0+tRQfiJYNTnHe1by6CA0MkwtFiYb86ogAAAAAEAB"
                             "OYbwAgEJVZQEA6AMAAAAA";
#define CHANNEL "7d72365eb983485397e3e3f9d460bdda"

static void test_decode_education_room_user(void) {
  eduauth_token *t = NULL;
  const char *s = NULL;
  uint32_t type = 0, id = 0, value = 0;
  int32_t role = 0;
  size_t n = 0;
  CHECK_OK(eduauth_token_decode(&t, EDU_ROOM_USER));
  CHECK(t != NULL);
  CHECK_INT(eduauth_token_version(t), 7);
  CHECK_STR(eduauth_token_app_id(t), TEST_APP_ID);
  CHECK_INT(eduauth_token_issue_ts(t), 1700000000);
  CHECK_INT(eduauth_token_expire(t), 600);
  CHECK_INT(eduauth_token_salt(t), 12345678);
  CHECK_INT(eduauth_token_expires_at(t), 1700000600);
  CHECK_INT(eduauth_token_ts(t), 0);
  CHECK_INT(eduauth_token_privilege_count(t), 0);
  CHECK_INT(eduauth_token_unknown_service_type(t), -1);
  CHECK_INT(eduauth_token_trailing_bytes(t), 0);
  /* Wire order is ascending type: RTM (2), Chat (5), APaaS (7). */
  CHECK_INT(eduauth_token_service_count(t), 3);
  CHECK_OK(eduauth_token_service_type(&type, t, 0));
  CHECK_INT(type, EDUAUTH_SERVICE_RTM);
  CHECK_STR(eduauth_service_type_name(type), "RTM");
  CHECK_OK(eduauth_token_service_user_id(&s, t, 0));
  CHECK_STR(s, "user-0001");
  CHECK_OK(eduauth_token_service_type(&type, t, 1));
  CHECK_INT(type, EDUAUTH_SERVICE_CHAT);
  CHECK_OK(eduauth_token_service_user_id(&s, t, 1));
  CHECK_STR(s, "6322bd3dea79f605aa8380cef52770f3"); /* md5("user-0001") */
  CHECK_OK(eduauth_token_service_type(&type, t, 2));
  CHECK_INT(type, EDUAUTH_SERVICE_APAAS);
  CHECK_STR(eduauth_service_type_name(type), "APaaS");
  CHECK_OK(eduauth_token_service_room_uuid(&s, t, 2));
  CHECK_STR(s, "room-0001");
  CHECK_OK(eduauth_token_service_user_uuid(&s, t, 2));
  CHECK_STR(s, "user-0001");
  CHECK_OK(eduauth_token_service_role(&role, t, 2));
  CHECK_INT(role, 2);
  CHECK_OK(eduauth_token_service_privilege_count(&n, t, 2));
  CHECK_INT(n, 1);
  CHECK_OK(eduauth_token_service_privilege_at(&id, &value, t, 2, 0));
  CHECK_INT(id, 1);     /* room user */
  CHECK_INT(value, 600); /* seconds relative to issue_ts */
  CHECK_OK(eduauth_token_service_privilege_at(NULL, NULL, t, 2, 0));
  eduauth_token_free(t);
}

static void test_service_accessor_errors(void) {
  eduauth_token *t = NULL;
  const char *s = "sentinel";
  uint32_t type = 7;
  int32_t role = 5;
  size_t n = 9;
  uint32_t id = 3, value = 4;
  CHECK_OK(eduauth_token_decode(&t, EDU_ROOM_USER));
  /* Asking a service for a field its type does not have names both. */
  CHECK_RC(eduauth_token_service_channel_name(&s, t, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(s == NULL);
  CHECK_CONTAINS(eduauth_error_last(), "(RTM) has no channel_name");
  CHECK_RC(eduauth_token_service_account(&s, t, 2), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_service_room_uuid(&s, t, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_service_user_uuid(&s, t, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_service_user_id(&s, t, 2), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_service_role(&role, t, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(role, 0);
  /* Index out of range says how many there are. */
  CHECK_RC(eduauth_token_service_type(&type, t, 3), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(type, 0);
  CHECK_CONTAINS(eduauth_error_last(), "service index 3 is out of range (the token has 3 services)");
  CHECK_RC(eduauth_token_service_privilege_count(&n, t, 99), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(n, 0);
  CHECK_RC(eduauth_token_service_privilege_at(&id, &value, t, 0, 1), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(id, 0);
  CHECK_INT(value, 0);
  CHECK_CONTAINS(eduauth_error_last(), "privilege index 1");
  CHECK_RC(eduauth_token_privilege_at(&id, &value, t, 0), EDUAUTH_E_INVALID_ARGUMENT); /* 007: per service */
  /* NULL handles and out pointers. */
  CHECK_RC(eduauth_token_service_type(NULL, t, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_service_type(&type, NULL, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_service_user_id(NULL, t, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(eduauth_token_version(NULL), 0);
  CHECK_STR(eduauth_token_app_id(NULL), "");
  CHECK_INT(eduauth_token_expires_at(NULL), 0);
  CHECK_INT(eduauth_token_service_count(NULL), 0);
  CHECK_INT(eduauth_token_unknown_service_type(NULL), -1);
  CHECK_STR(eduauth_service_type_name(99), "unknown");
  CHECK_STR(eduauth_service_type_name(70000), "unknown");
  eduauth_token_free(t);
  eduauth_token_free(NULL);
}

static void test_decode_rtc_uid(void) {
  eduauth_token *t = NULL;
  const char *s = NULL;
  uint32_t id = 0, value = 0;
  size_t n = 0;
  CHECK_OK(eduauth_token_decode(&t, RTC_UID));
  CHECK_INT(eduauth_token_service_count(t), 1);
  CHECK_OK(eduauth_token_service_channel_name(&s, t, 0));
  CHECK_STR(s, CHANNEL);
  CHECK_OK(eduauth_token_service_account(&s, t, 0));
  CHECK_STR(s, "2882341273");
  CHECK_OK(eduauth_token_service_privilege_count(&n, t, 0));
  CHECK_INT(n, 1); /* subscriber: join only */
  CHECK_OK(eduauth_token_service_privilege_at(&id, &value, t, 0, 0));
  CHECK_INT(id, 1);
  CHECK_INT(value, 600);
  CHECK_INT(eduauth_token_expires_at(t), 1700000600);
  eduauth_token_free(t);
}

static void test_decode_006(void) {
  eduauth_token *t = NULL;
  uint32_t id = 0, value = 0;
  size_t n = 9;
  CHECK_OK(eduauth_token_decode(&t, RTC_006));
  CHECK_INT(eduauth_token_version(t), 6);
  CHECK_STR(eduauth_token_app_id(t), TEST_APP_ID);
  CHECK_INT(eduauth_token_issue_ts(t), 0);
  CHECK_INT(eduauth_token_expire(t), 0);
  CHECK_INT(eduauth_token_ts(t), 1700086400);
  CHECK_INT(eduauth_token_salt(t), 12345678);
  CHECK_INT(eduauth_token_crc_channel_name(t), 276646071u);
  CHECK_INT(eduauth_token_crc_uid(t), 3847331927u);
  CHECK_INT(eduauth_token_service_count(t), 0);
  CHECK_RC(eduauth_token_service_privilege_count(&n, t, 0), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_INT(eduauth_token_privilege_count(t), 1);
  CHECK_OK(eduauth_token_privilege_at(&id, &value, t, 0));
  CHECK_INT(id, 1);
  CHECK_INT(value, 1446455471u); /* absolute Unix seconds */
  CHECK_RC(eduauth_token_privilege_at(&id, &value, t, 1), EDUAUTH_E_INVALID_ARGUMENT);
  /* C-03: 006 expiry is the earliest of ts and the absolute privilege values. */
  CHECK_INT(eduauth_token_expires_at(t), 1446455471);
  eduauth_token_free(t);

  /* A privilege value 0 sets no limit of its own: ts bounds the token. */
  CHECK_OK(eduauth_token_decode(&t, RTM_006));
  CHECK_OK(eduauth_token_privilege_at(&id, &value, t, 0));
  CHECK_INT(id, 1000);
  CHECK_INT(value, 0);
  CHECK_INT(eduauth_token_expires_at(t), 1700086400);
  eduauth_token_free(t);
}

static void test_to_json(void) {
  eduauth_token *t = NULL;
  char *json = NULL, *pretty = NULL;
  CHECK_OK(eduauth_token_decode(&t, EDU_ROOM_USER));
  CHECK_OK(eduauth_token_to_json(&json, t));
  CHECK(json != NULL && json[0] == '{' && strchr(json, '\n') == NULL);
  CHECK_CONTAINS(json, "\"app_id\":\"" TEST_APP_ID "\"");
  CHECK_CONTAINS(json, "\"issue_ts\":1700000000");
  CHECK_CONTAINS(json, "\"expires_at\":1700000600");
  CHECK_CONTAINS(json, "\"room_uuid\":\"room-0001\"");
  CHECK_CONTAINS(json, "\"role\":2");
  CHECK_OK(eduauth_token_to_json_pretty(&pretty, t, 2));
  CHECK(pretty != NULL && strchr(pretty, '\n') != NULL);
  CHECK_CONTAINS(pretty, "\"salt\": 12345678");
  eduauth_string_free(json);
  CHECK_RC(eduauth_token_to_json_pretty(&json, t, 17), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(json == NULL);
  CHECK_RC(eduauth_token_to_json(&json, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_to_json(NULL, t), EDUAUTH_E_INVALID_ARGUMENT);
  eduauth_string_free(pretty);
  eduauth_token_free(t);
}

static void test_verify(void) {
  eduauth_token *t = NULL, *t6 = NULL;
  CHECK_OK(eduauth_token_decode(&t, EDU_ROOM_USER));
  CHECK_OK(eduauth_token_verify(t, TEST_APP_CERT));
  /* v007-02 / v007-04: another certificate, or the same one in another case, does not verify. */
  CHECK_RC(eduauth_token_verify(t, "5CFd2fd1755d40ecb72977518be15d30"), EDUAUTH_E_SIGNATURE_MISMATCH);
  CHECK_CONTAINS(eduauth_error_last(), "sha256:");
  CHECK(strstr(eduauth_error_last(), "5CFd2fd1755d40ecb72977518be15d30") == NULL); /* never the secret */
  CHECK_RC(eduauth_token_verify(t, "5cfd2fd1755d40ecb72977518be15d3b"), EDUAUTH_E_SIGNATURE_MISMATCH);
  CHECK_RC(eduauth_token_verify(t, "5CFd2fd1755d40ecb72977518be15d3"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_verify(t, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_verify(NULL, TEST_APP_CERT), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_token_verify_006(t, TEST_APP_CERT, "c", ""), EDUAUTH_E_INVALID_ARGUMENT);

  CHECK_OK(eduauth_token_decode(&t6, RTC_006));
  CHECK_RC(eduauth_token_verify(t6, TEST_APP_CERT), EDUAUTH_E_INVALID_ARGUMENT); /* needs channel + uid */
  CHECK_OK(eduauth_token_verify_006(t6, TEST_APP_CERT, CHANNEL, "2882341273"));
  CHECK_OK(eduauth_token_verify_006_uid(t6, TEST_APP_CERT, CHANNEL, 2882341273u));
  CHECK_RC(eduauth_token_verify_006_uid(t6, TEST_APP_CERT, CHANNEL, 2882341274u), EDUAUTH_E_SIGNATURE_MISMATCH);
  CHECK_RC(eduauth_token_verify_006(t6, TEST_APP_CERT, "other", "2882341273"), EDUAUTH_E_SIGNATURE_MISMATCH);
  CHECK_RC(eduauth_token_verify_006(t6, TEST_APP_CERT, CHANNEL, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  eduauth_token_free(t6);

  /* RTM 006 (v006-05 rule): channel = user account, uid = "". */
  CHECK_OK(eduauth_token_decode(&t6, RTM_006));
  CHECK_OK(eduauth_token_verify_006(t6, TEST_APP_CERT, "test_user", ""));
  CHECK_RC(eduauth_token_verify_006(t6, TEST_APP_CERT, "", "test_user"), EDUAUTH_E_SIGNATURE_MISMATCH);
  eduauth_token_free(t6);
  eduauth_token_free(t);
}

/* C-01: only the numeric uid 0 is "any user" (empty account); "0" is another identity. */
static void test_c01_uid_zero_vs_account_zero(void) {
  char *by_uid = NULL, *by_account = NULL, *by_empty = NULL;
  eduauth_token *t = NULL;
  const char *account = NULL;
  CHECK_OK(eduauth_build_rtc006_token_with_uid_at(&by_uid, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 0, 1, 0,
                                                  1700000000u, 7u));
  CHECK_OK(eduauth_build_rtc006_token_with_account_at(&by_account, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "0", 1, 0,
                                                      1700000000u, 7u));
  CHECK_OK(eduauth_build_rtc006_token_with_account_at(&by_empty, TEST_APP_ID, TEST_APP_CERT, CHANNEL, "", 1, 0,
                                                      1700000000u, 7u));
  CHECK(strcmp(by_uid, by_account) != 0);
  CHECK_STR(by_uid, by_empty);
  CHECK_OK(eduauth_token_decode(&t, by_uid));
  CHECK_INT(eduauth_token_crc_uid(t), 0);
  CHECK_OK(eduauth_token_verify_006_uid(t, TEST_APP_CERT, CHANNEL, 0));
  CHECK_OK(eduauth_token_verify_006(t, TEST_APP_CERT, CHANNEL, ""));
  CHECK_RC(eduauth_token_verify_006(t, TEST_APP_CERT, CHANNEL, "0"), EDUAUTH_E_SIGNATURE_MISMATCH);
  eduauth_token_free(t);
  eduauth_string_free(by_uid);
  eduauth_string_free(by_account);
  eduauth_string_free(by_empty);

  CHECK_OK(eduauth_build_rtc_token_with_uid_at(&by_uid, TEST_APP_ID, TEST_APP_CERT, CHANNEL, 0, 1, 600, 600,
                                               1700000000u, 7u));
  CHECK_OK(eduauth_token_decode(&t, by_uid));
  CHECK_OK(eduauth_token_service_account(&account, t, 0));
  CHECK_STR(account, "");
  eduauth_token_free(t);
  eduauth_string_free(by_uid);
}

/* C-03: 006 privilege values are absolute; a value of 100000 means 1970-01-02T03:46:40Z. */
static void test_c03_006_absolute_expiry(void) {
  char *token = NULL;
  eduauth_token *t = NULL;
  CHECK_OK(eduauth_build_rtm006_token_at(&token, TEST_APP_ID, TEST_APP_CERT, "test_user", 100000u, 1700000000u, 1u));
  CHECK_OK(eduauth_token_decode(&t, token));
  CHECK_INT(eduauth_token_expires_at(t), 100000);
  CHECK(eduauth_token_expires_at(t) < 1700000000); /* expired long ago */
  eduauth_token_free(t);
  eduauth_string_free(token);
}

/* 64-bit expiry: issue_ts + expire passes 2^32 (p007-rtm-08: issue_ts 4294967295, expire 86400). */
static void test_expiry_is_64_bit(void) {
  char *token = NULL;
  eduauth_token *t = NULL;
  CHECK_OK(eduauth_build_rtm_token_at(&token, TEST_APP_ID, TEST_APP_CERT, "test_user", 86400u, 4294967295u,
                                      12345678u));
  CHECK_OK(eduauth_token_decode(&t, token));
  CHECK_INT(eduauth_token_expires_at(t), INT64_C(4294967295) + 86400);
  eduauth_token_free(t);
  eduauth_string_free(token);
  /* expire 0 means no lifetime: expires at issue_ts. */
  CHECK_OK(eduauth_build_education_app_token_at(&token, TEST_APP_ID, TEST_APP_CERT, 0u, 1700000000u, 1u));
  CHECK_OK(eduauth_token_decode(&t, token));
  CHECK_INT(eduauth_token_expires_at(t), 1700000000);
  eduauth_token_free(t);
  eduauth_string_free(token);
}

/* C-05: a token that still carries JSON escapes is refused, naming the character and offset. */
static void test_c05_json_escaped_token(void) {
  char escaped[400];
  eduauth_token *t = NULL;
  const char *slash = strchr(EDU_ROOM_USER, '/');
  size_t prefix = (size_t)(slash - EDU_ROOM_USER);
  CHECK(slash != NULL);
  memcpy(escaped, EDU_ROOM_USER, prefix);
  escaped[prefix] = '\\';
  strcpy(escaped + prefix + 1, slash);
  CHECK_RC(eduauth_token_decode(&t, escaped), EDUAUTH_E_MALFORMED_TOKEN);
  CHECK(t == NULL);
  CHECK_CONTAINS(eduauth_error_last(), "\\");
  printf("  C-05 message: %s\n", eduauth_error_last());
}

/* C-06: truncated and junk inputs fail with an error; a failed decode exposes nothing. */
static void test_c06_robustness(void) {
  static const char *bad[] = {"", "007", "007AAAA", "006", "006970CA35de60c44645bbae8a215061b33",
                              "006970CA35de60c44645bbae8a215061b33IACFmpswaWjsHblaZ+ha1oKNvnzvNJjZ0NHbkXY57hrNe7",
                              "007eJxTYOB59a5sg3NC9NUnUq", " 007eJxTYOB59a5", "007!!!!####$$$$"};
  size_t i;
  eduauth_token *good = NULL;
  CHECK_OK(eduauth_token_decode(&good, EDU_ROOM_USER));
  for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
    eduauth_token *t = good; /* a previous successful result must not leak through */
    int rc = eduauth_token_decode(&t, bad[i]);
    CHECK(rc == EDUAUTH_E_MALFORMED_TOKEN || rc == EDUAUTH_E_UNSUPPORTED_VERSION);
    CHECK(t == NULL);
    CHECK(eduauth_error_last()[0] != '\0');
  }
  /* The earlier token is untouched by the failures (only the out parameter was reset). */
  CHECK_STR(eduauth_token_app_id(good), TEST_APP_ID);
  eduauth_token_free(good);
}

static void test_chat_user_id(void) {
  char *id = NULL;
  CHECK_OK(eduauth_chat_user_id(&id, "user-0001"));
  CHECK_STR(id, "6322bd3dea79f605aa8380cef52770f3");
  eduauth_string_free(id);
  CHECK_OK(eduauth_chat_user_id(&id, ""));
  CHECK_STR(id, "d41d8cd98f00b204e9800998ecf8427e");
  eduauth_string_free(id);
  CHECK_RC(eduauth_chat_user_id(&id, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK(id == NULL);
}

int main(void) {
  C_TEST_RUN(test_decode_education_room_user);
  C_TEST_RUN(test_service_accessor_errors);
  C_TEST_RUN(test_decode_rtc_uid);
  C_TEST_RUN(test_decode_006);
  C_TEST_RUN(test_to_json);
  C_TEST_RUN(test_verify);
  C_TEST_RUN(test_c01_uid_zero_vs_account_zero);
  C_TEST_RUN(test_c03_006_absolute_expiry);
  C_TEST_RUN(test_expiry_is_64_bit);
  C_TEST_RUN(test_c05_json_escaped_token);
  C_TEST_RUN(test_c06_robustness);
  C_TEST_RUN(test_chat_user_id);
  return c_test_finish();
}
