// Wire strings and parsers of the launchOption enumerations (values from agora-classroom-sdk
// 2.9.52: EduRoleTypeEnum, EduRoomTypeEnum, EduRegion, Platform, FcrMultiThemeMode).
#include <cctype>
#include <string>

#include "eduauth/launch.hpp"

namespace eduauth::launch {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

[[noreturn]] void bad_value(std::string_view field, std::string_view value, std::string_view accepted) {
  throw Error(Errc::invalid_launch_option, std::string(field) + ": \"" + std::string(value) +
                                               "\" is not one of " + std::string(accepted));
}

// Strict decimal integer (optional leading '-'); nullopt for anything else.
std::optional<int32_t> parse_small_int(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  int32_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return s[0] == '-' ? -v : v;
}

} // namespace

const char *to_string(Language v) noexcept {
  switch (v) {
  case Language::en: return "en";
  case Language::zh: return "zh";
  }
  return nullptr;
}
const char *to_string(Region v) noexcept {
  switch (v) {
  case Region::cn: return "CN";
  case Region::ap: return "AP";
  case Region::eu: return "EU";
  case Region::na: return "NA";
  }
  return nullptr;
}
const char *to_string(Platform v) noexcept {
  switch (v) {
  case Platform::pc: return "PC";
  case Platform::h5: return "H5";
  }
  return nullptr;
}
const char *to_string(UiMode v) noexcept {
  switch (v) {
  case UiMode::light: return "light";
  case UiMode::dark: return "dark";
  }
  return nullptr;
}
const char *to_string(VideoCodec v) noexcept {
  switch (v) {
  case VideoCodec::vp8: return "vp8";
  case VideoCodec::vp9: return "vp9";
  case VideoCodec::h264: return "h264";
  }
  return nullptr;
}
const char *to_string(WebMode v) noexcept {
  switch (v) {
  case WebMode::rtc: return "rtc";
  case WebMode::live: return "live";
  }
  return nullptr;
}
const char *to_string(ConversionType v) noexcept {
  switch (v) {
  case ConversionType::static_: return "static";
  case ConversionType::dynamic: return "dynamic";
  }
  return nullptr;
}
const char *to_string(RoleType v) noexcept {
  switch (v) {
  case RoleType::none: return "none";
  case RoleType::invisible: return "invisible";
  case RoleType::teacher: return "teacher";
  case RoleType::student: return "student";
  case RoleType::assistant: return "assistant";
  case RoleType::observer: return "observer";
  }
  return nullptr;
}
const char *to_string(RoomType v) noexcept {
  switch (v) {
  case RoomType::one_to_one: return "one_to_one";
  case RoomType::lecture_hall: return "lecture_hall";
  case RoomType::small_class: return "small_class";
  }
  return nullptr;
}

RoleType parse_role(std::string_view text) {
  static constexpr std::string_view accepted =
      "teacher, student, assistant, observer, audience, invisible, none, -1, 0, 1, 2, 3, 4";
  const std::string t = lower(text);
  if (t == "teacher") return RoleType::teacher;
  if (t == "student") return RoleType::student;
  if (t == "assistant") return RoleType::assistant;
  if (t == "observer") return RoleType::observer;
  if (t == "audience" || t == "invisible") return RoleType::invisible; // docs: 0 = audience/recorder
  if (t == "none") return RoleType::none;
  if (auto v = parse_small_int(t); v && *v >= -1 && *v <= 4) return static_cast<RoleType>(*v);
  bad_value("roleType", text, accepted);
}

RoomType parse_room_type(std::string_view text) {
  static constexpr std::string_view accepted =
      "one-to-one (0), lecture (2), small (4); core's 6, 7, 10 and 101 are not accepted by launch";
  const std::string t = lower(text);
  if (t == "one-to-one" || t == "one_to_one" || t == "1v1") return RoomType::one_to_one;
  if (t == "lecture" || t == "lecture-hall" || t == "lecture_hall" || t == "big") return RoomType::lecture_hall;
  if (t == "small" || t == "small-class" || t == "small_class") return RoomType::small_class;
  if (auto v = parse_small_int(t); v && (*v == 0 || *v == 2 || *v == 4)) return static_cast<RoomType>(*v);
  bad_value("roomType", text, accepted);
}

Language parse_language(std::string_view text) {
  if (text == "en") return Language::en;
  if (text == "zh") return Language::zh;
  bad_value("language", text, "en, zh");
}

Region parse_region(std::string_view text) {
  const std::string t = lower(text);
  if (t == "cn") return Region::cn;
  if (t == "ap") return Region::ap;
  if (t == "eu") return Region::eu;
  if (t == "na") return Region::na;
  bad_value("region", text, "CN, AP, EU, NA");
}

Platform parse_platform(std::string_view text) {
  const std::string t = lower(text);
  if (t == "pc") return Platform::pc;
  if (t == "h5") return Platform::h5;
  bad_value("platform", text, "PC, H5");
}

UiMode parse_ui_mode(std::string_view text) {
  if (text == "light") return UiMode::light;
  if (text == "dark") return UiMode::dark;
  bad_value("uiMode", text, "light, dark");
}

} // namespace eduauth::launch
