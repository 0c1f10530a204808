// HMAC-SHA256 through OpenSSL 3 EVP_MAC. The one-shot HMAC() fetches the algorithm on
// every call; a per-thread context that is only re-keyed avoids that cost.
#include "hmac.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "eduauth/error.hpp"

namespace eduauth::token::detail {

namespace {

struct MacContext {
  EVP_MAC *mac = nullptr;
  EVP_MAC_CTX *ctx = nullptr;
  MacContext() {
    mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (mac == nullptr) {
      return;
    }
    ctx = EVP_MAC_CTX_new(mac);
    if (ctx == nullptr) {
      return;
    }
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    if (EVP_MAC_CTX_set_params(ctx, params) != 1) {
      EVP_MAC_CTX_free(ctx);
      ctx = nullptr;
    }
  }
  ~MacContext() {
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
  }
  MacContext(const MacContext &) = delete;
  MacContext &operator=(const MacContext &) = delete;
};

} // namespace

void hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts,
                 unsigned char out[kSha256Size]) {
  thread_local MacContext m;
  // An empty key is legal for HMAC; OpenSSL wants a non-null pointer for it.
  static const unsigned char kEmpty = 0;
  const auto *k = key.empty() ? &kEmpty : reinterpret_cast<const unsigned char *>(key.data());
  bool ok = m.ctx != nullptr && EVP_MAC_init(m.ctx, k, key.size(), nullptr) == 1;
  for (auto it = parts.begin(); ok && it != parts.end(); ++it) {
    ok = EVP_MAC_update(m.ctx, reinterpret_cast<const unsigned char *>(it->data()), it->size()) == 1;
  }
  size_t len = 0;
  if (!ok || EVP_MAC_final(m.ctx, out, &len, kSha256Size) != 1 || len != kSha256Size) {
    throw Error(Errc::internal, "OpenSSL HMAC-SHA256 failed");
  }
}

void hmac_sha256(std::string_view key, std::string_view message, unsigned char out[kSha256Size]) {
  hmac_sha256(key, {message}, out);
}

bool equal_ct(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace eduauth::token::detail
