// eduauth C API — event accessors (eduauth_event_*).
#include "client_types.hpp"
#include "guard.hpp"

#define EDUAUTH_SAME_EVENT(c_name, cpp_name)                                                                 \
  static_assert(c_name == static_cast<int>(eduauth::EventType::cpp_name), #c_name " != "                     \
                                                                                  "EventType::" #cpp_name)
EDUAUTH_SAME_EVENT(EDUAUTH_EVENT_TOKEN_REFRESHED, refreshed);
EDUAUTH_SAME_EVENT(EDUAUTH_EVENT_WILL_EXPIRE, will_expire);
EDUAUTH_SAME_EVENT(EDUAUTH_EVENT_REFRESH_FAILED, refresh_failed);
EDUAUTH_SAME_EVENT(EDUAUTH_EVENT_EXPIRED, expired);
EDUAUTH_SAME_EVENT(EDUAUTH_EVENT_REAUTH_REQUIRED, reauth_required);
#undef EDUAUTH_SAME_EVENT

extern "C" {

void eduauth_event_free(eduauth_event *event) {
  delete event;
}

int32_t eduauth_event_type(const eduauth_event *e) {
  return e ? static_cast<int32_t>(e->event.type) : 0;
}

const char *eduauth_event_type_name(int32_t type) {
  if (type < EDUAUTH_EVENT_TOKEN_REFRESHED || type > EDUAUTH_EVENT_REAUTH_REQUIRED) return "unknown";
  return eduauth::event_type_name(static_cast<eduauth::EventType>(type));
}

const char *eduauth_event_room_uuid(const eduauth_event *e) {
  return e ? e->event.key.room_uuid.c_str() : "";
}
const char *eduauth_event_user_uuid(const eduauth_event *e) {
  return e ? e->event.key.user_uuid.c_str() : "";
}
int32_t eduauth_event_role(const eduauth_event *e) {
  return e ? e->event.key.role : 0;
}
const char *eduauth_event_token(const eduauth_event *e) {
  return e ? e->event.token.c_str() : "";
}
const char *eduauth_event_fingerprint(const eduauth_event *e) {
  return e ? e->event.fingerprint.c_str() : "";
}
int64_t eduauth_event_expires_at(const eduauth_event *e) {
  return e ? e->event.expires_at : 0;
}
int64_t eduauth_event_seconds_left(const eduauth_event *e) {
  return e ? e->event.seconds_left : 0;
}
int32_t eduauth_event_status(const eduauth_event *e) {
  return e ? static_cast<int32_t>(e->event.status) : 0;
}
int32_t eduauth_event_http_status(const eduauth_event *e) {
  return e ? e->event.http_status : 0;
}
const char *eduauth_event_message(const eduauth_event *e) {
  return e ? e->event.message.c_str() : "";
}

} // extern "C"
