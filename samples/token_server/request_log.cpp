#include "request_log.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "log_escape.hpp"

namespace eduauth::sample {

void log_request(const std::string &method, const std::string &path, int status, double latency_ms,
                 const std::string &fingerprint) {
  // Reused per worker thread: no allocation per line once it has grown. Under load, a mutex
  // around fprintf + fflush made workers queue for each other's write(2) (two futex calls
  // per request); one write per line needs no lock.
  thread_local std::string line;
  line.clear();
  line += escape_for_log(method, 32);
  line += ' ';
  line += escape_for_log(path);
  char tail[48];
  if (latency_ms < 0) std::snprintf(tail, sizeof tail, " %d -", status);
  else std::snprintf(tail, sizeof tail, " %d %.1fms", status, latency_ms);
  line += tail;
  if (!fingerprint.empty()) {
    line += " token=";
    line += escape_for_log(fingerprint);
  }
  line += '\n';
  const char *p = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    const ssize_t n = ::write(STDERR_FILENO, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

} // namespace eduauth::sample
