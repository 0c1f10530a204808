// Test helper: hex <-> bytes.
#pragma once

#include <string>
#include <string_view>

namespace eduauth::test {

/// Lowercase hex of the bytes.
std::string to_hex(std::string_view bytes);

/// Bytes of a hex string (either case); throws std::invalid_argument on odd length or a non-hex digit.
std::string from_hex(std::string_view hex);

} // namespace eduauth::test
