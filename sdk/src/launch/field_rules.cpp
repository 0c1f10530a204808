// Field rules: what agora-classroom-sdk 2.9.52 `_validateOptions` throws on (roleType,
// roomType, empty names/ids) plus the documented limits of specs/launch-option.md.
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "eduauth/token.hpp"
#include "launch/checks.hpp"
#include "launch/utf8.hpp"

namespace eduauth::launch::detail {

std::string quote(std::string_view value) {
  constexpr size_t kMaxShown = 96;
  const bool valid = !utf8_error_offset(value).has_value();
  std::string out = "\"";
  size_t i = 0;
  for (; i < value.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F || (c >= 0x80 && !valid)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (i < value.size()) {
    while (valid && !out.empty() && i < value.size() && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80) {
      out += value[i]; // finish the character that the cut split
      ++i;
    }
    out += "…";
  }
  return out + "\"";
}

void add(std::vector<Issue> &out, Errc code, std::string field, const std::string &text) {
  std::string message = field + ": " + text;
  out.push_back(Issue{code, std::move(field), std::move(message)});
}

namespace {

constexpr size_t kMaxIdBytes = 63; // "< 64 bytes"

void invalid(std::vector<Issue> &out, const std::string &field, const std::string &text) {
  add(out, Errc::invalid_launch_option, field, text);
}

// Returns false (and reports) when `value` is not valid UTF-8.
bool utf8_ok(std::vector<Issue> &out, const std::string &field, std::string_view value) {
  if (auto at = utf8_error_offset(value)) {
    invalid(out, field, quote(value) + " is not valid UTF-8 (bad byte at offset " + std::to_string(*at) + ")");
    return false;
  }
  return true;
}

// Non-empty, valid UTF-8, < 64 bytes (C-08: bytes, not characters).
void id_rule(std::vector<Issue> &out, const std::string &field, std::string_view value) {
  if (value.empty()) {
    invalid(out, field, "is required and must not be empty");
    return;
  }
  if (!utf8_ok(out, field, value)) return;
  if (value.size() > kMaxIdBytes)
    invalid(out, field, quote(value) + " is " + std::to_string(value.size()) + " UTF-8 bytes (" +
                            std::to_string(utf8_length(value)) + " characters); the limit is < 64 bytes");
}

void optional_text(std::vector<Issue> &out, const std::string &field, const std::optional<std::string> &value) {
  if (value) utf8_ok(out, field, *value);
}

void url_list(std::vector<Issue> &out, const std::string &field, const std::optional<std::vector<std::string>> &list) {
  if (!list) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    if ((*list)[i].empty()) invalid(out, f, "must not be empty");
    else utf8_ok(out, f, (*list)[i]);
  }
}

void encoder_rule(std::vector<Issue> &out, const std::string &field,
                  const std::optional<VideoEncoderConfiguration> &c) {
  if (!c) return;
  const struct { const char *name; int32_t value; const char *unit; } parts[] = {
      {"width", c->width, "px"}, {"height", c->height, "px"},
      {"frameRate", c->frame_rate, "fps"}, {"bitrate", c->bitrate, "Kbps"}};
  for (const auto &p : parts)
    if (p.value <= 0)
      invalid(out, field + "." + p.name, std::to_string(p.value) + " must be > 0 (" + p.unit + ")");
}

void media_rules(std::vector<Issue> &out, const MediaOptions &m) {
  encoder_rule(out, "mediaOptions.cameraEncoderConfiguration", m.camera_encoder_configuration);
  encoder_rule(out, "mediaOptions.screenShareEncoderConfiguration", m.screen_share_encoder_configuration);
  encoder_rule(out, "mediaOptions.lowStreamCameraEncoderConfiguration", m.low_stream_camera_encoder_configuration);
  if (m.encryption_config) {
    const auto mode = static_cast<int32_t>(m.encryption_config->mode);
    if (mode < 1 || mode > 6)
      invalid(out, "mediaOptions.encryptionConfig.mode",
              std::to_string(mode) + " is not one of 1 AES_128_XTS, 2 AES_128_ECB, 3 AES_256_XTS, 4 SM4_128_ECB, "
                                     "5 AES_128_GCM, 6 AES_256_GCM");
    // The key is a secret: say what is wrong without echoing it.
    if (m.encryption_config->key.empty()) invalid(out, "mediaOptions.encryptionConfig.key", "must not be empty");
    else if (utf8_error_offset(m.encryption_config->key))
      invalid(out, "mediaOptions.encryptionConfig.key", "is not valid UTF-8 (value not shown)");
  }
  if (m.channel_profile) {
    const auto p = static_cast<int32_t>(*m.channel_profile);
    if (p != 0 && p != 1)
      invalid(out, "mediaOptions.channelProfile", std::to_string(p) + " is not one of 0 communication, 1 live broadcasting");
  }
  if (m.web) {
    if (!to_string(m.web->codec))
      invalid(out, "mediaOptions.web.codec", std::to_string(static_cast<int>(m.web->codec)) + " is not one of vp8, vp9, h264");
    if (!to_string(m.web->mode))
      invalid(out, "mediaOptions.web.mode", std::to_string(static_cast<int>(m.web->mode)) + " is not one of rtc, live");
  }
}

void record_rules(std::vector<Issue> &out, const RecordOptions &r) {
  const struct { const char *name; const std::optional<double> &value; } fps[] = {
      {"recordOptions.minFPS", r.min_fps}, {"recordOptions.maxFPS", r.max_fps},
      {"recordOptions.resolution", r.resolution}};
  for (const auto &f : fps)
    if (f.value && !(*f.value > 0)) invalid(out, f.name, std::to_string(*f.value) + " must be > 0");
  if (r.min_fps && r.max_fps && *r.min_fps > *r.max_fps)
    invalid(out, "recordOptions.minFPS",
            std::to_string(*r.min_fps) + " is greater than maxFPS " + std::to_string(*r.max_fps));
  if (r.max_resolution_level && *r.max_resolution_level < 0)
    invalid(out, "recordOptions.maxResolutionLevel", std::to_string(*r.max_resolution_level) + " must be >= 0");
}

void courseware_rules(std::vector<Issue> &out, const std::vector<CourseWare> &list) {
  std::set<std::string> seen;
  for (size_t i = 0; i < list.size(); ++i) {
    const CourseWare &c = list[i];
    const std::string at = "courseWareList[" + std::to_string(i) + "].";
    id_rule(out, at + "resourceName", c.resource_name);
    id_rule(out, at + "resourceUuid", c.resource_uuid);
    if (!c.resource_uuid.empty() && !seen.insert(c.resource_uuid).second)
      invalid(out, at + "resourceUuid", quote(c.resource_uuid) + " appears twice in courseWareList");
    utf8_ok(out, at + "ext", c.ext);
    optional_text(out, at + "url", c.url);
    optional_text(out, at + "taskUuid", c.task_uuid);
    if (c.size < 0) invalid(out, at + "size", std::to_string(c.size) + " must be >= 0 (bytes)");
    if (c.update_time_ms < 0)
      invalid(out, at + "updateTime", std::to_string(c.update_time_ms) + " must be >= 0 (Unix milliseconds)");
    if (c.task_progress) {
      const TaskProgress &t = *c.task_progress;
      if (t.total_page_size < 0)
        invalid(out, at + "taskProgress.totalPageSize", std::to_string(t.total_page_size) + " must be >= 0");
      if (t.converted_page_size < 0 || t.converted_page_size > t.total_page_size)
        invalid(out, at + "taskProgress.convertedPageSize",
                std::to_string(t.converted_page_size) + " must be within 0..totalPageSize (" +
                    std::to_string(t.total_page_size) + ")");
      if (!(t.converted_percentage >= 0 && t.converted_percentage <= 100))
        invalid(out, at + "taskProgress.convertedPercentage",
                std::to_string(t.converted_percentage) + " must be within 0..100");
      optional_text(out, at + "taskProgress.currentStep", t.current_step);
      for (size_t k = 0; k < t.converted_file_list.size(); ++k) {
        const std::string f = at + "taskProgress.convertedFileList[" + std::to_string(k) + "].";
        utf8_ok(out, f + "name", t.converted_file_list[k].name);
        utf8_ok(out, f + "ppt.preview", t.converted_file_list[k].ppt_preview);
        utf8_ok(out, f + "ppt.src", t.converted_file_list[k].ppt_src);
      }
    }
    if (c.conversion) {
      if (!to_string(c.conversion->type))
        invalid(out, at + "conversion.type",
                std::to_string(static_cast<int>(c.conversion->type)) + " is not one of static, dynamic");
      if (c.conversion->scale && (*c.conversion->scale < 0 || *c.conversion->scale > 3))
        invalid(out, at + "conversion.scale", std::to_string(*c.conversion->scale) + " is outside 0..3");
      optional_text(out, at + "conversion.outputFormat", c.conversion->output_format);
    }
  }
}

} // namespace

void check_fields(const LaunchOption &o, std::vector<Issue> &out) {
  // Required (the order the SDK checks them in, then the spec's).
  id_rule(out, "userUuid", o.user_uuid);
  id_rule(out, "userName", o.user_name);
  id_rule(out, "roomUuid", o.room_uuid);
  id_rule(out, "roomName", o.room_name);
  if (!to_string(o.role_type))
    invalid(out, "roleType", std::to_string(static_cast<int32_t>(o.role_type)) +
                                 " is not one of -1 none, 0 invisible, 1 teacher, 2 student, 3 assistant, 4 observer");
  if (!to_string(o.room_type)) {
    const auto v = static_cast<int32_t>(o.room_type);
    std::string text = std::to_string(v);
    if (v == 6 || v == 7 || v == 10 || v == 101) text += " is a room type of the core that launch does not accept;";
    invalid(out, "roomType", text + " must be one of 0 one-to-one, 2 lecture hall, 4 small class");
  }
  if (!to_string(o.language))
    invalid(out, "language", std::to_string(static_cast<int>(o.language)) + " is not one of en, zh");
  if (o.duration_s < 1 || o.duration_s > 86400)
    invalid(out, "duration", std::to_string(o.duration_s) + " is outside 1..86400 (seconds" +
                                 std::string(o.duration_s > 86400 ? ", not milliseconds)" : ")"));
  courseware_rules(out, o.course_ware_list);

  // Optional.
  if (o.app_id && !token::is_hex32(*o.app_id))
    invalid(out, "appId", quote(*o.app_id) + " is not 32 hexadecimal characters");
  if (o.region && !to_string(*o.region))
    invalid(out, "region", std::to_string(static_cast<int>(*o.region)) + " is not one of CN, AP, EU, NA");
  if (o.start_time_ms) {
    constexpr int64_t kMinMs = 1000000000000, kMaxMs = 10000000000000; // 2001-09-09 .. 2286-11-20
    const int64_t v = *o.start_time_ms;
    if (v > 0 && v < kMinMs / 100)
      invalid(out, "startTime", std::to_string(v) + " looks like Unix seconds; startTime is Unix milliseconds (" +
                                    std::to_string(v) + "000)");
    else if (v < kMinMs || v >= kMaxMs)
      invalid(out, "startTime", std::to_string(v) + " is not a plausible Unix time in milliseconds");
  }
  optional_text(out, "recordUrl", o.record_url);
  if (o.user_flex_properties_json) {
    const auto parsed = nlohmann::json::parse(*o.user_flex_properties_json, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
      invalid(out, "userFlexProperties", "is not a JSON object: " + quote(*o.user_flex_properties_json));
  }
  if (o.media_options) media_rules(out, *o.media_options);
  if (o.latency_level) {
    const auto v = static_cast<int32_t>(*o.latency_level);
    if (v != 1 && v != 2) invalid(out, "latencyLevel", std::to_string(v) + " is not one of 1 low, 2 ultra-low");
  }
  if (o.platform && !to_string(*o.platform))
    invalid(out, "platform", std::to_string(static_cast<int>(*o.platform)) + " is not one of PC, H5");
  if (o.record_options) record_rules(out, *o.record_options);
  if (o.record_retry_timeout_ms && *o.record_retry_timeout_ms < 0)
    invalid(out, "recordRetryTimeout", std::to_string(*o.record_retry_timeout_ms) + " must be >= 0 (milliseconds)");
  if (o.ui_mode && !to_string(*o.ui_mode))
    invalid(out, "uiMode", std::to_string(static_cast<int>(*o.ui_mode)) + " is not one of light, dark");
  optional_text(out, "shareUrl", o.share_url);
  url_list(out, "virtualBackgroundImages", o.virtual_background_images);
  url_list(out, "virtualBackgroundVideos", o.virtual_background_videos);
  optional_text(out, "webrtcExtensionBaseUrl", o.webrtc_extension_base_url);
  if (o.rtc_cloud_proxy_type) {
    const auto v = static_cast<int32_t>(*o.rtc_cloud_proxy_type);
    if (v < 0 || v > 2) invalid(out, "rtcCloudProxyType", std::to_string(v) + " is not one of 0 automatic, 1 UDP, 2 TCP");
  }
}

} // namespace eduauth::launch::detail
