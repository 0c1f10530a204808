// libFuzzer target: the strict base64 decoder of the token layer (sdk/src/token/base64.hpp,
// an internal header reached through eduauth_token's interface include path). Property: strict
// decoding accepts only canonical text, so re-encoding what it accepted gives the input back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "eduauth/error.hpp"
#include "token/base64.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  std::string decoded;
  try {
    decoded = eduauth::token::detail::decode_base64_strict(text, 0);
  } catch (const eduauth::Error &) {
    return 0;
  }
  std::string again;
  eduauth::token::detail::append_base64(again, decoded);
  if (again != text) std::abort(); // accepted a non-canonical encoding
  return 0;
}
