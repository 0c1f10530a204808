#include "log_escape.hpp"

#include <cstdio>

namespace eduauth::sample {
namespace {

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629 table: no overlongs,
// surrogates or code points above U+10FFFF), or 0 if the bytes there are not one.
std::size_t utf8_sequence_length(const std::string &s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xbf; // allowed range of the second byte
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    if (b == 0xe0) lo = 0xa0;
    if (b == 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    if (b == 0xf0) lo = 0x90;
    if (b == 0xf4) hi = 0x8f;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  return n;
}

void append_hex(std::string &out, unsigned char b) {
  char buf[5];
  std::snprintf(buf, sizeof buf, "\\x%02x", b);
  out += buf;
}

} // namespace

std::string escape_for_log(const std::string &in, std::size_t max_bytes) {
  std::string out;
  const std::size_t end = in.size() < max_bytes ? in.size() : max_bytes;
  std::size_t i = 0;
  while (i < end) {
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == 0x7f || b == '\\') append_hex(out, b);
      else out += static_cast<char>(b);
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(in, i);
    if (n == 0 || i + n > end) { // invalid, or a sequence the length cap would split
      append_hex(out, b);
      ++i;
      continue;
    }
    out.append(in, i, n);
    i += n;
  }
  if (in.size() > max_bytes) out += "\xe2\x80\xa6"; // "…"
  return out;
}

} // namespace eduauth::sample
