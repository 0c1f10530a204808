// libFuzzer target: the 007 (AccessToken2) decoder. Each input is tried twice: as a whole
// token string (seeded with real tokens), and as a raw payload wrapped into "007" +
// base64(zlib(payload)) so the field parser sees arbitrary bytes. Whatever decodes must also
// render as JSON and verify (true or false) without throwing; only eduauth::Error is allowed
// out of decode, and nothing at all out of to_json/verify.
#include <cstddef>
#include <cstdint>
#include <string>

#include "eduauth/token.hpp"
#include "fuzz_support.hpp"

namespace {

void exercise(const std::string &text) {
  eduauth::token::Token token;
  try {
    token = eduauth::token::decode(text);
  } catch (const eduauth::Error &) {
    return; // a clean rejection is the expected outcome for most inputs
  }
  (void)eduauth::token::to_json(token, -1);
  (void)token.expires_at();
  if (token.version == eduauth::token::Version::v007) {
    (void)eduauth::token::verify(token.v007, eduauth::fuzz::kCertificate);
  } else {
    (void)eduauth::token::verify(token.v006, eduauth::fuzz::kCertificate, "channel", "");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string bytes(reinterpret_cast<const char *>(data), size);
  exercise(bytes);
  if (size <= 70000) exercise(eduauth::fuzz::token_007_around(bytes));
  return 0;
}
