// eduauth C API — decode, inspect, verify tokens (over eduauth/token.hpp).
#include <iterator>
#include <memory>
#include <string>

#include "eduauth/token.hpp"
#include "guard.hpp"

namespace tk = eduauth::token;
using namespace eduauth::capi;

// The opaque handle: an immutable decoded token. Borrowed strings point into it.
struct eduauth_token {
  tk::Token token;
};

namespace {

bool is_007(const eduauth_token *t) {
  return t != nullptr && t->token.version == tk::Version::v007;
}
bool is_006(const eduauth_token *t) {
  return t != nullptr && t->token.version == tk::Version::v006;
}

const tk::Service &service_at(const eduauth_token *t, size_t index) {
  require(t, "token");
  const auto &services = t->token.v007.services;
  if (!is_007(t)) throw invalid("service index " + std::to_string(index) + ": a 006 token has no services");
  if (index >= services.size())
    throw invalid("service index " + std::to_string(index) + " is out of range (the token has " +
                  std::to_string(services.size()) + " services)");
  return services[index];
}

const std::string &field_of(const eduauth_token *t, size_t index, const char *field) {
  const tk::Service &s = service_at(t, index);
  using T = tk::ServiceType;
  const std::string f(field);
  const auto type = static_cast<T>(s.type);
  const bool chan = type == T::rtc || type == T::streaming || type == T::fcdn;
  if (chan && f == "channel_name") return s.channel_name;
  if (chan && f == "account") return s.account;
  if ((type == T::rtm || type == T::chat || type == T::rtm2) && f == "user_id") return s.user_id;
  if (type == T::apaas && f == "room_uuid") return s.room_uuid;
  if (type == T::apaas && f == "user_uuid") return s.user_uuid;
  throw invalid("service " + std::to_string(index) + " (" + tk::service_type_name(s.type) + ") has no " + f);
}

int string_field(const char **out, const eduauth_token *t, size_t index, const char *field, const char *fn) {
  return guarded(fn, [&] {
    require(out, "out");
    *out = nullptr;
    *out = field_of(t, index, field).c_str();
    return EDUAUTH_OK;
  });
}

const tk::PrivilegeMap::value_type &privilege_of(const tk::PrivilegeMap &m, size_t i) {
  if (i >= m.size())
    throw invalid("privilege index " + std::to_string(i) + " is out of range (there are " +
                  std::to_string(m.size()) + " privileges)");
  auto it = m.begin();
  std::advance(it, static_cast<std::ptrdiff_t>(i));
  return *it;
}

int check_verify_result(bool ok, const char *app_certificate) {
  if (!ok)
    throw eduauth::Error(eduauth::Errc::signature_mismatch,
                         "the signature does not match app certificate " + tk::fingerprint(app_certificate));
  return EDUAUTH_OK;
}

} // namespace

extern "C" {

int eduauth_token_decode(eduauth_token **out, const char *token) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(token, "token");
    auto handle = std::make_unique<eduauth_token>();
    handle->token = tk::decode(token);
    *out = handle.release();
    return EDUAUTH_OK;
  });
}

void eduauth_token_free(eduauth_token *token) {
  delete token;
}

int32_t eduauth_token_version(const eduauth_token *t) {
  if (t == nullptr) return 0;
  return static_cast<int32_t>(t->token.version);
}

const char *eduauth_token_app_id(const eduauth_token *t) {
  return t ? t->token.app_id().c_str() : "";
}

uint32_t eduauth_token_issue_ts(const eduauth_token *t) {
  return is_007(t) ? t->token.v007.issue_ts : 0;
}

uint32_t eduauth_token_expire(const eduauth_token *t) {
  return is_007(t) ? t->token.v007.expire : 0;
}

uint32_t eduauth_token_salt(const eduauth_token *t) {
  if (t == nullptr) return 0;
  return is_007(t) ? t->token.v007.salt : t->token.v006.salt;
}

uint32_t eduauth_token_ts(const eduauth_token *t) {
  return is_006(t) ? t->token.v006.ts : 0;
}

int64_t eduauth_token_expires_at(const eduauth_token *t) {
  return t ? t->token.expires_at() : 0;
}

uint32_t eduauth_token_crc_channel_name(const eduauth_token *t) {
  return is_006(t) ? t->token.v006.crc_channel_name : 0;
}

uint32_t eduauth_token_crc_uid(const eduauth_token *t) {
  return is_006(t) ? t->token.v006.crc_uid : 0;
}

int32_t eduauth_token_unknown_service_type(const eduauth_token *t) {
  if (!is_007(t) || !t->token.v007.unknown_service_type) return -1;
  return *t->token.v007.unknown_service_type;
}

size_t eduauth_token_trailing_bytes(const eduauth_token *t) {
  return is_007(t) ? t->token.v007.trailing_bytes : 0;
}

size_t eduauth_token_service_count(const eduauth_token *t) {
  return is_007(t) ? t->token.v007.services.size() : 0;
}

int eduauth_token_service_type(uint32_t *out, const eduauth_token *t, size_t index) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = 0;
    *out = service_at(t, index).type;
    return EDUAUTH_OK;
  });
}

const char *eduauth_service_type_name(uint32_t type) {
  return type > 0xFFFF ? "unknown" : tk::service_type_name(static_cast<uint16_t>(type));
}

int eduauth_token_service_channel_name(const char **out, const eduauth_token *t, size_t index) {
  return string_field(out, t, index, "channel_name", __func__);
}
int eduauth_token_service_account(const char **out, const eduauth_token *t, size_t index) {
  return string_field(out, t, index, "account", __func__);
}
int eduauth_token_service_user_id(const char **out, const eduauth_token *t, size_t index) {
  return string_field(out, t, index, "user_id", __func__);
}
int eduauth_token_service_room_uuid(const char **out, const eduauth_token *t, size_t index) {
  return string_field(out, t, index, "room_uuid", __func__);
}
int eduauth_token_service_user_uuid(const char **out, const eduauth_token *t, size_t index) {
  return string_field(out, t, index, "user_uuid", __func__);
}

int eduauth_token_service_role(int32_t *out, const eduauth_token *t, size_t index) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = 0;
    const tk::Service &s = service_at(t, index);
    if (s.type != static_cast<uint16_t>(tk::ServiceType::apaas))
      throw invalid("service " + std::to_string(index) + " (" + tk::service_type_name(s.type) +
                    ") has no role");
    *out = s.role;
    return EDUAUTH_OK;
  });
}

int eduauth_token_service_privilege_count(size_t *out, const eduauth_token *t, size_t index) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = 0;
    *out = service_at(t, index).privileges.size();
    return EDUAUTH_OK;
  });
}

int eduauth_token_service_privilege_at(uint32_t *out_id, uint32_t *out_value, const eduauth_token *t,
                                       size_t index, size_t privilege_index) {
  return guarded(__func__, [&] {
    if (out_id) *out_id = 0;
    if (out_value) *out_value = 0;
    const auto &p = privilege_of(service_at(t, index).privileges, privilege_index);
    if (out_id) *out_id = p.first;
    if (out_value) *out_value = p.second;
    return EDUAUTH_OK;
  });
}

size_t eduauth_token_privilege_count(const eduauth_token *t) {
  return is_006(t) ? t->token.v006.privileges.size() : 0;
}

int eduauth_token_privilege_at(uint32_t *out_id, uint32_t *out_value, const eduauth_token *t,
                               size_t privilege_index) {
  return guarded(__func__, [&] {
    if (out_id) *out_id = 0;
    if (out_value) *out_value = 0;
    require(t, "token");
    if (!is_006(t))
      throw invalid("a 007 token keeps its privileges per service (eduauth_token_service_privilege_at)");
    const auto &p = privilege_of(t->token.v006.privileges, privilege_index);
    if (out_id) *out_id = p.first;
    if (out_value) *out_value = p.second;
    return EDUAUTH_OK;
  });
}

int eduauth_token_to_json(char **out, const eduauth_token *t) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(t, "token");
    *out = dup_string(tk::to_json(t->token, -1));
    return EDUAUTH_OK;
  });
}

int eduauth_token_to_json_pretty(char **out, const eduauth_token *t, int32_t indent) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(t, "token");
    if (indent < 0 || indent > 16) throw invalid("indent " + std::to_string(indent) + " is outside 0..16");
    *out = dup_string(tk::to_json(t->token, indent));
    return EDUAUTH_OK;
  });
}

int eduauth_token_verify(const eduauth_token *t, const char *app_certificate) {
  return guarded(__func__, [&] {
    require(t, "token");
    require(app_certificate, "app_certificate");
    if (!is_007(t)) throw invalid("a 006 token needs its channel and uid: use eduauth_token_verify_006");
    return check_verify_result(tk::verify(t->token.v007, app_certificate), app_certificate);
  });
}

int eduauth_token_verify_006(const eduauth_token *t, const char *app_certificate, const char *channel_name,
                             const char *uid) {
  return guarded(__func__, [&] {
    require(t, "token");
    require(app_certificate, "app_certificate");
    require(channel_name, "channel_name");
    require(uid, "uid");
    if (!is_006(t)) throw invalid("a 007 token carries its own identities: use eduauth_token_verify");
    return check_verify_result(tk::verify(t->token.v006, app_certificate, channel_name, uid),
                               app_certificate);
  });
}

int eduauth_token_verify_006_uid(const eduauth_token *t, const char *app_certificate,
                                 const char *channel_name, uint32_t uid) {
  return guarded(__func__, [&] {
    require(t, "token");
    require(app_certificate, "app_certificate");
    require(channel_name, "channel_name");
    if (!is_006(t)) throw invalid("a 007 token carries its own identities: use eduauth_token_verify");
    return check_verify_result(
        tk::verify(t->token.v006, app_certificate, channel_name, tk::account_from_uid(uid)), app_certificate);
  });
}

int eduauth_chat_user_id(char **out, const char *user_uuid) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(user_uuid, "user_uuid");
    *out = dup_string(tk::chat_user_id(user_uuid));
    return EDUAUTH_OK;
  });
}

} // extern "C"
