#include "event_hub.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "eduauth/log.hpp"

namespace eduauth {

const char *event_type_name(EventType type) noexcept {
  switch (type) {
  case EventType::refreshed: return "refreshed";
  case EventType::will_expire: return "will_expire";
  case EventType::refresh_failed: return "refresh_failed";
  case EventType::expired: return "expired";
  case EventType::reauth_required: return "reauth_required";
  }
  return "unknown";
}

namespace client_detail {

// Shared with the dispatcher thread so the thread stays valid even when it outlives the
// hub (a callback that destroys the client).
struct EventHub::State {
  std::function<void(const Event &)> on_event;
  size_t capacity = 0;

  std::mutex mu;
  std::condition_variable task_cv;
  std::condition_variable poll_cv;
  std::deque<std::function<void()>> tasks;
  std::deque<Event> polled;
  uint64_t dropped = 0;
  bool stopping = false;
  std::thread thread;
  std::thread::id thread_id;
};

namespace {
void run_task(const std::function<void()> &task) {
  try {
    task();
  } catch (const std::exception &e) {
    log_write(LogLevel::error, "client", std::string("an event/async callback threw: ") + e.what());
  } catch (...) {
    log_write(LogLevel::error, "client", "an event/async callback threw a non-std exception");
  }
}

void dispatcher_loop(const std::shared_ptr<EventHub::State> &st) {
  std::unique_lock<std::mutex> lk(st->mu);
  for (;;) {
    st->task_cv.wait(lk, [&] { return !st->tasks.empty() || st->stopping; });
    if (st->tasks.empty()) return; // stopping and drained
    auto task = std::move(st->tasks.front());
    st->tasks.pop_front();
    lk.unlock();
    run_task(task);
    lk.lock();
  }
}
} // namespace

EventHub::EventHub(std::function<void(const Event &)> on_event, size_t capacity) : st_(std::make_shared<State>()) {
  st_->on_event = std::move(on_event);
  st_->capacity = capacity;
  std::lock_guard<std::mutex> lk(st_->mu);
  st_->thread = std::thread([st = st_] { dispatcher_loop(st); });
  st_->thread_id = st_->thread.get_id();
}

EventHub::~EventHub() { stop(); }

void EventHub::publish(const Event &event) {
  std::lock_guard<std::mutex> lk(st_->mu);
  if (st_->stopping) return;
  if (st_->capacity > 0) {
    if (st_->polled.size() >= st_->capacity) {
      st_->polled.pop_front();
      ++st_->dropped;
    }
    st_->polled.push_back(event);
    st_->poll_cv.notify_one();
  }
  if (st_->on_event) {
    st_->tasks.emplace_back([st = st_.get(), event] { st->on_event(event); });
    st_->task_cv.notify_one();
  }
}

bool EventHub::post(std::function<void()> task) {
  std::lock_guard<std::mutex> lk(st_->mu);
  if (st_->stopping) return false;
  st_->tasks.push_back(std::move(task));
  st_->task_cv.notify_one();
  return true;
}

std::optional<Event> EventHub::next(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lk(st_->mu);
  st_->poll_cv.wait_for(lk, timeout, [&] { return !st_->polled.empty() || st_->stopping; });
  if (st_->polled.empty()) return std::nullopt;
  Event e = std::move(st_->polled.front());
  st_->polled.pop_front();
  return e;
}

uint64_t EventHub::dropped() const {
  std::lock_guard<std::mutex> lk(st_->mu);
  return st_->dropped;
}

void EventHub::stop() {
  std::unique_lock<std::mutex> lk(st_->mu);
  if (st_->stopping && !st_->thread.joinable()) return;
  st_->stopping = true;
  st_->task_cv.notify_all();
  st_->poll_cv.notify_all();
  if (!st_->thread.joinable()) return;
  if (std::this_thread::get_id() == st_->thread_id) {
    // Inside a callback: deliver what is queued now (nothing may run after close()
    // returns), then let the loop find an empty queue and end.
    while (!st_->tasks.empty()) {
      auto task = std::move(st_->tasks.front());
      st_->tasks.pop_front();
      lk.unlock();
      run_task(task);
      lk.lock();
    }
    st_->thread.detach();
    return;
  }
  std::thread t = std::move(st_->thread);
  lk.unlock();
  t.join();
}

} // namespace client_detail
} // namespace eduauth
