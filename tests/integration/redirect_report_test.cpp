// Redirects the libcurl transport will not follow are reported as what they are (the hop,
// the refused Location and the rule), not as libcurl's "Protocol http not supported".
// A small local httplib server on 127.0.0.1 (ephemeral port) plays the redirecting server.
#include <gtest/gtest.h>

#include <httplib.h>

#include <string>
#include <thread>

#include "eduauth/transport.hpp"
#include "print_errc.hpp"

namespace {

using namespace eduauth;

class RedirectServer {
public:
  RedirectServer() {
    const auto to = [](std::string location, int status) {
      return [location, status](const httplib::Request &, httplib::Response &res) {
        res.status = status;
        res.set_header("Location", location);
      };
    };
    port_ = server_.bind_to_any_port("127.0.0.1"); // bound and listening: connects queue up
    base_ = "http://127.0.0.1:" + std::to_string(port_);
    server_.Get("/ok", [](const httplib::Request &, httplib::Response &res) {
      res.set_content(R"({"token":"t","code":"200"})", "application/json");
    });
    server_.Get("/to-http", to(base_ + "/ok", 302));
    server_.Get("/relative", to("/ok", 307));
    server_.Get("/to-ftp", to("ftp://127.0.0.1/x", 302));
    server_.Get("/to-remote", to("http://203.0.113.7/ok", 301));
    server_.Get("/loop", to("/loop", 307));
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~RedirectServer() {
    server_.stop();
    thread_.join();
  }
  RedirectServer(const RedirectServer &) = delete;
  RedirectServer &operator=(const RedirectServer &) = delete;

  const std::string &base() const { return base_; }

private:
  httplib::Server server_;
  int port_ = 0;
  std::string base_;
  std::thread thread_;
};

class RedirectReport : public ::testing::Test {
protected:
  // GET base+path; the transport error's code and message ("" and ok when it succeeded).
  std::pair<Errc, std::string> get(const std::string &path, TransportOptions o = {}) {
    o.connect_timeout_ms = 2000;
    o.total_timeout_ms = 5000;
    HttpRequest req;
    req.url = server.base() + path;
    try {
      const HttpResponse r = make_curl_transport(o)->perform(req);
      return {Errc::ok, "HTTP " + std::to_string(r.status) + " " + r.body};
    } catch (const Error &e) {
      return {e.code(), e.what()};
    }
  }
  RedirectServer server;
};

constexpr const char *kHttpRule =
    "redirects to plain http are followed only with transport option allow_insecure_http "
    "(loopback included; a first request may use http to loopback)";

TEST_F(RedirectReport, RedirectToPlainHttpNamesTheHopAndTheRule) {
  const auto [code, message] = get("/to-http");
  EXPECT_EQ(code, Errc::network);
  EXPECT_EQ(message, "redirect (HTTP 302, hop 1) from \"" + server.base() + "/to-http\" to \"" +
                         server.base() + "/ok\" refused: " + kHttpRule);
  EXPECT_EQ(message.find("Protocol"), std::string::npos) << message;
}

TEST_F(RedirectReport, RelativeLocationIsResolved) {
  const auto [code, message] = get("/relative");
  EXPECT_EQ(code, Errc::network);
  EXPECT_EQ(message, "redirect (HTTP 307, hop 1) from \"" + server.base() + "/relative\" to \"" +
                         server.base() + "/ok\" refused: " + kHttpRule);
}

TEST_F(RedirectReport, NonLoopbackHttpTargetIsRefusedWithoutConnecting) {
  const auto [code, message] = get("/to-remote");
  EXPECT_EQ(code, Errc::network);
  EXPECT_EQ(message, "redirect (HTTP 301, hop 1) from \"" + server.base() +
                         "/to-remote\" to \"http://203.0.113.7/ok\" refused: " + kHttpRule);
}

TEST_F(RedirectReport, OtherSchemesAreRefusedEvenWithInsecureHttp) {
  TransportOptions o;
  o.allow_insecure_http = true;
  const auto [code, message] = get("/to-ftp", o);
  EXPECT_EQ(code, Errc::network);
  EXPECT_EQ(message,
            "redirect (HTTP 302, hop 1) from \"" + server.base() +
                "/to-ftp\" to \"ftp://127.0.0.1/x\" refused: only http(s) redirect targets are followed");
}

TEST_F(RedirectReport, TooManyRedirectsNamesTheLimit) {
  TransportOptions o;
  o.allow_insecure_http = true;
  o.max_redirects = 2;
  const auto [code, message] = get("/loop", o);
  EXPECT_EQ(code, Errc::network);
  EXPECT_EQ(message, "too many redirects (max 2, transport option max_redirects): the last was from \"" +
                         server.base() + "/loop\"");
}

TEST_F(RedirectReport, AllowedRedirectIsFollowed) {
  TransportOptions o;
  o.allow_insecure_http = true;
  const auto [code, message] = get("/to-http", o);
  EXPECT_EQ(code, Errc::ok) << message;
  EXPECT_EQ(message, R"(HTTP 200 {"token":"t","code":"200"})");
}

} // namespace
