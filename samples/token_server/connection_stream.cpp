#include "connection_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace eduauth::sample {
namespace {

constexpr size_t kFlushAt = 64 * 1024;

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
  if (in_pos_ < in_len_) return true; // a pipelined request is already buffered
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
  return in_pos_ < in_len_ || poll_in(read_timeout_ms_);
}

ssize_t ConnectionStream::read(char *ptr, size_t size) {
  if (in_pos_ == in_len_) {
    // The client may be waiting for what we wrote (e.g. "100 Continue") before it sends more.
    if (!out_.empty() && !flush()) return -1;
    ssize_t n;
    do {
      n = ::recv(sock_, in_, sizeof in_, 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n; // 0: peer closed; -1: error or SO_RCVTIMEO (the read timeout)
    in_pos_ = 0;
    in_len_ = static_cast<size_t>(n);
  }
  const size_t n = std::min(size, in_len_ - in_pos_);
  std::memcpy(ptr, in_ + in_pos_, n);
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
