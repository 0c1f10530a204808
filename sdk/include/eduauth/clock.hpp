// eduauth — the clocks the token client reads and waits on.
//
// The client keeps every deadline on a clock that survives wall-clock jumps AND device
// sleep (DESIGN.md "Local deadlines"): on Linux that is CLOCK_BOOTTIME, which keeps
// counting while the device is suspended (CLOCK_MONOTONIC / std::chrono::steady_clock
// stop during suspend). It also checks the wall clock, so a token is served only while
// BOTH clocks say it is still valid.
//
// Clock is injectable: tests (ours and integrators') pass a FakeClock and drive time
// by hand; every wait of the client goes through Clock::wait_until, so advancing a
// FakeClock wakes the client's scheduler and blocked get() callers deterministically.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <list>
#include <memory>
#include <mutex>

namespace eduauth {

/// A deadline meaning "no deadline" for Clock::wait_until.
inline constexpr int64_t kNoDeadline = std::numeric_limits<int64_t>::max();

/// Time source and waiting primitive of the token client.
///
/// Thread-safety: every member is safe to call from any thread at the same time.
class Clock {
public:
  virtual ~Clock() = default;

  /// Wall-clock time, absolute Unix MILLISECONDS (may jump: NTP, user changes).
  virtual int64_t unix_ms() const = 0;

  /// Milliseconds since an arbitrary origin that never goes backwards and KEEPS counting
  /// while the device sleeps (CLOCK_BOOTTIME). All local token deadlines use this scale.
  virtual int64_t boot_ms() const = 0;

  /// Milliseconds since an arbitrary origin that never goes backwards but STOPS while the
  /// device sleeps (CLOCK_MONOTONIC / steady_clock). Exposed so tests can show why it must
  /// not be used for token deadlines; the client never uses it for them.
  virtual int64_t monotonic_ms() const = 0;

  /// True while boot_ms() < boot_deadline_ms AND unix_ms() < unix_deadline_ms: the test a
  /// token must pass on every get (DESIGN.md "Local deadlines"). Overridable so the real
  /// clock can answer it cheaply; an override must never say true when that is false.
  virtual bool before(int64_t boot_deadline_ms, int64_t unix_deadline_ms) const {
    return boot_ms() < boot_deadline_ms && unix_ms() < unix_deadline_ms;
  }

  /// Blocks the caller on `cv` (whose mutex `lock` holds) until boot_ms() >= boot_deadline_ms
  /// (kNoDeadline = no deadline), until `cv` is notified, or until the clock changes.
  /// May return early and may release and re-acquire `lock` in between: callers re-check
  /// their condition and the time in a loop. Returns with `lock` held.
  virtual void wait_until(std::unique_lock<std::mutex> &lock, std::condition_variable &cv,
                          int64_t boot_deadline_ms) = 0;
};

/// The real clocks: CLOCK_REALTIME, CLOCK_BOOTTIME and CLOCK_MONOTONIC.
/// wait_until sleeps in slices of at most kMaxSliceMs real milliseconds, because the
/// kernel cannot wait on CLOCK_BOOTTIME with a condition variable: after a resume the
/// caller notices a passed deadline within one slice.
class SystemClock final : public Clock {
public:
  static constexpr int64_t kMaxSliceMs = 1000;

  int64_t unix_ms() const override;
  int64_t boot_ms() const override;
  int64_t monotonic_ms() const override;
  /// Reads CLOCK_BOOTTIME exactly and, far from the wall deadline, the cheap
  /// CLOCK_REALTIME_COARSE instead of CLOCK_REALTIME (see clock.cpp): the cached get()
  /// path spends most of its time reading clocks.
  bool before(int64_t boot_deadline_ms, int64_t unix_deadline_ms) const override;
  void wait_until(std::unique_lock<std::mutex> &lock, std::condition_variable &cv, int64_t boot_deadline_ms) override;

  /// A process-wide shared instance (the default clock of ClientConfig).
  static std::shared_ptr<SystemClock> instance();
};

/// A clock that moves only when told to. For tests, including integrators' tests.
///
/// All three scales start at the values given to the constructor. advance() moves all of
/// them; suspend() models a device sleep (wall and boot move, monotonic does not);
/// jump_wall() models an NTP correction or a user changing the date (wall only).
/// Every change wakes all threads blocked in wait_until() on this clock, so they can
/// re-check their deadlines.
///
/// Thread-safety: all members may be called from any thread. Lifetime: a FakeClock must
/// outlive every client using it (ClientConfig holds it by shared_ptr, which ensures that).
class FakeClock final : public Clock {
public:
  /// Default start: 2023-11-14T22:13:20Z (Unix 1700000000 s), boot and monotonic at 10 s.
  explicit FakeClock(int64_t unix_ms = 1'700'000'000'000, int64_t boot_ms = 10'000);
  ~FakeClock() override;
  FakeClock(const FakeClock &) = delete;
  FakeClock &operator=(const FakeClock &) = delete;

  int64_t unix_ms() const override;
  int64_t boot_ms() const override;
  int64_t monotonic_ms() const override;
  void wait_until(std::unique_lock<std::mutex> &lock, std::condition_variable &cv, int64_t boot_deadline_ms) override;

  /// Normal passage of time: wall, boot and monotonic all move by `d` (must be >= 0).
  void advance(std::chrono::milliseconds d);
  /// The device sleeps for `d` (>= 0): wall and boot move, monotonic does not.
  void suspend(std::chrono::milliseconds d);
  /// The wall clock alone jumps by `d` (may be negative): boot and monotonic do not move.
  void jump_wall(std::chrono::milliseconds d);

  /// Number of threads blocked in wait_until() on this clock that started waiting after the
  /// latest time change, i.e. that have already seen the current time. Tests use it to
  /// know that the client's threads have reacted to an advance() before checking results.
  size_t waiters() const;
  /// Polls (in real time) until waiters() >= n or `real_timeout` passes; returns whether
  /// the count was reached. A synchronisation helper, not a timer.
  bool await_waiters(size_t n, std::chrono::milliseconds real_timeout = std::chrono::seconds(10)) const;

private:
  struct Waiter {
    std::mutex *mutex;
    std::condition_variable *cv;
    uint64_t generation; // value of generation_ when the wait began
  };
  void changed(int64_t wall_delta, int64_t boot_delta, int64_t mono_delta);

  mutable std::mutex time_mu_;   // guards the three times and waiters_
  std::mutex notify_mu_;         // held while notifying; waiters deregister under it too
  int64_t unix_ms_;
  int64_t boot_ms_;
  int64_t mono_ms_;
  uint64_t generation_ = 0; // bumped by every change
  std::list<Waiter> waiters_;
};

} // namespace eduauth
