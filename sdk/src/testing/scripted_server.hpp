// eduauth test kit — the scriptable token server behind <eduauth/test_server.h>.
//
// Answers POST /fetch_education_token ({roomUuid, userUuid, role}) and POST /fetch_rtm_token
// ({uid}) — the "education" and "rtm" presets — on 127.0.0.1 (ephemeral port). Each request
// consumes the next step of the script queue; when the queue is empty the default step
// answers (a valid 3600 s token unless changed). Tokens are minted with the real clock
// (plus the step's date_skew_s), signed with the server's credentials.
//
// Thread-safety: every member may be called from any thread while the server runs.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "loopback_server.hpp"
#include "reply_step.hpp"
#include "token_reply.hpp"

namespace eduauth::testing {

class ScriptedServer {
public:
  /// Starts serving. Throws eduauth::Error{invalid_argument} when app_id or app_certificate
  /// is not 32 hex characters, {network} when 127.0.0.1 cannot be bound.
  ScriptedServer(std::string app_id, std::string app_certificate);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer &) = delete;
  ScriptedServer &operator=(const ScriptedServer &) = delete;

  /// Appends steps to the queue.
  void script(const std::vector<ReplyStep> &steps);
  /// The reply once the queue is empty.
  void set_default(const ReplyStep &step);
  /// Empties the queue (the default step answers from now on).
  void clear_script();

  /// Token requests answered or being answered (both paths; other paths are not counted).
  int64_t requests() const;
  /// Steps still queued.
  size_t pending() const;
  /// The last token served, "" if none.
  std::string last_token() const;

  int port() const { return server_.port(); }
  std::string url() const { return server_.url(); }
  /// Stops serving (idempotent); delayed replies in progress are abandoned. Servers still
  /// alive at exit are stopped by an exit handler (scripted_server.cpp says why).
  void stop() { server_.stop(); }

private:
  void answer(Shape shape, const httplib::Request &req, httplib::Response &res);

  const Credentials cred_;
  mutable std::mutex mu_;
  std::deque<ReplyStep> queue_; // guarded by mu_
  ReplyStep default_;           // guarded by mu_
  int64_t requests_ = 0;        // guarded by mu_
  std::string last_token_;      // guarded by mu_
  LoopbackServer server_;       // last: stopped before the state its handlers use is destroyed
};

} // namespace eduauth::testing
