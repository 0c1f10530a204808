// Strict base64: OpenSSL encodes; decoding is a single table-driven pass that validates as
// it goes (canonical form only) and hands any failure to a slow path that explains it.
#include "base64.hpp"

#include <openssl/evp.h>

#include <cstdint>

#include <array>

#include "eduauth/error.hpp"
#include "hex.hpp"

namespace eduauth::token::detail {

namespace {

constexpr int8_t kInvalid = -1;
constexpr int8_t kPad = -2;

constexpr std::array<int8_t, 256> make_table() {
  std::array<int8_t, 256> t{};
  for (auto &v : t) {
    v = kInvalid;
  }
  const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (int i = 0; i < 64; ++i) {
    t[static_cast<unsigned char>(alphabet[i])] = static_cast<int8_t>(i);
  }
  t['='] = kPad;
  return t;
}
constexpr std::array<int8_t, 256> kTable = make_table();

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) {
    return false;
  }
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool eq = true;
    for (size_t j = 0; j < needle.size() && eq; ++j) {
      char a = haystack[i + j];
      if (a >= 'a' && a <= 'z') {
        a = static_cast<char>(a - 'a' + 'A');
      }
      eq = a == needle[j];
    }
    if (eq) {
      return true;
    }
  }
  return false;
}

// Why a token that fails base64 probably failed: the usual transport mistakes.
std::string hint(std::string_view token, unsigned char bad) {
  std::string out;
  if (contains_ci(token, "%2B") || contains_ci(token, "%2F") || contains_ci(token, "%3D")) {
    out += "; the token looks URL-encoded (percent-decode it once before use)";
  }
  if (token.find("\\/") != std::string_view::npos || token.find("\\u") != std::string_view::npos) {
    out += "; the token looks JSON-escaped; parse the server response with a JSON parser";
  }
  if (bad == '-' || bad == '_') {
    out += "; URL-safe base64 ('-', '_') is not accepted, tokens use the standard alphabet";
  } else if (bad == ' ' || bad == '\n' || bad == '\r' || bad == '\t') {
    out += "; whitespace and line breaks are not allowed inside a token";
  } else if (bad == '"') {
    out += "; the token still carries JSON quotes";
  }
  return out;
}

[[noreturn]] void fail(std::string_view token, const std::string &what, unsigned char bad = 0) {
  throw Error(Errc::malformed_token, "malformed token: " + what + hint(token, bad));
}

} // namespace

void append_base64(std::string &out, std::string_view bytes) {
  const size_t at = out.size();
  const size_t n = 4 * ((bytes.size() + 2) / 3);
  out.resize(at + n + 1); // EVP_EncodeBlock writes a terminating NUL
  EVP_EncodeBlock(reinterpret_cast<unsigned char *>(&out[at]), reinterpret_cast<const unsigned char *>(bytes.data()),
                  static_cast<int>(bytes.size()));
  out.resize(at + n);
}

namespace {

// Slow path, only after the fast loop saw something wrong: finds the first offending
// character and says exactly what is wrong with it. Always throws.
[[noreturn]] void diagnose(std::string_view token, size_t start) {
  const std::string_view body = token.substr(start);
  size_t pads = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    const int8_t v = kTable[c];
    if (v >= 0) {
      if (pads != 0) {
        fail(token, "base64 character " + describe_char(c) + " at offset " + std::to_string(start + i) +
                        " follows '=' padding (padding may only end the token)");
      }
    } else if (v == kPad) {
      ++pads;
    } else {
      fail(token,
           "invalid base64 character " + describe_char(c) + " at offset " + std::to_string(start + i) +
               " (only A-Z a-z 0-9 + / and trailing '=' are allowed)",
           c);
    }
  }
  if (body.size() % 4 != 0) {
    fail(token, "the base64 part (from offset " + std::to_string(start) + ") is " + std::to_string(body.size()) +
                    " characters, not a multiple of 4: truncated or '=' padding missing");
  }
  if (pads > 2) {
    fail(token, std::to_string(pads) + " '=' padding characters at offset " +
                    std::to_string(start + body.size() - pads) + " (at most 2 are allowed)");
  }
  const size_t last = body.size() - pads - 1;
  const auto c = static_cast<unsigned char>(body[last]);
  fail(token, "non-canonical base64: character " + describe_char(c) + " at offset " + std::to_string(start + last) +
                  " sets bits that the padding discards");
}

} // namespace

size_t decode_base64_strict_into(std::string_view token, size_t start, char *out) {
  const std::string_view body = token.substr(start);
  const size_t n = body.size();
  if (n == 0) {
    return 0;
  }
  if (n % 4 != 0) {
    diagnose(token, start);
  }
  const auto *in = reinterpret_cast<const unsigned char *>(body.data());
  auto *o = reinterpret_cast<unsigned char *>(out);
  // Every quad but the last: four alphabet characters, no padding. A negative table value
  // (invalid character or '=') sets bit 7 of the OR and sends us to the slow path.
  const size_t full = n - 4;
  for (size_t i = 0; i < full; i += 4) {
    const int8_t a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]], d = kTable[in[i + 3]];
    if (((a | b | c | d) & 0x80) != 0) {
      diagnose(token, start);
    }
    const uint32_t v = (static_cast<uint32_t>(a) << 18) | (static_cast<uint32_t>(b) << 12) |
                       (static_cast<uint32_t>(c) << 6) | static_cast<uint32_t>(d);
    *o++ = static_cast<unsigned char>(v >> 16);
    *o++ = static_cast<unsigned char>(v >> 8);
    *o++ = static_cast<unsigned char>(v);
  }
  // The last quad: "xxxx", "xxx=" or "xx==", with the unused bits zero (canonical form).
  const int8_t a = kTable[in[full]], b = kTable[in[full + 1]], c = kTable[in[full + 2]], d = kTable[in[full + 3]];
  if (a < 0 || b < 0) {
    diagnose(token, start);
  }
  if (c >= 0 && d >= 0) {
    const uint32_t v = (static_cast<uint32_t>(a) << 18) | (static_cast<uint32_t>(b) << 12) |
                       (static_cast<uint32_t>(c) << 6) | static_cast<uint32_t>(d);
    *o++ = static_cast<unsigned char>(v >> 16);
    *o++ = static_cast<unsigned char>(v >> 8);
    *o++ = static_cast<unsigned char>(v);
  } else if (c >= 0 && d == kPad && (c & 0x03) == 0) {
    *o++ = static_cast<unsigned char>((a << 2) | (b >> 4));
    *o++ = static_cast<unsigned char>(((b & 0x0f) << 4) | (c >> 2));
  } else if (c == kPad && d == kPad && (b & 0x0f) == 0) {
    *o++ = static_cast<unsigned char>((a << 2) | (b >> 4));
  } else {
    diagnose(token, start);
  }
  return static_cast<size_t>(o - reinterpret_cast<unsigned char *>(out));
}

std::string decode_base64_strict(std::string_view token, size_t start) {
  // One spare byte keeps the buffer non-empty, so data() is always writable storage.
  std::string out(decoded_capacity(token.size() - start) + 1, '\0');
  out.resize(decode_base64_strict_into(token, start, out.data()));
  return out;
}

} // namespace eduauth::token::detail
