#include "plain_server.hpp"

#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "connection_stream.hpp"
#include "http_date.hpp"
#include "request_log.hpp"

namespace eduauth::sample {
namespace {

void set_timeout(socket_t sock, int option, time_t sec, time_t usec) {
  timeval tv{};
  tv.tv_sec = sec;
  tv.tv_usec = static_cast<suseconds_t>(usec);
  setsockopt(sock, SOL_SOCKET, option, &tv, sizeof tv);
}

thread_local bool t_close_after_response = false; // see close_connection_after_response()

// README "Limits": httplib 0.11 reads any number of header lines into memory, and its
// per-read timeout lets a client that sends a line every second hold a worker forever.
constexpr auto kHeadDeadline = std::chrono::seconds(5);
constexpr size_t kMaxHeadBytes = 64 * 1024;
constexpr size_t kMaxHeaderFields = 100;
const std::string kHeadLimitMessage = "request head over " + std::to_string(kMaxHeaderFields) + " header fields or " +
                                      std::to_string(kMaxHeadBytes) + " bytes";
const std::string kHeadTimeoutMessage = "request head not complete within " +
                                        std::to_string(kHeadDeadline.count()) + " s";

// Answers a request httplib never sees, in the routes' JSON shape, and closes: the rest of
// what the client sent is not parsed.
void refuse(ConnectionStream &strm, int status, const char *reason, const std::string &message) {
  const std::string body = "{\"code\":\"" + std::to_string(status) + "\",\"token\":\"" + message + "\"}";
  const std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                           "\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\nContent-Type: "
                           "application/json\r\nDate: " +
                           http_date_now() + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  strm.write(head.data(), head.size());
  strm.write(body.data(), body.size());
  strm.flush();
  log_request("-", "-", status, -1.0, {});
}

} // namespace

void close_connection_after_response() { t_close_after_response = true; }

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
    const auto head = strm.read_head(std::chrono::steady_clock::now() + kHeadDeadline, kMaxHeadBytes,
                                     kMaxHeaderFields + 2 /* request line, blank line */);
    if (head == ConnectionStream::Head::too_large) {
      refuse(strm, 431, "Request Header Fields Too Large", kHeadLimitMessage);
      break;
    }
    if (head == ConnectionStream::Head::timed_out) {
      refuse(strm, 408, "Request Timeout", kHeadTimeoutMessage);
      break;
    }
    if (head != ConnectionStream::Head::complete) break;
    bool connection_closed = false;
    t_close_after_response = false;
    ok = process_request(strm, /*close_connection=*/left == 1, connection_closed, nullptr);
    if (!strm.flush()) ok = false;
    if (!ok || connection_closed || t_close_after_response) break;
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}

} // namespace eduauth::sample
