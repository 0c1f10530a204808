// eduauth C API — the exception/error boundary shared by every shim.
//
// Every extern "C" function body runs inside guarded(): it converts eduauth::Error into
// its numeric code, std::bad_alloc into EDUAUTH_E_OUT_OF_MEMORY and anything else into
// EDUAUTH_E_INTERNAL, and records the per-thread message eduauth_error_last() returns.
// Nothing may unwind past guarded() (DESIGN.md "C API conventions").
#pragma once

#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "eduauth.h"
#include "eduauth/error.hpp"

namespace eduauth::capi {

/// Records (code, "<function>: <message>") as this thread's last error and returns code.
int fail(int code, const char *function, std::string_view message) noexcept;
/// Marks this thread's last call as successful (eduauth_error_last() == "").
void clear_error() noexcept;

/// A malloc'ed NUL-terminated copy for the caller (freed by eduauth_string_free).
/// Throws std::bad_alloc.
char *dup_string(std::string_view s);

/// Thrown by the shims for argument errors they detect themselves.
inline Error invalid(const std::string &message) {
  return Error(Errc::invalid_argument, message);
}

/// Throws invalid_argument "<name> is NULL" when p is null.
template <class T> void require(const T *p, const char *name) {
  if (p == nullptr) throw invalid(std::string(name) + " is NULL");
}

/// Runs body (returning int, normally EDUAUTH_OK) with the C boundary rules applied.
template <class F> int guarded(const char *function, F &&body) noexcept {
  try {
    const int rc = body();
    if (rc == EDUAUTH_OK) clear_error();
    return rc;
  } catch (const Error &e) {
    return fail(static_cast<int>(e.code()), function, e.what());
  } catch (const std::bad_alloc &) {
    return fail(EDUAUTH_E_OUT_OF_MEMORY, function, "out of memory");
  } catch (const std::exception &e) {
    return fail(EDUAUTH_E_INTERNAL, function, e.what());
  } catch (...) {
    return fail(EDUAUTH_E_INTERNAL, function, "unknown exception");
  }
}

} // namespace eduauth::capi
