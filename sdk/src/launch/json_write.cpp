// launchOption -> JSON, keys in the order of specs/launch-option.md ("Fields": required,
// then optional), appId and region in the same flat object for AgoraEduSDK.config.
#include <nlohmann/json.hpp>

#include "launch/checks.hpp"
#include "launch/utf8.hpp"

namespace eduauth::launch {
namespace {

using ojson = nlohmann::ordered_json;

// nlohmann refuses invalid UTF-8 only when dumping, without naming the field: check here.
const std::string &text(const std::string &field, const std::string &value) {
  if (auto at = detail::utf8_error_offset(value))
    throw Error(Errc::invalid_launch_option,
                field + ": " + detail::quote(value) + " is not valid UTF-8 (bad byte at offset " + std::to_string(*at) + ")");
  return value;
}

template <class E> ojson enum_text(const std::string &field, E v) {
  const char *s = to_string(v);
  if (!s) throw Error(Errc::invalid_launch_option, field + ": " + std::to_string(static_cast<int>(v)) + " is out of range");
  return s;
}

ojson encoder(const VideoEncoderConfiguration &c) {
  return ojson{{"width", c.width}, {"height", c.height}, {"frameRate", c.frame_rate}, {"bitrate", c.bitrate}};
}

ojson media(const MediaOptions &m) {
  ojson j = ojson::object();
  if (m.camera_encoder_configuration) j["cameraEncoderConfiguration"] = encoder(*m.camera_encoder_configuration);
  if (m.screen_share_encoder_configuration)
    j["screenShareEncoderConfiguration"] = encoder(*m.screen_share_encoder_configuration);
  if (m.low_stream_camera_encoder_configuration)
    j["lowStreamCameraEncoderConfiguration"] = encoder(*m.low_stream_camera_encoder_configuration);
  if (m.encryption_config) {
    if (detail::utf8_error_offset(m.encryption_config->key))
      throw Error(Errc::invalid_launch_option, "mediaOptions.encryptionConfig.key: is not valid UTF-8 (value not shown)");
    j["encryptionConfig"] = ojson{{"mode", static_cast<int32_t>(m.encryption_config->mode)},
                                  {"key", m.encryption_config->key}};
  }
  if (m.channel_profile) j["channelProfile"] = static_cast<int32_t>(*m.channel_profile);
  if (m.web)
    j["web"] = ojson{{"codec", enum_text("mediaOptions.web.codec", m.web->codec)},
                     {"mode", enum_text("mediaOptions.web.mode", m.web->mode)}};
  return j;
}

ojson record(const RecordOptions &r) {
  ojson j = ojson::object();
  if (r.min_fps) j["minFPS"] = *r.min_fps;
  if (r.max_fps) j["maxFPS"] = *r.max_fps;
  if (r.resolution) j["resolution"] = *r.resolution;
  if (r.auto_resolution) j["autoResolution"] = *r.auto_resolution;
  if (r.auto_fps) j["autoFPS"] = *r.auto_fps;
  if (r.max_resolution_level) j["maxResolutionLevel"] = *r.max_resolution_level;
  if (r.force_canvas) j["forceCanvas"] = *r.force_canvas;
  return j;
}

ojson courseware(const CourseWare &c, const std::string &at) {
  ojson j;
  j["resourceName"] = text(at + "resourceName", c.resource_name);
  j["resourceUuid"] = text(at + "resourceUuid", c.resource_uuid);
  j["ext"] = text(at + "ext", c.ext);
  if (c.url) j["url"] = text(at + "url", *c.url);
  j["size"] = c.size;
  j["updateTime"] = c.update_time_ms;
  if (c.task_uuid) j["taskUuid"] = text(at + "taskUuid", *c.task_uuid);
  if (c.task_progress) {
    const TaskProgress &t = *c.task_progress;
    ojson files = ojson::array();
    for (size_t k = 0; k < t.converted_file_list.size(); ++k) {
      const ConvertedFile &f = t.converted_file_list[k];
      const std::string fat = at + "taskProgress.convertedFileList[" + std::to_string(k) + "].";
      files.push_back(ojson{{"name", text(fat + "name", f.name)},
                            {"ppt", ojson{{"width", f.ppt_width},
                                          {"height", f.ppt_height},
                                          {"preview", text(fat + "ppt.preview", f.ppt_preview)},
                                          {"src", text(fat + "ppt.src", f.ppt_src)}}}});
    }
    ojson tp{{"totalPageSize", t.total_page_size},
             {"convertedPageSize", t.converted_page_size},
             {"convertedPercentage", t.converted_percentage},
             {"convertedFileList", std::move(files)}};
    if (t.current_step) tp["currentStep"] = text(at + "taskProgress.currentStep", *t.current_step);
    j["taskProgress"] = std::move(tp);
  }
  if (c.conversion) {
    ojson cv{{"type", enum_text(at + "conversion.type", c.conversion->type)}};
    if (c.conversion->preview) cv["preview"] = *c.conversion->preview;
    if (c.conversion->scale) cv["scale"] = *c.conversion->scale;
    if (c.conversion->output_format) cv["outputFormat"] = text(at + "conversion.outputFormat", *c.conversion->output_format);
    j["conversion"] = std::move(cv);
  }
  if (c.init_open) j["initOpen"] = *c.init_open;
  return j;
}

ojson string_list(const std::string &field, const std::vector<std::string> &list) {
  ojson j = ojson::array();
  for (size_t i = 0; i < list.size(); ++i) j.push_back(text(field + "[" + std::to_string(i) + "]", list[i]));
  return j;
}

} // namespace

std::string to_json(const LaunchOption &o, const Profile &profile, int indent) {
  ojson j;
  j["userUuid"] = text("userUuid", o.user_uuid);
  j["userName"] = text("userName", o.user_name);
  j["roomUuid"] = text("roomUuid", o.room_uuid);
  j["roomName"] = text("roomName", o.room_name);
  j["roleType"] = static_cast<int32_t>(o.role_type);
  j["roomType"] = static_cast<int32_t>(o.room_type);
  j[std::string(profile.token_field)] = text("token", o.token);
  j["pretest"] = o.pretest;
  j["language"] = enum_text("language", o.language);
  j["duration"] = o.duration_s;
  ojson list = ojson::array();
  for (size_t i = 0; i < o.course_ware_list.size(); ++i)
    list.push_back(courseware(o.course_ware_list[i], "courseWareList[" + std::to_string(i) + "]."));
  j["courseWareList"] = std::move(list);

  if (o.app_id) j["appId"] = text("appId", *o.app_id);
  if (o.region) j["region"] = enum_text("region", *o.region);
  if (o.start_time_ms) j["startTime"] = *o.start_time_ms;
  if (o.record_url) j["recordUrl"] = text("recordUrl", *o.record_url);
  if (o.user_flex_properties_json) {
    ojson props = ojson::parse(*o.user_flex_properties_json, nullptr, false);
    if (props.is_discarded() || !props.is_object())
      throw Error(Errc::invalid_launch_option,
                  "userFlexProperties: is not a JSON object: " + detail::quote(*o.user_flex_properties_json));
    j["userFlexProperties"] = std::move(props);
  }
  if (o.media_options) j["mediaOptions"] = media(*o.media_options);
  if (o.latency_level) j["latencyLevel"] = static_cast<int32_t>(*o.latency_level);
  if (o.platform) j["platform"] = enum_text("platform", *o.platform);
  if (o.record_options) j["recordOptions"] = record(*o.record_options);
  if (o.record_retry_timeout_ms) j["recordRetryTimeout"] = *o.record_retry_timeout_ms;
  if (o.ui_mode) j["uiMode"] = enum_text("uiMode", *o.ui_mode);
  if (o.share_url) j["shareUrl"] = text("shareUrl", *o.share_url);
  if (o.virtual_background_images)
    j["virtualBackgroundImages"] = string_list("virtualBackgroundImages", *o.virtual_background_images);
  if (o.virtual_background_videos)
    j["virtualBackgroundVideos"] = string_list("virtualBackgroundVideos", *o.virtual_background_videos);
  if (o.webrtc_extension_base_url) j["webrtcExtensionBaseUrl"] = text("webrtcExtensionBaseUrl", *o.webrtc_extension_base_url);
  if (o.rtc_cloud_proxy_type) j["rtcCloudProxyType"] = static_cast<int32_t>(*o.rtc_cloud_proxy_type);
  if (o.rtm_cloud_proxy_enabled) j["rtmCloudProxyEnabled"] = *o.rtm_cloud_proxy_enabled;
  // userFlexProperties came from a parser and may hold invalid UTF-8 escapes; replace, never throw.
  return j.dump(indent, ' ', false, ojson::error_handler_t::replace);
}

} // namespace eduauth::launch
