// The default salt source (spec §2.2: python3/nodejs draw 1..99999999).
#include <openssl/rand.h>

#include "eduauth/token.hpp"

namespace eduauth::token {

uint32_t random_salt() {
  constexpr uint32_t kRange = 99999999;
  // Rejection sampling keeps the draw uniform: 2^32 is not a multiple of kRange.
  constexpr uint64_t kLimit = (uint64_t{1} << 32) - ((uint64_t{1} << 32) % kRange);
  for (;;) {
    unsigned char b[4];
    if (RAND_bytes(b, sizeof b) != 1) {
      throw Error(Errc::internal, "OpenSSL RAND_bytes failed: no salt available");
    }
    const uint32_t v = static_cast<uint32_t>(b[0]) | (static_cast<uint32_t>(b[1]) << 8) |
                       (static_cast<uint32_t>(b[2]) << 16) | (static_cast<uint32_t>(b[3]) << 24);
    if (v < kLimit) {
      return v % kRange + 1;
    }
  }
}

} // namespace eduauth::token
