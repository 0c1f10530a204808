/* C API: the launchOption builder — typed setters, JSON setter, profiles, validation and the
 * consistency check with the token (case C-14), byte limits (C-08), token lifetime. */
#include "c_test.h"

#define ISSUE 1700000000u
#define NOW 1700000100 /* 100 s after issue: a 3600 s token has 3500 s left */

static char *room_user_token(const char *room, const char *user, int32_t role) {
  char *token = NULL;
  CHECK_OK(eduauth_build_education_room_user_token_at(&token, TEST_APP_ID, TEST_APP_CERT, room, user, role, 3600,
                                                      ISSUE, 42u));
  return token;
}

/* The C-14 inputs: userUuid test_user, roomUuid 123, roleType 1. */
static eduauth_launch_option *c14_option(const char *token) {
  eduauth_launch_option *o = NULL;
  CHECK_OK(eduauth_launch_option_new(&o));
  CHECK_OK(eduauth_launch_option_set_user_uuid(o, "test_user"));
  CHECK_OK(eduauth_launch_option_set_user_name(o, "Teacher Li"));
  CHECK_OK(eduauth_launch_option_set_room_uuid(o, "123"));
  CHECK_OK(eduauth_launch_option_set_room_name(o, "Physics 101"));
  CHECK_OK(eduauth_launch_option_set_role_type(o, EDUAUTH_ROLE_TEACHER));
  CHECK_OK(eduauth_launch_option_set_room_type(o, EDUAUTH_ROOM_SMALL_CLASS));
  CHECK_OK(eduauth_launch_option_set_language(o, "en"));
  CHECK_OK(eduauth_launch_option_set_pretest(o, 0));
  CHECK_OK(eduauth_launch_option_set_duration_s(o, 1800));
  CHECK_OK(eduauth_launch_option_set_token(o, token));
  return o;
}

static void test_build_valid_option(void) {
  char *token = room_user_token("123", "test_user", 1);
  eduauth_launch_option *o = c14_option(token);
  char *json = NULL;
  CHECK_OK(eduauth_launch_option_build_at(&json, o, NOW));
  CHECK_CONTAINS(json, "\"userUuid\":\"test_user\"");
  CHECK_CONTAINS(json, "\"roomUuid\":\"123\"");
  CHECK_CONTAINS(json, "\"roleType\":1");
  CHECK_CONTAINS(json, "\"roomType\":4");
  CHECK_CONTAINS(json, "\"duration\":1800");
  CHECK_CONTAINS(json, "\"pretest\":false");
  CHECK_CONTAINS(json, "\"appId\":\"" TEST_APP_ID "\""); /* filled from the token */
  CHECK_CONTAINS(json, "\"token\":\"007");
  CHECK(strstr(json, "rtmToken") == NULL);
  eduauth_string_free(json);

  /* Profile web-2.8 names the token field rtmToken. */
  CHECK_OK(eduauth_launch_option_set_profile(o, "web-2.8"));
  CHECK_OK(eduauth_launch_option_build_at(&json, o, NOW));
  CHECK_CONTAINS(json, "\"rtmToken\":\"007");
  eduauth_string_free(json);
  CHECK_RC(eduauth_launch_option_set_profile(o, "web-1.0"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "web-1.0");

  /* The clock form judges against the system time: the 2023 token is long expired. */
  CHECK_RC(eduauth_launch_option_build(&json, o), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK(json == NULL);
  eduauth_launch_option_free(o);
  eduauth_string_free(token);
}

static void test_optional_fields(void) {
  char *token = room_user_token("123", "test_user", 1);
  eduauth_launch_option *o = c14_option(token);
  char *json = NULL;
  CHECK_OK(eduauth_launch_option_set_app_id(o, TEST_APP_ID));
  CHECK_OK(eduauth_launch_option_set_region(o, "ap"));
  CHECK_OK(eduauth_launch_option_set_start_time_ms(o, INT64_C(1700000400000)));
  CHECK_OK(eduauth_launch_option_set_record_url(o, "https://example.com/record"));
  CHECK_OK(eduauth_launch_option_set_record_retry_timeout_ms(o, 5000));
  CHECK_OK(eduauth_launch_option_set_latency_level(o, 1));
  CHECK_OK(eduauth_launch_option_set_platform(o, "H5"));
  CHECK_OK(eduauth_launch_option_set_ui_mode(o, "dark"));
  CHECK_OK(eduauth_launch_option_set_share_url(o, "https://example.com/join"));
  CHECK_OK(eduauth_launch_option_set_webrtc_extension_base_url(o, "https://example.com/ext"));
  CHECK_OK(eduauth_launch_option_set_rtc_cloud_proxy_type(o, 2));
  CHECK_OK(eduauth_launch_option_set_rtm_cloud_proxy_enabled(o, 1));
  CHECK_OK(eduauth_launch_option_set_pretest(o, 1));
  CHECK_OK(eduauth_launch_option_set_language(o, "zh"));
  CHECK_OK(eduauth_launch_option_set_json(
      o, "courseWareList",
      "[{\"resourceName\":\"intro.pdf\",\"resourceUuid\":\"cw-1\",\"ext\":\"pdf\",\"size\":1024,"
      "\"updateTime\":1700000000000,\"url\":\"https://example.com/intro.pdf\"}]"));
  CHECK_OK(eduauth_launch_option_set_json(o, "userFlexProperties", "{\"grade\":5}"));
  CHECK_OK(eduauth_launch_option_set_json(
      o, "mediaOptions", "{\"cameraEncoderConfiguration\":{\"width\":640,\"height\":480,\"frameRate\":15,\"bitrate\":600}}"));
  CHECK_OK(eduauth_launch_option_set_json(o, "virtualBackgroundImages", "[\"https://example.com/bg.png\"]"));
  CHECK_OK(eduauth_launch_option_build_at(&json, o, NOW));
  CHECK_CONTAINS(json, "\"region\":\"AP\"");
  CHECK_CONTAINS(json, "\"startTime\":1700000400000");
  CHECK_CONTAINS(json, "\"platform\":\"H5\"");
  CHECK_CONTAINS(json, "\"uiMode\":\"dark\"");
  CHECK_CONTAINS(json, "\"language\":\"zh\"");
  CHECK_CONTAINS(json, "\"latencyLevel\":1");
  CHECK_CONTAINS(json, "\"rtcCloudProxyType\":2");
  CHECK_CONTAINS(json, "\"rtmCloudProxyEnabled\":true");
  CHECK_CONTAINS(json, "\"recordRetryTimeout\":5000");
  CHECK_CONTAINS(json, "\"resourceUuid\":\"cw-1\"");
  CHECK_CONTAINS(json, "\"userFlexProperties\":{\"grade\":5}");
  CHECK_CONTAINS(json, "\"frameRate\":15");
  CHECK_CONTAINS(json, "bg.png");
  eduauth_string_free(json);

  /* Setter-level errors: unknown enum strings, unknown JSON fields, wrong JSON kinds. */
  CHECK_RC(eduauth_launch_option_set_language(o, "fr"), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_CONTAINS(eduauth_error_last(), "fr");
  CHECK_RC(eduauth_launch_option_set_region(o, "MARS"), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_RC(eduauth_launch_option_set_platform(o, "TV"), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_RC(eduauth_launch_option_set_ui_mode(o, "blue"), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_RC(eduauth_launch_option_set_json(o, "listener", "{}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "listener");
  CHECK_RC(eduauth_launch_option_set_json(o, "courseWareList", "{}"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_set_json(o, "mediaOptions", "not json"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_set_json(o, NULL, "{}"), EDUAUTH_E_INVALID_ARGUMENT);
  eduauth_launch_option_free(o);
  eduauth_string_free(token);
}

/* C-14: a token bound to another user, room or role fails naming the field and both values. */
static void test_c14_token_bound_to_another_user(void) {
  static const struct {
    const char *room, *user;
    int32_t role;
    const char *field, *theirs;
  } cases[] = {{"123", "someone_else", 1, "userUuid", "someone_else"},
               {"456", "test_user", 1, "roomUuid", "456"},
               {"123", "test_user", 2, "roleType", "2"}};
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    char *token = room_user_token(cases[i].room, cases[i].user, cases[i].role);
    eduauth_launch_option *o = c14_option(token);
    char *json = (char *)"sentinel";
    CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_LAUNCH_TOKEN_MISMATCH);
    CHECK(json == NULL);
    CHECK_CONTAINS(eduauth_error_last(), cases[i].field);
    CHECK_CONTAINS(eduauth_error_last(), cases[i].theirs);
    CHECK(strstr(eduauth_error_last(), token) == NULL); /* the token itself is never echoed */
    if (i == 0) printf("  C-14 message: %s\n", eduauth_error_last());
    eduauth_launch_option_free(o);
    eduauth_string_free(token);
  }
  {
    /* Another app ID set explicitly. */
    char *token = room_user_token("123", "test_user", 1);
    eduauth_launch_option *o = c14_option(token);
    char *json = NULL;
    CHECK_OK(eduauth_launch_option_set_app_id(o, "a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_LAUNCH_TOKEN_MISMATCH);
    CHECK_CONTAINS(eduauth_error_last(), "appId");
    eduauth_launch_option_free(o);
    eduauth_string_free(token);
  }
  {
    /* An empty token is an error, and an undecodable one too. */
    eduauth_launch_option *o = c14_option("");
    char *json = NULL;
    CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
    CHECK_CONTAINS(eduauth_error_last(), "token");
    CHECK_OK(eduauth_launch_option_set_token(o, "007garbage"));
    CHECK(eduauth_launch_option_build_at(&json, o, NOW) != EDUAUTH_OK);
    eduauth_launch_option_free(o);
  }
}

/* A legacy 006 RTM token for the user passes the checks that apply to it (appId, RTM layout). */
static void test_006_rtm_token(void) {
  char *token = NULL, *json = NULL;
  eduauth_launch_option *o;
  CHECK_OK(eduauth_build_rtm006_token_at(&token, TEST_APP_ID, TEST_APP_CERT, "test_user", 0, ISSUE, 7u));
  o = c14_option(token);
  CHECK_OK(eduauth_launch_option_set_profile(o, "web-2.8"));
  CHECK_OK(eduauth_launch_option_build_at(&json, o, NOW));
  CHECK_CONTAINS(json, "\"rtmToken\":\"006");
  eduauth_string_free(json);
  eduauth_string_free(token);
  /* C-04: a 006 RTC token with the user in the uid slot is not an RTM login for that user. */
  CHECK_OK(eduauth_build_rtc006_token_with_account_at(&token, TEST_APP_ID, TEST_APP_CERT, "123", "test_user", 1, 0,
                                                      ISSUE, 7u));
  CHECK_OK(eduauth_launch_option_set_token(o, token));
  CHECK(eduauth_launch_option_build_at(&json, o, NOW) != EDUAUTH_OK);
  CHECK(json == NULL);
  eduauth_launch_option_free(o);
  eduauth_string_free(token);
}

static void test_field_rules(void) {
  char *token = room_user_token("123", "test_user", 1);
  eduauth_launch_option *o = c14_option(token);
  char *json = NULL;
  /* Several problems are reported together, each naming its field. */
  CHECK_OK(eduauth_launch_option_set_user_name(o, ""));
  CHECK_OK(eduauth_launch_option_set_room_type(o, 6));
  CHECK_OK(eduauth_launch_option_set_duration_s(o, 0));
  CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_CONTAINS(eduauth_error_last(), "userName");
  CHECK_CONTAINS(eduauth_error_last(), "roomType");
  CHECK_CONTAINS(eduauth_error_last(), "duration");
  CHECK_OK(eduauth_launch_option_set_user_name(o, "Teacher Li"));
  CHECK_OK(eduauth_launch_option_set_room_type(o, EDUAUTH_ROOM_LECTURE_HALL));
  CHECK_OK(eduauth_launch_option_set_duration_s(o, 86400 + 1));
  CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_OK(eduauth_launch_option_set_duration_s(o, 1800));
  CHECK_OK(eduauth_launch_option_set_role_type(o, 7));
  CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_CONTAINS(eduauth_error_last(), "roleType");
  eduauth_launch_option_free(o);
  eduauth_string_free(token);
}

/* C-08: "< 64 bytes" counts UTF-8 bytes: 21 CJK characters (63 bytes) pass, 22 (66) fail. */
static void test_c08_byte_limits(void) {
  char name[80];
  char *token = room_user_token("123", "test_user", 1);
  eduauth_launch_option *o = c14_option(token);
  char *json = NULL;
  int i;
  name[0] = '\0';
  for (i = 0; i < 21; ++i) strcat(name, "\xe8\x80\x81"); /* 老 */
  CHECK_INT(strlen(name), 63);
  CHECK_OK(eduauth_launch_option_set_room_name(o, name));
  CHECK_OK(eduauth_launch_option_build_at(&json, o, NOW));
  eduauth_string_free(json);
  strcat(name, "\xe8\x80\x81");
  CHECK_OK(eduauth_launch_option_set_room_name(o, name));
  CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_CONTAINS(eduauth_error_last(), "roomName");
  eduauth_launch_option_free(o);
  eduauth_string_free(token);
}

struct warn_capture {
  int warnings;
  char last[512];
};

static void capture(void *user_data, int32_t level, const char *message) {
  struct warn_capture *c = (struct warn_capture *)user_data;
  if (level == EDUAUTH_LOG_WARN) {
    c->warnings++;
    snprintf(c->last, sizeof c->last, "%s", message);
  }
}

/* The token must last the class: a warning by default, an error on request; expired fails. */
static void test_token_lifetime(void) {
  char *token = room_user_token("123", "test_user", 1);
  eduauth_launch_option *o = c14_option(token);
  char *json = NULL;
  struct warn_capture cap;
  memset(&cap, 0, sizeof cap);
  CHECK_OK(eduauth_log_set_sink(capture, &cap, EDUAUTH_LOG_WARN));
  CHECK_OK(eduauth_launch_option_set_duration_s(o, 7200)); /* 3500 s left < 7200 s */
  CHECK_OK(eduauth_launch_option_build_at(&json, o, NOW));
  CHECK(json != NULL);
  CHECK_INT(cap.warnings, 1);
  printf("  lifetime warning: %s\n", cap.last);
  eduauth_string_free(json);
  CHECK_OK(eduauth_log_set_sink(NULL, NULL, EDUAUTH_LOG_OFF));
  CHECK_OK(eduauth_launch_option_set_require_token_lifetime(o, 1));
  CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_OK(eduauth_launch_option_set_require_token_lifetime(o, 0));
  CHECK_OK(eduauth_launch_option_set_duration_s(o, 600));
  CHECK_RC(eduauth_launch_option_build_at(&json, o, ISSUE + 3601), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_INT(cap.warnings, 1); /* no sink any more */
  eduauth_launch_option_free(o);
  eduauth_string_free(token);
}

static void test_null_arguments(void) {
  eduauth_launch_option *o = NULL;
  char *json = NULL;
  CHECK_RC(eduauth_launch_option_new(NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_set_user_uuid(NULL, "u"), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_OK(eduauth_launch_option_new(&o));
  CHECK_RC(eduauth_launch_option_set_user_uuid(o, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_CONTAINS(eduauth_error_last(), "user_uuid is NULL");
  CHECK_RC(eduauth_launch_option_set_token(o, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_set_profile(o, NULL), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_build_at(NULL, o, NOW), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_build_at(&json, NULL, NOW), EDUAUTH_E_INVALID_ARGUMENT);
  CHECK_RC(eduauth_launch_option_set_require_token_lifetime(NULL, 1), EDUAUTH_E_INVALID_ARGUMENT);
  /* An empty option names what is missing. */
  CHECK_RC(eduauth_launch_option_build_at(&json, o, NOW), EDUAUTH_E_INVALID_LAUNCH_OPTION);
  CHECK_CONTAINS(eduauth_error_last(), "userUuid");
  eduauth_launch_option_free(o);
  eduauth_launch_option_free(NULL);
}

int main(void) {
  C_TEST_RUN(test_build_valid_option);
  C_TEST_RUN(test_optional_fields);
  C_TEST_RUN(test_c14_token_bound_to_another_user);
  C_TEST_RUN(test_006_rtm_token);
  C_TEST_RUN(test_field_rules);
  C_TEST_RUN(test_c08_byte_limits);
  C_TEST_RUN(test_token_lifetime);
  C_TEST_RUN(test_null_arguments);
  return c_test_finish();
}
