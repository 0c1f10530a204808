// Input checks shared by the named builders and by build().
#include "builder_checks.hpp"

#include <chrono>

#include "codecs.hpp"
#include "eduauth/builders.hpp"
#include "hex.hpp"

namespace eduauth::token::detail {

void require_hex32(const char *what, std::string_view value, bool secret) {
  if (value.size() != 32) {
    throw Error(Errc::invalid_argument, std::string(what) + " must be 32 hex characters, got " +
                                            std::to_string(value.size()) + " characters");
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      std::string msg = std::string(what) + " must be 32 hex characters, but position " + std::to_string(i) +
                        " is not a hex digit";
      if (!secret) {
        msg += " (" + describe_char(static_cast<unsigned char>(c)) + ")";
      }
      throw Error(Errc::invalid_argument, msg);
    }
  }
}

void require_relative(const char *field, uint32_t seconds) {
  if (seconds > kMaxRelativeExpire) {
    throw Error(Errc::invalid_argument,
                std::string(field) + " = " + std::to_string(seconds) +
                    " looks like an absolute Unix time; 007 wants seconds relative to issue_ts (at most " +
                    std::to_string(kMaxRelativeExpire) + ", e.g. 3600 for one hour)");
  }
}

int16_t role_as_int16(int32_t role) {
  if (role < -32768 || role > 32767) {
    throw Error(Errc::invalid_argument,
                "role " + std::to_string(role) + " is outside the int16 range -32768..32767 of the APaaS role field");
  }
  return static_cast<int16_t>(role);
}

uint32_t clock_or_now(const BuildOptions &options) {
  if (options.issue_ts) {
    return *options.issue_ts;
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return static_cast<uint32_t>(now);
}

uint32_t salt_or_random(const BuildOptions &options) { return options.salt ? *options.salt : random_salt(); }

} // namespace eduauth::token::detail
