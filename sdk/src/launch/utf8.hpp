// UTF-8 helpers for the launchOption byte rules (case C-08: limits count bytes, not characters).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace eduauth::launch::detail {

/// Offset of the first byte that breaks UTF-8 well-formedness (RFC 3629: no overlongs, no
/// surrogates, nothing above U+10FFFF), or nullopt when `s` is valid.
std::optional<size_t> utf8_error_offset(std::string_view s) noexcept;

/// Number of code points in valid UTF-8 `s` (for messages only).
size_t utf8_length(std::string_view s) noexcept;

} // namespace eduauth::launch::detail
