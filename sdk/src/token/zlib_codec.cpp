// zlib deflate/inflate with per-thread streams (no global state, no locks).
#include "zlib_codec.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>

#include "eduauth/error.hpp"

namespace eduauth::token::detail {

namespace {

struct Deflater {
  z_stream s{};
  bool ready = false;
  Deflater() { ready = deflateInit2(&s, 6, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
  ~Deflater() {
    if (ready) {
      deflateEnd(&s);
    }
  }
  Deflater(const Deflater &) = delete;
  Deflater &operator=(const Deflater &) = delete;
};

struct Inflater {
  z_stream s{};
  bool ready = false;
  Inflater() { ready = inflateInit(&s) == Z_OK; }
  ~Inflater() {
    if (ready) {
      inflateEnd(&s);
    }
  }
  Inflater(const Inflater &) = delete;
  Inflater &operator=(const Inflater &) = delete;
};

[[noreturn]] void fail(const std::string &what) {
  throw Error(Errc::malformed_token, "malformed token: 007 payload " + what);
}

} // namespace

void append_zlib_compressed(std::string &out, std::string_view bytes) {
  thread_local Deflater d;
  if (!d.ready) {
    throw Error(Errc::out_of_memory, "zlib deflateInit failed");
  }
  if (deflateReset(&d.s) != Z_OK) {
    throw Error(Errc::internal, "zlib deflateReset failed");
  }
  const size_t at = out.size();
  const uLong bound = deflateBound(&d.s, static_cast<uLong>(bytes.size()));
  out.resize(at + bound);
  d.s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.data()));
  d.s.avail_in = static_cast<uInt>(bytes.size());
  d.s.next_out = reinterpret_cast<Bytef *>(&out[at]);
  d.s.avail_out = static_cast<uInt>(bound);
  const int rc = deflate(&d.s, Z_FINISH);
  if (rc != Z_STREAM_END) {
    out.resize(at);
    throw Error(Errc::internal, "zlib deflate did not finish (" + std::to_string(rc) + ")");
  }
  out.resize(at + d.s.total_out);
}

std::string inflate_capped(std::string_view compressed, size_t cap) {
  thread_local Inflater inf;
  if (!inf.ready) {
    throw Error(Errc::out_of_memory, "zlib inflateInit failed");
  }
  if (inflateReset(&inf.s) != Z_OK) {
    throw Error(Errc::internal, "zlib inflateReset failed");
  }
  if (compressed.size() > std::numeric_limits<uInt>::max()) {
    fail("is too large");
  }
  z_stream &s = inf.s;
  s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
  s.avail_in = static_cast<uInt>(compressed.size());

  // Grow geometrically up to cap + 1 bytes: one byte past the cap proves the payload too big.
  const size_t limit = cap + 1;
  std::string out(std::min(limit, std::max<size_t>(512, compressed.size() * 4)), '\0');
  size_t produced = 0;
  for (;;) {
    s.next_out = reinterpret_cast<Bytef *>(&out[produced]);
    s.avail_out = static_cast<uInt>(out.size() - produced);
    const int rc = inflate(&s, Z_NO_FLUSH);
    produced = out.size() - s.avail_out;
    if (rc == Z_STREAM_END) {
      break;
    }
    if (produced > cap) {
      fail("inflates to more than " + std::to_string(cap) + " bytes (the decoder's cap, kMaxInflatedPayload)");
    }
    if (rc == Z_OK && s.avail_out == 0) {
      out.resize(std::min(limit, out.size() * 2));
      continue;
    }
    if (rc == Z_BUF_ERROR || (rc == Z_OK && s.avail_in == 0)) {
      fail("zlib stream is truncated (the token was cut short)");
    }
    if (rc == Z_NEED_DICT) {
      fail("zlib stream needs a preset dictionary (not a token)");
    }
    if (rc == Z_MEM_ERROR) {
      throw Error(Errc::out_of_memory, "zlib inflate ran out of memory");
    }
    fail(std::string("is not a valid zlib stream (") + (s.msg != nullptr ? s.msg : "data error") + ")");
  }
  if (produced > cap) {
    fail("inflates to more than " + std::to_string(cap) + " bytes (the decoder's cap, kMaxInflatedPayload)");
  }
  if (s.avail_in != 0) {
    fail("has " + std::to_string(s.avail_in) + " bytes after the end of the zlib stream");
  }
  out.resize(produced);
  return out;
}

uint32_t crc32_of(std::string_view bytes) noexcept {
  return static_cast<uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef *>(bytes.data()), static_cast<uInt>(bytes.size())));
}

} // namespace eduauth::token::detail
