// HMAC-SHA256 (spec §2.5, §3.3) and constant-time comparison.
#pragma once

#include <initializer_list>
#include <string_view>

namespace eduauth::token::detail {

inline constexpr size_t kSha256Size = 32;

/// out = HMAC-SHA256(key, message). Uses a per-thread OpenSSL EVP_MAC context, re-keyed
/// per call. Throws Error{internal} if OpenSSL fails.
void hmac_sha256(std::string_view key, std::string_view message, unsigned char out[kSha256Size]);
/// out = HMAC-SHA256(key, concatenation of the parts), without building the concatenation.
void hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts,
                 unsigned char out[kSha256Size]);

/// Constant-time equality of two byte strings (time depends only on the lengths).
bool equal_ct(std::string_view a, std::string_view b) noexcept;

} // namespace eduauth::token::detail
