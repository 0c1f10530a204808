// Input checks of the named builders (builders.hpp): units, ranges, the clock.
#pragma once

#include <cstdint>

#include "eduauth/token.hpp"

namespace eduauth::token::detail {

/// Throws Error{invalid_argument} when a 007 relative value is > kMaxRelativeExpire (86400 s):
/// such a value looks like an absolute Unix time, and 007 wants seconds relative to issue_ts (C-03).
void require_relative(const char *field, uint32_t seconds);

/// Throws Error{invalid_argument} naming the int16 range when role does not fit.
int16_t role_as_int16(int32_t role);

/// The builders' issue_ts (007) / clock (006): the pinned value, or now (UTC Unix seconds).
uint32_t clock_or_now(const BuildOptions &options);

/// The pinned salt, or random_salt().
uint32_t salt_or_random(const BuildOptions &options);

} // namespace eduauth::token::detail
