// eduauth — the seam between the token cache (which decides WHEN to fetch) and the
// network side (which knows HOW to ask a token server): one fetch for one key.
//
// The cache/refresh layer only ever talks to a Fetcher. The HTTP implementation
// (libcurl Transport + a TokenSource preset, see transport.hpp / source.hpp) lives
// behind make_http_fetcher(); tests may also script a Fetcher directly.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "eduauth/error.hpp"

namespace eduauth {

/// What a token is asked for. role is the classroom roleType (-1..4, see
/// specs/launch-option.md); presets that do not use a field ignore it.
struct TokenKey {
  std::string room_uuid;
  std::string user_uuid;
  int32_t role = 0;

  bool operator==(const TokenKey &o) const {
    return room_uuid == o.room_uuid && user_uuid == o.user_uuid && role == o.role;
  }
  bool operator<(const TokenKey &o) const {
    if (room_uuid != o.room_uuid) return room_uuid < o.room_uuid;
    if (user_uuid != o.user_uuid) return user_uuid < o.user_uuid;
    return role < o.role;
  }
};

/// The outcome of one fetch. Never throws across this seam: failures are values, so the
/// scheduler can classify them (retry, back off, stop and ask for re-auth).
struct FetchResult {
  Errc status = Errc::ok;  ///< ok, or network / timeout / tls / http_status / bad_response / reauth_required
  std::string message;     ///< human-readable, names the URL path / status / field; never the token
  std::string token;       ///< the token string as returned (JSON-unescaped), when status == ok
  std::optional<std::string> app_id; ///< app ID reported by the server next to the token, if any
  int http_status = 0;     ///< HTTP status code (0 when no response arrived)
  std::optional<int64_t> retry_after_s;  ///< Retry-After on 429/503, converted to seconds from now
  std::optional<int64_t> server_date_unix; ///< the response's Date header, absolute Unix seconds
  int64_t received_unix_ms = 0; ///< local wall-clock time when the response arrived (ms)
};

/// One fetch for one key. Implementations must be thread-safe: the cache calls fetch()
/// from its scheduler thread and from callers' threads concurrently (for different keys).
class Fetcher {
public:
  virtual ~Fetcher() = default;
  virtual FetchResult fetch(const TokenKey &key) = 0;
  /// Identifies the source in cache keys and logs (e.g. "education:https://host/path").
  virtual std::string source_id() const = 0;
};

} // namespace eduauth
