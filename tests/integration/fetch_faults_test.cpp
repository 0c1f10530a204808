// The HTTP Fetcher against a scripted fault server on 127.0.0.1: every fault gets its
// documented FetchResult, and exactly one request reaches the server (the fetcher never
// retries by itself; retry policy belongs to the client).
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>

#include "eduauth/log.hpp"
#include "eduauth/source.hpp"
#include "print_errc.hpp"
#include "eduauth/token.hpp"
#include "fault_server.hpp"
#include "raw_server.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;
using Clock = std::chrono::steady_clock;

class FetchFaults : public ::testing::Test {
protected:
  static void SetUpTestSuite() { server_ = new FaultServer(); }
  static void TearDownTestSuite() { delete server_; }

  static TransportOptions short_timeouts() {
    TransportOptions o;
    o.connect_timeout_ms = 1000;
    o.total_timeout_ms = 1500;
    return o;
  }
  // One fetch from `path` of the fault server with the education request shape.
  FetchResult fetch(const std::string &path, TransportOptions o = short_timeouts()) {
    SourceConfig s = make_source("education", server_->base_url());
    s.url_template = server_->base_url() + path;
    const int before = server_->count(path);
    FetchResult r = make_http_fetcher(s, o)->fetch(key);
    requests = server_->count(path) - before;
    return r;
  }

  static FaultServer *server_;
  const TokenKey key{"room-f", "user-f", 2};
  int requests = 0;
};
FaultServer *FetchFaults::server_ = nullptr;

TEST_F(FetchFaults, OkReturnsTheTokenAndResponseMetadata) {
  const FetchResult r = fetch("/ok");
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  EXPECT_EQ(r.token, server_->last_token("/ok"));
  EXPECT_EQ(r.http_status, 200);
  EXPECT_FALSE(r.retry_after_s);
  EXPECT_FALSE(r.app_id); // the education shape reports no app ID
  EXPECT_EQ(requests, 1);
}

TEST_F(FetchFaults, DateHeaderIsReportedForSkew) {
  const FetchResult r = fetch("/date");
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  ASSERT_TRUE(r.server_date_unix);
  EXPECT_EQ(*r.server_date_unix, server_->date_sent());
  EXPECT_NEAR(static_cast<double>(r.received_unix_ms / 1000 - *r.server_date_unix), 1000.0, 3.0);
}

TEST_F(FetchFaults, ServerThatNeverAnswersTimesOutWithinTheTotalTimeout) { // C-13
  RawServer silent(RawServer::Mode::silent);
  SourceConfig s = make_source("education", "http://127.0.0.1:" + std::to_string(silent.port()));
  const auto t0 = Clock::now();
  const FetchResult r = make_http_fetcher(s, short_timeouts())->fetch(key);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  EXPECT_EQ(r.status, Errc::timeout) << r.message;
  EXPECT_NE(r.message.find("127.0.0.1"), std::string::npos) << r.message;
  EXPECT_GE(ms, 1400);
  EXPECT_LT(ms, 3000);
  EXPECT_EQ(silent.accepted(), 1);
}

TEST_F(FetchFaults, TricklingServerHitsTheLowSpeedLimit) { // C-13
  TransportOptions o;
  o.total_timeout_ms = 30000; // not the total timeout: the low-speed guard must fire
  o.low_speed_bytes_per_s = 32;
  o.low_speed_window_s = 2;
  const auto t0 = Clock::now();
  const FetchResult r = fetch("/trickle", o);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
  EXPECT_EQ(r.status, Errc::timeout) << r.message;
  EXPECT_LT(ms, 6000);
  EXPECT_EQ(requests, 1);
}

TEST_F(FetchFaults, TricklingServerHitsTheTotalTimeout) {
  const auto t0 = Clock::now();
  const FetchResult r = fetch("/trickle");
  EXPECT_EQ(r.status, Errc::timeout) << r.message;
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count(), 3000);
}

TEST_F(FetchFaults, ConnectionResetIsANetworkError) {
  RawServer reset(RawServer::Mode::reset);
  SourceConfig s = make_source("education", "http://127.0.0.1:" + std::to_string(reset.port()));
  const FetchResult r = make_http_fetcher(s, short_timeouts())->fetch(key);
  EXPECT_EQ(r.status, Errc::network) << r.message;
  EXPECT_EQ(r.http_status, 0);
  EXPECT_EQ(reset.accepted(), 1);
}

TEST_F(FetchFaults, ConnectionRefusedIsANetworkError) {
  int port = 0;
  {
    RawServer gone(RawServer::Mode::silent);
    port = gone.port();
  }
  SourceConfig s = make_source("education", "http://127.0.0.1:" + std::to_string(port));
  const FetchResult r = make_http_fetcher(s, short_timeouts())->fetch(key);
  EXPECT_EQ(r.status, Errc::network) << r.message;
}

TEST_F(FetchFaults, Http500IsHttpStatus) {
  const FetchResult r = fetch("/500");
  EXPECT_EQ(r.status, Errc::http_status);
  EXPECT_EQ(r.http_status, 500);
  EXPECT_FALSE(r.retry_after_s);
  EXPECT_NE(r.message.find("POST /500"), std::string::npos) << r.message;
  EXPECT_EQ(requests, 1);
}

TEST_F(FetchFaults, Http503RetryAfterSeconds) {
  const FetchResult r = fetch("/503-seconds");
  EXPECT_EQ(r.status, Errc::http_status);
  EXPECT_EQ(r.http_status, 503);
  ASSERT_TRUE(r.retry_after_s);
  EXPECT_EQ(*r.retry_after_s, 7);
  EXPECT_EQ(requests, 1);
}

TEST_F(FetchFaults, Http503RetryAfterHttpDate) {
  const FetchResult r = fetch("/503-date");
  EXPECT_EQ(r.status, Errc::http_status);
  ASSERT_TRUE(r.retry_after_s);
  EXPECT_GE(*r.retry_after_s, 115);
  EXPECT_LE(*r.retry_after_s, 121);
}

TEST_F(FetchFaults, Http429RetryAfter) {
  const FetchResult r = fetch("/429");
  EXPECT_EQ(r.status, Errc::http_status);
  EXPECT_EQ(r.http_status, 429);
  ASSERT_TRUE(r.retry_after_s);
  EXPECT_EQ(*r.retry_after_s, 3);
}

TEST_F(FetchFaults, Http401And403AreReauthRequired) { // C-11
  for (const char *path : {"/401", "/403"}) {
    const FetchResult r = fetch(path);
    EXPECT_EQ(r.status, Errc::reauth_required) << path;
    EXPECT_EQ(r.http_status, std::stoi(path + 1));
    EXPECT_TRUE(r.token.empty());
    EXPECT_EQ(requests, 1) << path;
  }
}

TEST_F(FetchFaults, ErrorCodeInsideA200Body) {
  const FetchResult e500 = fetch("/code-500");
  EXPECT_EQ(e500.status, Errc::http_status);
  EXPECT_EQ(e500.http_status, 200);
  EXPECT_NE(e500.message.find("\"500\""), std::string::npos) << e500.message;
  const FetchResult e401 = fetch("/code-401");
  EXPECT_EQ(e401.status, Errc::reauth_required) << e401.message;
  const FetchResult zero = fetch("/code-int-0"); // generic servers use integer 0 for success
  EXPECT_EQ(zero.status, Errc::ok) << zero.message;
}

TEST_F(FetchFaults, MalformedJsonIsBadResponse) {
  const FetchResult r = fetch("/malformed");
  EXPECT_EQ(r.status, Errc::bad_response);
  EXPECT_NE(r.message.find("not valid JSON"), std::string::npos) << r.message;
  EXPECT_EQ(r.message.find("007eJx"), std::string::npos) << "the body must not be quoted: " << r.message;
}

TEST_F(FetchFaults, MissingTokenFieldIsBadResponseNamingThePointer) {
  const FetchResult r = fetch("/no-token");
  EXPECT_EQ(r.status, Errc::bad_response);
  EXPECT_NE(r.message.find("\"/token\""), std::string::npos) << r.message;
}

TEST_F(FetchFaults, JsonEscapedTokenIsUnescapedByTheParser) { // C-05
  const FetchResult r = fetch("/escaped");
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  const std::string expected = server_->last_token("/escaped");
  ASSERT_NE(expected.find('/'), std::string::npos);
  ASSERT_NE(expected.find('+'), std::string::npos);
  EXPECT_EQ(r.token, expected);
  EXPECT_EQ(r.token.find('\\'), std::string::npos);
  EXPECT_NO_THROW((void)token::decode(r.token));
}

TEST_F(FetchFaults, TenMegabyteBodyIsRefusedNamingTheLimit) {
  const FetchResult r = fetch("/huge");
  EXPECT_EQ(r.status, Errc::bad_response);
  EXPECT_NE(r.message.find("max_response_bytes"), std::string::npos) << r.message;
  EXPECT_NE(r.message.find("65536"), std::string::npos) << r.message;
  EXPECT_EQ(requests, 1);
}

TEST_F(FetchFaults, CompressionBombIsRefusedOnDecodedSize) {
  const FetchResult r = fetch("/bomb");
  EXPECT_EQ(r.status, Errc::bad_response) << r.message;
  EXPECT_NE(r.message.find("max_response_bytes"), std::string::npos) << r.message;
  EXPECT_EQ(requests, 1);
}

// The fetcher hands back what the server sent; deciding that a token is expired or for
// someone else is the client's job (see client_test.cpp). Here: the facts are visible.
TEST_F(FetchFaults, ExpiredTokenIsReturnedAsSentAndDecodesAsExpired) { // C-09
  const FetchResult r = fetch("/expired");
  ASSERT_EQ(r.status, Errc::ok);
  EXPECT_LT(token::decode(r.token).expires_at(), unix_now() - 90);
}

TEST_F(FetchFaults, TokensForSomethingElseDecodeAsSuch) {
  auto apaas = [](const std::string &tok) {
    for (const auto &s : token::decode(tok).v007.services)
      if (s.type == static_cast<uint16_t>(token::ServiceType::apaas)) return s;
    return token::Service{};
  };
  EXPECT_EQ(apaas(fetch("/other-user").token).user_uuid, "user-f-other");
  EXPECT_EQ(apaas(fetch("/other-room").token).room_uuid, "room-f-other");
  EXPECT_EQ(apaas(fetch("/other-role").token).role, 1);
  EXPECT_EQ(token::decode(fetch("/wrong-app").token).app_id(), kOtherAppId);
}

TEST_F(FetchFaults, PlainHttpRedirectIsRefusedUnlessOptedIn) {
  const FetchResult refused = fetch("/redirect");
  EXPECT_EQ(refused.status, Errc::network) << refused.message;
  TransportOptions o = short_timeouts();
  o.allow_insecure_http = true;
  const FetchResult followed = fetch("/redirect", o);
  EXPECT_EQ(followed.status, Errc::ok) << followed.message;
}

TEST_F(FetchFaults, RedirectLoopStopsAtMaxRedirects) {
  TransportOptions o = short_timeouts();
  o.allow_insecure_http = true;
  const FetchResult r = fetch("/redirect-loop", o);
  EXPECT_EQ(r.status, Errc::network) << r.message;
  EXPECT_EQ(requests, 4); // the first request plus max_redirects (3)
}

TEST_F(FetchFaults, LogLinesCarryFingerprintsNeverTokensOrHeaders) {
  std::mutex mu;
  std::string logged;
  set_log_sink(LogLevel::debug, [&](LogLevel, std::string_view component, std::string_view message) {
    std::lock_guard<std::mutex> lock(mu);
    logged += std::string(component) + ": " + std::string(message) + "\n";
  });
  SourceConfig s = make_source("education", server_->base_url());
  s.headers.emplace_back("Authorization", "Bearer log-secret-123");
  s.url_template = server_->base_url() + "/ok";
  const FetchResult ok = make_http_fetcher(s, short_timeouts())->fetch(key);
  s.url_template = server_->base_url() + "/401";
  const FetchResult denied = make_http_fetcher(s, short_timeouts())->fetch(key);
  set_log_sink(LogLevel::off, nullptr);

  ASSERT_EQ(ok.status, Errc::ok);
  EXPECT_EQ(denied.status, Errc::reauth_required);
  EXPECT_NE(logged.find("token=" + token::fingerprint(ok.token)), std::string::npos) << logged;
  EXPECT_NE(logged.find("EDUAUTH_E_REAUTH_REQUIRED HTTP 401"), std::string::npos) << logged;
  EXPECT_EQ(logged.find(ok.token), std::string::npos);
  EXPECT_EQ(logged.find("log-secret-123"), std::string::npos);
}

} // namespace
