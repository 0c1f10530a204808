// Internal entry points of the two wire formats, shared by decode(), verify() and build().
#pragma once

#include <string_view>

#include "eduauth/token.hpp"
#include "hmac.hpp"

namespace eduauth::token::detail {

/// Decodes a token known to start with "007" / "006" (spec §2, §3). Throws Error{malformed_token}.
AccessToken2 decode_007(std::string_view token);
AccessToken006 decode_006(std::string_view token);

/// The 007 signing key (spec §2.5): HMAC(u32le salt, HMAC(u32le issue_ts, certificate)).
void signing_key_007(std::string_view app_certificate, uint32_t issue_ts, uint32_t salt,
                     unsigned char key[kSha256Size]);

/// Throws Error{invalid_argument} unless `value` is a 32-hex id. `what` names the field
/// ("app ID", "app certificate"); secrets are described by length only, never printed.
void require_hex32(const char *what, std::string_view value, bool secret);

} // namespace eduauth::token::detail
