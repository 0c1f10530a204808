// SystemClock (CLOCK_REALTIME / CLOCK_BOOTTIME / CLOCK_MONOTONIC) and FakeClock.
#include "eduauth/clock.hpp"

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <thread>

#include "eduauth/error.hpp"

namespace eduauth {

namespace {
int64_t read_ms(clockid_t id) {
  timespec ts{};
  if (clock_gettime(id, &ts) != 0) throw Error(Errc::internal, "clock_gettime failed");
  return static_cast<int64_t>(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

#ifdef CLOCK_BOOTTIME
constexpr clockid_t kBootClock = CLOCK_BOOTTIME;
#else
constexpr clockid_t kBootClock = CLOCK_MONOTONIC; // non-Linux fallback; wall-time check still applies
#endif
} // namespace

int64_t SystemClock::unix_ms() const { return read_ms(CLOCK_REALTIME); }
int64_t SystemClock::boot_ms() const { return read_ms(kBootClock); }
int64_t SystemClock::monotonic_ms() const { return read_ms(CLOCK_MONOTONIC); }

bool SystemClock::before(int64_t boot_deadline_ms, int64_t unix_deadline_ms) const {
  if (read_ms(kBootClock) >= boot_deadline_ms) return false;
#ifdef CLOCK_REALTIME_COARSE
  // The coarse clock is the wall time of the last tick: it lags the real one by about one
  // tick (1-10 ms) and costs a few ns instead of a full read (tens of ns in a VM). Far from
  // the deadline it decides alone; the last kCoarseSlackMs before it are read exactly.
  constexpr int64_t kCoarseSlackMs = 50;
  if (read_ms(CLOCK_REALTIME_COARSE) < unix_deadline_ms - kCoarseSlackMs) return true;
#endif
  return read_ms(CLOCK_REALTIME) < unix_deadline_ms;
}

void SystemClock::wait_until(std::unique_lock<std::mutex> &lock, std::condition_variable &cv,
                             int64_t boot_deadline_ms) {
  // condition_variable waits on CLOCK_MONOTONIC, which stops during suspend: wait in
  // bounded slices and let the caller re-read boot time after each one.
  int64_t slice = kMaxSliceMs;
  if (boot_deadline_ms != kNoDeadline) slice = std::clamp<int64_t>(boot_deadline_ms - boot_ms(), 0, kMaxSliceMs);
  if (slice == 0) return;
  cv.wait_for(lock, std::chrono::milliseconds(slice));
}

std::shared_ptr<SystemClock> SystemClock::instance() {
  static const auto clock = std::make_shared<SystemClock>();
  return clock;
}

FakeClock::FakeClock(int64_t unix_ms, int64_t boot_ms) : unix_ms_(unix_ms), boot_ms_(boot_ms), mono_ms_(boot_ms) {}

FakeClock::~FakeClock() = default;

int64_t FakeClock::unix_ms() const {
  std::lock_guard<std::mutex> lk(time_mu_);
  return unix_ms_;
}
int64_t FakeClock::boot_ms() const {
  std::lock_guard<std::mutex> lk(time_mu_);
  return boot_ms_;
}
int64_t FakeClock::monotonic_ms() const {
  std::lock_guard<std::mutex> lk(time_mu_);
  return mono_ms_;
}

void FakeClock::wait_until(std::unique_lock<std::mutex> &lock, std::condition_variable &cv, int64_t boot_deadline_ms) {
  std::list<Waiter>::iterator self;
  {
    std::lock_guard<std::mutex> tl(time_mu_);
    if (boot_ms_ >= boot_deadline_ms) return;
    // Registered while `lock` is held: a concurrent change() must take `lock` before it
    // notifies, so it cannot slip in between this check and cv.wait (no lost wake-up).
    self = waiters_.insert(waiters_.end(), Waiter{lock.mutex(), &cv, generation_});
  }
  cv.wait(lock);
  // Deregister without holding `lock`: change() holds notify_mu_ and then takes the
  // waiter's mutex, so taking notify_mu_ under `lock` would invert that order.
  lock.unlock();
  {
    std::lock_guard<std::mutex> nl(notify_mu_);
    std::lock_guard<std::mutex> tl(time_mu_);
    waiters_.erase(self);
  }
  lock.lock();
}

void FakeClock::changed(int64_t wall_delta, int64_t boot_delta, int64_t mono_delta) {
  std::lock_guard<std::mutex> nl(notify_mu_); // keeps every registered waiter alive while we notify
  std::list<Waiter> snapshot;
  {
    std::lock_guard<std::mutex> tl(time_mu_);
    // Saturating: a huge step pins the scale at the int64 limit instead of overflowing
    // (undefined behaviour; boot time would go backwards). The C API refuses such steps.
    const auto add = [](int64_t a, int64_t b) {
      int64_t r = 0;
      if (__builtin_add_overflow(a, b, &r)) return b > 0 ? INT64_MAX : INT64_MIN;
      return r;
    };
    unix_ms_ = add(unix_ms_, wall_delta);
    boot_ms_ = add(boot_ms_, boot_delta);
    mono_ms_ = add(mono_ms_, mono_delta);
    ++generation_;
    snapshot = waiters_;
  }
  for (const auto &w : snapshot) {
    { std::lock_guard<std::mutex> wl(*w.mutex); } // the waiter is inside cv.wait once we get it
    w.cv->notify_all();
  }
}

void FakeClock::advance(std::chrono::milliseconds d) {
  if (d.count() < 0) throw Error(Errc::invalid_argument, "FakeClock::advance: negative duration " + std::to_string(d.count()) + " ms");
  changed(d.count(), d.count(), d.count());
}

void FakeClock::suspend(std::chrono::milliseconds d) {
  if (d.count() < 0) throw Error(Errc::invalid_argument, "FakeClock::suspend: negative duration " + std::to_string(d.count()) + " ms");
  changed(d.count(), d.count(), 0);
}

void FakeClock::jump_wall(std::chrono::milliseconds d) { changed(d.count(), 0, 0); }

size_t FakeClock::waiters() const {
  std::lock_guard<std::mutex> lk(time_mu_);
  size_t n = 0;
  for (const auto &w : waiters_) n += w.generation == generation_ ? 1 : 0;
  return n;
}

bool FakeClock::await_waiters(size_t n, std::chrono::milliseconds real_timeout) const {
  const auto until = std::chrono::steady_clock::now() + real_timeout;
  while (waiters() < n) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

} // namespace eduauth
