#include "floor.hpp"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <cstring>
#include <stdexcept>

namespace eduauth::bench {

namespace {
void check(bool ok, const char *what) {
  if (!ok) throw std::runtime_error(std::string("floor: ") + what + " failed");
}
void u32le(uint32_t v, unsigned char out[4]) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<unsigned char>(v >> (8 * i));
}
} // namespace

FloorHmac::FloorHmac() {
  mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  check(mac_ != nullptr, "EVP_MAC_fetch");
  ctx_ = EVP_MAC_CTX_new(mac_);
  check(ctx_ != nullptr, "EVP_MAC_CTX_new");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
  check(EVP_MAC_CTX_set_params(ctx_, params) == 1, "EVP_MAC_CTX_set_params");
}

FloorHmac::~FloorHmac() {
  EVP_MAC_CTX_free(ctx_);
  EVP_MAC_free(mac_);
}

void FloorHmac::mac(const void *key, size_t key_len, const void *msg, size_t msg_len, unsigned char out[32]) {
  size_t len = 0;
  EVP_MAC_init(ctx_, static_cast<const unsigned char *>(key), key_len, nullptr);
  EVP_MAC_update(ctx_, static_cast<const unsigned char *>(msg), msg_len);
  EVP_MAC_final(ctx_, out, &len, 32);
}

void FloorHmac::sign_007(std::string_view certificate, uint32_t issue_ts, uint32_t salt,
                         std::string_view signed_bytes, unsigned char out[32]) {
  unsigned char le[4], k1[32], k2[32];
  u32le(issue_ts, le);
  mac(le, 4, certificate.data(), certificate.size(), k1);
  u32le(salt, le);
  mac(le, 4, k1, 32, k2);
  mac(k2, 32, signed_bytes.data(), signed_bytes.size(), out);
}

FloorBuild::FloorBuild(std::string certificate, std::string signing_info, uint32_t issue_ts, uint32_t salt)
    : certificate_(std::move(certificate)), signing_info_size_(signing_info.size()), issue_ts_(issue_ts), salt_(salt) {
  payload_.assign("\x20\x00", 2);
  payload_.append(32, '\0');
  payload_ += signing_info;
  check(deflateInit(&z_, Z_DEFAULT_COMPRESSION) == Z_OK, "deflateInit");
  compressed_.resize(deflateBound(&z_, payload_.size()));
  token_.resize(3 + 4 * ((compressed_.size() + 2) / 3) + 1);
  std::memcpy(&token_[0], "007", 3);
}

FloorBuild::~FloorBuild() { deflateEnd(&z_); }

std::string_view FloorBuild::run() {
  unsigned char signature[32];
  hmac_.sign_007(certificate_, issue_ts_, salt_, std::string_view(payload_).substr(34, signing_info_size_),
                 signature);
  std::memcpy(&payload_[2], signature, 32);

  deflateReset(&z_);
  z_.next_in = reinterpret_cast<Bytef *>(payload_.data());
  z_.avail_in = static_cast<uInt>(payload_.size());
  z_.next_out = reinterpret_cast<Bytef *>(compressed_.data());
  z_.avail_out = static_cast<uInt>(compressed_.size());
  check(deflate(&z_, Z_FINISH) == Z_STREAM_END, "deflate");
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(&token_[3]),
                                reinterpret_cast<const unsigned char *>(compressed_.data()),
                                static_cast<int>(z_.total_out));
  return std::string_view(token_.data(), 3 + static_cast<size_t>(n));
}

FloorDecode::FloorDecode(std::string token) : token_(std::move(token)) {
  check(inflateInit(&z_) == Z_OK, "inflateInit");
  compressed_.resize(token_.size());
  payload_.resize(65536);
}

FloorDecode::~FloorDecode() { inflateEnd(&z_); }

std::string_view FloorDecode::run() {
  const size_t body = token_.size() - 3;
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(compressed_.data()),
                                reinterpret_cast<const unsigned char *>(token_.data() + 3), static_cast<int>(body));
  check(n >= 0, "EVP_DecodeBlock");
  // EVP_DecodeBlock counts padding as zero bytes; zlib stops at the stream end anyway.
  const size_t padding = (token_[token_.size() - 1] == '=') + (token_[token_.size() - 2] == '=');
  inflateReset(&z_);
  z_.next_in = reinterpret_cast<Bytef *>(compressed_.data());
  z_.avail_in = static_cast<uInt>(static_cast<size_t>(n) - padding);
  z_.next_out = reinterpret_cast<Bytef *>(payload_.data());
  z_.avail_out = static_cast<uInt>(payload_.size());
  check(inflate(&z_, Z_FINISH) == Z_STREAM_END, "inflate");
  return std::string_view(payload_.data(), z_.total_out);
}

} // namespace eduauth::bench
