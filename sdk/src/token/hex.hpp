// Hex text helpers shared by the token layer (JSON form, error messages).
#pragma once

#include <string>
#include <string_view>

namespace eduauth::token::detail {

/// Lowercase hex of raw bytes ("20 00" -> "2000").
std::string to_hex(std::string_view bytes);

/// A character as an error message shows it: 'A' for printable ASCII, \xNN otherwise.
std::string describe_char(unsigned char c);

} // namespace eduauth::token::detail
