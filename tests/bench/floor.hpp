// The "floor" of each token operation: the same cryptographic, compression and encoding work
// done directly with OpenSSL and zlib, the fastest way we know that gives identical bytes,
// with every buffer and context allocated once up front. A token-library operation is judged
// by its time relative to this floor (target: build, decode, verify <= 1.5x).
#pragma once

#include <openssl/evp.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace eduauth::bench {

/// HMAC-SHA256 on a pre-fetched EVP_MAC context that is only re-keyed per call.
class FloorHmac {
public:
  FloorHmac();
  ~FloorHmac();
  FloorHmac(const FloorHmac &) = delete;
  FloorHmac &operator=(const FloorHmac &) = delete;
  void mac(const void *key, size_t key_len, const void *msg, size_t msg_len, unsigned char out[32]);
  /// The 007 signature over `signed_bytes` (spec §2.5): three HMACs.
  void sign_007(std::string_view certificate, uint32_t issue_ts, uint32_t salt, std::string_view signed_bytes,
                unsigned char out[32]);

private:
  EVP_MAC *mac_ = nullptr;
  EVP_MAC_CTX *ctx_ = nullptr;
};

/// Build floor: 3 HMACs over the pre-packed signing_info, then zlib (one z_stream, deflateReset,
/// level 6 — the same bytes as compress2) and base64 (EVP_EncodeBlock), into reused buffers.
class FloorBuild {
public:
  FloorBuild(std::string certificate, std::string signing_info, uint32_t issue_ts, uint32_t salt);
  ~FloorBuild();
  FloorBuild(const FloorBuild &) = delete;
  FloorBuild &operator=(const FloorBuild &) = delete;
  /// Builds the token; the view stays valid until the next call.
  std::string_view run();

private:
  FloorHmac hmac_;
  std::string certificate_, payload_, compressed_, token_;
  size_t signing_info_size_;
  uint32_t issue_ts_, salt_;
  z_stream z_{};
};

/// Decode floor: base64 (EVP_DecodeBlock) and inflate (one z_stream, inflateReset) into reused
/// buffers; the payload's fields are then at fixed offsets (not parsed: that is the library's).
class FloorDecode {
public:
  explicit FloorDecode(std::string token);
  ~FloorDecode();
  FloorDecode(const FloorDecode &) = delete;
  FloorDecode &operator=(const FloorDecode &) = delete;
  /// The inflated payload; valid until the next call.
  std::string_view run();

private:
  std::string token_, compressed_, payload_;
  z_stream z_{};
};

} // namespace eduauth::bench
