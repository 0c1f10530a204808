// A bare TCP server on 127.0.0.1 for faults an HTTP library cannot script: accept and never
// answer, reset the connection, or answer one canned response (used as a fake proxy).
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace eduauth::testing {

class RawServer {
public:
  enum class Mode {
    silent, ///< accept, read, never answer (connection held open until destruction)
    reset,  ///< accept, read the request, close with SO_LINGER 0 (TCP RST)
    canned, ///< accept, read the request head (+ Content-Length body), send `canned`, close
  };
  explicit RawServer(Mode mode, std::string canned = {});
  ~RawServer();
  RawServer(const RawServer &) = delete;
  RawServer &operator=(const RawServer &) = delete;

  int port() const { return port_; }
  int accepted() const { return accepted_.load(); }
  /// Request heads received so far (canned mode), in order.
  std::vector<std::string> requests() const;

private:
  void serve();

  Mode mode_;
  std::string canned_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  mutable std::mutex mu_;
  std::vector<std::string> requests_;
  std::vector<int> held_;
  std::thread thread_;
};

} // namespace eduauth::testing
