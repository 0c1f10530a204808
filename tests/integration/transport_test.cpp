// The libcurl transport's policies on real loopback sockets: proxies from the environment
// and explicit (C-12), plain-http refusal, User-Agent, option validation; plus the HTTP
// date / Retry-After parsers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include "eduauth/source.hpp"
#include "print_errc.hpp"
#include "eduauth/transport.hpp"
#include "fault_server.hpp"
#include "raw_server.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;

// Sets proxy variables for one test and restores the previous environment afterwards.
class ProxyEnv {
public:
  ProxyEnv() {
    for (const char *name : kNames)
      if (const char *v = std::getenv(name)) saved_[name] = v;
    for (const char *name : kNames) unsetenv(name);
  }
  ~ProxyEnv() {
    for (const char *name : kNames) unsetenv(name);
    for (const auto &[k, v] : saved_) setenv(k.c_str(), v.c_str(), 1);
  }
  void set(const char *name, const std::string &value) { setenv(name, value.c_str(), 1); }

private:
  static constexpr const char *kNames[] = {"http_proxy",  "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
                                           "all_proxy",   "ALL_PROXY",  "no_proxy",    "NO_PROXY"};
  std::map<std::string, std::string> saved_;
};

class ProxyTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    pki_ = new TestPki(make_test_pki(dir_->path()));
    https_ = new TokenServerProcess({"--tls-cert", pki_->server_cert_file, "--tls-key", pki_->server_key_file},
                                    {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}},
                                    dir_->file("server.log"));
  }
  static void TearDownTestSuite() {
    delete https_;
    delete pki_;
    delete dir_;
  }
  FetchResult fetch_https(TransportOptions o) {
    o.ca_file = pki_->ca_cert_file;
    o.connect_timeout_ms = 1000;
    o.total_timeout_ms = 2000;
    return make_http_fetcher(make_source("education", https_->base_url()), o)->fetch({"r", "u", 1});
  }
  static TempDir *dir_;
  static TestPki *pki_;
  static TokenServerProcess *https_;
  ProxyEnv env;
};
TempDir *ProxyTest::dir_ = nullptr;
TestPki *ProxyTest::pki_ = nullptr;
TokenServerProcess *ProxyTest::https_ = nullptr;

TEST_F(ProxyTest, EnvironmentProxyIsUsed) {
  env.set("HTTPS_PROXY", "http://127.0.0.1:9"); // nothing listens on the discard port
  const FetchResult r = fetch_https({});
  EXPECT_EQ(r.status, Errc::network) << r.message;
}

TEST_F(ProxyTest, NoProxyLetsTheLoopbackServerBeReachedDirectly) { // C-12
  env.set("HTTPS_PROXY", "http://127.0.0.1:9");
  env.set("NO_PROXY", "127.0.0.1,localhost");
  const FetchResult r = fetch_https({});
  EXPECT_EQ(r.status, Errc::ok) << r.message;
}

TEST_F(ProxyTest, ExplicitNoProxyOverridesTheEnvironment) { // C-12
  env.set("HTTPS_PROXY", "http://127.0.0.1:9");
  TransportOptions o;
  o.proxy = ""; // explicitly direct
  const FetchResult r = fetch_https(o);
  EXPECT_EQ(r.status, Errc::ok) << r.message;
}

TEST_F(ProxyTest, ExplicitProxyOverridesTheEnvironmentsNoProxy) { // C-12
  FaultServer origin;
  const std::string body = R"({"token":"via-proxy","code":"200"})";
  RawServer proxy(RawServer::Mode::canned, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                               std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  env.set("NO_PROXY", "127.0.0.1,localhost");
  env.set("http_proxy", "http://127.0.0.1:9");
  TransportOptions o;
  o.proxy = "http://127.0.0.1:" + std::to_string(proxy.port());
  o.total_timeout_ms = 2000;
  SourceConfig s = make_source("education", origin.base_url());
  s.url_template = origin.base_url() + "/ok";
  const FetchResult r = make_http_fetcher(s, o)->fetch({"r", "u", 1});
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  EXPECT_EQ(r.token, "via-proxy");
  ASSERT_EQ(proxy.requests().size(), 1u);
  EXPECT_EQ(proxy.requests()[0].rfind("POST " + origin.base_url() + "/ok HTTP/1.1\r\n", 0), 0u) << proxy.requests()[0];
  EXPECT_EQ(origin.count("/ok"), 0);
}

TEST(Transport, PlainHttpToARemoteHostIsRefusedNamingTheOption) {
  auto t = make_curl_transport();
  HttpRequest req;
  req.url = "http://tokens.example.com/fetch_education_token";
  try {
    (void)t->perform(req);
    FAIL() << "expected refusal";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("allow_insecure_http"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("tokens.example.com"), std::string::npos) << e.what();
  }
  req.url = "ftp://127.0.0.1/x";
  EXPECT_THROW((void)t->perform(req), Error);
  req.url = "not a url";
  EXPECT_THROW((void)t->perform(req), Error);
}

TEST(Transport, SendsUserAgentHeadersAndBody) {
  RawServer server(RawServer::Mode::canned, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
  auto t = make_curl_transport();
  HttpRequest req;
  req.method = "POST";
  req.url = "http://127.0.0.1:" + std::to_string(server.port()) + "/x";
  req.headers = {{"Content-Type", "application/json"}, {"X-Test", "1"}};
  req.body = R"({"a":1})";
  const HttpResponse res = t->perform(req);
  EXPECT_EQ(res.status, 204);
  ASSERT_EQ(server.requests().size(), 1u);
  const std::string sent = server.requests()[0];
  EXPECT_NE(sent.find("User-Agent: eduauth/"), std::string::npos) << sent;
  EXPECT_NE(sent.find("X-Test: 1\r\n"), std::string::npos) << sent;
  EXPECT_NE(sent.find("\r\n\r\n{\"a\":1}"), std::string::npos) << sent;
}

TEST(Transport, InvalidOptionsAreRefusedNamingTheOption) {
  auto expect_named = [](TransportOptions o, const char *name) {
    try {
      (void)make_curl_transport(o);
      ADD_FAILURE() << name;
    } catch (const Error &e) {
      EXPECT_EQ(e.code(), Errc::invalid_argument);
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    }
  };
  TransportOptions o;
  o.total_timeout_ms = 0;
  expect_named(o, "total_timeout_ms");
  o = {};
  o.connect_timeout_ms = -1;
  expect_named(o, "connect_timeout_ms");
  o = {};
  o.max_response_bytes = 0;
  expect_named(o, "max_response_bytes");
  o = {};
  o.max_redirects = -1;
  expect_named(o, "max_redirects");
}

TEST(Transport, LoopbackHosts) {
  for (const char *h : {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"})
    EXPECT_TRUE(is_loopback_host(h)) << h;
  for (const char *h : {"example.com", "128.0.0.1", "10.0.0.1", "::2", "localhost.example.com", "127.0.0.1.nip.io", ""})
    EXPECT_FALSE(is_loopback_host(h)) << h;
}

TEST(HttpDates, ParsesTheThreeFormsAndRetryAfter) {
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_FALSE(parse_http_date("soon"));
  EXPECT_FALSE(parse_http_date(""));

  EXPECT_EQ(parse_retry_after("120", 1000), 120);
  EXPECT_EQ(parse_retry_after(" 0 ", 1000), 0);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:51:37 GMT", 784111777), 120);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111877), 0); // past date -> 0
  EXPECT_FALSE(parse_retry_after("-5", 0));
  EXPECT_FALSE(parse_retry_after("1.5", 0));
  EXPECT_FALSE(parse_retry_after("99999999999999999999", 0));
  EXPECT_FALSE(parse_retry_after("", 0));
}

} // namespace
