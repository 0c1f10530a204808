// Hex text helpers and the 32-hex id check (spec §2.6 "32-hex id").
#include "hex.hpp"

#include "eduauth/token.hpp"

namespace eduauth::token {

namespace {
constexpr char kDigits[] = "0123456789abcdef";

bool is_hex_digit(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
} // namespace

bool is_hex32(std::string_view s) noexcept {
  if (s.size() != 32) {
    return false;
  }
  for (char c : s) {
    if (!is_hex_digit(c)) {
      return false;
    }
  }
  return true;
}

namespace detail {

std::string to_hex(std::string_view bytes) {
  std::string out(bytes.size() * 2, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[b >> 4];
    out[2 * i + 1] = kDigits[b & 0x0f];
  }
  return out;
}

std::string describe_char(unsigned char c) {
  if (c >= 0x20 && c < 0x7f) {
    return std::string("'") + static_cast<char>(c) + "'";
  }
  std::string out = "\\x";
  out += kDigits[c >> 4];
  out += kDigits[c & 0x0f];
  return out;
}

} // namespace detail
} // namespace eduauth::token
