// eduauth — Agora token wire formats: AccessToken2 ("007") and AccessToken ("006").
//
// Decode, verify, build and describe tokens exactly as Agora's public reference
// does (shared/specs/token-format.md), but strictly: every malformed input is an
// eduauth::Error naming what is wrong, never a crash, a hang or a partial result.
//
// Units (spec §2.7, §3.4):
//   * 007 `issue_ts` is absolute Unix seconds; `expire` and every privilege value
//     are seconds RELATIVE to issue_ts.
//   * 006 `ts` and every privilege value are ABSOLUTE Unix seconds.
//   * Every computed expiry (`expires_at`) is absolute Unix seconds in 64 bits.
//
// Thread-safety: all functions are reentrant; values are plain data.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduauth/error.hpp"

namespace eduauth::token {

/// 007 service types (spec §2.3).
enum class ServiceType : uint16_t {
  rtc = 1,
  rtm = 2,
  streaming = 3,
  fpa = 4,
  chat = 5,
  fcdn = 6,
  apaas = 7,
  rtm2 = 8,
};

/// "RTC", "RTM", ... as in the vectors' `type_name`; "unknown" otherwise.
const char *service_type_name(uint16_t type) noexcept;

/// Privilege ids (spec §2.4 for 007, §3.4 for 006).
namespace privilege {
// 007 RTC / Streaming / FCDN / RTM / FPA / Chat / APaaS / RTM2
inline constexpr uint16_t kJoinChannel = 1, kPublishAudioStream = 2, kPublishVideoStream = 3,
                          kPublishDataStream = 4;
inline constexpr uint16_t kLogin = 1;                             // RTM, FPA, RTM2
inline constexpr uint16_t kPublishMixStream = 1, kPublishRawStream = 2; // Streaming
inline constexpr uint16_t kChatUser = 1, kChatApp = 2;            // Chat
inline constexpr uint16_t kFcdnPublish = 1, kFcdnPlay = 2;        // FCDN
inline constexpr uint16_t kRoomUser = 1, kUser = 2, kApp = 3;     // APaaS
// 006
inline constexpr uint16_t k006JoinChannel = 1, k006PublishAudioStream = 2, k006PublishVideoStream = 3,
                          k006PublishDataStream = 4, k006AdministrateChannel = 101, k006RtmLogin = 1000;
} // namespace privilege

/// Name of a privilege as the vectors print it ("kPrivilegeLogin", "kJoinChannel", ...);
/// for 007 pass the service type, for 006 pass 0. "unknown" when the id has no meaning.
const char *privilege_name(uint16_t service_type, uint16_t id) noexcept;

/// Privilege id -> value. Ascending key order on the wire; unique keys.
using PrivilegeMap = std::map<uint16_t, uint32_t>;

/// RTM2 permissions: resource type (0 message channels, 1 stream channels, 2 group
/// channels, 3 server groups, 4 users) -> permission type (0 read, 1 write) -> resources
/// in the order given (spec §2.3).
using Rtm2Permissions = std::map<uint16_t, std::map<uint16_t, std::vector<std::string>>>;

/// One 007 service block. Only the fields of its `type` are meaningful:
///   rtc/streaming/fcdn: channel_name, account;  rtm/chat: user_id;
///   apaas: room_uuid, user_uuid, role;  rtm2: user_id, permissions;  fpa: none.
/// Strings are UTF-8 bytes, at most 65535 bytes each.
struct Service {
  uint16_t type = 0;
  PrivilegeMap privileges;
  std::string channel_name;
  std::string account;
  std::string user_id;
  std::string room_uuid;
  std::string user_uuid;
  int16_t role = 0;
  Rtm2Permissions permissions;

  static Service rtc(std::string channel_name, std::string account);
  static Service rtm(std::string user_id);
  static Service streaming(std::string channel_name, std::string account);
  static Service fpa();
  static Service chat(std::string user_id);
  static Service fcdn(std::string channel_name, std::string account);
  static Service apaas(std::string room_uuid, std::string user_uuid, int16_t role);
  static Service rtm2(std::string user_id, Rtm2Permissions permissions = {});

  /// Adds (or replaces) a privilege; returns *this for chaining.
  Service &add_privilege(uint16_t id, uint32_t value);
};

/// The uid -> account rule (spec §2.3, case C-01): uid 0 is "" (any user),
/// any other uid its decimal text. Throws Errc::invalid_argument naming the
/// range when uid is outside 0..4294967295 (case C-02).
std::string account_from_uid(int64_t uid);

/// A decoded (or to-be-built) AccessToken2.
struct AccessToken2 {
  std::string app_id;       ///< 32 hex characters, case preserved
  uint32_t issue_ts = 0;    ///< absolute Unix seconds
  uint32_t expire = 0;      ///< seconds relative to issue_ts
  uint32_t salt = 0;
  std::string signature;    ///< raw 32 HMAC-SHA256 bytes (empty before build)
  std::vector<Service> services; ///< wire order after decode; insertion order before build

  // Decode diagnostics (filled by decode, ignored by build):
  uint16_t declared_service_count = 0;          ///< service_count as written in the payload
  std::optional<uint16_t> unknown_service_type; ///< parsing stopped at this unknown type (m007-30);
                                                ///< `services` holds the ones before it
  size_t trailing_bytes = 0; ///< signed bytes after the last declared service (m007-33); 0 when
                             ///< parsing stopped at an unknown type (those bytes are that service)
  /// Raw payload bytes after the signature string, as received (the verify input, spec §2.5).
  /// The whole payload is exactly u16(32) || signature || signed_bytes, so to_json() rebuilds
  /// payload_hex from these two fields; no separate copy is kept.
  std::string signed_bytes;

  /// Effective expiry, absolute Unix seconds: the earliest of issue_ts + expire and
  /// issue_ts + v for every non-zero privilege value v (DESIGN.md "Expiry"). expire 0
  /// means "no lifetime": the result is issue_ts.
  int64_t expires_at() const noexcept;
};

/// A decoded (or to-be-built) AccessToken ("006").
struct AccessToken006 {
  std::string app_id;           ///< the 32 characters after "006"
  std::string signature;        ///< raw 32 bytes
  uint32_t crc_channel_name = 0; ///< CRC-32 (zlib) of the channel name's UTF-8 bytes
  uint32_t crc_uid = 0;         ///< CRC-32 of the uid string ("" for uid 0)
  uint32_t salt = 0;
  uint32_t ts = 0;              ///< absolute Unix seconds (build time + 24 h in the reference)
  PrivilegeMap privileges;      ///< values are absolute Unix seconds; 0 = no limit of its own
  /// Raw signed message bytes as received (salt, ts, privilege map; spec §3.2). Decode checks
  /// that the content ends right after it, so content_hex is rebuilt from the other fields.
  std::string message;

  /// Effective expiry, absolute Unix seconds: the earliest of ts and every non-zero privilege.
  int64_t expires_at() const noexcept;
};

enum class Version { v006 = 6, v007 = 7 };

/// Any decoded token. Exactly one of v007/v006 is meaningful, selected by `version`.
struct Token {
  Version version = Version::v007;
  AccessToken2 v007;
  AccessToken006 v006;

  const std::string &app_id() const noexcept;
  /// Absolute Unix seconds, 64-bit (see AccessToken2/AccessToken006::expires_at).
  int64_t expires_at() const noexcept;
};

/// Limits of the strict decoder.
inline constexpr size_t kMaxInflatedPayload = 65536; ///< 007 payload cap after inflate (bytes)
inline constexpr size_t kMaxTokenLength = 1 << 20;    ///< longest token string accepted (chars)

/// Decodes a "007" or "006" token. Strict: at most kMaxTokenLength characters; standard
/// base64 alphabet with '=' padding only, in canonical form (unused bits zero), no
/// whitespace; 007 payload inflated to at most kMaxInflatedPayload bytes (a payload of
/// exactly the cap is accepted), no data after the zlib stream, Adler-32 checked; every
/// length/count checked against the remaining bytes before anything is read or allocated;
/// privilege ids (and RTM2 resource/permission types) strictly ascending; app ID must be 32
/// hex characters and the signature 32 bytes; 006 content must end exactly after the message
/// and the message exactly after its privilege map. Unknown 007 service types and bytes after
/// the last service are accepted and reported (AccessToken2::unknown_service_type,
/// trailing_bytes), as the references parse them (spec §2.8).
/// Throws Error{unsupported_version} for another prefix and Error{malformed_token} otherwise,
/// with a message naming the offending character/offset/field (and saying when the input
/// looks percent-encoded or JSON-escaped). Never returns a partial result.
Token decode(std::string_view token);

/// Verifies a decoded 007 token with the app certificate: HMAC over `signed_bytes` as
/// received (spec §2.5), constant-time comparison. Returns true when the signature matches;
/// false when it does not, or when the token's app ID is not 32 hex / its signature is not
/// 32 bytes (only possible for a hand-made struct: decode refuses those).
/// Throws Error{invalid_argument} when the certificate is not 32 hex characters (the message
/// gives its length, never the certificate); callers that only want yes/no treat that as
/// "not valid" (as the reference's kTokenInvalidInfo).
bool verify(const AccessToken2 &token, std::string_view app_certificate);

/// Verifies a decoded 006 token given the channel name and uid string it was issued for
/// (spec §3.3): recomputes the signature over app_id||channel||uid||message and compares
/// (constant-time) and checks both CRCs. For uid 0 pass "" (uid "0" is another identity).
/// Throws Error{invalid_argument} when the certificate is not 32 hex characters.
bool verify(const AccessToken006 &token, std::string_view app_certificate, std::string_view channel_name,
            std::string_view uid);

/// Signs and serialises an AccessToken2 (spec §2): services are written sorted by type,
/// same-type services in insertion order; `signature` and the decode diagnostics of the
/// input are ignored. This wire-level API accepts any u32 for issue_ts/expire/salt and any
/// privilege values. Throws Error{invalid_argument} when the app ID or certificate is not
/// 32 hex characters, when there is no service, when a string exceeds 65535 bytes, or when the
/// payload would exceed kMaxInflatedPayload (decoders refuse larger payloads).
std::string build(const AccessToken2 &token, std::string_view app_certificate);

/// Signs and serialises an AccessToken 006 for (channel_name, uid) (spec §3), using
/// token.app_id, salt, ts and privileges. Same input checks as build().
std::string build(const AccessToken006 &token, std::string_view app_certificate, std::string_view channel_name,
                  std::string_view uid);

/// Optional pinning for the named builders: issue_ts (007) / clock time (006, ts = clock + 86400)
/// defaults to the current UTC time; salt defaults to a CSPRNG value in 1..99999999.
struct BuildOptions {
  std::optional<uint32_t> issue_ts;
  std::optional<uint32_t> salt;
};

/// The default salt source: OpenSSL RAND_bytes mapped to 1..99999999.
uint32_t random_salt();

/// The lowercase hex MD5 of the UTF-8 bytes of user_uuid (spec §2.6 "Chat user id rule").
std::string chat_user_id(std::string_view user_uuid);

/// JSON form of a decoded token, with the field names of the vectors' `decoded` objects.
/// 007: version, app_id, app_id_byte_length, issue_ts, expire, salt, signature_hex,
/// service_count (services decoded), services[{type, type_name, privileges[{id, name, value,
/// expires_at}], then the type's strings as "<f>", "<f>_byte_length" and, when the bytes are
/// not all printable ASCII, "<f>_hex"; role; permissions[{resource_type, permission_type,
/// resources}]}], payload_hex and payload_byte_length (when signed_bytes is set), expires_at;
/// plus declared_service_count, unknown_service_type and trailing_bytes when they matter.
/// 006: version, app_id, app_id_byte_length, signature_hex, crc_channel_name, crc_uid, salt,
/// ts, privileges[...], message_hex and content_hex (when message is set), expires_at.
/// Every expires_at is absolute Unix seconds (64-bit); a privilege's is null when its value
/// is 0 (no limit of its own). Not in the output: the vectors' signing_step1_hex /
/// signing_key_hex, which need the certificate. Strings that are not valid UTF-8 appear with
/// U+FFFD in "<f>" and exactly in "<f>_hex". Compact (indent < 0) or pretty-printed.
std::string to_json(const Token &token, int indent = -1);

/// A short, non-reversible fingerprint of a secret (token, certificate) for logs:
/// the first 8 hex digits of its SHA-256, e.g. "sha256:1a2b3c4d".
std::string fingerprint(std::string_view secret);

/// True when `s` is exactly 32 characters, each 0-9 a-f A-F.
bool is_hex32(std::string_view s) noexcept;

} // namespace eduauth::token
