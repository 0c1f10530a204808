// SystemClock reads the three kernel clocks; FakeClock drives waits deterministically.
#include <gtest/gtest.h>

#include <ctime>
#include <thread>

#include "eduauth/clock.hpp"
#include "eduauth/error.hpp"

namespace eduauth {
namespace {

TEST(SystemClock, ReadsRealtimeBoottimeAndMonotonic) {
  SystemClock c;
  timespec rt{};
  clock_gettime(CLOCK_REALTIME, &rt);
  EXPECT_NEAR(static_cast<double>(c.unix_ms()), static_cast<double>(rt.tv_sec) * 1000.0, 5000.0);
  // Boot time counts suspended time too, so it is never behind the monotonic clock.
  const int64_t mono = c.monotonic_ms();
  EXPECT_GE(c.boot_ms(), mono);
  EXPECT_GE(c.monotonic_ms(), mono);
}

TEST(SystemClock, WaitReturnsAtAPassedDeadlineAndWithinOneSlice) {
  SystemClock c;
  std::mutex mu;
  std::condition_variable cv;
  std::unique_lock<std::mutex> lk(mu);
  const auto t0 = std::chrono::steady_clock::now();
  c.wait_until(lk, cv, c.boot_ms() - 1); // deadline already passed: no wait at all
  c.wait_until(lk, cv, kNoDeadline);     // no deadline: at most one slice
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(SystemClock::kMaxSliceMs + 500));
  EXPECT_TRUE(lk.owns_lock());
}

TEST(FakeClock, AdvanceSuspendAndWallJumpMoveTheRightClocks) {
  FakeClock c(1'700'000'000'000, 10'000);
  EXPECT_EQ(c.unix_ms(), 1'700'000'000'000);
  EXPECT_EQ(c.boot_ms(), 10'000);
  EXPECT_EQ(c.monotonic_ms(), 10'000);
  c.advance(std::chrono::seconds(5));
  EXPECT_EQ(c.unix_ms(), 1'700'000'005'000);
  EXPECT_EQ(c.boot_ms(), 15'000);
  EXPECT_EQ(c.monotonic_ms(), 15'000);
  c.suspend(std::chrono::hours(2)); // device asleep: monotonic stands still
  EXPECT_EQ(c.unix_ms(), 1'700'000'005'000 + 7'200'000);
  EXPECT_EQ(c.boot_ms(), 15'000 + 7'200'000);
  EXPECT_EQ(c.monotonic_ms(), 15'000);
  c.jump_wall(std::chrono::hours(-3)); // user sets the date back
  EXPECT_EQ(c.unix_ms(), 1'700'000'005'000 - 3'600'000);
  EXPECT_EQ(c.boot_ms(), 15'000 + 7'200'000);
  EXPECT_THROW(c.advance(std::chrono::milliseconds(-1)), Error);
  EXPECT_THROW(c.suspend(std::chrono::milliseconds(-1)), Error);
}

TEST(FakeClock, AdvanceWakesAWaiterExactlyAtItsDeadline) {
  auto c = std::make_shared<FakeClock>();
  std::mutex mu;
  std::condition_variable cv;
  const int64_t deadline = c->boot_ms() + 1000;
  int64_t woke_at = -1;
  std::thread t([&] {
    std::unique_lock<std::mutex> lk(mu);
    while (c->boot_ms() < deadline) c->wait_until(lk, cv, deadline);
    woke_at = c->boot_ms();
  });
  ASSERT_TRUE(c->await_waiters(1));
  c->advance(std::chrono::milliseconds(999));
  ASSERT_TRUE(c->await_waiters(1)); // woke, saw 999 ms, went back to waiting
  c->advance(std::chrono::milliseconds(1));
  t.join();
  EXPECT_EQ(woke_at, deadline);
  EXPECT_EQ(c->waiters(), 0u);
}

TEST(FakeClock, SuspendWakesBootDeadlineWaiters) {
  auto c = std::make_shared<FakeClock>();
  std::mutex mu;
  std::condition_variable cv;
  const int64_t deadline = c->boot_ms() + 3'600'000;
  std::thread t([&] {
    std::unique_lock<std::mutex> lk(mu);
    while (c->boot_ms() < deadline) c->wait_until(lk, cv, deadline);
  });
  ASSERT_TRUE(c->await_waiters(1));
  const int64_t mono_before = c->monotonic_ms();
  c->suspend(std::chrono::hours(2));
  t.join(); // a steady_clock-based wait would still be sleeping here
  EXPECT_EQ(c->monotonic_ms(), mono_before);
}

} // namespace
} // namespace eduauth

namespace eduauth {
namespace {

TEST(SystemClockBefore, AgreesWithTheExactClocksAroundTheWallDeadline) {
  const auto clock = SystemClock::instance();
  const int64_t boot = clock->boot_ms(), wall = clock->unix_ms();
  EXPECT_TRUE(clock->before(boot + 60'000, wall + 60'000)); // far: decided by the coarse clock
  EXPECT_TRUE(clock->before(boot + 60'000, wall + 10'000));
  EXPECT_FALSE(clock->before(boot + 60'000, wall));          // wall deadline reached
  EXPECT_FALSE(clock->before(boot + 60'000, wall - 1));
  EXPECT_FALSE(clock->before(boot, wall + 60'000));          // boot deadline reached
  // Inside the coarse slack the exact wall clock decides: a deadline just ahead is still
  // ahead, one just behind is not.
  const int64_t now = clock->unix_ms();
  EXPECT_TRUE(clock->before(boot + 60'000, now + 30'000));
  EXPECT_FALSE(clock->before(boot + 60'000, clock->unix_ms() - 20));
}

TEST(FakeClockBefore, UsesBothScales) {
  FakeClock clock;
  const int64_t boot = clock.boot_ms(), wall = clock.unix_ms();
  EXPECT_TRUE(clock.before(boot + 1, wall + 1));
  EXPECT_FALSE(clock.before(boot, wall + 1));
  EXPECT_FALSE(clock.before(boot + 1, wall));
}

} // namespace
} // namespace eduauth
