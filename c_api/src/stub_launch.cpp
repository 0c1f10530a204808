// eduauth C API — launchOption functions while the launch layer (eduauth_launch) is not
// part of the build: same symbols, each fails with EDUAUTH_E_INTERNAL saying so, so the ABI
// does not depend on which layers were built. Replaced by launch.cpp when the layer exists.
#include "guard.hpp"

using namespace eduauth::capi;

namespace {
int unavailable(const char *fn) {
  return fail(EDUAUTH_E_INTERNAL, fn, "this libeduauth was built without the launch layer");
}
} // namespace

extern "C" {

int eduauth_launch_option_new(eduauth_launch_option **out) {
  if (out) *out = nullptr;
  return unavailable(__func__);
}

void eduauth_launch_option_free(eduauth_launch_option * /*option*/) {}

int eduauth_launch_option_set_profile(eduauth_launch_option * /*option*/, const char * /*profile*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_user_uuid(eduauth_launch_option * /*option*/, const char * /*user_uuid*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_user_name(eduauth_launch_option * /*option*/, const char * /*user_name*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_room_uuid(eduauth_launch_option * /*option*/, const char * /*room_uuid*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_room_name(eduauth_launch_option * /*option*/, const char * /*room_name*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_role_type(eduauth_launch_option * /*option*/, int32_t /*role_type*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_room_type(eduauth_launch_option * /*option*/, int32_t /*room_type*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_token(eduauth_launch_option * /*option*/, const char * /*token*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_pretest(eduauth_launch_option * /*option*/, int /*flag*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_language(eduauth_launch_option * /*option*/, const char * /*language*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_duration_s(eduauth_launch_option * /*option*/, int64_t /*seconds*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_app_id(eduauth_launch_option * /*option*/, const char * /*app_id*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_region(eduauth_launch_option * /*option*/, const char * /*region*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_start_time_ms(eduauth_launch_option * /*option*/, int64_t /*unix_ms*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_record_url(eduauth_launch_option * /*option*/, const char * /*url*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_record_retry_timeout_ms(eduauth_launch_option * /*option*/, int64_t /*ms*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_latency_level(eduauth_launch_option * /*option*/, int32_t /*level*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_platform(eduauth_launch_option * /*option*/, const char * /*platform*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_ui_mode(eduauth_launch_option * /*option*/, const char * /*ui_mode*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_share_url(eduauth_launch_option * /*option*/, const char * /*url*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_webrtc_extension_base_url(eduauth_launch_option * /*option*/,
                                                        const char * /*url*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_rtc_cloud_proxy_type(eduauth_launch_option * /*option*/, int32_t /*type*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_rtm_cloud_proxy_enabled(eduauth_launch_option * /*option*/, int /*flag*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_json(eduauth_launch_option * /*option*/, const char * /*field*/,
                                   const char * /*json*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_set_require_token_lifetime(eduauth_launch_option * /*option*/, int /*flag*/) {
  return unavailable(__func__);
}

int eduauth_launch_option_build(char **out_json, const eduauth_launch_option * /*option*/) {
  if (out_json) *out_json = nullptr;
  return unavailable(__func__);
}

int eduauth_launch_option_build_at(char **out_json, const eduauth_launch_option * /*option*/,
                                   int64_t /*now_unix_s*/) {
  if (out_json) *out_json = nullptr;
  return unavailable(__func__);
}

} // extern "C"
