#include "plain_server.hpp"

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "connection_stream.hpp"

namespace eduauth::sample {
namespace {

void set_timeout(socket_t sock, int option, time_t sec, time_t usec) {
  timeval tv{};
  tv.tv_sec = sec;
  tv.tv_usec = static_cast<suseconds_t>(usec);
  setsockopt(sock, SOL_SOCKET, option, &tv, sizeof tv);
}

} // namespace

// The same loop as httplib's own (keep-alive count and idle timeout, the last allowed request
// answered with "Connection: close"), over ConnectionStream.
bool PlainServer::process_and_close_socket(socket_t sock) {
  // ConnectionStream::read() relies on SO_RCVTIMEO (httplib 0.11 sets both on accepted
  // sockets too; set here so this loop does not depend on that).
  set_timeout(sock, SO_RCVTIMEO, read_timeout_sec_, read_timeout_usec_);
  set_timeout(sock, SO_SNDTIMEO, write_timeout_sec_, write_timeout_usec_);
  const int read_timeout_ms = static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000);
  const int keep_alive_ms = static_cast<int>(keep_alive_timeout_sec_ * 1000);
  ConnectionStream strm(sock, read_timeout_ms);
  bool ok = false;
  for (size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    if (!strm.wait_for_request(keep_alive_ms, svr_sock_)) break;
    bool connection_closed = false;
    ok = process_request(strm, /*close_connection=*/left == 1, connection_closed, nullptr);
    if (!strm.flush()) ok = false;
    if (!ok || connection_closed) break;
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}

} // namespace eduauth::sample
