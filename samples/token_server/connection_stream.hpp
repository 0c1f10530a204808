// One client connection of PlainServer as an httplib::Stream.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>

namespace eduauth::sample {

/// Reads through a buffer (4 KiB per recv(), or a whole request head: read_head()) with
/// plain recv() (the socket's SO_RCVTIMEO is the read timeout) and collects writes until flush(), so a response leaves in one send(). Pending
/// output is flushed before any read that would block (e.g. after "100 Continue"), and once
/// it exceeds 64 KiB. Addresses are looked up on first use and cached. Not thread-safe: one
/// worker owns a connection. Does not own or close the socket.
class ConnectionStream : public httplib::Stream {
public:
  /// `read_timeout_ms` bounds is_readable(); the socket's SO_RCVTIMEO bounds read().
  ConnectionStream(socket_t sock, int read_timeout_ms) : sock_(sock), read_timeout_ms_(read_timeout_ms) {}

  /// Waits up to `timeout_ms` for the next request (true at once if one is buffered), in
  /// slices so that a stopped server (`listener` no longer valid) is noticed within 100 ms.
  bool wait_for_request(int timeout_ms, const std::atomic<socket_t> &listener);

  /// Outcome of read_head().
  enum class Head { complete, too_large, timed_out, closed };

  /// Reads until the buffer holds a whole request head (up to the blank line), so httplib
  /// parses it from memory. Bounds what a client can make a worker hold: at most `max_lines`
  /// lines and `max_bytes` bytes (too_large), and until `deadline` (timed_out) — on top of
  /// the per-read timeout, which a client dripping a line every second never hits. closed:
  /// the peer closed or a read failed. Bytes after the head (body, pipelined requests) stay
  /// buffered.
  Head read_head(std::chrono::steady_clock::time_point deadline, size_t max_bytes, size_t max_lines);

  /// Sends the collected output. False when the peer is gone or the write timed out.
  bool flush();

  bool is_readable() const override;
  bool is_writable() const override { return true; }
  ssize_t read(char *ptr, size_t size) override;
  ssize_t write(const char *ptr, size_t size) override;
  void get_remote_ip_and_port(std::string &ip, int &port) const override;
  void get_local_ip_and_port(std::string &ip, int &port) const override;
  socket_t socket() const override { return sock_; }

private:
  bool poll_in(int timeout_ms) const;
  void lookup_addresses() const; // once per connection: httplib asks on every request

  socket_t sock_;
  int read_timeout_ms_;
  ssize_t fill(); // appends one recv() to in_; its result (0: peer closed, -1: error or timeout)

  std::string in_; // received, not yet consumed from in_pos_ on
  size_t in_pos_ = 0;
  std::string out_;
  mutable bool have_addresses_ = false;
  mutable std::string remote_ip_, local_ip_;
  mutable int remote_port_ = 0, local_port_ = 0;
};

} // namespace eduauth::sample
