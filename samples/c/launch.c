/*
 * eduauth-launch-c — the launcher flow in plain C over the stable C API:
 *   1. ask the app's token server for a classroom token (room, user, role),
 *   2. check what came back (decode: app ID, expiry),
 *   3. build the launchOption JSON the classroom client is launched with (validated, and
 *      checked against the token: appId, userUuid, roomUuid, roleType),
 *   4. print it on stdout; progress goes to stderr. Tokens are never printed there, only
 *      their fingerprints.
 *
 * usage: eduauth-launch-c --server URL [--room R] [--user U] [--role N] [--user-name S]
 *                         [--room-name S] [--room-type N] [--duration SECONDS]
 *                         [--profile web|web-2.8] [--preset education|rtm|...]
 * Exit status: 0 on success, 1 on a usage error, 2 when a step fails (the message names it).
 */
#include <eduauth.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct options {
  const char *server, *preset, *room, *user, *user_name, *room_name, *profile;
  int32_t role, room_type;
  int64_t duration_s;
};

static int usage(const char *why) {
  fprintf(stderr, "eduauth-launch-c: %s\n", why);
  fprintf(stderr, "usage: eduauth-launch-c --server URL [--room R] [--user U] [--role N] [--user-name S]\n"
                  "       [--room-name S] [--room-type N] [--duration SECONDS] [--profile web|web-2.8]\n"
                  "       [--preset education|rtm|generic|agora-demo]\n");
  return 1;
}

/* Prints the failing step with eduauth's own message and returns the exit status. */
static int failed(const char *step, int rc) {
  fprintf(stderr, "eduauth-launch-c: %s failed: %s: %s\n", step, eduauth_status_name(rc), eduauth_error_last());
  return 2;
}

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
    if (strcmp(a, "--help") == 0) return usage("help");
    if (v == NULL) return usage("every option takes a value");
    if (strcmp(a, "--server") == 0) o->server = v;
    else if (strcmp(a, "--preset") == 0) o->preset = v;
    else if (strcmp(a, "--room") == 0) o->room = v;
    else if (strcmp(a, "--user") == 0) o->user = v;
    else if (strcmp(a, "--user-name") == 0) o->user_name = v;
    else if (strcmp(a, "--room-name") == 0) o->room_name = v;
    else if (strcmp(a, "--profile") == 0) o->profile = v;
    else if (strcmp(a, "--role") == 0) o->role = (int32_t)atoi(v);
    else if (strcmp(a, "--room-type") == 0) o->room_type = (int32_t)atoi(v);
    else if (strcmp(a, "--duration") == 0) o->duration_s = (int64_t)atol(v);
    else return usage("unknown option");
    ++i;
  }
  return o->server ? 0 : usage("--server is required");
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
  int rc, status = 2;

  if (parse(argc, argv, &o) != 0) return 1;
  fprintf(stderr, "eduauth %s\n", eduauth_version());

  /* 1. The token client for the app's token server. */
  if ((rc = eduauth_client_config_new(&config)) != EDUAUTH_OK) return failed("client config", rc);
  if ((rc = eduauth_client_config_set_server_url(config, o.server)) != EDUAUTH_OK ||
      (rc = eduauth_client_config_set_preset(config, o.preset)) != EDUAUTH_OK) {
    status = failed("client config", rc);
    goto done;
  }
  if ((rc = eduauth_client_new(&client, config)) != EDUAUTH_OK) {
    status = failed("client", rc);
    goto done;
  }
  rc = eduauth_client_get_token(&token, &expires_at, client, o.room, o.user, o.role, 15000);
  if (rc != EDUAUTH_OK) {
    status = failed("fetching the token", rc);
    goto done;
  }

  /* 2. What came back. */
  if ((rc = eduauth_token_decode(&decoded, token)) != EDUAUTH_OK) {
    status = failed("decoding the token", rc);
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
    status = failed("filling the launchOption", rc);
    goto done;
  }
  if ((rc = eduauth_launch_option_build(&json, launch)) != EDUAUTH_OK) {
    status = failed("building the launchOption", rc);
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
