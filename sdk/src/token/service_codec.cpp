// Packing and unpacking of 007 service blocks, including RTM2 permissions.
#include "service_codec.hpp"

#include <algorithm>

namespace eduauth::token::detail {

namespace {

void pack_permissions(Writer &w, const Rtm2Permissions &permissions) {
  w.count("permission resource types", permissions.size());
  for (const auto &[resource_type, by_permission] : permissions) {
    w.u16(resource_type);
    w.count("permission types", by_permission.size());
    for (const auto &[permission_type, resources] : by_permission) {
      w.u16(permission_type);
      w.count("resources", resources.size());
      for (const auto &resource : resources) {
        w.string("resource", resource);
      }
    }
  }
}

Rtm2Permissions unpack_permissions(Reader &r) {
  Rtm2Permissions out;
  const uint16_t n_types = r.count("RTM2 resource type count", 4);
  int last_type = -1;
  for (uint16_t i = 0; i < n_types; ++i) {
    const uint16_t resource_type = r.u16("RTM2 resource type");
    if (static_cast<int>(resource_type) <= last_type) {
      r.fail("RTM2 resource type", "type " + std::to_string(resource_type) + " is not ascending");
    }
    last_type = resource_type;
    auto &by_permission = out[resource_type];
    const uint16_t n_perms = r.count("RTM2 permission type count", 4);
    int last_perm = -1;
    for (uint16_t j = 0; j < n_perms; ++j) {
      const uint16_t permission_type = r.u16("RTM2 permission type");
      if (static_cast<int>(permission_type) <= last_perm) {
        r.fail("RTM2 permission type", "type " + std::to_string(permission_type) + " is not ascending");
      }
      last_perm = permission_type;
      auto &resources = by_permission[permission_type];
      const uint16_t n_res = r.count("RTM2 resource count", 2);
      resources.reserve(std::min<size_t>(n_res, 64)); // bounded: a string is 16x its smallest wire form
      for (uint16_t k = 0; k < n_res; ++k) {
        resources.emplace_back(r.string("RTM2 resource"));
      }
    }
  }
  return out;
}

} // namespace

void pack_service(Writer &w, const Service &s) {
  const char *name = service_type_name(s.type);
  if (!is_known_service_type(s.type)) {
    throw Error(Errc::invalid_argument,
                "service type " + std::to_string(s.type) + " is unknown; the format defines types 1..8");
  }
  w.set_context(name);
  w.u16(s.type);
  w.privileges(s.privileges);
  switch (static_cast<ServiceType>(s.type)) {
  case ServiceType::rtc:
  case ServiceType::streaming:
  case ServiceType::fcdn:
    w.string("channel_name", s.channel_name);
    w.string("account", s.account);
    break;
  case ServiceType::rtm:
  case ServiceType::chat:
    w.string("user_id", s.user_id);
    break;
  case ServiceType::fpa:
    break;
  case ServiceType::apaas:
    w.string("room_uuid", s.room_uuid);
    w.string("user_uuid", s.user_uuid);
    w.i16(s.role);
    break;
  case ServiceType::rtm2:
    w.string("user_id", s.user_id);
    pack_permissions(w, s.permissions);
    break;
  }
  w.set_context(nullptr);
}

Service unpack_service_body(Reader &r, uint16_t type) {
  Service s;
  s.type = type;
  s.privileges = r.privileges();
  switch (static_cast<ServiceType>(type)) {
  case ServiceType::rtc:
  case ServiceType::streaming:
  case ServiceType::fcdn:
    s.channel_name = r.string("channel_name");
    s.account = r.string("account");
    break;
  case ServiceType::rtm:
  case ServiceType::chat:
    s.user_id = r.string("user_id");
    break;
  case ServiceType::fpa:
    break;
  case ServiceType::apaas:
    s.room_uuid = r.string("room_uuid");
    s.user_uuid = r.string("user_uuid");
    s.role = r.i16("role");
    break;
  case ServiceType::rtm2:
    s.user_id = r.string("user_id");
    s.permissions = unpack_permissions(r);
    break;
  }
  return s;
}

} // namespace eduauth::token::detail
