#include "log_escape.hpp"

#include <cstdio>

#include "eduauth/log.hpp"

namespace eduauth::sample {
namespace {

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
    // The SDK's RFC 3629 check (no overlongs, surrogates, > U+10FFFF); 0 = not UTF-8 here.
    const std::size_t n = eduauth::detail::utf8_sequence_length(in, i);
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
