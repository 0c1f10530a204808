// A scripted token server on 127.0.0.1 (cpp-httplib, ephemeral port) that misbehaves on
// purpose, one fault per path, and counts the requests each path receives.
//
// Every route accepts the education body {roomUuid, userUuid, role} and answers in the
// education shape {"token", "code"} unless the fault is about the shape. Paths:
//   /ok            valid token for the asked key           /slow   same after slow_ms (default 300)
//   /trickle       200, body sent 1 byte per second         /500 /401 /403 /429 (Retry-After: 3)
//   /503-seconds   503 + Retry-After: 7                     /503-date  503 + Retry-After: <now+120 HTTP-date>
//   /code-500      HTTP 200 with {"code":"500"}             /code-401  HTTP 200 with {"code":401}
//   /code-int-0    HTTP 200 with {"code":0, token}          /malformed truncated JSON
//   /no-token      {"code":"200","message":"ok"}            /escaped   token with "\/" and "\u002B" escapes
//   /huge          10 MB body (sized, uncompressed)         /bomb      10 MB gzipped to ~10 KB
//   /expired       token issued now-3700 s, expire 3600
//   /other-user /other-room /other-role /wrong-app          token for something else than asked
//   /date          valid token with Date: now-1000 s        /redirect  307 -> /ok
//   /redirect-loop 307 -> itself                            /short     token with expire 8 s (soak)
// For "never answers" and "connection reset" use RawServer.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <httplib.h>

namespace eduauth::testing {

/// Agora's public demo credentials (shared/cases/README.md), used by all test servers.
inline constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
inline constexpr const char *kAppCertificate = "5CFd2fd1755d40ecb72977518be15d3b";
inline constexpr const char *kOtherAppId = "0123456789abcdef0123456789abcdef";

class FaultServer {
public:
  FaultServer();
  ~FaultServer();
  FaultServer(const FaultServer &) = delete;
  FaultServer &operator=(const FaultServer &) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  /// Requests received on `path` so far.
  int count(const std::string &path) const;
  /// The last token string served on `path` (unescaped), "" if none.
  std::string last_token(const std::string &path) const;
  /// The Date header value /date sends (Unix seconds).
  int64_t date_sent() const { return date_sent_.load(); }

  std::atomic<int> slow_ms{300};
  std::atomic<uint32_t> short_expire_s{8};

private:
  void record(const std::string &path, const std::string &token);

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<int64_t> date_sent_{0};
  mutable std::mutex mu_;
  std::map<std::string, int> counts_;
  std::map<std::string, std::string> tokens_;
};

/// HTTP-date (IMF-fixdate) of an absolute Unix time.
std::string http_date(int64_t unix_seconds);

/// Seconds since the epoch, from the system clock.
int64_t unix_now();

} // namespace eduauth::testing
