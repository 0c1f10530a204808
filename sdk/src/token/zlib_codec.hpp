// zlib for the 007 payload (spec §2.1) and CRC-32 for 006 (spec §3.2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eduauth::token::detail {

/// Appends zlib(bytes) made exactly like the references' stock zlib: level 6, window
/// bits 15, memory level 8, default strategy (so tokens match byte for byte). Uses a
/// per-thread deflate stream reset between calls (deflateReset gives identical bytes and
/// saves the ~256 KiB allocation of deflateInit; each thread that builds keeps that state
/// until it exits).
void append_zlib_compressed(std::string &out, std::string_view bytes);

/// Inflates one complete zlib stream (RFC 1950 header and Adler-32 checked) into at most
/// `cap` bytes. Throws Error{malformed_token} when the input is not zlib, is truncated,
/// fails its checksum, inflates to more than `cap` bytes (the message names the cap), or
/// has data after the end of the stream. Uses a per-thread inflate stream.
std::string inflate_capped(std::string_view compressed, size_t cap);

/// zlib's CRC-32 (IEEE) of the bytes, starting from 0; crc32("") == 0.
uint32_t crc32_of(std::string_view bytes) noexcept;

} // namespace eduauth::token::detail
