// Strict standard base64 (RFC 4648 §4, '=' padding) for the token strings (spec §2.1, §3.1).
#pragma once

#include <string>
#include <string_view>

namespace eduauth::token::detail {

/// Appends base64(bytes) to `out`.
void append_base64(std::string &out, std::string_view bytes);

/// Decodes token[start..] as strict standard base64: alphabet A-Z a-z 0-9 + /, '=' only as
/// the final padding, length a multiple of 4, unused bits zero. No whitespace, no URL-safe
/// characters. Throws Error{malformed_token} naming the offending character (printable or
/// \xNN) and its offset in `token`, with a hint when the token looks percent-encoded or
/// JSON-escaped (case C-05).
std::string decode_base64_strict(std::string_view token, size_t start);

/// The same, writing into `out` (capacity at least decoded_capacity(token.size() - start));
/// returns the number of bytes written.
size_t decode_base64_strict_into(std::string_view token, size_t start, char *out);

/// Bytes that decode_base64_strict_into may write for `chars` base64 characters.
inline size_t decoded_capacity(size_t chars) noexcept { return chars / 4 * 3; }

} // namespace eduauth::token::detail
