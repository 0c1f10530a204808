// eduauth C API — logging: one process-wide sink with a level threshold.
//
// Sink calls hold a shared lock so that eduauth_log_set_sink (exclusive lock) returns only
// when no call of the previous sink is running: the caller may then release its user_data.
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "eduauth/log.hpp"
#include "guard.hpp"
#include "log_sink.hpp"

namespace eduauth::capi {
namespace {

struct Sink {
  eduauth_log_fn fn = nullptr;
  void *user_data = nullptr;
};

std::shared_mutex g_sink_mutex;
Sink g_sink;                                       // guarded by g_sink_mutex
std::atomic<int32_t> g_min_level{EDUAUTH_LOG_OFF}; // OFF while no sink: a cheap early-out
thread_local bool t_in_sink = false;

int32_t c_level(eduauth::LogLevel level) {
  switch (level) {
  case eduauth::LogLevel::error: return EDUAUTH_LOG_ERROR;
  case eduauth::LogLevel::warn: return EDUAUTH_LOG_WARN;
  case eduauth::LogLevel::info: return EDUAUTH_LOG_INFO;
  case eduauth::LogLevel::debug: return EDUAUTH_LOG_DEBUG;
  case eduauth::LogLevel::off: break;
  }
  return EDUAUTH_LOG_OFF;
}

// The C++ layers have four levels; C trace maps to their most verbose one.
eduauth::LogLevel cpp_threshold(int32_t min_level) {
  if (min_level <= EDUAUTH_LOG_DEBUG) return eduauth::LogLevel::debug;
  if (min_level == EDUAUTH_LOG_INFO) return eduauth::LogLevel::info;
  if (min_level == EDUAUTH_LOG_WARN) return eduauth::LogLevel::warn;
  if (min_level == EDUAUTH_LOG_ERROR) return eduauth::LogLevel::error;
  return eduauth::LogLevel::off;
}

} // namespace

bool sink_wants(int32_t level) noexcept {
  return level >= g_min_level.load(std::memory_order_relaxed) && level < EDUAUTH_LOG_OFF;
}

void log_to_sink(int32_t level, std::string_view message) noexcept {
  if (!sink_wants(level) || t_in_sink) return;
  try {
    const std::string line(message); // NUL-terminated copy for C
    std::shared_lock<std::shared_mutex> lock(g_sink_mutex);
    if (g_sink.fn == nullptr || level < g_min_level.load(std::memory_order_relaxed)) return;
    t_in_sink = true;
    g_sink.fn(g_sink.user_data, level, line.c_str());
    t_in_sink = false;
  } catch (...) {
    t_in_sink = false; // logging never fails the caller
  }
}

} // namespace eduauth::capi

using namespace eduauth::capi;

extern "C" {

int eduauth_log_set_sink(eduauth_log_fn fn, void *user_data, int32_t min_level) {
  return guarded(__func__, [&] {
    if (min_level < EDUAUTH_LOG_TRACE || min_level > EDUAUTH_LOG_OFF)
      throw invalid("min_level " + std::to_string(min_level) + " is outside 0 (trace)..5 (off)");
    if (t_in_sink) throw invalid("eduauth_log_set_sink called from inside the log sink");
    std::unique_lock<std::shared_mutex> lock(g_sink_mutex);
    g_sink.fn = fn;
    g_sink.user_data = user_data;
    g_min_level.store(fn ? min_level : static_cast<int32_t>(EDUAUTH_LOG_OFF), std::memory_order_relaxed);
    lock.unlock();
    // The C++ layers log through eduauth::log_write; forward to the C sink ("component: text").
    if (fn && min_level < EDUAUTH_LOG_OFF)
      eduauth::set_log_sink(cpp_threshold(min_level),
                            [](eduauth::LogLevel level, std::string_view component, std::string_view message) {
                              std::string line(component);
                              line.append(": ").append(message);
                              log_to_sink(c_level(level), line);
                            });
    else
      eduauth::set_log_sink(eduauth::LogLevel::off, nullptr);
    return EDUAUTH_OK;
  });
}

const char *eduauth_log_level_name(int32_t level) {
  switch (level) {
  case EDUAUTH_LOG_TRACE:
    return "trace";
  case EDUAUTH_LOG_DEBUG:
    return "debug";
  case EDUAUTH_LOG_INFO:
    return "info";
  case EDUAUTH_LOG_WARN:
    return "warn";
  case EDUAUTH_LOG_ERROR:
    return "error";
  case EDUAUTH_LOG_OFF:
    return "off";
  default:
    return "unknown";
  }
}

} // extern "C"
