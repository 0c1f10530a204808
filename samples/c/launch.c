/*
 * eduauth-launch-c — the launcher flow in plain C over the stable C API:
 *   1. ask the app's token server for a classroom token (room, user, role),
 *   2. check what came back (decode: app ID, expiry),
 *   3. build the launchOption JSON the classroom client is launched with (validated, and
 *      checked against the token: appId, userUuid, roomUuid, roleType),
 *   4. print it on stdout; progress goes to stderr. Tokens are never printed there, only
 *      their fingerprints.
 *
 * usage: eduauth-launch-c --server URL [--room R] [--user U] [--role ROLE] [--user-name S]
 *                         [--room-name S] [--room-type TYPE] [--duration SECONDS]
 *                         [--profile web|web-2.8] [--preset education|rtm|...]
 * ROLE and TYPE take the names eduauth-launch takes (teacher, student, ..., small, lecture, ...)
 * or their numbers; every number must be the whole argument and in range.
 * Exit status (as eduauth-launch): 0 on success, 2 on a usage error (the message names the
 * option and value), 3 when getting the token fails, 4 when the launchOption is refused.
 */
#include <eduauth.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct options {
  const char *server, *preset, *room, *user, *user_name, *room_name, *profile;
  int32_t role, room_type;
  int64_t duration_s;
};

enum { EXIT_USAGE = 2, EXIT_FETCH = 3, EXIT_LAUNCH = 4 };

static const char usage_text[] =
    "usage: eduauth-launch-c --server URL [--room R] [--user U] [--role ROLE] [--user-name S]\n"
    "       [--room-name S] [--room-type TYPE] [--duration SECONDS] [--profile web|web-2.8]\n"
    "       [--preset education|rtm|generic|agora-demo]\n"
    "  --role       teacher|student|assistant|observer|audience|invisible|none or -1..4 (default teacher)\n"
    "  --room-type  one-to-one|lecture|small or 0|2|4 (default small)\n"
    "  --duration   class length in SECONDS, 1..86400 (default 1800)\n"
    "Exit: 0 ok, 2 bad arguments, 3 token fetch failed, 4 launchOption invalid or token mismatch.\n";

/* A usage error: the reason, then the usage text, on stderr. */
static int usage_error(const char *option, const char *value, const char *why) {
  if (value != NULL)
    fprintf(stderr, "eduauth-launch-c: %s: \"%s\" %s\n", option, value, why);
  else
    fprintf(stderr, "eduauth-launch-c: %s %s\n", option, why);
  fputs(usage_text, stderr);
  return EXIT_USAGE;
}

/* Prints the failing step with eduauth's own message and returns the exit status. */
static int failed(const char *step, int rc, int exit_status) {
  fprintf(stderr, "eduauth-launch-c: %s failed: %s: %s\n", step, eduauth_status_name(rc), eduauth_error_last());
  return exit_status;
}

/* ASCII case-insensitive equality (strcasecmp is POSIX, not C99). */
static int same_name(const char *a, const char *b) {
  for (; *a != '\0' && *b != '\0'; ++a, ++b) {
    char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
    if (x != *b) return 0;
  }
  return *a == *b;
}

/* Parses a whole decimal integer in [lo, hi]; 1 on success. "2x", "", " 2" and overflow fail. */
static int parse_int(const char *text, int64_t lo, int64_t hi, int64_t *out) {
  char *end = NULL;
  long long v;
  if (text[0] == '\0' || text[0] == ' ' || text[0] == '\t' || text[0] == '+') return 0;
  errno = 0;
  v = strtoll(text, &end, 10);
  if (errno != 0 || end == NULL || *end != '\0' || v < lo || v > hi) return 0;
  *out = (int64_t)v;
  return 1;
}

struct named_value {
  const char *name;
  int32_t value;
};

/* The names eduauth-launch accepts (sdk/src/launch/enums.cpp parse_role / parse_room_type). */
static const struct named_value role_names[] = {
    {"teacher", EDUAUTH_ROLE_TEACHER},     {"student", EDUAUTH_ROLE_STUDENT},
    {"assistant", EDUAUTH_ROLE_ASSISTANT}, {"observer", EDUAUTH_ROLE_OBSERVER},
    {"audience", EDUAUTH_ROLE_INVISIBLE},  {"invisible", EDUAUTH_ROLE_INVISIBLE},
    {"none", EDUAUTH_ROLE_NONE},           {NULL, 0}};
static const struct named_value room_type_names[] = {
    {"one-to-one", EDUAUTH_ROOM_ONE_TO_ONE},     {"one_to_one", EDUAUTH_ROOM_ONE_TO_ONE},
    {"1v1", EDUAUTH_ROOM_ONE_TO_ONE},            {"lecture", EDUAUTH_ROOM_LECTURE_HALL},
    {"lecture-hall", EDUAUTH_ROOM_LECTURE_HALL}, {"lecture_hall", EDUAUTH_ROOM_LECTURE_HALL},
    {"big", EDUAUTH_ROOM_LECTURE_HALL},          {"small", EDUAUTH_ROOM_SMALL_CLASS},
    {"small-class", EDUAUTH_ROOM_SMALL_CLASS},   {"small_class", EDUAUTH_ROOM_SMALL_CLASS},
    {NULL, 0}};

static int parse_role(const char *text, int32_t *out) {
  const struct named_value *n;
  int64_t v;
  for (n = role_names; n->name != NULL; ++n)
    if (same_name(text, n->name)) {
      *out = n->value;
      return 1;
    }
  if (!parse_int(text, EDUAUTH_ROLE_NONE, EDUAUTH_ROLE_OBSERVER, &v)) return 0;
  *out = (int32_t)v;
  return 1;
}

static int parse_room_type(const char *text, int32_t *out) {
  const struct named_value *n;
  int64_t v;
  for (n = room_type_names; n->name != NULL; ++n)
    if (same_name(text, n->name)) {
      *out = n->value;
      return 1;
    }
  if (!parse_int(text, 0, 4, &v) || v == 1 || v == 3) return 0;
  *out = (int32_t)v;
  return 1;
}

/* 0 when the options are usable, -1 after --help (usage printed on stdout), or the usage exit status. */
static int parse(int argc, char **argv, struct options *o) {
  int i;
  o->server = NULL;
  o->preset = "education";
  o->room = "demo-room";
  o->user = "demo-teacher";
  o->user_name = "Demo Teacher";
  o->room_name = "Demo Class";
  o->profile = "web";
  o->role = EDUAUTH_ROLE_TEACHER;
  o->room_type = EDUAUTH_ROOM_SMALL_CLASS;
  o->duration_s = 1800;
  for (i = 1; i < argc; ++i) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage_text, stdout);
      return -1;
    }
    if (strncmp(a, "--", 2) != 0) return usage_error(a, NULL, "is not an option");
    if (strcmp(a, "--server") != 0 && strcmp(a, "--preset") != 0 && strcmp(a, "--room") != 0 &&
        strcmp(a, "--user") != 0 && strcmp(a, "--user-name") != 0 && strcmp(a, "--room-name") != 0 &&
        strcmp(a, "--profile") != 0 && strcmp(a, "--role") != 0 && strcmp(a, "--room-type") != 0 &&
        strcmp(a, "--duration") != 0)
      return usage_error(a, NULL, "is not a known option");
    if (v == NULL) return usage_error(a, NULL, "needs a value");
    if (strcmp(a, "--server") == 0) o->server = v;
    else if (strcmp(a, "--preset") == 0) o->preset = v;
    else if (strcmp(a, "--room") == 0) o->room = v;
    else if (strcmp(a, "--user") == 0) o->user = v;
    else if (strcmp(a, "--user-name") == 0) o->user_name = v;
    else if (strcmp(a, "--room-name") == 0) o->room_name = v;
    else if (strcmp(a, "--profile") == 0) o->profile = v;
    else if (strcmp(a, "--role") == 0) {
      if (!parse_role(v, &o->role))
        return usage_error(a, v, "is not a role (teacher, student, assistant, observer, audience, invisible, "
                                 "none, or -1..4)");
    } else if (strcmp(a, "--room-type") == 0) {
      if (!parse_room_type(v, &o->room_type))
        return usage_error(a, v, "is not a room type (one-to-one, lecture, small, or 0, 2, 4)");
    } else if (!parse_int(v, 1, 86400, &o->duration_s)) {
      return usage_error(a, v, "is not a whole number of seconds in 1..86400");
    }
    ++i;
  }
  return o->server ? 0 : usage_error("--server", NULL, "is required");
}

int main(int argc, char **argv) {
  struct options o;
  eduauth_client_config *config = NULL;
  eduauth_client *client = NULL;
  eduauth_token *decoded = NULL;
  eduauth_launch_option *launch = NULL;
  eduauth_event *event = NULL;
  char *token = NULL, *fingerprint = NULL, *json = NULL;
  int64_t expires_at = 0;
  int rc, status = EXIT_FETCH;

  if ((rc = parse(argc, argv, &o)) != 0) return rc < 0 ? 0 : rc;
  fprintf(stderr, "eduauth %s\n", eduauth_version());

  /* 1. The token client for the app's token server. */
  if ((rc = eduauth_client_config_new(&config)) != EDUAUTH_OK) return failed("client config", rc, EXIT_FETCH);
  if ((rc = eduauth_client_config_set_server_url(config, o.server)) != EDUAUTH_OK ||
      (rc = eduauth_client_config_set_preset(config, o.preset)) != EDUAUTH_OK) {
    status = failed("client config", rc, EXIT_FETCH);
    goto done;
  }
  if ((rc = eduauth_client_new(&client, config)) != EDUAUTH_OK) {
    status = failed("client", rc, EXIT_FETCH);
    goto done;
  }
  rc = eduauth_client_get_token(&token, &expires_at, client, o.room, o.user, o.role, 15000);
  if (rc != EDUAUTH_OK) {
    status = failed("fetching the token", rc, EXIT_FETCH);
    goto done;
  }

  /* 2. What came back. */
  if ((rc = eduauth_token_decode(&decoded, token)) != EDUAUTH_OK) {
    status = failed("decoding the token", rc, EXIT_FETCH);
    goto done;
  }
  eduauth_fingerprint(&fingerprint, token);
  fprintf(stderr, "token %s for app %s, version %d, expires at %lld (Unix s)\n", fingerprint,
          eduauth_token_app_id(decoded), (int)eduauth_token_version(decoded), (long long)expires_at);
  if (eduauth_client_next_event(&event, client, 0) == EDUAUTH_OK) {
    fprintf(stderr, "event: %s for %s/%s\n", eduauth_event_type_name(eduauth_event_type(event)),
            eduauth_event_room_uuid(event), eduauth_event_user_uuid(event));
    eduauth_event_free(event);
  }

  /* 3. The launchOption, checked against the token. */
  if ((rc = eduauth_launch_option_new(&launch)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_profile(launch, o.profile)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_user_uuid(launch, o.user)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_user_name(launch, o.user_name)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_room_uuid(launch, o.room)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_room_name(launch, o.room_name)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_role_type(launch, o.role)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_room_type(launch, o.room_type)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_language(launch, "en")) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_duration_s(launch, o.duration_s)) != EDUAUTH_OK ||
      (rc = eduauth_launch_option_set_token(launch, token)) != EDUAUTH_OK) {
    status = failed("filling the launchOption", rc, EXIT_LAUNCH);
    goto done;
  }
  if ((rc = eduauth_launch_option_build(&json, launch)) != EDUAUTH_OK) {
    status = failed("building the launchOption", rc, EXIT_LAUNCH);
    goto done;
  }

  /* 4. The launchOption JSON for AgoraEduSDK.launch(). */
  printf("%s\n", json);
  status = 0;

done:
  eduauth_string_free(json);
  eduauth_launch_option_free(launch);
  eduauth_string_free(fingerprint);
  eduauth_token_free(decoded);
  eduauth_string_free(token);
  eduauth_client_free(client);
  eduauth_client_config_free(config);
  return status;
}
