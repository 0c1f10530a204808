// The full TokenClient (client-core) over the real HTTP fetcher against the sample token
// server and the fault server on 127.0.0.1: C-09 (expired token from the server), C-10
// (stampede on a cold key), C-11 (401 -> re-auth), token mismatches, events.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include <vector>

#include "eduauth/client.hpp"
#include "eduauth/source.hpp"
#include "print_errc.hpp"
#include "fault_server.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;
using namespace std::chrono_literals;

template <class Fn> Errc code_of(Fn &&fn, std::string *message = nullptr) {
  try {
    fn();
  } catch (const Error &e) {
    if (message) *message = e.what();
    return e.code();
  }
  return Errc::ok;
}

std::shared_ptr<Fetcher> fault_fetcher(const FaultServer &server, const std::string &path) {
  SourceConfig s = make_source("education", server.base_url());
  s.url_template = server.base_url() + path;
  TransportOptions o;
  o.connect_timeout_ms = 1000;
  o.total_timeout_ms = 3000;
  return make_http_fetcher(s, o);
}

ClientConfig config_for(std::shared_ptr<Fetcher> fetcher) {
  ClientConfig c;
  c.fetcher = std::move(fetcher);
  c.app_id = kAppId;
  c.rng_seed = 7;
  c.default_timeout = 5000ms;
  return c;
}

std::optional<Event> wait_event(TokenClient &client, EventType type, std::chrono::milliseconds within = 5000ms) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    auto ev = client.next_event(std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now()));
    if (ev && ev->type == type) return ev;
  }
  return std::nullopt;
}

TEST(ClientOverHttp, SampleServerOverHttpsEndToEnd) {
  TempDir dir;
  const TestPki pki = make_test_pki(dir.path());
  TokenServerProcess server({"--tls-cert", pki.server_cert_file, "--tls-key", pki.server_key_file},
                            {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}}, dir.file("server.log"));
  TransportOptions o;
  o.ca_pem = pki.ca_cert_pem;
  TokenClient client(config_for(make_http_fetcher(make_source("education", server.base_url()), o)));

  const TokenKey key{"room-e2e", "teacher-1", 1};
  const CachedToken t = *client.get(key);
  EXPECT_EQ(t.decoded.app_id(), kAppId);
  EXPECT_EQ(t.expires_at, t.issued_at + 3600);
  EXPECT_NEAR(static_cast<double>(t.issued_at), static_cast<double>(unix_now()), 5.0);
  EXPECT_EQ(t.fingerprint, token::fingerprint(t.token));
  EXPECT_TRUE(token::verify(t.decoded.v007, kAppCertificate));

  const auto ev = wait_event(client, EventType::refreshed);
  ASSERT_TRUE(ev);
  EXPECT_EQ(ev->key, key);
  EXPECT_EQ(ev->fingerprint, t.fingerprint);
  EXPECT_EQ(ev->expires_at, t.expires_at);

  EXPECT_EQ(client.get(key)->token, t.token); // cached
}

TEST(ClientOverHttp, CachedTokenIsServedWithoutANewRequest) {
  FaultServer server;
  TokenClient client(config_for(fault_fetcher(server, "/ok")));
  const TokenKey key{"room", "user", 2};
  const std::string first = client.get(key)->token;
  for (int i = 0; i < 50; ++i) ASSERT_EQ(client.get(key)->token, first);
  EXPECT_EQ(server.count("/ok"), 1);
  EXPECT_EQ(first, server.last_token("/ok"));
}

TEST(ClientOverHttp, ExpiredTokenFromServerIsNotInstalledAndRequestsStayBounded) { // C-09
  FaultServer server;
  ClientConfig c = config_for(fault_fetcher(server, "/expired"));
  c.backoff_initial = 250ms; // C-09's "<= 5 requests in 10 s" at a quarter of the default scale
  c.backoff_max = 4000ms;
  TokenClient client(std::move(c));
  const TokenKey key{"room", "user", 2};

  std::string message;
  EXPECT_EQ(code_of([&] { (void)client.get(key); }, &message), Errc::expired_from_server) << message;
  // Watch the background retries for 2.5 s of real time (no sleeping: we wait on events).
  const auto until = std::chrono::steady_clock::now() + 2500ms;
  while (std::chrono::steady_clock::now() < until) {
    auto ev = client.next_event(100ms);
    if (!ev) continue;
    EXPECT_NE(ev->type, EventType::refreshed);
    if (ev->type == EventType::refresh_failed) {
      EXPECT_EQ(ev->status, Errc::expired_from_server);
    }
  }
  EXPECT_GE(server.count("/expired"), 1);
  EXPECT_LE(server.count("/expired"), 5);
}

TEST(ClientOverHttp, SixtyFourThreadsOnAColdKeyMakeExactlyOneRequest) { // C-10
  FaultServer server;
  server.slow_ms = 300;
  TokenClient client(config_for(fault_fetcher(server, "/slow")));
  const TokenKey key{"room-cold", "user-cold", 2};
  std::vector<std::string> tokens(64);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 64; ++i)
    threads.emplace_back([&, i] {
      try {
        tokens[static_cast<size_t>(i)] = client.get(key)->token;
      } catch (const Error &) {
        ++failures;
      }
    });
  for (auto &t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(server.count("/slow"), 1);
  EXPECT_EQ(std::set<std::string>(tokens.begin(), tokens.end()).size(), 1u);
  EXPECT_EQ(tokens[0], server.last_token("/slow"));
}

TEST(ClientOverHttp, Unauthorized401IsReauthWithOneEventAndNoLoop) { // C-11
  FaultServer server;
  TokenClient client(config_for(fault_fetcher(server, "/401")));
  const TokenKey key{"room", "user", 2};
  EXPECT_EQ(code_of([&] { (void)client.get(key); }), Errc::reauth_required);
  const auto ev = wait_event(client, EventType::reauth_required);
  ASSERT_TRUE(ev);
  EXPECT_EQ(ev->http_status, 401);
  EXPECT_EQ(ev->key, key);
  // Within the cool-down: fails fast, no network.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(code_of([&] { (void)client.get(key); }), Errc::reauth_required);
  EXPECT_EQ(server.count("/401"), 1);
}

TEST(ClientOverHttp, TokensForSomethingElseAreRefusedAsMismatch) {
  FaultServer server;
  for (const char *path : {"/other-user", "/other-room", "/other-role", "/wrong-app"}) {
    TokenClient client(config_for(fault_fetcher(server, path)));
    std::string message;
    EXPECT_EQ(code_of([&] { (void)client.get({"room-f", "user-f", 2}); }, &message), Errc::token_mismatch)
        << path << ": " << message;
  }
}

TEST(ClientOverHttp, TransportFailuresReachTheCallerWithTheirCode) {
  FaultServer server;
  struct Case {
    const char *path;
    Errc want;
  } cases[] = {{"/500", Errc::http_status}, {"/malformed", Errc::bad_response}, {"/huge", Errc::bad_response}};
  for (const auto &c : cases) {
    TokenClient client(config_for(fault_fetcher(server, c.path)));
    EXPECT_EQ(code_of([&] { (void)client.get({"r", "u", 1}); }), c.want) << c.path;
  }
}

} // namespace
