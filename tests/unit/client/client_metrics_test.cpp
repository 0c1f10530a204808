// TokenClient::metrics() and ClientConfig::metrics_sink: every counter and gauge asserted with
// exact values in scripted scenarios on the FakeClock (docs/metrics.md).
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "client_fixture.hpp"
#include "metrics_recorder.hpp"

namespace eduauth::test {
namespace {

using namespace std::chrono_literals;

// Answers call n with script[n-1], then fresh tokens.
std::shared_ptr<ScriptedFetcher> scripted(std::shared_ptr<FakeClock> clock, std::vector<FetchResult> script) {
  auto *c = clock.get();
  return std::make_shared<ScriptedFetcher>(clock, [c, script](const TokenKey &k, int n) {
    if (static_cast<size_t>(n) <= script.size()) return script[static_cast<size_t>(n - 1)];
    const int64_t now_ms = c->unix_ms();
    return ok_result(room_user_token(k, now_ms / 1000, 3600, kAppId, static_cast<uint32_t>(n)), now_ms,
                     now_ms / 1000);
  });
}

TEST(LatencyBuckets, BoundsAreInclusive) {
  using client_detail::latency_bucket;
  EXPECT_EQ(latency_bucket(-5), 0u);
  EXPECT_EQ(latency_bucket(0), 0u);
  EXPECT_EQ(latency_bucket(10), 0u);
  EXPECT_EQ(latency_bucket(11), 1u);
  EXPECT_EQ(latency_bucket(50), 1u);
  EXPECT_EQ(latency_bucket(250), 3u);
  EXPECT_EQ(latency_bucket(1000), 5u);
  EXPECT_EQ(latency_bucket(5000), 7u);
  EXPECT_EQ(latency_bucket(5001), 8u);
  EXPECT_EQ(kLatencyBuckets, 9u);
}

TEST_F(ClientTest, MetricsStartAtZero) {
  TokenClient client(config_for(ScriptedFetcher::fresh_tokens(clock)));
  const ClientMetrics m = client.metrics();
  EXPECT_EQ(m.fetches_started, 0u);
  EXPECT_EQ(m.keys, 0u);
  EXPECT_EQ(m.latency_count, 0u);
}

TEST_F(ClientTest, Metrics503ThenSuccessCountsTheFailureAndTheBackoff) {
  auto fetcher = scripted(clock, {error_result(Errc::http_status, 503, "HTTP 503", 2)});
  TokenClient client(config_for(fetcher));
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::http_status);
  wait_event(client, EventType::refresh_failed); // the outcome is recorded before the event
  settle();
  ClientMetrics m = client.metrics();
  EXPECT_EQ(m.fetches_started, 1u);
  EXPECT_EQ(m.fetch_successes, 0u);
  EXPECT_EQ(m.fetch_failures, 1u);
  EXPECT_EQ(m.failures_http_status, 1u);
  EXPECT_EQ(m.keys, 1u);
  EXPECT_EQ(m.keys_with_token, 0u);
  EXPECT_EQ(m.keys_backing_off, 1u);
  EXPECT_EQ(m.max_consecutive_failures, 1u);
  EXPECT_EQ(m.next_retry_in_ms, 2000u); // Retry-After 2 s beats the 1 s backoff window
  advance(500ms);
  EXPECT_EQ(client.metrics().next_retry_in_ms, 1500u);
  clock->advance(1500ms); // the scheduler retries: success
  wait_event(client, EventType::refreshed);
  m = client.metrics();
  EXPECT_EQ(m.fetches_started, 2u);
  EXPECT_EQ(m.fetch_successes, 1u);
  EXPECT_EQ(m.fetch_failures, 1u);
  EXPECT_EQ(m.keys_with_token, 1u);
  EXPECT_EQ(m.keys_backing_off, 0u);
  EXPECT_EQ(m.max_consecutive_failures, 0u);
  EXPECT_EQ(m.next_retry_in_ms, 0u);
  EXPECT_EQ(m.fetches_in_flight, 0u);
  EXPECT_EQ(m.latency_count, 2u);
  EXPECT_EQ(m.latency_sum_ms, 0u); // no fake time passed inside either fetch
  EXPECT_EQ(m.latency_buckets[0], 2u);
}

TEST_F(ClientTest, Metrics401CountsReauthAndTheCooldownRefusals) {
  auto fetcher = scripted(clock, {error_result(Errc::reauth_required, 401, "HTTP 401")});
  TokenClient client(config_for(fetcher));
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::reauth_required);
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::reauth_required); // cool-down: no request
  EXPECT_EQ(fetcher->calls(), 1);
  const ClientMetrics m = client.metrics();
  EXPECT_EQ(m.fetches_started, 1u);
  EXPECT_EQ(m.fetch_failures, 1u);
  EXPECT_EQ(m.failures_reauth, 1u);
  EXPECT_EQ(m.cooldown_refusals, 1u);
  EXPECT_EQ(m.keys_in_cooldown, 1u);
  EXPECT_EQ(m.keys_backing_off, 0u); // 401 is never retried by the scheduler
  EXPECT_EQ(m.max_consecutive_failures, 0u);
}

TEST_F(ClientTest, MetricsClassifyEveryFailure) {
  auto *c = clock.get();
  const int64_t now = c->unix_ms() / 1000;
  FetchResult expired = ok_result(room_user_token(key, now - 3700, 3600), c->unix_ms(), now); // C-09
  auto fetcher = scripted(clock, {error_result(Errc::network, 0, "connection refused"),
                                  error_result(Errc::timeout, 0, "total timeout"),
                                  error_result(Errc::tls, 0, "certificate"),
                                  error_result(Errc::bad_response, 200, "no token"),
                                  error_result(Errc::internal, 0, "fetcher threw"), expired});
  TokenClient client(config_for(fetcher));
  const Errc expect[] = {Errc::network, Errc::timeout, Errc::tls, Errc::bad_response, Errc::internal,
                         Errc::expired_from_server};
  for (Errc e : expect) EXPECT_EQ(code_of([&] { client.get(key); }), e); // each get tries once
  const ClientMetrics m = client.metrics();
  EXPECT_EQ(m.fetches_started, 6u);
  EXPECT_EQ(m.fetch_failures, 6u);
  EXPECT_EQ(m.failures_network, 2u); // network + tls
  EXPECT_EQ(m.failures_timeout, 1u);
  EXPECT_EQ(m.failures_bad_response, 1u);
  EXPECT_EQ(m.failures_other, 1u);
  EXPECT_EQ(m.failures_expired_from_server, 1u);
  EXPECT_EQ(m.failures_http_status, 0u);
  EXPECT_EQ(m.failures_reauth, 0u);
  EXPECT_EQ(m.max_consecutive_failures, 6u);
  EXPECT_EQ(m.keys_backing_off, 1u);
  EXPECT_EQ(m.latency_count, 6u);
}

TEST_F(ClientTest, MetricsEightColdWaitersGiveSevenCoalesced) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  fetcher->close_gate();
  TokenClient client(config_for(fetcher));
  std::vector<std::thread> threads;
  std::vector<std::string> got(8);
  for (size_t i = 0; i < 8; ++i) threads.emplace_back([&, i] { got[i] = client.get(key)->token; });
  ASSERT_TRUE(fetcher->await_calls(1));
  settle(8); // all eight wait on the one flight
  ClientMetrics m = client.metrics();
  EXPECT_EQ(m.coalesced_waiters, 7u);
  EXPECT_EQ(m.fetches_in_flight, 1u);
  EXPECT_EQ(m.fetches_started, 1u);
  fetcher->open_gate();
  for (auto &t : threads) t.join();
  for (const auto &t : got) EXPECT_EQ(t, got[0]);
  m = client.metrics();
  EXPECT_EQ(m.coalesced_waiters, 7u);
  EXPECT_EQ(m.fetches_started, 1u);
  EXPECT_EQ(m.fetch_successes, 1u);
  EXPECT_EQ(fetcher->calls(), 1);
}

TEST_F(ClientTest, MetricsCountGetsServedWhileARefreshIsInFlight) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const std::string tok = client.get(key)->token;
  EXPECT_EQ(client.get(key)->token, tok); // no refresh running: not counted
  settle();
  fetcher->close_gate();
  clock->advance(3299s); // refresh instant: 3600 s - 1 s resolution - 300 s margin
  ASSERT_TRUE(fetcher->await_calls(2));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.get(key, 0ms)->token, tok);
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  client.get_async(key, [&](const TokenResult &r) {
    EXPECT_EQ(r.token->token, tok);
    std::lock_guard<std::mutex> lk(mu);
    done = true;
    cv.notify_all();
  });
  {
    std::unique_lock<std::mutex> lk(mu);
    ASSERT_TRUE(cv.wait_for(lk, 10s, [&] { return done; }));
  }
  ClientMetrics m = client.metrics();
  EXPECT_EQ(m.served_while_refreshing, 4u);
  EXPECT_EQ(m.fetches_in_flight, 1u);
  EXPECT_EQ(m.keys_with_token, 1u);
  EXPECT_EQ(m.coalesced_waiters, 0u); // they had a valid token: nobody waited
  fetcher->open_gate();
  wait_event(client, EventType::refreshed);
  wait_event(client, EventType::refreshed);
  EXPECT_NE(client.get(key)->token, tok);
  m = client.metrics();
  EXPECT_EQ(m.served_while_refreshing, 4u);
  EXPECT_EQ(m.fetch_successes, 2u);
}

TEST_F(ClientTest, MetricsLatencyFromAFetchHeldWhileFakeTimePasses) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  fetcher->close_gate();
  TokenClient client(config_for(fetcher));
  std::thread caller([&] { client.get(key); });
  ASSERT_TRUE(fetcher->await_calls(1));
  clock->advance(300ms);
  fetcher->open_gate();
  caller.join();
  const ClientMetrics m = client.metrics();
  EXPECT_EQ(m.latency_count, 1u);
  EXPECT_EQ(m.latency_sum_ms, 300u);
  EXPECT_EQ(m.latency_max_ms, 300u);
  for (size_t i = 0; i < kLatencyBuckets; ++i) EXPECT_EQ(m.latency_buckets[i], i == 4 ? 1u : 0u) << "bucket " << i;
}

TEST_F(ClientTest, MetricsSinkEveryIntervalAndOnceMoreAtClose) {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<ClientMetrics> seen;
  std::vector<std::thread::id> threads;
  auto cfg = config_for(ScriptedFetcher::fresh_tokens(clock));
  cfg.metrics_interval = 1000ms;
  cfg.metrics_sink = [&](const ClientMetrics &m) {
    std::lock_guard<std::mutex> lk(mu);
    seen.push_back(m);
    threads.push_back(std::this_thread::get_id());
    cv.notify_all();
  };
  auto wait_for = [&](size_t n) {
    std::unique_lock<std::mutex> lk(mu);
    return cv.wait_for(lk, 10s, [&] { return seen.size() >= n; });
  };
  {
    TokenClient client(cfg);
    client.get(key);
    settle();
    advance(999ms);
    {
      std::lock_guard<std::mutex> lk(mu);
      EXPECT_TRUE(seen.empty());
    }
    advance(1ms);
    ASSERT_TRUE(wait_for(1));
    advance(1000ms);
    ASSERT_TRUE(wait_for(2));
    client.close();
    std::lock_guard<std::mutex> lk(mu);
    ASSERT_EQ(seen.size(), 3u); // the final snapshot is delivered before close() returns
  }
  EXPECT_EQ(seen[0].fetch_successes, 1u);
  EXPECT_EQ(seen[0].keys_with_token, 1u);
  EXPECT_EQ(seen[2].fetches_started, 1u);
  EXPECT_NE(threads[0], std::this_thread::get_id());
  EXPECT_EQ(threads[0], threads[2]); // the dispatcher thread
}

TEST_F(ClientTest, MetricsSinkNeedsAPositiveInterval) {
  auto cfg = config_for(ScriptedFetcher::fresh_tokens(clock));
  cfg.metrics_sink = [](const ClientMetrics &) {};
  cfg.metrics_interval = 0ms;
  std::string message;
  EXPECT_EQ(code_of([&] { TokenClient client(cfg); }, &message), Errc::invalid_argument);
  EXPECT_NE(message.find("ClientConfig.metrics_interval 0 ms must be > 0"), std::string::npos) << message;
}

} // namespace
} // namespace eduauth::test
