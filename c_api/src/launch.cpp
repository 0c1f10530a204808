// eduauth C API — the launchOption builder (eduauth_launch_option_*), over eduauth/launch.hpp.
#include <string>
#include <vector>

#include "eduauth/launch.hpp"
#include "eduauth/log.hpp"
#include "guard.hpp"

namespace la = eduauth::launch;
using namespace eduauth::capi;

struct eduauth_launch_option {
  la::LaunchOption option;
  const la::Profile *profile = &la::default_profile();
  bool require_token_lifetime = false;
};

namespace {

template <class F> int set(const char *fn, eduauth_launch_option *o, F &&body) {
  return guarded(fn, [&] {
    require(o, "option");
    body(o->option);
    return EDUAUTH_OK;
  });
}

std::string text(const char *p, const char *name) {
  require(p, name);
  return p;
}

int build_json(const char *fn, char **out, const eduauth_launch_option *o, std::optional<int64_t> now) {
  return guarded(fn, [&] {
    require(out, "out_json");
    *out = nullptr;
    require(o, "option");
    la::CheckOptions check;
    check.now_unix_s = now;
    check.require_token_lifetime = o->require_token_lifetime;
    std::vector<la::Issue> warnings;
    const la::LaunchOption built = la::build(o->option, o->option.token, check, &warnings);
    // Warnings (e.g. the token expires before the class ends) go to the log sink; the
    // messages never contain the token itself.
    for (const auto &w : warnings)
      eduauth::log_write(eduauth::LogLevel::warn, "launch", w.message);
    *out = dup_string(la::to_json(built, *o->profile, -1));
    return EDUAUTH_OK;
  });
}

} // namespace

extern "C" {

int eduauth_launch_option_new(eduauth_launch_option **out) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    *out = new eduauth_launch_option();
    return EDUAUTH_OK;
  });
}

void eduauth_launch_option_free(eduauth_launch_option *o) {
  delete o;
}

int eduauth_launch_option_set_profile(eduauth_launch_option *o, const char *profile) {
  return guarded(__func__, [&] {
    require(o, "option");
    o->profile = &la::find_profile(text(profile, "profile"));
    return EDUAUTH_OK;
  });
}

int eduauth_launch_option_set_user_uuid(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.user_uuid = text(v, "user_uuid"); });
}
int eduauth_launch_option_set_user_name(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.user_name = text(v, "user_name"); });
}
int eduauth_launch_option_set_room_uuid(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.room_uuid = text(v, "room_uuid"); });
}
int eduauth_launch_option_set_room_name(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.room_name = text(v, "room_name"); });
}
// Out-of-range numbers are stored as given and reported by build (check() names them).
int eduauth_launch_option_set_role_type(eduauth_launch_option *o, int32_t v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.role_type = static_cast<la::RoleType>(v); });
}
int eduauth_launch_option_set_room_type(eduauth_launch_option *o, int32_t v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.room_type = static_cast<la::RoomType>(v); });
}
int eduauth_launch_option_set_token(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.token = text(v, "token"); });
}
int eduauth_launch_option_set_pretest(eduauth_launch_option *o, int flag) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.pretest = flag != 0; });
}
int eduauth_launch_option_set_language(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.language = la::parse_language(text(v, "language")); });
}
int eduauth_launch_option_set_duration_s(eduauth_launch_option *o, int64_t seconds) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.duration_s = seconds; });
}
int eduauth_launch_option_set_app_id(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.app_id = text(v, "app_id"); });
}
int eduauth_launch_option_set_region(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.region = la::parse_region(text(v, "region")); });
}
int eduauth_launch_option_set_start_time_ms(eduauth_launch_option *o, int64_t unix_ms) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.start_time_ms = unix_ms; });
}
int eduauth_launch_option_set_record_url(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.record_url = text(v, "url"); });
}
int eduauth_launch_option_set_record_retry_timeout_ms(eduauth_launch_option *o, int64_t ms) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.record_retry_timeout_ms = ms; });
}
int eduauth_launch_option_set_latency_level(eduauth_launch_option *o, int32_t level) {
  return set(__func__, o,
             [&](la::LaunchOption &l) { l.latency_level = static_cast<la::LatencyLevel>(level); });
}
int eduauth_launch_option_set_platform(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.platform = la::parse_platform(text(v, "platform")); });
}
int eduauth_launch_option_set_ui_mode(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.ui_mode = la::parse_ui_mode(text(v, "ui_mode")); });
}
int eduauth_launch_option_set_share_url(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.share_url = text(v, "url"); });
}
int eduauth_launch_option_set_webrtc_extension_base_url(eduauth_launch_option *o, const char *v) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.webrtc_extension_base_url = text(v, "url"); });
}
int eduauth_launch_option_set_rtc_cloud_proxy_type(eduauth_launch_option *o, int32_t type) {
  return set(__func__, o,
             [&](la::LaunchOption &l) { l.rtc_cloud_proxy_type = static_cast<la::CloudProxyType>(type); });
}
int eduauth_launch_option_set_rtm_cloud_proxy_enabled(eduauth_launch_option *o, int flag) {
  return set(__func__, o, [&](la::LaunchOption &l) { l.rtm_cloud_proxy_enabled = flag != 0; });
}

int eduauth_launch_option_set_json(eduauth_launch_option *o, const char *field, const char *json) {
  return set(__func__, o,
             [&](la::LaunchOption &l) { la::set_field_json(l, text(field, "field"), text(json, "json")); });
}

int eduauth_launch_option_set_require_token_lifetime(eduauth_launch_option *o, int flag) {
  return guarded(__func__, [&] {
    require(o, "option");
    o->require_token_lifetime = flag != 0;
    return EDUAUTH_OK;
  });
}

int eduauth_launch_option_build(char **out_json, const eduauth_launch_option *o) {
  return build_json(__func__, out_json, o, std::nullopt);
}

int eduauth_launch_option_build_at(char **out_json, const eduauth_launch_option *o, int64_t now_unix_s) {
  return build_json(__func__, out_json, o, now_unix_s);
}

} // extern "C"
