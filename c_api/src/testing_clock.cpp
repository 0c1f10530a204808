// eduauth C API — the fake clock of the test kit (eduauth_fake_clock_*) and the setter that
// puts it into a client configuration. Declared in eduauth/testing.h.
//
// The handle owns one shared_ptr to an eduauth::FakeClock; configurations and clients copy
// that shared_ptr, so freeing the handle never leaves a client with a dangling clock.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "client_types.hpp"
#include "eduauth/clock.hpp"
#include "eduauth/testing.h"
#include "guard.hpp"

using namespace eduauth::capi;
using std::chrono::milliseconds;

struct eduauth_fake_clock {
  std::shared_ptr<eduauth::FakeClock> clock;
};

namespace {

int64_t non_negative(int64_t v, const char *name) {
  if (v < 0) throw invalid(std::string(name) + " " + std::to_string(v) + " ms must be >= 0");
  return v;
}

// The scales are int64 milliseconds: a step that would overflow one (signed overflow is
// undefined behaviour) or take the wall time below 0 (which new() refuses) is an argument
// error naming the value, not a clock that silently wraps or goes backwards.
void require_room(int64_t now, int64_t ms, const char *scale, const char *name) {
  if (ms > 0 && now > INT64_MAX - ms)
    throw invalid(std::string(name) + " " + std::to_string(ms) + " ms would overflow the " + scale +
                  " time " + std::to_string(now) + " ms (int64 milliseconds)");
  if (ms < 0 && now + ms < 0)
    throw invalid(std::string(name) + " " + std::to_string(ms) + " ms would take the " + scale + " time " +
                  std::to_string(now) + " ms below 0");
}

} // namespace

extern "C" {

int eduauth_fake_clock_new(eduauth_fake_clock **out, int64_t unix_ms, int64_t boot_ms) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    non_negative(unix_ms, "unix_ms");
    non_negative(boot_ms, "boot_ms");
    auto handle = std::make_unique<eduauth_fake_clock>();
    handle->clock = std::make_shared<eduauth::FakeClock>(unix_ms, boot_ms);
    *out = handle.release();
    return EDUAUTH_OK;
  });
}

void eduauth_fake_clock_free(eduauth_fake_clock *clock) {
  delete clock;
}

int eduauth_fake_clock_advance(eduauth_fake_clock *clock, int64_t ms) {
  return guarded(__func__, [&] {
    require(clock, "clock");
    non_negative(ms, "ms");
    require_room(clock->clock->unix_ms(), ms, "wall", "ms");
    require_room(clock->clock->boot_ms(), ms, "boot", "ms");
    clock->clock->advance(milliseconds(ms));
    return EDUAUTH_OK;
  });
}

int eduauth_fake_clock_sleep(eduauth_fake_clock *clock, int64_t ms) {
  return guarded(__func__, [&] {
    require(clock, "clock");
    non_negative(ms, "ms");
    require_room(clock->clock->unix_ms(), ms, "wall", "ms");
    require_room(clock->clock->boot_ms(), ms, "boot", "ms");
    clock->clock->suspend(milliseconds(ms));
    return EDUAUTH_OK;
  });
}

int eduauth_fake_clock_jump_wall(eduauth_fake_clock *clock, int64_t ms) {
  return guarded(__func__, [&] {
    require(clock, "clock");
    require_room(clock->clock->unix_ms(), ms, "wall", "ms");
    clock->clock->jump_wall(milliseconds(ms));
    return EDUAUTH_OK;
  });
}

int eduauth_fake_clock_unix_ms(int64_t *out, const eduauth_fake_clock *clock) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = 0;
    require(clock, "clock");
    *out = clock->clock->unix_ms();
    return EDUAUTH_OK;
  });
}

int eduauth_fake_clock_boot_ms(int64_t *out, const eduauth_fake_clock *clock) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = 0;
    require(clock, "clock");
    *out = clock->clock->boot_ms();
    return EDUAUTH_OK;
  });
}

int eduauth_fake_clock_await_waiters(eduauth_fake_clock *clock, size_t n, int64_t real_timeout_ms) {
  return guarded(__func__, [&] {
    require(clock, "clock");
    non_negative(real_timeout_ms, "real_timeout_ms");
    // steady_clock::now() + timeout overflows for huge values (the deadline would lie in
    // the past and the call time out at once): a day is "forever" for a test.
    constexpr int64_t kMaxWaitMs = 86'400'000;
    const int64_t wait_ms = real_timeout_ms < kMaxWaitMs ? real_timeout_ms : kMaxWaitMs;
    if (!clock->clock->await_waiters(n, milliseconds(wait_ms)))
      throw eduauth::Error(eduauth::Errc::timeout, std::to_string(clock->clock->waiters()) + " of " +
                                                       std::to_string(n) + " threads waiting after " +
                                                       std::to_string(real_timeout_ms) + " ms");
    return EDUAUTH_OK;
  });
}

int eduauth_client_config_set_clock(eduauth_client_config *config, eduauth_fake_clock *clock) {
  return guarded(__func__, [&] {
    require(config, "config");
    if (clock != nullptr)
      config->clock = clock->clock;
    else
      config->clock.reset();
    return EDUAUTH_OK;
  });
}

} // extern "C"
