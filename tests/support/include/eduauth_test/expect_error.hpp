// Shared by the token unit tests: run code that must throw eduauth::Error with a given code.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "eduauth/error.hpp"

namespace eduauth_test {

/// Runs f, which must throw eduauth::Error with `code`; returns the message (empty and a
/// test failure when nothing was thrown).
template <typename F> std::string error_of(F f, eduauth::Errc code) {
  try {
    f();
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(code, e.code()) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error thrown";
  return {};
}

} // namespace eduauth_test
