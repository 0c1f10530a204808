// The 007 service model (spec §2.3, §2.4): names, constructors, the uid -> account rule.
#include "eduauth/token.hpp"

#include <utility>

namespace eduauth::token {

const char *service_type_name(uint16_t type) noexcept {
  switch (type) {
  case 1: return "RTC";
  case 2: return "RTM";
  case 3: return "Streaming";
  case 4: return "FPA";
  case 5: return "Chat";
  case 6: return "FCDN";
  case 7: return "APaaS";
  case 8: return "RTM2";
  default: return "unknown";
  }
}

const char *privilege_name(uint16_t service_type, uint16_t id) noexcept {
  switch (service_type) {
  case 0: // 006 (spec §3.4)
    switch (id) {
    case 1: return "kJoinChannel";
    case 2: return "kPublishAudioStream";
    case 3: return "kPublishVideoStream";
    case 4: return "kPublishDataStream";
    case 101: return "kAdministrateChannel";
    case 1000: return "kRtmLogin";
    default: return "unknown";
    }
  case 1: // RTC
    switch (id) {
    case 1: return "kPrivilegeJoinChannel";
    case 2: return "kPrivilegePublishAudioStream";
    case 3: return "kPrivilegePublishVideoStream";
    case 4: return "kPrivilegePublishDataStream";
    default: return "unknown";
    }
  case 2: // RTM
  case 4: // FPA
  case 8: // RTM2
    return id == 1 ? "kPrivilegeLogin" : "unknown";
  case 3: // Streaming
    return id == 1 ? "kPrivilegePublishMixStream" : id == 2 ? "kPrivilegePublishRawStream" : "unknown";
  case 5: // Chat
    return id == 1 ? "kPrivilegeUser" : id == 2 ? "kPrivilegeApp" : "unknown";
  case 6: // FCDN
    return id == 1 ? "kPrivilegePublish" : id == 2 ? "kPrivilegePlay" : "unknown";
  case 7: // APaaS
    return id == 1 ? "kPrivilegeRoomUser" : id == 2 ? "kPrivilegeUser" : id == 3 ? "kPrivilegeApp" : "unknown";
  default: return "unknown";
  }
}

std::string account_from_uid(int64_t uid) {
  if (uid < 0 || uid > 4294967295LL) {
    throw Error(Errc::invalid_argument,
                "uid " + std::to_string(uid) + " is outside the uint32 range 0..4294967295 (Agora uids are uint32)");
  }
  return uid == 0 ? std::string() : std::to_string(uid);
}

namespace {
Service make(ServiceType type) {
  Service s;
  s.type = static_cast<uint16_t>(type);
  return s;
}
} // namespace

Service Service::rtc(std::string channel_name, std::string account) {
  Service s = make(ServiceType::rtc);
  s.channel_name = std::move(channel_name);
  s.account = std::move(account);
  return s;
}

Service Service::rtm(std::string user_id) {
  Service s = make(ServiceType::rtm);
  s.user_id = std::move(user_id);
  return s;
}

Service Service::streaming(std::string channel_name, std::string account) {
  Service s = make(ServiceType::streaming);
  s.channel_name = std::move(channel_name);
  s.account = std::move(account);
  return s;
}

Service Service::fpa() { return make(ServiceType::fpa); }

Service Service::chat(std::string user_id) {
  Service s = make(ServiceType::chat);
  s.user_id = std::move(user_id);
  return s;
}

Service Service::fcdn(std::string channel_name, std::string account) {
  Service s = make(ServiceType::fcdn);
  s.channel_name = std::move(channel_name);
  s.account = std::move(account);
  return s;
}

Service Service::apaas(std::string room_uuid, std::string user_uuid, int16_t role) {
  Service s = make(ServiceType::apaas);
  s.room_uuid = std::move(room_uuid);
  s.user_uuid = std::move(user_uuid);
  s.role = role;
  return s;
}

Service Service::rtm2(std::string user_id, Rtm2Permissions permissions) {
  Service s = make(ServiceType::rtm2);
  s.user_id = std::move(user_id);
  s.permissions = std::move(permissions);
  return s;
}

Service &Service::add_privilege(uint16_t id, uint32_t value) {
  privileges[id] = value;
  return *this;
}

} // namespace eduauth::token
