// eduauth — the SDK's log output: one caller-settable sink with a level threshold.
//
// Header-only on purpose, so every layer (token, client, launch, c_api) can log without
// linking another layer. The sink is the only process-wide mutable state besides libcurl's
// global init: there is one app, and it decides where SDK logs go.
//
// Secrets never reach a log: tokens, certificates and Authorization headers are written
// as eduauth::token::fingerprint(...) ("sha256:1a2b3c4d"). Code that calls log_write must
// follow that rule; the sink receives finished text.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace eduauth {

/// Severity, most severe first. A sink set with threshold L receives every message whose
/// level is <= L (error < warn < info < debug).
enum class LogLevel : int { off = -1, error = 0, warn = 1, info = 2, debug = 3 };

/// Receives each message: level, component ("client", "transport", ...) and text.
/// Called synchronously on the thread that logs, possibly from several threads at once:
/// the sink must be thread-safe, should be quick, and must not call back into eduauth
/// (it may run while SDK-internal state is locked). Exceptions it throws are swallowed.
using LogSink = std::function<void(LogLevel level, std::string_view component, std::string_view message)>;

/// "error", "warn", "info", "debug" ("off" for off).
inline const char *log_level_name(LogLevel level) noexcept {
  switch (level) {
  case LogLevel::error: return "error";
  case LogLevel::warn: return "warn";
  case LogLevel::info: return "info";
  case LogLevel::debug: return "debug";
  case LogLevel::off: break;
  }
  return "off";
}

namespace detail {
struct LogState {
  std::atomic<int> threshold{static_cast<int>(LogLevel::off)};
  std::mutex mu;
  std::shared_ptr<const LogSink> sink;
};
inline LogState &log_state() {
  static LogState state; // constructed on first use, thread-safe (C++11 magic statics)
  return state;
}
} // namespace detail

/// Installs `sink` for messages at `threshold` or more severe; an empty sink or
/// LogLevel::off turns logging off (the default). Thread-safe; a message being delivered
/// concurrently may still reach the previous sink.
inline void set_log_sink(LogLevel threshold, LogSink sink) {
  auto &st = detail::log_state();
  std::shared_ptr<const LogSink> next;
  if (sink && threshold != LogLevel::off) next = std::make_shared<const LogSink>(std::move(sink));
  std::lock_guard<std::mutex> lk(st.mu);
  st.sink = std::move(next);
  st.threshold.store(st.sink ? static_cast<int>(threshold) : static_cast<int>(LogLevel::off),
                     std::memory_order_release);
}

/// True when a message at `level` would reach a sink (lets callers skip formatting).
inline bool log_enabled(LogLevel level) noexcept {
  return level != LogLevel::off &&
         static_cast<int>(level) <= detail::log_state().threshold.load(std::memory_order_acquire);
}

/// Delivers one message to the sink if `level` passes the threshold.
inline void log_write(LogLevel level, std::string_view component, std::string_view message) noexcept {
  if (!log_enabled(level)) return;
  auto &st = detail::log_state();
  std::shared_ptr<const LogSink> sink;
  {
    std::lock_guard<std::mutex> lk(st.mu);
    sink = st.sink;
  }
  if (!sink) return;
  try {
    (*sink)(level, component, message);
  } catch (...) {
    // A failing sink must not take the SDK down; there is nowhere else to report it.
  }
}

} // namespace eduauth
