// Turning one FetchResult into a servable token: decode, consistency checks, expiry with
// the token server's clock skew, local deadlines (DESIGN.md "Local deadlines", C-09).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "eduauth/client.hpp"
#include "eduauth/fetch.hpp"

namespace eduauth::client_detail {

struct AcceptPolicy {
  std::optional<std::string> app_id; ///< expected app ID, compared case-insensitively
  int64_t min_remaining_s = 30;      ///< least validity a fetched token must still have
};

/// When the response was taken in, on the client's own clock, and when its request was sent
/// (sent_* < 0: unknown, taken as the receipt time).
struct Receipt {
  int64_t unix_ms = 0;
  int64_t boot_ms = 0;
  int64_t sent_unix_ms = -1;
  int64_t sent_boot_ms = -1;
};

struct AcceptedToken {
  CachedToken token;
  int64_t lifetime_s = 0; ///< basis of the refresh margin: 007 expires_at - issue_ts, 006 validity at receipt
};

/// "room \"r\" user \"u\" role 1": how keys appear in messages and logs (not secret).
std::string describe_key(const TokenKey &key);

/// Validates `result` for `key` and computes its local deadlines. Throws eduauth::Error:
///   the fetch's own status (network, http_status, reauth_required, ...) when not ok;
///   malformed_token / unsupported_version when the token does not decode;
///   token_mismatch naming the field and both values (app ID, APaaS room/user/role);
///   expired_from_server when expired, too short-lived, or a 007 token with expire 0.
/// Remaining validity is expires_at - Date when the server sent a Date header (never more
/// than the token's own lifetime), otherwise the token is assumed issued during the request
/// (007: expires_at - issue_ts; 006 has no issue time: expires_at - local now).
/// The local deadlines are conservative, so a token is never served past its real expiry
/// (DESIGN.md "Local deadlines", "never serves a token past its effective expiry"): a
/// server-frame remaining time counts from when the request was SENT (the server read its
/// clock somewhere between sending and receipt) and loses 1 s, because Date and issue_ts
/// are whole seconds (the server's clock may have been up to 999 ms past them).
AcceptedToken accept_fetched_token(const FetchResult &result, const TokenKey &key, const AcceptPolicy &policy,
                                   const Receipt &receipt);

} // namespace eduauth::client_detail
