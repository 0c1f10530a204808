// ScriptedServer: a queue of scripted replies on a LoopbackServer.
#include "scripted_server.hpp"

#include <cstdlib>
#include <set>

#include "eduauth/error.hpp"

namespace eduauth::testing {
namespace {

// Servers still alive at exit (a test that never freed one) keep answering on httplib's
// worker threads while exit() destroys httplib's function-local statics (the method set of
// parse_request_line): a heap-use-after-free. An exit handler stops them first. It is
// registered at the first answered request, i.e. after those statics were constructed, so
// it runs before their destructors. The registry is never destroyed, for the same reason.
struct LiveServers {
  std::mutex mu;
  std::set<ScriptedServer *> servers;
};

LiveServers &live_servers() {
  static auto *live = new LiveServers;
  return *live;
}

void stop_live_servers() {
  auto &live = live_servers();
  std::lock_guard<std::mutex> lk(live.mu);
  for (auto *server : live.servers)
    server->stop();
}

} // namespace

ScriptedServer::ScriptedServer(std::string app_id, std::string app_certificate)
    : cred_{std::move(app_id), std::move(app_certificate)} {
  // Mint once up front so that bad credentials fail here, naming the field, not per request.
  mint(ReplyStep{}, Shape::education, AskedKey{}, cred_, unix_now());
  server_.http().Post("/fetch_education_token", [this](const httplib::Request &req, httplib::Response &res) {
    answer(Shape::education, req, res);
  });
  server_.http().Post("/fetch_rtm_token", [this](const httplib::Request &req, httplib::Response &res) {
    answer(Shape::rtm, req, res);
  });
  server_.start();
  auto &live = live_servers();
  std::lock_guard<std::mutex> lk(live.mu);
  live.servers.insert(this);
}

ScriptedServer::~ScriptedServer() {
  {
    auto &live = live_servers();
    std::lock_guard<std::mutex> lk(live.mu);
    live.servers.erase(this);
  }
  server_.stop();
}

void ScriptedServer::script(const std::vector<ReplyStep> &steps) {
  std::lock_guard<std::mutex> lk(mu_);
  queue_.insert(queue_.end(), steps.begin(), steps.end());
}

void ScriptedServer::set_default(const ReplyStep &step) {
  std::lock_guard<std::mutex> lk(mu_);
  default_ = step;
}

void ScriptedServer::clear_script() {
  std::lock_guard<std::mutex> lk(mu_);
  queue_.clear();
}

int64_t ScriptedServer::requests() const {
  std::lock_guard<std::mutex> lk(mu_);
  return requests_;
}

size_t ScriptedServer::pending() const {
  std::lock_guard<std::mutex> lk(mu_);
  return queue_.size();
}

std::string ScriptedServer::last_token() const {
  std::lock_guard<std::mutex> lk(mu_);
  return last_token_;
}

void ScriptedServer::answer(Shape shape, const httplib::Request &req, httplib::Response &res) {
  static std::once_flag exit_handler;
  std::call_once(exit_handler, [] { std::atexit(stop_live_servers); });
  ReplyStep step;
  {
    std::lock_guard<std::mutex> lk(mu_);
    ++requests_;
    if (queue_.empty()) {
      step = default_;
    } else {
      step = std::move(queue_.front());
      queue_.pop_front();
    }
  }
  if (step.delay_ms > 0 && !server_.wait_unless_stopped(std::chrono::milliseconds(step.delay_ms))) {
    res.status = 503;
    return;
  }
  // The time is read after the delay: a slow server mints (and dates) when it answers.
  const int64_t now = unix_now();
  std::string token;
  try {
    token = mint(step, shape, asked_key(shape, req.body), cred_, now);
  } catch (const Error &e) {
    // A step the builders refuse (e.g. an app_id that is not 32 hex): visible to the test
    // as a 500 whose message names the reason.
    ReplyStep failed;
    failed.status = 500;
    failed.body = BodyKind::raw;
    failed.raw = nlohmann::json{{"code", "500"}, {"message", std::string("test server: ") + e.what()}}.dump();
    write_reply(failed, "", now, res);
    return;
  }
  if (!token.empty()) {
    std::lock_guard<std::mutex> lk(mu_);
    last_token_ = token;
  }
  write_reply(step, token, now, res);
}

} // namespace eduauth::testing
