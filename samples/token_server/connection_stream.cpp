#include "connection_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace eduauth::sample {
namespace {

constexpr size_t kFlushAt = 64 * 1024;
constexpr size_t kRecvSize = 4096;

void numeric_address(const sockaddr_storage &addr, socklen_t len, std::string &ip, int &port) {
  char host[NI_MAXHOST];
  char serv[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr *>(&addr), len, host, sizeof host, serv, sizeof serv,
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return;
  ip = host;
  port = std::atoi(serv);
}

} // namespace

bool ConnectionStream::poll_in(int timeout_ms) const {
  pollfd p{sock_, POLLIN, 0};
  int rc;
  do {
    rc = ::poll(&p, 1, timeout_ms);
  } while (rc < 0 && errno == EINTR);
  return rc > 0;
}

bool ConnectionStream::wait_for_request(int timeout_ms, const std::atomic<socket_t> &listener) {
  if (in_pos_ < in_.size()) return true; // a pipelined request is already buffered
  constexpr int kSliceMs = 100;
  for (int waited = 0; waited < timeout_ms; waited += kSliceMs) {
    if (listener == INVALID_SOCKET) return false;
    if (poll_in(std::min(kSliceMs, timeout_ms - waited))) return true;
  }
  return false;
}

bool ConnectionStream::flush() {
  size_t sent = 0;
  while (sent < out_.size()) {
    const ssize_t n = ::send(sock_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) { // peer gone, or SO_SNDTIMEO (the write timeout) expired
      out_.clear();
      return false;
    }
    sent += static_cast<size_t>(n);
  }
  out_.clear();
  return true;
}

bool ConnectionStream::is_readable() const {
  return in_pos_ < in_.size() || poll_in(read_timeout_ms_);
}

ssize_t ConnectionStream::fill() {
  const size_t old = in_.size();
  in_.resize(old + kRecvSize);
  ssize_t n;
  do {
    n = ::recv(sock_, &in_[old], kRecvSize, 0);
  } while (n < 0 && errno == EINTR);
  in_.resize(old + static_cast<size_t>(std::max<ssize_t>(n, 0)));
  return n; // 0: peer closed; -1: error or SO_RCVTIMEO (the read timeout)
}

ConnectionStream::Head ConnectionStream::read_head(std::chrono::steady_clock::time_point deadline, size_t max_bytes,
                                                   size_t max_lines) {
  in_.erase(0, in_pos_); // keep the buffer from growing over pipelined requests
  in_pos_ = 0;
  size_t scanned = 0, lines = 0;
  for (;;) {
    const size_t end = in_.find("\r\n\r\n", scanned >= 3 ? scanned - 3 : 0);
    const size_t head_size = end == std::string::npos ? in_.size() : end + 4;
    lines += static_cast<size_t>(std::count(in_.begin() + static_cast<std::ptrdiff_t>(scanned),
                                            in_.begin() + static_cast<std::ptrdiff_t>(std::max(scanned, head_size)), '\n'));
    scanned = std::max(scanned, head_size);
    if (head_size > max_bytes || lines > max_lines) return Head::too_large;
    if (end != std::string::npos) return Head::complete;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Head::timed_out;
    // Nothing within the wait: the deadline when it was the shorter bound, else the read timeout.
    if (!poll_in(static_cast<int>(std::min<long long>(left.count(), read_timeout_ms_))))
      return left.count() <= read_timeout_ms_ ? Head::timed_out : Head::closed;
    if (fill() <= 0) return Head::closed;
  }
}

ssize_t ConnectionStream::read(char *ptr, size_t size) {
  if (in_pos_ == in_.size()) {
    // The client may be waiting for what we wrote (e.g. "100 Continue") before it sends more.
    if (!out_.empty() && !flush()) return -1;
    in_.clear();
    in_pos_ = 0;
    const ssize_t n = fill();
    if (n <= 0) return n;
  }
  const size_t n = std::min(size, in_.size() - in_pos_);
  std::memcpy(ptr, in_.data() + in_pos_, n);
  in_pos_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char *ptr, size_t size) {
  out_.append(ptr, size);
  if (out_.size() >= kFlushAt && !flush()) return -1;
  return static_cast<ssize_t>(size);
}

void ConnectionStream::lookup_addresses() const {
  if (have_addresses_) return;
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(sock_, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
    numeric_address(addr, len, remote_ip_, remote_port_);
  len = sizeof addr;
  if (getsockname(sock_, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
    numeric_address(addr, len, local_ip_, local_port_);
  have_addresses_ = true;
}

void ConnectionStream::get_remote_ip_and_port(std::string &ip, int &port) const {
  lookup_addresses();
  ip = remote_ip_;
  port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string &ip, int &port) const {
  lookup_addresses();
  ip = local_ip_;
  port = local_port_;
}

} // namespace eduauth::sample
