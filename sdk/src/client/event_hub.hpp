// The client's event delivery: one dispatcher thread for callbacks and a bounded poll
// queue (DESIGN.md "Events"). Nothing here ever calls back into the client, so the
// client may publish while holding its own lock; callbacks run with no SDK lock held.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "eduauth/events.hpp"

namespace eduauth::client_detail {

class EventHub {
public:
  /// `on_event` may be empty (poll queue only); capacity 0 disables the poll queue.
  EventHub(std::function<void(const Event &)> on_event, size_t capacity);
  ~EventHub();
  EventHub(const EventHub &) = delete;
  EventHub &operator=(const EventHub &) = delete;

  /// Queues `event` for the callback and the poll queue. Ignored after stop().
  void publish(const Event &event);
  /// Runs `task` on the dispatcher thread, in order with events. Returns false (and
  /// drops the task) after stop().
  bool post(std::function<void()> task);

  /// Pops the oldest polled event, waiting up to `timeout` of real time.
  std::optional<Event> next(std::chrono::milliseconds timeout);
  uint64_t dropped() const;

  /// Runs every task queued so far, then ends the dispatcher. From any other thread it
  /// joins the dispatcher; from the dispatcher thread itself (a callback closing the
  /// client) it runs the queued tasks inline and lets the thread end on its own.
  /// Idempotent. Polled events stay readable.
  void stop();

  struct State; // shared with the dispatcher thread (defined in event_hub.cpp)

private:
  std::shared_ptr<State> st_;
};

} // namespace eduauth::client_detail
