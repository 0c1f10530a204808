// LoopbackServer: cpp-httplib bound to 127.0.0.1:0 on a thread of its own.
#include "loopback_server.hpp"

#include "eduauth/error.hpp"
#include "token_reply.hpp"

namespace eduauth::testing {

LoopbackServer::LoopbackServer() {
  server_.set_post_routing_handler([](const httplib::Request &, httplib::Response &res) {
    if (!res.has_header("Date")) res.set_header("Date", http_date(unix_now()));
  });
  // Keep-alive round trips without Nagle + delayed ACK (40 ms each).
  server_.set_tcp_nodelay(true);
}

LoopbackServer::~LoopbackServer() {
  stop();
}

void LoopbackServer::start() {
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw Error(Errc::network, "test server: cannot bind 127.0.0.1 (ephemeral port)");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void LoopbackServer::stop() {
  {
    std::lock_guard<std::mutex> lk(mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) {
    server_.stop();
    thread_.join();
  }
}

bool LoopbackServer::wait_unless_stopped(std::chrono::milliseconds d) {
  std::unique_lock<std::mutex> lk(mu_);
  return !stop_cv_.wait_for(lk, d, [this] { return stopping_.load(); });
}

} // namespace eduauth::testing
