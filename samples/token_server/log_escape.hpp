// Makes request-controlled text safe for the one-line-per-request log.
#pragma once

#include <cstddef>
#include <string>

namespace eduauth::sample {

/// Returns `in` with control bytes (0x00-0x1f, 0x7f), backslash and bytes that are not part
/// of well-formed UTF-8 written as \xNN, so a client cannot forge or cut log lines (CR/LF,
/// NUL, ESC sequences). At most `max_bytes` input bytes are kept; longer input ends in "…".
std::string escape_for_log(const std::string &in, std::size_t max_bytes = 200);

} // namespace eduauth::sample
