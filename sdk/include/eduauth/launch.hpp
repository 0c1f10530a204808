// eduauth — the launchOption the Flexible Classroom web client is launched with
// (shared/specs/launch-option.md; DESIGN.md "launchOption").
//
// Flow: fill a LaunchOption with the app's inputs, call build() with the token the
// app's token server returned. build() copies the token (and its app ID when appId is
// unset) into the option, validates every field by the rules the real classroom SDK
// applies (agora-classroom-sdk 2.9.52 `_validateOptions`) plus the documented ones, checks
// "parameter consistency" with the token (appId, userUuid, roomUuid, roleType), and
// returns the option ready for to_json(). Every problem is collected, not only the first.
//
// Units: duration_s is SECONDS (class length, 1..86400); start_time_ms and
// CourseWare::update_time_ms are ABSOLUTE Unix MILLISECONDS; record_retry_timeout_ms is
// milliseconds; CheckOptions::now_unix_s is ABSOLUTE Unix SECONDS. Byte limits ("< 64
// bytes") count UTF-8 bytes, not characters (case C-08).
//
// Thread-safety: all functions are reentrant; the types are plain values.
// Secrets: the token is never part of an error message (only its fingerprint); the
// encryption key of mediaOptions.encryptionConfig is never echoed either.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduauth/error.hpp"

namespace eduauth::launch {

// ---------------------------------------------------------------------------------------
// Enumerations with the classroom SDK's own numeric codes / string values (spec "Fields").
// An enum may hold an out-of-range value (e.g. cast from an app's int); check() reports it.

/// roleType (EduRoleTypeEnum).
enum class RoleType : int32_t { none = -1, invisible = 0, teacher = 1, student = 2, assistant = 3, observer = 4 };
/// roomType accepted by launch (EduRoomTypeEnum); core's 6/7/10/101 are refused by launch.
enum class RoomType : int32_t { one_to_one = 0, lecture_hall = 2, small_class = 4 };
/// language: "en", "zh".
enum class Language { en, zh };
/// region passed to AgoraEduSDK.config: "CN", "AP", "EU", "NA".
enum class Region { cn, ap, eu, na };
/// platform: "PC", "H5".
enum class Platform { pc, h5 };
/// uiMode: "light", "dark".
enum class UiMode { light, dark };
/// latencyLevel: 1 low, 2 ultra-low.
enum class LatencyLevel : int32_t { low = 1, ultra_low = 2 };
/// rtcCloudProxyType: 0 automatic, 1 UDP, 2 TCP.
enum class CloudProxyType : int32_t { automatic = 0, udp = 1, tcp = 2 };
/// mediaOptions.encryptionConfig.mode.
enum class EncryptionMode : int32_t {
  aes_128_xts = 1, aes_128_ecb = 2, aes_256_xts = 3, sm4_128_ecb = 4, aes_128_gcm = 5, aes_256_gcm = 6
};
/// mediaOptions.channelProfile: 0 communication, 1 live broadcasting.
enum class ChannelProfile : int32_t { communication = 0, live_broadcasting = 1 };
/// mediaOptions.web.codec: "vp8", "vp9", "h264".
enum class VideoCodec { vp8, vp9, h264 };
/// mediaOptions.web.mode: "rtc", "live".
enum class WebMode { rtc, live };
/// courseWareList[].conversion.type: "static", "dynamic".
enum class ConversionType { static_, dynamic };

/// The wire string of a string-valued enum ("en", "CN", "PC", "light", "vp8", "rtc",
/// "static"); nullptr for a value outside the enum.
const char *to_string(Language v) noexcept;
const char *to_string(Region v) noexcept;
const char *to_string(Platform v) noexcept;
const char *to_string(UiMode v) noexcept;
const char *to_string(VideoCodec v) noexcept;
const char *to_string(WebMode v) noexcept;
const char *to_string(ConversionType v) noexcept;
/// "teacher", "student", ...; "one_to_one", "lecture_hall", "small_class"; nullptr when unknown.
const char *to_string(RoleType v) noexcept;
const char *to_string(RoomType v) noexcept;

/// Parsers for app / command-line input. Each throws Error{invalid_launch_option} naming
/// the field and the value and listing the accepted ones.
///   parse_role: "teacher|student|assistant|observer|audience|invisible|none" or -1..4.
///   parse_room_type: "one-to-one|1v1|small|lecture|lecture-hall|big" or 0|2|4.
///   parse_language: "en|zh"; parse_region: "CN|AP|EU|NA" (any case); parse_platform:
///   "PC|H5"; parse_ui_mode: "light|dark".
RoleType parse_role(std::string_view text);
RoomType parse_room_type(std::string_view text);
Language parse_language(std::string_view text);
Region parse_region(std::string_view text);
Platform parse_platform(std::string_view text);
UiMode parse_ui_mode(std::string_view text);

// ---------------------------------------------------------------------------------------
// The model (spec "Fields"). Names are the JSON keys in snake_case.

/// {width, height, frameRate, bitrate}: px, px, frames per second, Kbps.
struct VideoEncoderConfiguration {
  int32_t width = 0;
  int32_t height = 0;
  int32_t frame_rate = 0;
  int32_t bitrate = 0;
};

/// {mode, key}. The key is a secret: never logged, never in an error message.
struct EncryptionConfig {
  EncryptionMode mode = EncryptionMode::aes_128_gcm;
  std::string key;
};

/// mediaOptions.web: {codec, mode}.
struct WebRtcOptions {
  VideoCodec codec = VideoCodec::vp8;
  WebMode mode = WebMode::rtc;
};

struct MediaOptions {
  std::optional<VideoEncoderConfiguration> camera_encoder_configuration;
  std::optional<VideoEncoderConfiguration> screen_share_encoder_configuration;
  std::optional<VideoEncoderConfiguration> low_stream_camera_encoder_configuration;
  std::optional<EncryptionConfig> encryption_config;
  std::optional<ChannelProfile> channel_profile;
  std::optional<WebRtcOptions> web;
};

/// recordOptions (BoardWindowAnimationOptions); every member optional.
struct RecordOptions {
  std::optional<double> min_fps;
  std::optional<double> max_fps;
  std::optional<double> resolution;
  std::optional<bool> auto_resolution;
  std::optional<bool> auto_fps;
  std::optional<int32_t> max_resolution_level;
  std::optional<bool> force_canvas;
};

/// courseWareList[].taskProgress.convertedFileList[] item.
struct ConvertedFile {
  std::string name;
  double ppt_width = 0;   ///< ppt.width, px
  double ppt_height = 0;  ///< ppt.height, px
  std::string ppt_preview;
  std::string ppt_src;
};

struct TaskProgress {
  int64_t total_page_size = 0;
  int64_t converted_page_size = 0;
  double converted_percentage = 0; ///< 0..100
  std::vector<ConvertedFile> converted_file_list;
  std::optional<std::string> current_step;
};

struct Conversion {
  ConversionType type = ConversionType::static_;
  std::optional<bool> preview;
  std::optional<int32_t> scale; ///< 0..3
  std::optional<std::string> output_format;
};

struct CourseWare {
  std::string resource_name; ///< < 64 UTF-8 bytes, non-empty
  std::string resource_uuid; ///< < 64 UTF-8 bytes, non-empty
  std::string ext;           ///< "pdf", "pptx", "mp4", ...
  std::optional<std::string> url;
  int64_t size = 0;          ///< bytes, >= 0
  int64_t update_time_ms = 0; ///< ABSOLUTE Unix milliseconds, >= 0
  std::optional<std::string> task_uuid;
  std::optional<TaskProgress> task_progress;
  std::optional<Conversion> conversion;
  std::optional<bool> init_open;
};

/// One launchOption. Required fields first (spec order), then optional ones; an unset
/// optional is absent from the JSON. `listener` and `widgets` are functions the host page
/// attaches and are not modelled.
struct LaunchOption {
  // Required.
  std::string user_uuid;  ///< non-empty, < 64 UTF-8 bytes; the user in the token
  std::string user_name;  ///< non-empty, < 64 UTF-8 bytes (display name)
  std::string room_uuid;  ///< non-empty, < 64 UTF-8 bytes; the room in a room-user token
  std::string room_name;  ///< non-empty, < 64 UTF-8 bytes
  RoleType role_type = RoleType::student;
  RoomType room_type = RoomType::small_class;
  std::string token;      ///< emitted as the profile's token field ("token" / "rtmToken")
  bool pretest = false;
  Language language = Language::en;
  int64_t duration_s = 1800; ///< SECONDS, 1..86400
  std::vector<CourseWare> course_ware_list;
  // Optional.
  std::optional<std::string> app_id;         ///< 32 hex; build() fills it from the token when unset
  std::optional<Region> region;              ///< CN when absent (the SDK's default)
  std::optional<int64_t> start_time_ms;      ///< ABSOLUTE Unix MILLISECONDS
  std::optional<std::string> record_url;
  std::optional<std::string> user_flex_properties_json; ///< JSON object text, embedded as an object
  std::optional<MediaOptions> media_options;
  std::optional<LatencyLevel> latency_level;
  std::optional<Platform> platform;
  std::optional<RecordOptions> record_options;
  std::optional<int64_t> record_retry_timeout_ms; ///< milliseconds, >= 0
  std::optional<UiMode> ui_mode;
  std::optional<std::string> share_url;
  std::optional<std::vector<std::string>> virtual_background_images; ///< URLs
  std::optional<std::vector<std::string>> virtual_background_videos; ///< URLs
  std::optional<std::string> webrtc_extension_base_url;
  std::optional<CloudProxyType> rtc_cloud_proxy_type;
  std::optional<bool> rtm_cloud_proxy_enabled;
};

// ---------------------------------------------------------------------------------------
// Profiles (spec "Profiles"): one table entry per target client.

struct Profile {
  std::string_view name;        ///< "web", "web-2.8"
  std::string_view target;      ///< human-readable target client range
  std::string_view token_field; ///< JSON key of the token: "token" / "rtmToken"
};

/// All known profiles, default ("web") first. Static storage; never empty.
const std::vector<Profile> &profiles();
/// The default profile ("web": agora-classroom-sdk 2.9.52 and later, field `token`).
const Profile &default_profile();
/// Looks a profile up by name; throws Error{invalid_argument} naming the value and listing
/// the known names.
const Profile &find_profile(std::string_view name);

// ---------------------------------------------------------------------------------------
// Validation.

/// One problem: the JSON path of the field ("roomUuid", "courseWareList[2].resourceName",
/// "mediaOptions.web.codec", "token"), a message naming the value(s), and its code:
/// invalid_launch_option for a broken field rule, launch_token_mismatch for a value that
/// disagrees with the token, malformed_token / unsupported_version when the token does not
/// decode.
struct Issue {
  Errc code = Errc::invalid_launch_option;
  std::string field;
  std::string message; ///< one line: "<field>: <what is wrong>"
};

/// What check()/build() judge against.
struct CheckOptions {
  /// "Now" for the token-lifetime rule, ABSOLUTE Unix SECONDS. Unset: the system clock.
  std::optional<int64_t> now_unix_s;
  /// When the token's remaining life (expiry - now) is shorter than duration_s: false
  /// (default) reports a warning, true an error. An already expired token is always an error.
  bool require_token_lifetime = false;
};

/// Everything check() found. errors make build() throw; warnings do not.
struct Report {
  std::vector<Issue> errors;
  std::vector<Issue> warnings;
  bool ok() const noexcept { return errors.empty(); }
};

/// The error build() throws: code() is invalid_launch_option when any field rule is broken
/// or the token is unusable (empty, undecodable, expired), otherwise launch_token_mismatch;
/// what() lists every problem, one per line; issues() gives them as values.
class LaunchError : public Error {
public:
  explicit LaunchError(std::vector<Issue> issues);
  const std::vector<Issue> &issues() const noexcept { return issues_; }

private:
  std::vector<Issue> issues_;
};

/// Validates `option` as it stands (option.token included) and never throws for bad input:
///  * field rules of the real SDK: roleType in {-1..4}, roomType in {0,2,4}, non-empty
///    userUuid/userName/roomUuid/roomName;
///  * documented rules: those four and courseware names/uuids < 64 UTF-8 bytes; valid UTF-8
///    in every string; duration_s 1..86400; start_time_ms looks like milliseconds
///    (1e12 <= v < 1e13); appId 32 hex; enums in range; numbers in range;
///    user_flex_properties_json is a JSON object;
///  * consistency with the token (spec "Consistency with the token"): a 007 token with an
///    APaaS room-user service (type 7) must carry this appId, userUuid, roomUuid and
///    roleType; its RTM (type 2) / RTM2 (type 8) user must be userUuid and its Chat (type 5)
///    user the lower-case hex MD5 of userUuid. An RTM-only 007 token: appId and RTM user.
///    A 006 token: appId, RTM-login privilege present, and the RTM layout (channel =
///    userUuid, i.e. crc_channel_name == CRC-32(userUuid); uid "", crc_uid == 0; case C-04).
///    A token without any RTM login for the user is refused (the classroom logs in to RTM).
///  * lifetime: expiry - now >= duration_s (warning or error, see CheckOptions).
Report check(const LaunchOption &option, const CheckOptions &options = {});

/// Builds the launchOption from the app's inputs and the token: sets inputs.token = token,
/// fills inputs.app_id from the token when unset, runs check(). Returns the option;
/// warnings (if any) are appended to *warnings when given. Throws LaunchError when
/// check() found any error. Does not log the token.
LaunchOption build(LaunchOption inputs, std::string_view token, const CheckOptions &options = {},
                   std::vector<Issue> *warnings = nullptr);

// ---------------------------------------------------------------------------------------
// JSON (nlohmann::ordered_json inside).

/// Serialises with the keys in the spec's order (required fields, then optional ones that
/// are set), the token under profile.token_field, `appId` and `region` in the same flat
/// object. Compact when indent < 0. Does not validate: call build()/check() first.
/// Throws Error{invalid_launch_option} naming the field when a string is not valid UTF-8
/// or user_flex_properties_json is not a JSON object.
std::string to_json(const LaunchOption &option, const Profile &profile = default_profile(), int indent = -1);

/// Parses a launchOption JSON object (as to_json writes it; the token under "token" or
/// "rtmToken"). Unknown keys are ignored. Throws Error{invalid_argument} naming the JSON
/// path when the text is not JSON or a value has the wrong type; value RULES are left to
/// check().
LaunchOption from_json(std::string_view json);

/// Sets one nested field of `option` from JSON text, as the C API's set_json does:
/// "courseWareList" (array), "mediaOptions", "userFlexProperties", "recordOptions"
/// (objects), "virtualBackgroundImages", "virtualBackgroundVideos" (string arrays).
/// Throws Error{invalid_argument} naming the field for an unknown name or wrong JSON kind.
void set_field_json(LaunchOption &option, std::string_view field, std::string_view json);

} // namespace eduauth::launch
