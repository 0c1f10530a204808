// JSON -> launchOption model. Types are checked here (naming the JSON path); value rules
// are left to check() so that every rule is reported at once.
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "launch/checks.hpp"

namespace eduauth::launch {
namespace {

using json = nlohmann::json;

[[noreturn]] void wrong(const std::string &path, const char *expected, const json &v) {
  std::string shown = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (shown.size() > 80) shown = shown.substr(0, 80) + "…";
  throw Error(Errc::invalid_argument, path + ": expected " + expected + ", got " + shown);
}

const json *member(const json &obj, const char *key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string str(const json &v, const std::string &path) {
  if (!v.is_string()) wrong(path, "a string", v);
  return v.get<std::string>();
}

bool boolean(const json &v, const std::string &path) {
  if (!v.is_boolean()) wrong(path, "true or false", v);
  return v.get<bool>();
}

double number(const json &v, const std::string &path) {
  if (!v.is_number()) wrong(path, "a number", v);
  return v.get<double>();
}

int64_t integer(const json &v, const std::string &path) {
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) return static_cast<int64_t>(d);
  }
  wrong(path, "an integer", v);
}

int32_t int32(const json &v, const std::string &path) {
  const int64_t i = integer(v, path);
  if (i < std::numeric_limits<int32_t>::min() || i > std::numeric_limits<int32_t>::max())
    wrong(path, "a 32-bit integer", v);
  return static_cast<int32_t>(i);
}

const json &object(const json &v, const std::string &path) {
  if (!v.is_object()) wrong(path, "an object", v);
  return v;
}

const json &array(const json &v, const std::string &path) {
  if (!v.is_array()) wrong(path, "an array", v);
  return v;
}

template <class T, class F> void opt(const json &obj, const char *key, const std::string &base, std::optional<T> &out, F read) {
  if (const json *v = member(obj, key)) out = read(*v, base + key);
}

// String-valued enums: an unknown string is a value-rule problem, but it cannot be held in
// the enum, so it is reported here (as invalid_launch_option, like the parse_* helpers).
template <class E> E enum_from(const json &v, const std::string &path, E (*parse)(std::string_view)) {
  const std::string s = str(v, path);
  try {
    return parse(s);
  } catch (const Error &e) {
    throw Error(e.code(), path + ": \"" + s + "\" is not accepted (" + e.what() + ")");
  }
}

VideoCodec parse_codec(std::string_view s) {
  if (s == "vp8") return VideoCodec::vp8;
  if (s == "vp9") return VideoCodec::vp9;
  if (s == "h264") return VideoCodec::h264;
  throw Error(Errc::invalid_launch_option, "codec must be one of vp8, vp9, h264");
}
WebMode parse_web_mode(std::string_view s) {
  if (s == "rtc") return WebMode::rtc;
  if (s == "live") return WebMode::live;
  throw Error(Errc::invalid_launch_option, "mode must be one of rtc, live");
}
ConversionType parse_conversion_type(std::string_view s) {
  if (s == "static") return ConversionType::static_;
  if (s == "dynamic") return ConversionType::dynamic;
  throw Error(Errc::invalid_launch_option, "type must be one of static, dynamic");
}

VideoEncoderConfiguration read_encoder(const json &v, const std::string &path) {
  object(v, path);
  VideoEncoderConfiguration c;
  if (const json *x = member(v, "width")) c.width = int32(*x, path + ".width");
  if (const json *x = member(v, "height")) c.height = int32(*x, path + ".height");
  if (const json *x = member(v, "frameRate")) c.frame_rate = int32(*x, path + ".frameRate");
  if (const json *x = member(v, "bitrate")) c.bitrate = int32(*x, path + ".bitrate");
  return c;
}

MediaOptions read_media(const json &v, const std::string &path) {
  object(v, path);
  const std::string p = path + ".";
  MediaOptions m;
  opt(v, "cameraEncoderConfiguration", p, m.camera_encoder_configuration, read_encoder);
  opt(v, "screenShareEncoderConfiguration", p, m.screen_share_encoder_configuration, read_encoder);
  opt(v, "lowStreamCameraEncoderConfiguration", p, m.low_stream_camera_encoder_configuration, read_encoder);
  opt(v, "encryptionConfig", p, m.encryption_config, [](const json &e, const std::string &ep) {
    object(e, ep);
    EncryptionConfig c;
    if (const json *x = member(e, "mode")) c.mode = static_cast<EncryptionMode>(int32(*x, ep + ".mode"));
    if (const json *x = member(e, "key")) {
      if (!x->is_string()) throw Error(Errc::invalid_argument, ep + ".key: expected a string (value not shown)");
      c.key = x->get<std::string>();
    }
    return c;
  });
  opt(v, "channelProfile", p, m.channel_profile,
      [](const json &x, const std::string &xp) { return static_cast<ChannelProfile>(int32(x, xp)); });
  opt(v, "web", p, m.web, [](const json &w, const std::string &wp) {
    object(w, wp);
    WebRtcOptions o;
    if (const json *x = member(w, "codec")) o.codec = enum_from(*x, wp + ".codec", parse_codec);
    if (const json *x = member(w, "mode")) o.mode = enum_from(*x, wp + ".mode", parse_web_mode);
    return o;
  });
  return m;
}

RecordOptions read_record(const json &v, const std::string &path) {
  object(v, path);
  const std::string p = path + ".";
  RecordOptions r;
  opt(v, "minFPS", p, r.min_fps, number);
  opt(v, "maxFPS", p, r.max_fps, number);
  opt(v, "resolution", p, r.resolution, number);
  opt(v, "autoResolution", p, r.auto_resolution, boolean);
  opt(v, "autoFPS", p, r.auto_fps, boolean);
  opt(v, "maxResolutionLevel", p, r.max_resolution_level, int32);
  opt(v, "forceCanvas", p, r.force_canvas, boolean);
  return r;
}

TaskProgress read_progress(const json &v, const std::string &path) {
  object(v, path);
  TaskProgress t;
  if (const json *x = member(v, "totalPageSize")) t.total_page_size = integer(*x, path + ".totalPageSize");
  if (const json *x = member(v, "convertedPageSize")) t.converted_page_size = integer(*x, path + ".convertedPageSize");
  if (const json *x = member(v, "convertedPercentage")) t.converted_percentage = number(*x, path + ".convertedPercentage");
  opt(v, "currentStep", path + ".", t.current_step, str);
  if (const json *files = member(v, "convertedFileList")) {
    const std::string fp = path + ".convertedFileList";
    array(*files, fp);
    for (size_t i = 0; i < files->size(); ++i) {
      const std::string at = fp + "[" + std::to_string(i) + "]";
      const json &f = object((*files)[i], at);
      ConvertedFile cf;
      if (const json *x = member(f, "name")) cf.name = str(*x, at + ".name");
      if (const json *ppt = member(f, "ppt")) {
        object(*ppt, at + ".ppt");
        if (const json *x = member(*ppt, "width")) cf.ppt_width = number(*x, at + ".ppt.width");
        if (const json *x = member(*ppt, "height")) cf.ppt_height = number(*x, at + ".ppt.height");
        if (const json *x = member(*ppt, "preview")) cf.ppt_preview = str(*x, at + ".ppt.preview");
        if (const json *x = member(*ppt, "src")) cf.ppt_src = str(*x, at + ".ppt.src");
      }
      t.converted_file_list.push_back(std::move(cf));
    }
  }
  return t;
}

Conversion read_conversion(const json &v, const std::string &path) {
  object(v, path);
  Conversion c;
  if (const json *x = member(v, "type")) c.type = enum_from(*x, path + ".type", parse_conversion_type);
  opt(v, "preview", path + ".", c.preview, boolean);
  opt(v, "scale", path + ".", c.scale, int32);
  opt(v, "outputFormat", path + ".", c.output_format, str);
  return c;
}

std::vector<CourseWare> read_courseware(const json &v, const std::string &path) {
  array(v, path);
  std::vector<CourseWare> list;
  for (size_t i = 0; i < v.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const json &item = object(v[i], at);
    const std::string p = at + ".";
    CourseWare c;
    if (const json *x = member(item, "resourceName")) c.resource_name = str(*x, p + "resourceName");
    if (const json *x = member(item, "resourceUuid")) c.resource_uuid = str(*x, p + "resourceUuid");
    if (const json *x = member(item, "ext")) c.ext = str(*x, p + "ext");
    opt(item, "url", p, c.url, str);
    if (const json *x = member(item, "size")) c.size = integer(*x, p + "size");
    if (const json *x = member(item, "updateTime")) c.update_time_ms = integer(*x, p + "updateTime");
    opt(item, "taskUuid", p, c.task_uuid, str);
    opt(item, "taskProgress", p, c.task_progress, read_progress);
    opt(item, "conversion", p, c.conversion, read_conversion);
    opt(item, "initOpen", p, c.init_open, boolean);
    list.push_back(std::move(c));
  }
  return list;
}

std::vector<std::string> read_strings(const json &v, const std::string &path) {
  array(v, path);
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size(); ++i) out.push_back(str(v[i], path + "[" + std::to_string(i) + "]"));
  return out;
}

std::string read_flex(const json &v, const std::string &path) { return object(v, path).dump(); }

json parse_text(std::string_view text, const std::string &what) {
  try {
    return json::parse(text);
  } catch (const json::exception &e) {
    // parse_error, and out_of_range for a number beyond double range (1e999): both bad input.
    throw Error(Errc::invalid_argument, what + ": not valid JSON (" + e.what() + ")");
  }
}

} // namespace

LaunchOption from_json(std::string_view text) {
  const json j = parse_text(text, "launchOption");
  object(j, "launchOption");
  LaunchOption o;
  if (const json *x = member(j, "userUuid")) o.user_uuid = str(*x, "userUuid");
  if (const json *x = member(j, "userName")) o.user_name = str(*x, "userName");
  if (const json *x = member(j, "roomUuid")) o.room_uuid = str(*x, "roomUuid");
  if (const json *x = member(j, "roomName")) o.room_name = str(*x, "roomName");
  if (const json *x = member(j, "roleType")) o.role_type = static_cast<RoleType>(int32(*x, "roleType"));
  if (const json *x = member(j, "roomType")) o.room_type = static_cast<RoomType>(int32(*x, "roomType"));
  bool have_token = false;
  for (const Profile &p : profiles()) {
    const std::string key(p.token_field);
    if (const json *x = member(j, key.c_str())) {
      const std::string t = str(*x, key);
      if (have_token && t != o.token)
        throw Error(Errc::invalid_argument, key + ": differs from the token given under another profile's field");
      o.token = t;
      have_token = true;
    }
  }
  if (const json *x = member(j, "pretest")) o.pretest = boolean(*x, "pretest");
  if (const json *x = member(j, "language")) o.language = enum_from(*x, "language", parse_language);
  if (const json *x = member(j, "duration")) o.duration_s = integer(*x, "duration");
  if (const json *x = member(j, "courseWareList")) o.course_ware_list = read_courseware(*x, "courseWareList");
  opt(j, "appId", "", o.app_id, str);
  if (const json *x = member(j, "region")) o.region = enum_from(*x, "region", parse_region);
  opt(j, "startTime", "", o.start_time_ms, integer);
  opt(j, "recordUrl", "", o.record_url, str);
  opt(j, "userFlexProperties", "", o.user_flex_properties_json, read_flex);
  opt(j, "mediaOptions", "", o.media_options, read_media);
  opt(j, "latencyLevel", "", o.latency_level,
      [](const json &x, const std::string &p) { return static_cast<LatencyLevel>(int32(x, p)); });
  if (const json *x = member(j, "platform")) o.platform = enum_from(*x, "platform", parse_platform);
  opt(j, "recordOptions", "", o.record_options, read_record);
  opt(j, "recordRetryTimeout", "", o.record_retry_timeout_ms, integer);
  if (const json *x = member(j, "uiMode")) o.ui_mode = enum_from(*x, "uiMode", parse_ui_mode);
  opt(j, "shareUrl", "", o.share_url, str);
  opt(j, "virtualBackgroundImages", "", o.virtual_background_images, read_strings);
  opt(j, "virtualBackgroundVideos", "", o.virtual_background_videos, read_strings);
  opt(j, "webrtcExtensionBaseUrl", "", o.webrtc_extension_base_url, str);
  opt(j, "rtcCloudProxyType", "", o.rtc_cloud_proxy_type,
      [](const json &x, const std::string &p) { return static_cast<CloudProxyType>(int32(x, p)); });
  opt(j, "rtmCloudProxyEnabled", "", o.rtm_cloud_proxy_enabled, boolean);
  return o;
}

void set_field_json(LaunchOption &o, std::string_view field, std::string_view text) {
  const std::string name(field);
  if (name == "courseWareList") o.course_ware_list = read_courseware(parse_text(text, name), name);
  else if (name == "mediaOptions") o.media_options = read_media(parse_text(text, name), name);
  else if (name == "userFlexProperties") o.user_flex_properties_json = read_flex(parse_text(text, name), name);
  else if (name == "recordOptions") o.record_options = read_record(parse_text(text, name), name);
  else if (name == "virtualBackgroundImages") o.virtual_background_images = read_strings(parse_text(text, name), name);
  else if (name == "virtualBackgroundVideos") o.virtual_background_videos = read_strings(parse_text(text, name), name);
  else
    throw Error(Errc::invalid_argument,
                "field: \"" + name + "\" cannot be set from JSON (courseWareList, mediaOptions, userFlexProperties, "
                                     "recordOptions, virtualBackgroundImages, virtualBackgroundVideos)");
}

} // namespace eduauth::launch
