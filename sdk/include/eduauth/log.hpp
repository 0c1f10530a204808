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
#include <cstddef>
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

/// Receives each message: level, component ("client", "transport", ...) and text. The text
/// is always one well-formed UTF-8 line: log_write escapes control bytes and invalid UTF-8
/// (see escape_text).
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

namespace detail {
/// Length of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlongs,
/// surrogates or code points above U+10FFFF), or 0 when the byte there does not start one.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else
    return 0;
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  return n;
}
} // namespace detail

/// Byte offset of the first byte of `s` that is not well-formed UTF-8, or npos when all is.
inline std::size_t utf8_error_offset(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = detail::utf8_sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

/// `s` as one printable UTF-8 line: \n, \r and \t become "\n", "\r", "\t"; other control
/// bytes (NUL included, DEL too) and bytes that are not well-formed UTF-8 become "\xNN".
/// Used for every log message and for user-supplied values quoted in error messages, so a
/// value can neither forge log lines nor be cut at a NUL by C-string consumers.
inline std::string escape_text(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = detail::utf8_sequence_length(s, i);
    if (n > 1) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    ++i;
    if (n == 1 && c >= 0x20 && c != 0x7F) {
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
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
    // The sink contract is one UTF-8 line: values quoted in messages must not forge lines.
    const std::string clean = escape_text(message);
    (*sink)(level, component, clean);
  } catch (...) {
    // A failing sink must not take the SDK down; there is nowhere else to report it.
  }
}

} // namespace eduauth
