// libFuzzer target: the 006 (AccessToken) decoder. Each input is tried as a whole token string
// and as raw content wrapped into "006" + app ID + base64(content). Whatever decodes must
// render as JSON and verify without throwing.
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
    return;
  }
  (void)eduauth::token::to_json(token, 2);
  (void)token.expires_at();
  if (token.version == eduauth::token::Version::v006) {
    (void)eduauth::token::verify(token.v006, eduauth::fuzz::kCertificate, "7d72365eb983485397e3e3f9d460bdda",
                                 "2882341273");
    (void)eduauth::token::verify(token.v006, eduauth::fuzz::kCertificate, "", "");
  } else {
    (void)eduauth::token::verify(token.v007, eduauth::fuzz::kCertificate);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string bytes(reinterpret_cast<const char *>(data), size);
  exercise(bytes);
  if (size <= 70000) exercise(eduauth::fuzz::token_006_around(bytes));
  return 0;
}
