// AccessToken ("006"): build, strict decode, verify, expiry (spec §3).
#include <algorithm>

#include "base64.hpp"
#include "codecs.hpp"
#include "hex.hpp"
#include "packer.hpp"
#include "zlib_codec.hpp"

namespace eduauth::token {

namespace detail {

namespace {
constexpr size_t kPrefix = 3 + 32; // "006" + app ID

std::string_view as_view(const unsigned char *p, size_t n) { return {reinterpret_cast<const char *>(p), n}; }

void sign_006(std::string_view app_certificate, std::string_view app_id, std::string_view channel_name,
              std::string_view uid, std::string_view message, unsigned char out[kSha256Size]) {
  hmac_sha256(app_certificate, {app_id, channel_name, uid, message}, out);
}
} // namespace

AccessToken006 decode_006(std::string_view token) {
  if (token.size() <= kPrefix) {
    throw Error(Errc::malformed_token, "malformed token: a 006 token is \"006\" + a 32-character app ID + base64 "
                                       "content, this one is only " +
                                           std::to_string(token.size()) + " characters");
  }
  const std::string_view app_id = token.substr(3, 32);
  for (size_t i = 0; i < app_id.size(); ++i) {
    const char c = app_id[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      throw Error(Errc::malformed_token, "malformed token: 006 app ID (offsets 3..34) has the non-hex character " +
                                             describe_char(static_cast<unsigned char>(c)) + " at offset " +
                                             std::to_string(3 + i));
    }
  }
  const std::string content = decode_base64_strict(token, kPrefix);

  AccessToken006 t;
  t.app_id.assign(app_id);
  Reader r(content, "006 content");
  const std::string_view signature = r.string("signature");
  if (signature.size() != kSha256Size) {
    r.fail_at(0, "signature", "is " + std::to_string(signature.size()) + " bytes, an HMAC-SHA256 signature is 32");
  }
  t.signature.assign(signature);
  t.crc_channel_name = r.u32("crc_channel_name");
  t.crc_uid = r.u32("crc_uid");
  const std::string_view message = r.string("message");
  if (r.remaining() != 0) {
    r.fail("end of content", std::to_string(r.remaining()) + " unexpected bytes after the message");
  }
  Reader m(message, "006 message");
  t.salt = m.u32("salt");
  t.ts = m.u32("ts");
  t.privileges = m.privileges();
  if (m.remaining() != 0) {
    m.fail("end of message", std::to_string(m.remaining()) + " unexpected bytes after the privilege map");
  }
  t.message.assign(message);
  return t;
}

} // namespace detail

std::string build(const AccessToken006 &token, std::string_view app_certificate, std::string_view channel_name,
                  std::string_view uid) {
  detail::require_hex32("app ID", token.app_id, false);
  detail::require_hex32("app certificate", app_certificate, true);

  std::string message;
  message.reserve(10 + 6 * token.privileges.size());
  detail::Writer mw(message);
  mw.u32(token.salt);
  mw.u32(token.ts);
  mw.privileges(token.privileges);

  unsigned char signature[detail::kSha256Size];
  detail::sign_006(app_certificate, token.app_id, channel_name, uid, message, signature);

  std::string content;
  content.reserve(2 + sizeof signature + 8 + 2 + message.size());
  detail::Writer cw(content);
  cw.string("signature", detail::as_view(signature, sizeof signature));
  cw.u32(detail::crc32_of(channel_name));
  cw.u32(detail::crc32_of(uid));
  cw.string("006 message", message);

  std::string out;
  out.reserve(detail::kPrefix + 4 * ((content.size() + 2) / 3) + 1);
  out.append("006");
  out.append(token.app_id);
  detail::append_base64(out, content);
  return out;
}

bool verify(const AccessToken006 &token, std::string_view app_certificate, std::string_view channel_name,
            std::string_view uid) {
  detail::require_hex32("app certificate", app_certificate, true);
  if (!is_hex32(token.app_id) || token.signature.size() != detail::kSha256Size) {
    return false;
  }
  unsigned char expected[detail::kSha256Size];
  detail::sign_006(app_certificate, token.app_id, channel_name, uid, token.message, expected);
  const bool signature_ok = detail::equal_ct(detail::as_view(expected, sizeof expected), token.signature);
  const bool crc_ok = detail::crc32_of(channel_name) == token.crc_channel_name && detail::crc32_of(uid) == token.crc_uid;
  return signature_ok && crc_ok;
}

int64_t AccessToken006::expires_at() const noexcept {
  int64_t earliest = ts;
  for (const auto &[id, value] : privileges) {
    if (value != 0) {
      earliest = std::min<int64_t>(earliest, value);
    }
  }
  return earliest;
}

} // namespace eduauth::token
