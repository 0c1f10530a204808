// A token server on 127.0.0.1 (ephemeral port) that misbehaves on purpose, one fault per path,
// and counts the requests each path receives. Built on the test kit's core (sdk/src/testing:
// LoopbackServer, ReplyStep rendering, minting), the same code as the installed scripted
// server; only the faults the kit does not script (sizes, encodings, redirects, trickling,
// escaping) are written here.
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
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "loopback_server.hpp"
#include "token_reply.hpp"

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

  std::string base_url() const { return server_.url(); }
  int port() const { return server_.port(); }
  /// Requests received on `path` so far.
  int count(const std::string &path) const;
  /// The last token string served on `path` (unescaped), "" if none.
  std::string last_token(const std::string &path) const;
  /// The Date header value /date sends (Unix seconds).
  int64_t date_sent() const { return date_sent_.load(); }

  std::atomic<int> slow_ms{300};
  std::atomic<uint32_t> short_expire_s{8};

private:
  using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
  void route(const std::string &path, Handler fn);
  /// A path answered by a scripted step (made per request from the asked key).
  void step_route(const std::string &path, std::function<ReplyStep(const AskedKey &)> make);
  void record_token(const std::string &path, const std::string &token);

  std::atomic<int64_t> date_sent_{0};
  mutable std::mutex mu_;
  std::map<std::string, int> counts_;
  std::map<std::string, std::string> tokens_;
  LoopbackServer server_; // last: stopped before the state its handlers use is destroyed
};

} // namespace eduauth::testing
