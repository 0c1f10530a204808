// Common setup of the TokenClient tests: a FakeClock, a pinned RNG seed and helpers that
// synchronise with the client's threads (never sleeping to let time pass).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "client_test_support.hpp"
#include "eduauth/client.hpp"

namespace eduauth::test {

class ClientTest : public ::testing::Test {
protected:
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
  const TokenKey key = key_of("room-1", "alice", 2);

  ClientConfig config_for(std::shared_ptr<Fetcher> fetcher) {
    ClientConfig c;
    c.fetcher = std::move(fetcher);
    c.clock = clock;
    c.rng_seed = 42;
    c.refresh_jitter_fraction = 0.0; // exact instants; jitter has its own tests
    return c;
  }

  /// Waits until the client's scheduler (plus `extra` blocked callers) is waiting again
  /// after the latest clock change.
  void settle(size_t extra = 0) { ASSERT_TRUE(clock->await_waiters(1 + extra)) << "client threads did not settle"; }

  /// Advances fake time and waits for the scheduler to have looked at the new time.
  void advance(std::chrono::milliseconds d) {
    clock->advance(d);
    settle();
  }

  /// Next event of `type` from the poll queue (skipping others); fails after 10 s real time.
  static Event wait_event(TokenClient &client, EventType type) {
    for (;;) {
      auto ev = client.next_event(std::chrono::seconds(10));
      if (!ev) {
        ADD_FAILURE() << "no " << event_type_name(type) << " event";
        return Event{};
      }
      if (ev->type == type) return *ev;
    }
  }

  /// Runs `fn` and returns the Errc it throws (Errc::ok when it does not throw).
  template <class Fn> static Errc code_of(Fn &&fn, std::string *message = nullptr) {
    try {
      fn();
    } catch (const Error &e) {
      if (message) *message = e.what();
      return e.code();
    }
    return Errc::ok;
  }
};

} // namespace eduauth::test
