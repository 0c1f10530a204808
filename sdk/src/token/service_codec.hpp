// Wire form of one 007 service block (spec §2.3): u16 type, privilege map, type fields.
#pragma once

#include "eduauth/token.hpp"
#include "packer.hpp"

namespace eduauth::token::detail {

/// True for the service types 1..8 that the format defines.
inline bool is_known_service_type(uint16_t type) noexcept { return type >= 1 && type <= 8; }

/// Writes a whole block. Throws Error{invalid_argument} for an unknown type or a field
/// the format cannot carry (string > 65535 bytes, > 65535 entries).
void pack_service(Writer &w, const Service &service);

/// Reads the block whose type was already read. Throws Error{malformed_token}.
Service unpack_service_body(Reader &r, uint16_t type);

} // namespace eduauth::token::detail
