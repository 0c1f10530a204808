// eduauth C API — version, status codes, per-thread errors, returned strings.
#include <cstdlib>
#include <cstring>

#include "eduauth/token.hpp"
#include "guard.hpp"

// The C codes are the C++ codes: one static_assert per code keeps them identical.
#define EDUAUTH_SAME_CODE(c_name, cpp_name)                                                                  \
  static_assert(c_name == static_cast<int>(eduauth::Errc::cpp_name), #c_name " != Errc::" #cpp_name)
EDUAUTH_SAME_CODE(EDUAUTH_OK, ok);
EDUAUTH_SAME_CODE(EDUAUTH_E_INVALID_ARGUMENT, invalid_argument);
EDUAUTH_SAME_CODE(EDUAUTH_E_MALFORMED_TOKEN, malformed_token);
EDUAUTH_SAME_CODE(EDUAUTH_E_UNSUPPORTED_VERSION, unsupported_version);
EDUAUTH_SAME_CODE(EDUAUTH_E_SIGNATURE_MISMATCH, signature_mismatch);
EDUAUTH_SAME_CODE(EDUAUTH_E_OUT_OF_MEMORY, out_of_memory);
EDUAUTH_SAME_CODE(EDUAUTH_E_NETWORK, network);
EDUAUTH_SAME_CODE(EDUAUTH_E_TIMEOUT, timeout);
EDUAUTH_SAME_CODE(EDUAUTH_E_HTTP_STATUS, http_status);
EDUAUTH_SAME_CODE(EDUAUTH_E_BAD_RESPONSE, bad_response);
EDUAUTH_SAME_CODE(EDUAUTH_E_EXPIRED_FROM_SERVER, expired_from_server);
EDUAUTH_SAME_CODE(EDUAUTH_E_TOKEN_MISMATCH, token_mismatch);
EDUAUTH_SAME_CODE(EDUAUTH_E_REAUTH_REQUIRED, reauth_required);
EDUAUTH_SAME_CODE(EDUAUTH_E_TOKEN_REJECTED, token_rejected);
EDUAUTH_SAME_CODE(EDUAUTH_E_TLS, tls);
EDUAUTH_SAME_CODE(EDUAUTH_E_CLOSED, closed);
EDUAUTH_SAME_CODE(EDUAUTH_E_EXPIRED, expired);
EDUAUTH_SAME_CODE(EDUAUTH_E_INVALID_LAUNCH_OPTION, invalid_launch_option);
EDUAUTH_SAME_CODE(EDUAUTH_E_LAUNCH_TOKEN_MISMATCH, launch_token_mismatch);
EDUAUTH_SAME_CODE(EDUAUTH_E_INTERNAL, internal);
#undef EDUAUTH_SAME_CODE

namespace eduauth::capi {
namespace {

struct LastError {
  int code = EDUAUTH_OK;
  std::string message;
};

LastError &last_error() noexcept {
  thread_local LastError e;
  return e;
}

} // namespace

int fail(int code, const char *function, std::string_view message) noexcept {
  LastError &e = last_error();
  e.code = code;
  try {
    e.message.assign(function).append(": ").append(message);
  } catch (...) {
    // Could not even build the message: keep the code, give a fixed text.
    e.message.clear();
  }
  return code;
}

void clear_error() noexcept {
  LastError &e = last_error();
  e.code = EDUAUTH_OK;
  e.message.clear(); // keeps capacity: no allocation on the success path
}

char *dup_string(std::string_view s) {
  auto *p = static_cast<char *>(std::malloc(s.size() + 1));
  if (p == nullptr) throw std::bad_alloc();
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

} // namespace eduauth::capi

using namespace eduauth::capi;

extern "C" {

const char *eduauth_version(void) {
  return EDUAUTH_VERSION_STRING;
}

uint32_t eduauth_version_number(void) {
  return EDUAUTH_VERSION_NUMBER;
}

const char *eduauth_status_name(int code) {
  switch (code) {
  case EDUAUTH_OK:
    return "EDUAUTH_OK";
  case EDUAUTH_E_INVALID_ARGUMENT:
    return "EDUAUTH_E_INVALID_ARGUMENT";
  case EDUAUTH_E_MALFORMED_TOKEN:
    return "EDUAUTH_E_MALFORMED_TOKEN";
  case EDUAUTH_E_UNSUPPORTED_VERSION:
    return "EDUAUTH_E_UNSUPPORTED_VERSION";
  case EDUAUTH_E_SIGNATURE_MISMATCH:
    return "EDUAUTH_E_SIGNATURE_MISMATCH";
  case EDUAUTH_E_OUT_OF_MEMORY:
    return "EDUAUTH_E_OUT_OF_MEMORY";
  case EDUAUTH_E_NETWORK:
    return "EDUAUTH_E_NETWORK";
  case EDUAUTH_E_TIMEOUT:
    return "EDUAUTH_E_TIMEOUT";
  case EDUAUTH_E_HTTP_STATUS:
    return "EDUAUTH_E_HTTP_STATUS";
  case EDUAUTH_E_BAD_RESPONSE:
    return "EDUAUTH_E_BAD_RESPONSE";
  case EDUAUTH_E_EXPIRED_FROM_SERVER:
    return "EDUAUTH_E_EXPIRED_FROM_SERVER";
  case EDUAUTH_E_TOKEN_MISMATCH:
    return "EDUAUTH_E_TOKEN_MISMATCH";
  case EDUAUTH_E_REAUTH_REQUIRED:
    return "EDUAUTH_E_REAUTH_REQUIRED";
  case EDUAUTH_E_TOKEN_REJECTED:
    return "EDUAUTH_E_TOKEN_REJECTED";
  case EDUAUTH_E_TLS:
    return "EDUAUTH_E_TLS";
  case EDUAUTH_E_CLOSED:
    return "EDUAUTH_E_CLOSED";
  case EDUAUTH_E_EXPIRED:
    return "EDUAUTH_E_EXPIRED";
  case EDUAUTH_E_INVALID_LAUNCH_OPTION:
    return "EDUAUTH_E_INVALID_LAUNCH_OPTION";
  case EDUAUTH_E_LAUNCH_TOKEN_MISMATCH:
    return "EDUAUTH_E_LAUNCH_TOKEN_MISMATCH";
  case EDUAUTH_E_INTERNAL:
    return "EDUAUTH_E_INTERNAL";
  default:
    return "EDUAUTH_E_UNKNOWN";
  }
}

const char *eduauth_error_last(void) {
  // c_str() of a thread_local string: stable until this thread's next eduauth call.
  const LastError &e = last_error();
  if (e.code != EDUAUTH_OK && e.message.empty()) return eduauth_status_name(e.code);
  return e.message.c_str();
}

int eduauth_error_last_code(void) {
  return last_error().code;
}

void eduauth_string_free(char *s) {
  std::free(s);
}

int eduauth_fingerprint(char **out, const char *secret) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(secret, "secret");
    *out = dup_string(eduauth::token::fingerprint(secret));
    return EDUAUTH_OK;
  });
}

} // extern "C"
