// eduauth test kit — an HTTP server (cpp-httplib) on 127.0.0.1 with an ephemeral port,
// served by its own thread. The base of the scripted server and the project's fault server.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>

namespace eduauth::testing {

/// Register handlers on http(), then start(). Responses without a Date header get the real
/// time (real servers send Date; the client measures clock skew from it).
/// Thread-safety: port()/url()/stopping()/wait_unless_stopped() from any thread; start() and
/// stop() from one controlling thread. Handlers run on the server's worker threads.
class LoopbackServer {
public:
  LoopbackServer();
  ~LoopbackServer();
  LoopbackServer(const LoopbackServer &) = delete;
  LoopbackServer &operator=(const LoopbackServer &) = delete;

  httplib::Server &http() { return server_; }
  /// Binds 127.0.0.1 on a port the kernel picks and starts serving. Throws
  /// eduauth::Error{network} when the socket cannot be bound.
  void start();
  /// Stops serving (idempotent): wakes handlers blocked in wait_unless_stopped(), closes
  /// the listening socket, joins the thread. Later connections are refused.
  void stop();

  int port() const { return port_; }
  /// "http://127.0.0.1:<port>".
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  bool stopping() const { return stopping_.load(); }
  /// Sleeps `d` REAL time unless stop() begins first; returns false when stopping.
  bool wait_unless_stopped(std::chrono::milliseconds d);

private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable stop_cv_;
};

} // namespace eduauth::testing
