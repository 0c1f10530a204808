// Shared inputs of the launch unit tests: Agora's public test credentials (cases/README.md),
// a pinned issue time so every token is reproducible, and a valid launchOption.
#pragma once

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "eduauth/builders.hpp"
#include "eduauth/launch.hpp"

namespace launch_test {

inline constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
inline constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";
inline constexpr uint32_t kIssueTs = 1700000000; // 2023-11-14T22:13:20Z
inline constexpr int64_t kNow = kIssueTs + 100;  // "now" for every check, Unix seconds

inline eduauth::token::BuildOptions pinned() {
  eduauth::token::BuildOptions o;
  o.issue_ts = kIssueTs;
  o.salt = 12345;
  return o;
}

/// BuildRoomUserToken for (room, user, role), 3600 s.
inline std::string room_user_token(const std::string &room, const std::string &user, int role,
                                   uint32_t expire = 3600) {
  return eduauth::token::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, room, user, role, expire, pinned());
}

inline eduauth::launch::CheckOptions at_now(bool require_lifetime = false) {
  eduauth::launch::CheckOptions o;
  o.now_unix_s = kNow;
  o.require_token_lifetime = require_lifetime;
  return o;
}

/// The C-14 inputs: userUuid "test_user", roomUuid "123", roleType 1 (teacher), with a
/// matching room-user token; duration 1800 s.
inline eduauth::launch::LaunchOption valid_option() {
  eduauth::launch::LaunchOption o;
  o.user_uuid = "test_user";
  o.user_name = "Teacher Test";
  o.room_uuid = "123";
  o.room_name = "Room 123";
  o.role_type = eduauth::launch::RoleType::teacher;
  o.room_type = eduauth::launch::RoomType::small_class;
  o.language = eduauth::launch::Language::en;
  o.duration_s = 1800;
  o.token = room_user_token("123", "test_user", 1);
  return o;
}

/// The issues of check() at kNow for `o`.
inline std::vector<eduauth::launch::Issue> errors_of(const eduauth::launch::LaunchOption &o,
                                                     bool require_lifetime = false) {
  return eduauth::launch::check(o, at_now(require_lifetime)).errors;
}

/// The issue for `field`, or a failed expectation.
inline const eduauth::launch::Issue *find(const std::vector<eduauth::launch::Issue> &issues, const std::string &field) {
  auto it = std::find_if(issues.begin(), issues.end(), [&](const auto &i) { return i.field == field; });
  return it == issues.end() ? nullptr : &*it;
}

inline std::string fields(const std::vector<eduauth::launch::Issue> &issues) {
  std::string s;
  for (const auto &i : issues) s += (s.empty() ? "" : ",") + i.field;
  return s;
}

} // namespace launch_test
