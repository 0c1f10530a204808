// replay_vector(): the vector-driven dispatcher shared by the unit tests and the CLI.
#include "vector_replay.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <limits>
#include <map>

#include "eduauth/builders.hpp"

namespace eduauth::token {

namespace {

using nlohmann::json;

class Inputs {
public:
  explicit Inputs(const json &vector)
      : vector_(vector), in_(vector.at("inputs")), id_(vector.value("id", std::string("(no id)"))) {}

  [[noreturn]] void fail(const std::string &what) const {
    throw Error(Errc::invalid_argument, "vector " + id_ + ": " + what);
  }

  const json &raw(const json &obj, const char *key) const {
    const auto it = obj.find(key);
    if (it == obj.end()) {
      fail(std::string("missing input '") + key + "'");
    }
    return *it;
  }

  std::string str(const char *key) const { return str_of(raw(in_, key), key); }

  std::string str_of(const json &v, const char *key) const {
    if (!v.is_string()) {
      fail(std::string("input '") + key + "' is not a string");
    }
    return expand(v.get<std::string>());
  }

  int64_t i64(const char *key) const { return i64_of(raw(in_, key), key); }

  int64_t i64_of(const json &v, const char *key) const {
    if (v.is_number_unsigned()) {
      const auto u = v.get<uint64_t>();
      if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
        fail(std::string("input '") + key + "' is out of range");
      }
      return static_cast<int64_t>(u);
    }
    if (!v.is_number_integer()) {
      fail(std::string("input '") + key + "' is not an integer");
    }
    return v.get<int64_t>();
  }

  uint32_t u32(const char *key) const { return u32_of(raw(in_, key), key); }

  uint32_t u32_of(const json &v, const char *key) const {
    const int64_t x = i64_of(v, key);
    if (x < 0 || x > 0xffffffffLL) {
      fail(std::string("input '") + key + "' = " + std::to_string(x) + " does not fit a u32");
    }
    return static_cast<uint32_t>(x);
  }

  int32_t i32(const char *key) const {
    const int64_t x = i64(key);
    if (x < std::numeric_limits<int32_t>::min() || x > std::numeric_limits<int32_t>::max()) {
      fail(std::string("input '") + key + "' = " + std::to_string(x) + " does not fit an int32");
    }
    return static_cast<int32_t>(x);
  }

  /// Pinned values live next to "inputs": issue_ts (007), clock_time (006 builders), ts, salt.
  /// Both are required: a replay that fell back to the clock or a random salt would not be
  /// reproducible, so it could never match the vector's expected token.
  BuildOptions options(const char *clock_key) const {
    BuildOptions o;
    const char *key = vector_.contains(clock_key) ? clock_key : "issue_ts";
    if (!vector_.contains(key)) {
      fail(std::string("the vector has no '") + key + "'" +
           (std::string(key) == clock_key ? "" : std::string(" (or '") + clock_key + "')") +
           "; a replay needs it pinned to be reproducible");
    }
    o.issue_ts = u32_of(vector_.at(key), key);
    if (!vector_.contains("salt")) {
      fail("the vector has no 'salt'; a replay needs it pinned to be reproducible");
    }
    o.salt = u32_of(vector_.at("salt"), "salt");
    return o;
  }

  uint16_t u16_of(const json &v, const char *key) const {
    const uint32_t x = u32_of(v, key);
    if (x > 0xffff) {
      fail(std::string("input '") + key + "' = " + std::to_string(x) + " does not fit a u16");
    }
    return static_cast<uint16_t>(x);
  }

  const json &vector() const { return vector_; }
  const json &in() const { return in_; }

private:
  // "<70000-byte string: xxxx...>" -> 70000 x's (the vectors abbreviate huge inputs this way).
  static std::string expand(std::string s) {
    static const std::string kMarker = "-byte string: ";
    if (s.size() < 4 || s.front() != '<' || s.back() != '>') {
      return s;
    }
    const size_t m = s.find(kMarker);
    if (m == std::string::npos || m < 2) {
      return s;
    }
    size_t n = 0;
    for (size_t i = 1; i < m; ++i) {
      if (s[i] < '0' || s[i] > '9' || n > (size_t{1} << 24)) {
        return s;
      }
      n = n * 10 + static_cast<size_t>(s[i] - '0');
    }
    const size_t c = m + kMarker.size();
    if (c >= s.size() - 1) {
      return s;
    }
    return std::string(n, s[c]);
  }

  const json &vector_;
  const json &in_;
  std::string id_;
};

Rtm2Permissions permissions_of(const Inputs &x, const json &list) {
  Rtm2Permissions out;
  if (!list.is_array()) {
    x.fail("permissions is not an array");
  }
  for (const auto &p : list) {
    // The wire format carries any u16 here (the decoder accepts them), so only the width is checked.
    const uint16_t rt = x.u16_of(x.raw(p, "resource_type"), "resource_type");
    const uint16_t pt = x.u16_of(x.raw(p, "permission_type"), "permission_type");
    std::vector<std::string> resources;
    for (const auto &r : x.raw(p, "resources")) {
      resources.push_back(x.str_of(r, "resources[]"));
    }
    out[rt][pt] = std::move(resources); // adding the same pair again replaces its list (spec §2.3)
  }
  return out;
}

template <typename Add> void privileges_added(const Inputs &x, const json &obj, Add add) {
  for (const auto &pair : x.raw(obj, "privileges_added")) {
    if (!pair.is_array() || pair.size() != 2) {
      x.fail("privileges_added entries must be [id, value]");
    }
    add(x.u16_of(pair[0], "privilege id"), x.u32_of(pair[1], "privilege value"));
  }
}

std::string account_of(const Inputs &x, const json &s) {
  if (s.contains("uid")) {
    return account_from_uid(x.i64_of(s.at("uid"), "uid"));
  }
  return x.str_of(x.raw(s, "account"), "account");
}

std::string direct_007(const Inputs &x) {
  AccessToken2 t;
  t.app_id = x.str("app_id");
  const BuildOptions o = x.options("issue_ts");
  if (!o.issue_ts || !o.salt) {
    x.fail("a direct AccessToken2 vector needs issue_ts and salt");
  }
  t.issue_ts = *o.issue_ts;
  t.salt = *o.salt;
  t.expire = x.u32("expire");
  for (const auto &s : x.raw(x.in(), "services_in_insertion_order")) {
    Service svc;
    svc.type = x.u16_of(x.raw(s, "type"), "type"); // a u16 on the wire: 65537 must not become 1 (RTC)
    switch (static_cast<ServiceType>(svc.type)) {
    case ServiceType::rtc:
    case ServiceType::streaming:
    case ServiceType::fcdn:
      svc.channel_name = x.str_of(x.raw(s, "channel_name"), "channel_name");
      svc.account = account_of(x, s);
      break;
    case ServiceType::rtm:
    case ServiceType::chat:
      svc.user_id = x.str_of(x.raw(s, "user_id"), "user_id");
      break;
    case ServiceType::fpa:
      break;
    case ServiceType::apaas: {
      svc.room_uuid = x.str_of(x.raw(s, "room_uuid"), "room_uuid");
      svc.user_uuid = x.str_of(x.raw(s, "user_uuid"), "user_uuid");
      const int64_t role = x.i64_of(x.raw(s, "role"), "role");
      if (role < -32768 || role > 32767) {
        x.fail("APaaS role " + std::to_string(role) + " is outside the int16 range");
      }
      svc.role = static_cast<int16_t>(role);
      break;
    }
    case ServiceType::rtm2:
      svc.user_id = x.str_of(x.raw(s, "user_id"), "user_id");
      if (s.contains("permissions")) {
        svc.permissions = permissions_of(x, s.at("permissions"));
      }
      break;
    default:
      x.fail("service type " + std::to_string(svc.type) + " is unknown");
    }
    privileges_added(x, s, [&](uint16_t id, uint32_t v) { svc.add_privilege(id, v); });
    t.services.push_back(std::move(svc));
  }
  return build(t, x.str("app_certificate"));
}

std::string direct_006(const Inputs &x) {
  AccessToken006 t;
  t.app_id = x.str("app_id");
  const json &v = x.vector();
  t.ts = x.u32_of(x.raw(v, "ts"), "ts");
  t.salt = x.u32_of(x.raw(v, "salt"), "salt");
  privileges_added(x, x.in(), [&](uint16_t id, uint32_t value) { t.privileges[id] = value; });
  // The uid is the signed string; a numeric uid follows the uid -> string rule (0 -> "").
  const json &uid = x.raw(x.in(), "uid");
  const std::string uid_text = uid.is_string() ? x.str_of(uid, "uid") : account_from_uid(x.i64_of(uid, "uid"));
  return build(t, x.str("app_certificate"), x.str("channel_name"), uid_text);
}

using Replay = std::function<std::string(const Inputs &)>;

const std::map<std::string, Replay> &replays() {
  using R2 = RtcTokenBuilder2;
  static const std::map<std::string, Replay> table = {
      {"RtcTokenBuilder2.BuildTokenWithUid",
       [](const Inputs &x) {
         return R2::BuildTokenWithUid(x.str("app_id"), x.str("app_certificate"), x.str("channel_name"),
                                      x.i64("uid"), static_cast<R2::Role>(x.i32("role")), x.u32("token_expire"),
                                      x.u32("privilege_expire"), x.options("issue_ts"));
       }},
      {"RtcTokenBuilder2.BuildTokenWithUserAccount",
       [](const Inputs &x) {
         return R2::BuildTokenWithUserAccount(x.str("app_id"), x.str("app_certificate"), x.str("channel_name"),
                                              x.str("account"), static_cast<R2::Role>(x.i32("role")),
                                              x.u32("token_expire"), x.u32("privilege_expire"),
                                              x.options("issue_ts"));
       }},
      {"RtcTokenBuilder2.BuildTokenWithUid(privileges)",
       [](const Inputs &x) {
         return R2::BuildTokenWithUid(x.str("app_id"), x.str("app_certificate"), x.str("channel_name"),
                                      x.i64("uid"), x.u32("token_expire"), x.u32("join_channel_privilege_expire"),
                                      x.u32("pub_audio_privilege_expire"), x.u32("pub_video_privilege_expire"),
                                      x.u32("pub_data_stream_privilege_expire"), x.options("issue_ts"));
       }},
      {"RtcTokenBuilder2.BuildTokenWithUserAccount(privileges)",
       [](const Inputs &x) {
         return R2::BuildTokenWithUserAccount(
             x.str("app_id"), x.str("app_certificate"), x.str("channel_name"), x.str("account"),
             x.u32("token_expire"), x.u32("join_channel_privilege_expire"), x.u32("pub_audio_privilege_expire"),
             x.u32("pub_video_privilege_expire"), x.u32("pub_data_stream_privilege_expire"), x.options("issue_ts"));
       }},
      {"RtcTokenBuilder2.BuildTokenWithRtm",
       [](const Inputs &x) {
         return R2::BuildTokenWithRtm(x.str("app_id"), x.str("app_certificate"), x.str("channel_name"),
                                      x.str("account"), static_cast<R2::Role>(x.i32("role")), x.u32("token_expire"),
                                      x.u32("privilege_expire"), x.options("issue_ts"));
       }},
      {"RtcTokenBuilder2.BuildTokenWithRtm2",
       [](const Inputs &x) {
         return R2::BuildTokenWithRtm2(x.str("app_id"), x.str("app_certificate"), x.str("channel_name"),
                                       x.str("rtc_account"), static_cast<R2::Role>(x.i32("rtc_role")),
                                       x.u32("rtc_token_expire"), x.u32("join_channel_privilege_expire"),
                                       x.u32("pub_audio_privilege_expire"), x.u32("pub_video_privilege_expire"),
                                       x.u32("pub_data_stream_privilege_expire"), x.str("rtm_user_id"),
                                       x.u32("rtm_token_expire"), x.options("issue_ts"));
       }},
      {"RtmTokenBuilder2.BuildToken",
       [](const Inputs &x) {
         return RtmTokenBuilder2::BuildToken(x.str("app_id"), x.str("app_certificate"), x.str("user_id"),
                                             x.u32("expire"), x.options("issue_ts"));
       }},
      {"RtmTokenBuilder2.BuildToken(permissions)",
       [](const Inputs &x) {
         return RtmTokenBuilder2::BuildToken(x.str("app_id"), x.str("app_certificate"), x.str("user_id"),
                                             permissions_of(x, x.raw(x.in(), "permissions")), x.u32("expire"),
                                             x.options("issue_ts"));
       }},
      {"ChatTokenBuilder2.BuildUserToken",
       [](const Inputs &x) {
         return ChatTokenBuilder2::BuildUserToken(x.str("app_id"), x.str("app_certificate"), x.str("user_id"),
                                                  x.u32("expire"), x.options("issue_ts"));
       }},
      {"ChatTokenBuilder2.BuildAppToken",
       [](const Inputs &x) {
         return ChatTokenBuilder2::BuildAppToken(x.str("app_id"), x.str("app_certificate"), x.u32("expire"),
                                                 x.options("issue_ts"));
       }},
      {"EducationTokenBuilder2.BuildRoomUserToken",
       [](const Inputs &x) {
         return EducationTokenBuilder2::BuildRoomUserToken(x.str("app_id"), x.str("app_certificate"),
                                                           x.str("room_uuid"), x.str("user_uuid"), x.i32("role"),
                                                           x.u32("expire"), x.options("issue_ts"));
       }},
      {"EducationTokenBuilder2.BuildUserToken",
       [](const Inputs &x) {
         return EducationTokenBuilder2::BuildUserToken(x.str("app_id"), x.str("app_certificate"),
                                                       x.str("user_uuid"), x.u32("expire"), x.options("issue_ts"));
       }},
      {"EducationTokenBuilder2.BuildAppToken",
       [](const Inputs &x) {
         return EducationTokenBuilder2::BuildAppToken(x.str("app_id"), x.str("app_certificate"), x.u32("expire"),
                                                      x.options("issue_ts"));
       }},
      {"FpaTokenBuilder.BuildToken",
       [](const Inputs &x) {
         return FpaTokenBuilder::BuildToken(x.str("app_id"), x.str("app_certificate"), x.options("issue_ts"));
       }},
      {"AccessToken2 (direct)", direct_007},
      {"RtcTokenBuilder.buildTokenWithUid",
       [](const Inputs &x) {
         return RtcTokenBuilder::buildTokenWithUid(x.str("app_id"), x.str("app_certificate"), x.str("channel_name"),
                                                   x.i64("uid"), static_cast<RtcTokenBuilder::Role>(x.i32("role")),
                                                   x.u32("privilege_expired_ts"), x.options("clock_time"));
       }},
      {"RtcTokenBuilder.buildTokenWithUserAccount",
       [](const Inputs &x) {
         return RtcTokenBuilder::buildTokenWithUserAccount(
             x.str("app_id"), x.str("app_certificate"), x.str("channel_name"), x.str("account"),
             static_cast<RtcTokenBuilder::Role>(x.i32("role")), x.u32("privilege_expired_ts"),
             x.options("clock_time"));
       }},
      {"RtmTokenBuilder.buildToken",
       [](const Inputs &x) {
         return RtmTokenBuilder::buildToken(x.str("app_id"), x.str("app_certificate"), x.str("user_account"),
                                            static_cast<RtmTokenBuilder::Role>(x.i32("role")),
                                            x.u32("privilege_expired_ts"), x.options("clock_time"));
       }},
      {"AccessToken (006, direct)", direct_006},
  };
  return table;
}

} // namespace

std::string replay_vector(const nlohmann::json &vector) {
  if (!vector.is_object()) {
    throw Error(Errc::invalid_argument, "a vector entry must be a JSON object");
  }
  const std::string builder = vector.value("builder", std::string());
  std::string name = builder;
  // ApaasTokenBuilder is EducationTokenBuilder2 under another name (builders.hpp).
  if (name.rfind("ApaasTokenBuilder.", 0) == 0) {
    name = "EducationTokenBuilder2." + name.substr(std::string("ApaasTokenBuilder.").size());
  }
  // Raw-constructor vectors (e.g. the reference fixtures) may spell their builder in other
  // ways; what identifies them is the raw input layout.
  const auto &inputs = vector.contains("inputs") ? vector.at("inputs") : vector;
  if (name.rfind("AccessToken2", 0) == 0 && inputs.contains("services_in_insertion_order")) {
    name = "AccessToken2 (direct)";
  } else if (name.rfind("AccessToken", 0) == 0 && vector.value("format", std::string()) == "006" &&
             inputs.contains("privileges_added")) {
    name = "AccessToken (006, direct)";
  }
  const auto &table = replays();
  const auto it = table.find(name);
  if (it == table.end()) {
    throw Error(Errc::invalid_argument, "vector " + vector.value("id", std::string("(no id)")) +
                                            ": unknown builder \"" + builder + "\"");
  }
  try {
    return it->second(Inputs(vector));
  } catch (const nlohmann::json::exception &e) {
    throw Error(Errc::invalid_argument,
                "vector " + vector.value("id", std::string("(no id)")) + ": bad input (" + e.what() + ")");
  }
}

} // namespace eduauth::token
