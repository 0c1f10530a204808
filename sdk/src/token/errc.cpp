// errc_name: the static names of eduauth::Errc (the C API's EDUAUTH_E_* spellings).
#include "eduauth/error.hpp"

namespace eduauth {

const char *errc_name(Errc code) noexcept {
  switch (code) {
  case Errc::ok: return "EDUAUTH_OK";
  case Errc::invalid_argument: return "EDUAUTH_E_INVALID_ARGUMENT";
  case Errc::malformed_token: return "EDUAUTH_E_MALFORMED_TOKEN";
  case Errc::unsupported_version: return "EDUAUTH_E_UNSUPPORTED_VERSION";
  case Errc::signature_mismatch: return "EDUAUTH_E_SIGNATURE_MISMATCH";
  case Errc::out_of_memory: return "EDUAUTH_E_OUT_OF_MEMORY";
  case Errc::network: return "EDUAUTH_E_NETWORK";
  case Errc::timeout: return "EDUAUTH_E_TIMEOUT";
  case Errc::http_status: return "EDUAUTH_E_HTTP_STATUS";
  case Errc::bad_response: return "EDUAUTH_E_BAD_RESPONSE";
  case Errc::expired_from_server: return "EDUAUTH_E_EXPIRED_FROM_SERVER";
  case Errc::token_mismatch: return "EDUAUTH_E_TOKEN_MISMATCH";
  case Errc::reauth_required: return "EDUAUTH_E_REAUTH_REQUIRED";
  case Errc::token_rejected: return "EDUAUTH_E_TOKEN_REJECTED";
  case Errc::tls: return "EDUAUTH_E_TLS";
  case Errc::closed: return "EDUAUTH_E_CLOSED";
  case Errc::expired: return "EDUAUTH_E_EXPIRED";
  case Errc::invalid_launch_option: return "EDUAUTH_E_INVALID_LAUNCH_OPTION";
  case Errc::launch_token_mismatch: return "EDUAUTH_E_LAUNCH_TOKEN_MISMATCH";
  case Errc::internal: return "EDUAUTH_E_INTERNAL";
  }
  return "EDUAUTH_E_UNKNOWN";
}

} // namespace eduauth
