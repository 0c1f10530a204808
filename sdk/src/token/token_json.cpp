// to_json(): the decoded token with the field names of the vectors' `decoded` objects.
#include <nlohmann/json.hpp>

#include "eduauth/token.hpp"
#include "hex.hpp"
#include "packer.hpp"

namespace eduauth::token {

namespace {

using Json = nlohmann::ordered_json;

bool printable_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) {
      return false;
    }
  }
  return true;
}

// "name", "name_byte_length" and, when the bytes are not all printable ASCII, "name_hex".
void put_string(Json &j, const char *name, const std::string &value) {
  j[name] = value;
  j[std::string(name) + "_byte_length"] = value.size();
  if (!printable_ascii(value)) {
    j[std::string(name) + "_hex"] = detail::to_hex(value);
  }
}

// One privilege; expires_at is absolute Unix seconds, null when the value is 0 (no limit of its own).
Json privilege_json(uint16_t service_type, uint16_t id, uint32_t value, int64_t expires_at) {
  Json p;
  p["id"] = id;
  p["name"] = privilege_name(service_type, id);
  p["value"] = value;
  p["expires_at"] = value == 0 ? Json(nullptr) : Json(expires_at);
  return p;
}

Json service_json(const Service &s, uint32_t issue_ts) {
  Json j;
  j["type"] = s.type;
  j["type_name"] = service_type_name(s.type);
  Json privileges = Json::array();
  for (const auto &[id, value] : s.privileges) {
    privileges.push_back(privilege_json(s.type, id, value, int64_t{issue_ts} + value));
  }
  j["privileges"] = std::move(privileges);
  switch (static_cast<ServiceType>(s.type)) {
  case ServiceType::rtc:
  case ServiceType::streaming:
  case ServiceType::fcdn:
    put_string(j, "channel_name", s.channel_name);
    put_string(j, "account", s.account);
    break;
  case ServiceType::rtm:
  case ServiceType::chat:
    put_string(j, "user_id", s.user_id);
    break;
  case ServiceType::fpa:
    break;
  case ServiceType::apaas:
    put_string(j, "room_uuid", s.room_uuid);
    put_string(j, "user_uuid", s.user_uuid);
    j["role"] = s.role;
    break;
  case ServiceType::rtm2: {
    put_string(j, "user_id", s.user_id);
    Json permissions = Json::array();
    for (const auto &[resource_type, by_permission] : s.permissions) {
      for (const auto &[permission_type, resources] : by_permission) {
        permissions.push_back(
            Json{{"resource_type", resource_type}, {"permission_type", permission_type}, {"resources", resources}});
      }
    }
    j["permissions"] = std::move(permissions);
    break;
  }
  }
  return j;
}

Json json_007(const AccessToken2 &t) {
  Json j;
  j["version"] = "007";
  j["app_id"] = t.app_id;
  j["app_id_byte_length"] = t.app_id.size();
  j["issue_ts"] = t.issue_ts;
  j["expire"] = t.expire;
  j["salt"] = t.salt;
  j["signature_hex"] = detail::to_hex(t.signature);
  j["service_count"] = t.services.size();
  if (t.declared_service_count != t.services.size()) {
    j["declared_service_count"] = t.declared_service_count;
  }
  Json services = Json::array();
  for (const auto &s : t.services) {
    services.push_back(service_json(s, t.issue_ts));
  }
  j["services"] = std::move(services);
  if (!t.signed_bytes.empty()) {
    // The payload is exactly string(signature) || signed_bytes (decode checks the signature length).
    std::string payload;
    detail::Writer w(payload);
    w.string("signature", t.signature);
    payload += t.signed_bytes;
    j["payload_hex"] = detail::to_hex(payload);
    j["payload_byte_length"] = payload.size();
  }
  j["expires_at"] = t.expires_at();
  if (t.unknown_service_type) {
    j["unknown_service_type"] = *t.unknown_service_type;
  }
  if (t.trailing_bytes != 0) {
    j["trailing_bytes"] = t.trailing_bytes;
  }
  return j;
}

Json json_006(const AccessToken006 &t) {
  Json j;
  j["version"] = "006";
  j["app_id"] = t.app_id;
  j["app_id_byte_length"] = t.app_id.size();
  j["signature_hex"] = detail::to_hex(t.signature);
  j["crc_channel_name"] = t.crc_channel_name;
  j["crc_uid"] = t.crc_uid;
  j["salt"] = t.salt;
  j["ts"] = t.ts;
  Json privileges = Json::array();
  for (const auto &[id, value] : t.privileges) {
    privileges.push_back(privilege_json(0, id, value, value));
  }
  j["privileges"] = std::move(privileges);
  if (!t.message.empty()) {
    // The content is exactly string(signature) || crc || crc || string(message) (decode checks the end).
    std::string content;
    detail::Writer w(content);
    w.string("signature", t.signature);
    w.u32(t.crc_channel_name);
    w.u32(t.crc_uid);
    w.string("message", t.message);
    j["message_hex"] = detail::to_hex(t.message);
    j["content_hex"] = detail::to_hex(content);
  }
  j["expires_at"] = t.expires_at();
  return j;
}

} // namespace

std::string to_json(const Token &token, int indent) {
  const Json j = token.version == Version::v007 ? json_007(token.v007) : json_006(token.v006);
  // Strings are raw bytes; invalid UTF-8 becomes U+FFFD here and stays exact in "<field>_hex".
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace eduauth::token
