// Strict base64: our own validation and error messages, OpenSSL for the bytes.
#include "base64.hpp"

#include <openssl/evp.h>

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

std::string decode_base64_strict(std::string_view token, size_t start) {
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
      continue;
    }
    if (v == kPad) {
      ++pads;
      continue;
    }
    fail(token,
         "invalid base64 character " + describe_char(c) + " at offset " + std::to_string(start + i) +
             " (only A-Z a-z 0-9 + / and trailing '=' are allowed)",
         c);
  }
  if (body.size() % 4 != 0) {
    fail(token, "the base64 part (from offset " + std::to_string(start) + ") is " + std::to_string(body.size()) +
                    " characters, not a multiple of 4: truncated or '=' padding missing");
  }
  if (pads > 2) {
    fail(token, std::to_string(pads) + " '=' padding characters at offset " +
                    std::to_string(start + body.size() - pads) + " (at most 2 are allowed)");
  }
  // Canonical form: the bits that padding leaves unused must be zero.
  if (pads > 0) {
    const size_t last = body.size() - pads - 1;
    const auto c = static_cast<unsigned char>(body[last]);
    const int mask = pads == 1 ? 0x03 : 0x0f;
    if ((kTable[c] & mask) != 0) {
      fail(token, "non-canonical base64: character " + describe_char(c) + " at offset " +
                      std::to_string(start + last) + " sets bits that the padding discards");
    }
  }
  std::string out(body.size() / 4 * 3, '\0');
  if (!body.empty()) {
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(&out[0]),
                                  reinterpret_cast<const unsigned char *>(body.data()), static_cast<int>(body.size()));
    if (n < 0) {
      fail(token, "base64 decoding failed");
    }
  }
  out.resize(out.size() - pads);
  return out;
}

} // namespace eduauth::token::detail
