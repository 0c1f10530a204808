// Helpers shared by the libFuzzer targets: wrap raw fuzz bytes into the token containers so
// the payload parsers are reached without the fuzzer having to invent valid zlib and base64.
#pragma once

#include <openssl/evp.h>
#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace eduauth::fuzz {

/// A well-formed certificate (the public test value) for verify calls on decoded input.
inline constexpr std::string_view kCertificate = "5CFd2fd1755d40ecb72977518be15d3b";

inline std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                          reinterpret_cast<const unsigned char *>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

/// zlib at the default level, as the reference builders compress a 007 payload.
inline std::string zlib_compress(std::string_view bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(bytes.data()),
                static_cast<uLong>(bytes.size()), Z_DEFAULT_COMPRESSION) != Z_OK)
    std::abort(); // the harness itself is broken, not the code under test
  out.resize(size);
  return out;
}

/// A token string whose 007 payload is exactly `payload`.
inline std::string token_007_around(std::string_view payload) { return "007" + base64(zlib_compress(payload)); }

/// A token string whose 006 content is exactly `content`.
inline std::string token_006_around(std::string_view content) {
  return "006970CA35de60c44645bbae8a215061b33" + base64(content);
}

} // namespace eduauth::fuzz
