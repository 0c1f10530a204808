// Lets GoogleTest print eduauth::Errc by name ("EDUAUTH_E_TIMEOUT") in failure messages.
#pragma once

#include <ostream>

#include "eduauth/error.hpp"

namespace eduauth {
inline void PrintTo(Errc code, std::ostream *os) { *os << errc_name(code); }
} // namespace eduauth
