// Plain digests: the MD5 chat user id (spec §2.6) and SHA-256 fingerprints for logs.
#include <openssl/evp.h>

#include "eduauth/token.hpp"
#include "hex.hpp"

namespace eduauth::token {

namespace {
std::string digest_hex(const EVP_MD *md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (md == nullptr || EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    throw Error(Errc::internal, "OpenSSL digest failed");
  }
  return detail::to_hex(std::string_view(reinterpret_cast<const char *>(out), len));
}
} // namespace

std::string chat_user_id(std::string_view user_uuid) { return digest_hex(EVP_md5(), user_uuid); }

std::string fingerprint(std::string_view secret) {
  return "sha256:" + digest_hex(EVP_sha256(), secret).substr(0, 8);
}

} // namespace eduauth::token
