// eduauth — error codes and the exception type of the C++ layer.
//
// Every fallible C++ function in eduauth throws eduauth::Error. The C API
// (c_api/) catches it at the boundary and returns the same numeric code as
// EDUAUTH_E_*; the numbers below are part of the stable ABI and never change.
#pragma once

#include <stdexcept>
#include <string>

namespace eduauth {

/// Status codes. 0 is success; every error is negative. Stable: the C API
/// exposes the same values as EDUAUTH_OK / EDUAUTH_E_*.
enum class Errc : int {
  ok = 0,
  invalid_argument = -1,     ///< a caller-supplied value is out of range or malformed
  malformed_token = -2,      ///< the token string does not decode (spec token-format.md §2.8, §3.5)
  unsupported_version = -3,  ///< the token does not start with "006" or "007"
  signature_mismatch = -4,   ///< the token decodes but its signature does not verify
  out_of_memory = -5,
  network = -10,             ///< DNS, connect, reset, proxy, TLS handshake transport failures
  timeout = -11,             ///< connect or total timeout, or a waiter's own timeout
  http_status = -12,         ///< the token server answered an HTTP error status (not 401/403)
  bad_response = -13,        ///< the body is not the expected JSON / has no token / too large
  expired_from_server = -14, ///< the server returned a token that is already expired or too short-lived
  token_mismatch = -15,      ///< the token is for another app ID / user / room / role than asked
  reauth_required = -16,     ///< 401/403 from the token server: the user must sign in again
  token_rejected = -17,      ///< the app reported the token rejected downstream, and a refetch did not help
  tls = -18,                 ///< certificate verification or CA bundle problem
  closed = -19,              ///< the client was closed
  expired = -20,             ///< no valid token is available (the current one passed its expiry)
  invalid_launch_option = -30, ///< a launchOption field breaks a rule of specs/launch-option.md
  launch_token_mismatch = -31, ///< launchOption values disagree with the token (parameter consistency)
  internal = -99,
};

/// Static, human-readable name of a code ("EDUAUTH_E_MALFORMED_TOKEN"); never null.
const char *errc_name(Errc code) noexcept;

/// The exception thrown by the C++ layer: a code plus a message that names the
/// offending field and value (never a secret: tokens and certificates appear
/// only as short fingerprints).
class Error : public std::runtime_error {
public:
  Error(Errc code, const std::string &message) : std::runtime_error(message), code_(code) {}
  Errc code() const noexcept { return code_; }

private:
  Errc code_;
};

} // namespace eduauth
