#include "fetched_token.hpp"

#include <algorithm>
#include <cctype>

#include <zlib.h>

#include "eduauth/log.hpp"
#include "eduauth/token.hpp"

namespace eduauth::client_detail {

namespace {
// Escaped so a NUL or newline in a value neither cuts nor splits the message (C API, logs).
std::string quoted(const std::string &s) { return "\"" + escape_text(s) + "\""; }

bool iequals(const std::string &a, const std::string &b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

[[noreturn]] void mismatch(const std::string &field, const std::string &want, const std::string &got,
                           const TokenKey &key) {
  throw Error(Errc::token_mismatch, "token server returned a token for another " + field + ": asked " + want +
                                        ", token has " + got + " (key " + describe_key(key) + ")");
}

// The APaaS room-user service must name exactly the key it was fetched for.
void check_apaas(const token::Token &t, const TokenKey &key) {
  if (t.version != token::Version::v007) return;
  for (const auto &svc : t.v007.services) {
    if (svc.type != static_cast<uint16_t>(token::ServiceType::apaas)) continue;
    if (svc.privileges.count(token::privilege::kRoomUser) == 0) continue; // user/app token: no room binding
    if (svc.room_uuid != key.room_uuid) mismatch("room_uuid", quoted(key.room_uuid), quoted(svc.room_uuid), key);
    if (svc.user_uuid != key.user_uuid) mismatch("user_uuid", quoted(key.user_uuid), quoted(svc.user_uuid), key);
    if (svc.role != key.role) mismatch("role", std::to_string(key.role), std::to_string(svc.role), key);
  }
}
bool has(const token::Service &svc, uint16_t privilege) { return svc.privileges.count(privilege) != 0; }

// Every user-bearing service must name the key's user, and at least one must carry it: a
// token server that answers with another user's RTM/RTM2/Chat login would otherwise let this
// client sign in as that user. Only checked when the key names a user.
void check_user_007(const token::AccessToken2 &t, const TokenKey &key) {
  namespace priv = token::privilege;
  const std::string &user = key.user_uuid;
  bool carried = false;
  for (const auto &svc : t.services) {
    switch (static_cast<token::ServiceType>(svc.type)) {
    case token::ServiceType::apaas:
      if (svc.user_uuid.empty() && !has(svc, priv::kRoomUser) && !has(svc, priv::kUser)) break; // app token
      if (svc.user_uuid != user) mismatch("APaaS user_uuid", quoted(user), quoted(svc.user_uuid), key);
      carried = true;
      break;
    case token::ServiceType::rtm:
      if (svc.user_id != user) mismatch("RTM user_id", quoted(user), quoted(svc.user_id), key);
      carried = true;
      break;
    case token::ServiceType::rtm2:
      if (svc.user_id != user) mismatch("RTM2 user_id", quoted(user), quoted(svc.user_id), key);
      carried = true;
      break;
    case token::ServiceType::chat: {
      if (svc.user_id.empty() && !has(svc, priv::kChatUser)) break; // chat app token
      const std::string md5 = token::chat_user_id(user);
      if (svc.user_id != md5 && svc.user_id != user)
        mismatch("Chat user_id", quoted(md5) + " (MD5 of " + quoted(user) + ")", quoted(svc.user_id), key);
      break;
    }
    case token::ServiceType::rtc:
      if (svc.account == user) carried = true;
      break;
    default: break;
    }
  }
  if (!carried)
    throw Error(Errc::token_mismatch, "token server returned a token that carries no service for user " +
                                          quoted(user) + " (no APaaS, RTM, RTM2 or RTC account names it; key " +
                                          describe_key(key) + ")");
}

// A 006 RTM login token signs channel = user account (spec §3), so its channel CRC must be
// the CRC-32 of the key's user.
void check_user_006(const token::AccessToken006 &t, const TokenKey &key) {
  if (t.privileges.count(token::privilege::k006RtmLogin) == 0) return;
  const auto crc = static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef *>(key.user_uuid.data()), static_cast<uInt>(key.user_uuid.size())));
  if (t.crc_channel_name != crc)
    mismatch("006 RTM crc_channel_name", std::to_string(crc) + " (CRC-32 of " + quoted(key.user_uuid) + ")",
             std::to_string(t.crc_channel_name), key);
}

void check_user(const token::Token &t, const TokenKey &key) {
  if (key.user_uuid.empty()) return;
  if (t.version == token::Version::v007)
    check_user_007(t.v007, key);
  else
    check_user_006(t.v006, key);
}
} // namespace

std::string describe_key(const TokenKey &key) {
  return "room " + quoted(key.room_uuid) + " user " + quoted(key.user_uuid) + " role " + std::to_string(key.role);
}

AcceptedToken accept_fetched_token(const FetchResult &result, const TokenKey &key, const AcceptPolicy &policy,
                                   const Receipt &receipt) {
  if (result.status != Errc::ok) throw Error(result.status, result.message);

  const std::string fp = token::fingerprint(result.token);
  token::Token decoded;
  try {
    decoded = token::decode(result.token);
  } catch (const Error &e) {
    throw Error(e.code(), "token server returned a token that does not decode (" + fp + "): " + e.what());
  }

  if (policy.app_id && !iequals(*policy.app_id, decoded.app_id()))
    mismatch("app ID", *policy.app_id, decoded.app_id(), key);
  if (result.app_id && !iequals(*result.app_id, decoded.app_id()))
    throw Error(Errc::token_mismatch, "token server reported app ID " + *result.app_id + " but its token carries " +
                                          decoded.app_id() + " (key " + describe_key(key) + ")");
  check_apaas(decoded, key);
  check_user(decoded, key);

  const bool is007 = decoded.version == token::Version::v007;
  if (is007 && decoded.v007.expire == 0)
    throw Error(Errc::expired_from_server, "token server returned a 007 token with expire 0 (no lifetime), " + fp);

  const int64_t expires_at = decoded.expires_at();
  const int64_t issued_at = is007 ? static_cast<int64_t>(decoded.v007.issue_ts) : 0;
  const int64_t received_ms = result.received_unix_ms > 0 ? result.received_unix_ms : receipt.unix_ms;

  int64_t remaining_s = 0;
  int64_t skew_ms = 0;
  std::string frame;
  if (result.server_date_unix) {
    remaining_s = expires_at - *result.server_date_unix;
    if (is007) remaining_s = std::min(remaining_s, expires_at - issued_at); // Date behind the minting clock
    skew_ms = *result.server_date_unix * 1000 - received_ms;
    frame = "by the server's Date header";
  } else if (is007) {
    remaining_s = expires_at - issued_at; // no Date: assume issued at receipt (DESIGN.md)
    frame = "from its issue time";
  } else {
    remaining_s = expires_at - receipt.unix_ms / 1000; // 006 carries no issue time: local wall clock
    frame = "by the local clock";
  }
  if (remaining_s <= 0)
    throw Error(Errc::expired_from_server, "server returned an expired token (" + fp + ", expired " +
                                               std::to_string(-remaining_s) + " s ago " + frame + ")");
  if (remaining_s < policy.min_remaining_s)
    throw Error(Errc::expired_from_server, "server returned a token with only " + std::to_string(remaining_s) +
                                               " s of validity left " + frame + " (" + fp + ", minimum " +
                                               std::to_string(policy.min_remaining_s) + " s)");

  AcceptedToken out;
  out.token.token = result.token;
  out.token.decoded = std::move(decoded);
  out.token.expires_at = expires_at;
  out.token.issued_at = issued_at;
  if (is007 || result.server_date_unix) {
    // Server frame, whole seconds: count from the send time and drop the resolution second.
    const int64_t remaining_ms = remaining_s * 1000 - 1000;
    const bool sent_known = receipt.sent_unix_ms >= 0 && receipt.sent_boot_ms >= 0;
    out.token.local_deadline_unix_ms = (sent_known ? receipt.sent_unix_ms : receipt.unix_ms) + remaining_ms;
    out.token.local_deadline_boot_ms = (sent_known ? receipt.sent_boot_ms : receipt.boot_ms) + remaining_ms;
  } else {
    // 006 without Date: expires_at is compared with the local wall clock, to the millisecond.
    const int64_t remaining_ms = expires_at * 1000 - receipt.unix_ms;
    out.token.local_deadline_unix_ms = receipt.unix_ms + remaining_ms;
    out.token.local_deadline_boot_ms = receipt.boot_ms + remaining_ms;
  }
  // A slow answer can eat a short lifetime: a token already past its local deadline when it
  // arrives is refused, not installed and then dropped at once.
  if (out.token.local_deadline_boot_ms <= receipt.boot_ms || out.token.local_deadline_unix_ms <= receipt.unix_ms)
    throw Error(Errc::expired_from_server,
                "server returned a token that expired before its answer arrived (" + fp + ", " +
                    std::to_string(remaining_s) + " s of validity " + frame + ", answer took " +
                    std::to_string(receipt.sent_boot_ms >= 0 ? receipt.boot_ms - receipt.sent_boot_ms : 0) + " ms)");
  out.token.skew_ms = skew_ms;
  out.token.fingerprint = fp;
  out.lifetime_s = is007 ? expires_at - issued_at : remaining_s;
  return out;
}

} // namespace eduauth::client_detail
