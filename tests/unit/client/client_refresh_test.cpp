// The refresh scheduler: expiry - margin (+/- jitter) with no caller, backoff after
// failures, Retry-After, C-09 (expired tokens from the server), will_expire / expired
// events, sleep/resume and wall-clock jumps, server clock skew of +/- 2 h.
#include <random>

#include "client_fixture.hpp"
#include "backoff.hpp"
#include "refresh_plan.hpp"

namespace eduauth::test {
namespace {

using namespace std::chrono_literals;
using client_detail::BackoffPolicy;
using client_detail::FailureKind;

// Answers the first `good` calls with fresh tokens, then with `failure`.
std::shared_ptr<ScriptedFetcher> good_then(std::shared_ptr<FakeClock> clock, int good,
                                           std::function<FetchResult(int)> failure, uint32_t expire = 3600) {
  auto *c = clock.get();
  return std::make_shared<ScriptedFetcher>(clock, [=](const TokenKey &k, int n) {
    if (n > good) return failure(n);
    const int64_t now_ms = c->unix_ms();
    return ok_result(room_user_token(k, now_ms / 1000, expire, kAppId, static_cast<uint32_t>(n)), now_ms,
                     now_ms / 1000);
  });
}

class RefreshAt : public ClientTest, public ::testing::WithParamInterface<std::pair<uint32_t, int64_t>> {};

TEST_P(RefreshAt, DefaultMarginWithoutAnyCaller) {
  const auto [lifetime, margin_s] = GetParam();
  auto fetcher = ScriptedFetcher::fresh_tokens(clock, lifetime);
  TokenClient client(config_for(fetcher));
  const int64_t t0 = clock->boot_ms();
  const std::string first = client.get(key)->token;
  settle();
  advance(std::chrono::milliseconds((lifetime - margin_s) * 1000 - kResolutionMs - 1));
  EXPECT_TRUE(fetcher->no_call_beyond(1)) << "refreshed before expiry - margin";
  clock->advance(1ms);
  ASSERT_TRUE(fetcher->await_calls(2));
  EXPECT_EQ(fetcher->call_boot_ms()[1], t0 + (lifetime - margin_s) * 1000 - kResolutionMs);
  const Event ev = wait_event(client, EventType::refreshed); // first fetch's event
  const Event ev2 = wait_event(client, EventType::refreshed);
  EXPECT_EQ(ev.token, first);
  EXPECT_NE(ev2.token, first);
  EXPECT_EQ(client.get(key, 0ms)->token, ev2.token); // the new token is served at once
  EXPECT_EQ(fetcher->calls(), 2);
}

INSTANTIATE_TEST_SUITE_P(Lifetimes, RefreshAt,
                         ::testing::Values(std::pair<uint32_t, int64_t>{3600, 300}, std::pair<uint32_t, int64_t>{600, 150}));

TEST_F(ClientTest, RefreshJitterStaysWithinTenPercentOfTheMargin) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  auto cfg = config_for(fetcher);
  cfg.refresh_jitter_fraction = 0.1;
  cfg.rng_seed = 7;
  TokenClient client(cfg);
  const int64_t t0 = clock->boot_ms();
  client.get(key);
  settle();
  // The client's first RNG draw is this jitter: replay it to know the exact instant.
  std::mt19937_64 rng(7);
  const int64_t at = client_detail::refresh_at_boot_ms(client_detail::RefreshPolicy{300, 0.25, 0.1}, 3600,
                                                       t0 + 3'600'000 - kResolutionMs, t0, rng);
  ASSERT_GE(at, t0 + 3'270'000 - kResolutionMs);
  ASSERT_LE(at, t0 + 3'330'000 - kResolutionMs);
  advance(std::chrono::milliseconds(at - t0 - 1));
  EXPECT_TRUE(fetcher->no_call_beyond(1));
  clock->advance(1ms);
  ASSERT_TRUE(fetcher->await_calls(2));
  EXPECT_EQ(fetcher->call_boot_ms()[1], at);
}

TEST_F(ClientTest, FailedRefreshKeepsServingAndBacksOffWithGrowingWindows) {
  auto fetcher = good_then(clock, 1, [](int) { return error_result(Errc::http_status, 500, "HTTP 500"); });
  TokenClient client(config_for(fetcher));
  const int64_t t0 = clock->boot_ms();
  const std::string tok = client.get(key)->token;
  wait_event(client, EventType::refreshed);
  settle();
  advance(3299s); // refresh time (3600 s - 1 s resolution - 300 s margin): fails
  ASSERT_TRUE(fetcher->await_calls(2));
  Event ev = wait_event(client, EventType::refresh_failed);
  EXPECT_EQ(ev.status, Errc::http_status);
  EXPECT_EQ(ev.http_status, 500);
  EXPECT_EQ(ev.message, "HTTP 500");
  EXPECT_EQ(ev.seconds_left, 300);
  EXPECT_EQ(client.get(key, 0ms)->token, tok); // still served
  // Replay the client's draws (no refresh jitter configured): attempt n waits U[0, 2^(n-1) s].
  std::mt19937_64 rng(42);
  const BackoffPolicy policy{1000, 60000};
  int64_t t = t0 + 3'299'000;
  for (int attempt = 1; attempt <= 4; ++attempt) {
    const int64_t d = client_detail::backoff_delay_ms(policy, attempt, FailureKind::transient, std::nullopt, rng);
    ASSERT_LE(d, 1000 << (attempt - 1));
    if (d > 0) {
      advance(std::chrono::milliseconds(t + d - 1 - clock->boot_ms()));
      EXPECT_TRUE(fetcher->no_call_beyond(attempt + 1)) << "attempt " << attempt + 1 << " came early";
    }
    clock->advance(std::chrono::milliseconds(t + d - clock->boot_ms()));
    ASSERT_TRUE(fetcher->await_calls(attempt + 2));
    EXPECT_EQ(fetcher->call_boot_ms()[static_cast<size_t>(attempt + 1)], t + d);
    wait_event(client, EventType::refresh_failed);
    settle();
    t += d;
  }
  EXPECT_EQ(client.get(key, 0ms)->token, tok);
}

TEST_F(ClientTest, RetryAfterIsHonoured) {
  auto fetcher = good_then(clock, 1, [](int) { return error_result(Errc::http_status, 429, "HTTP 429", 120); });
  TokenClient client(config_for(fetcher));
  const int64_t t0 = clock->boot_ms();
  client.get(key);
  settle();
  advance(3300s);
  ASSERT_TRUE(fetcher->await_calls(2));
  wait_event(client, EventType::refresh_failed);
  settle();
  advance(119'999ms); // far beyond the 1 s backoff window, but the server said 120 s
  EXPECT_TRUE(fetcher->no_call_beyond(2));
  clock->advance(1ms);
  ASSERT_TRUE(fetcher->await_calls(3));
  EXPECT_EQ(fetcher->call_boot_ms()[2], t0 + 3'300'000 + 120'000);
}

TEST_F(ClientTest, C09_ExpiredTokensFromTheServerAreRefusedWithoutAHotLoop) {
  // After the first good token, the server keeps handing out one stale token
  // (issue_ts = now - 3700, expire 3600) computed "at start-up".
  auto *c = clock.get();
  const int64_t startup = c->unix_ms() / 1000;
  auto fetcher = good_then(clock, 1, [c, startup, this](int) {
    return ok_result(room_user_token(key, startup - 3700 + 3300, 3600), c->unix_ms(), c->unix_ms() / 1000);
  });
  TokenClient client(config_for(fetcher));
  const std::string tok = client.get(key)->token;
  settle();
  advance(3400s); // refresh due at 3300 s; the stale token expired 100+ s before the server's Date
  ASSERT_TRUE(fetcher->await_calls(2));
  const Event ev = wait_event(client, EventType::refresh_failed);
  EXPECT_EQ(ev.status, Errc::expired_from_server);
  EXPECT_NE(ev.message.find("server returned an expired token"), std::string::npos) << ev.message;
  settle();
  const int64_t first_failure = fetcher->call_boot_ms()[1];
  // Replay the client's backoff draws (bad-token kind) and step to each retry exactly,
  // checking that none comes early and that the old token is served throughout.
  std::mt19937_64 rng(42);
  const BackoffPolicy policy{1000, 60000};
  int64_t t = first_failure;
  for (int attempt = 1; t < first_failure + 10'000; ++attempt) {
    const int64_t d = client_detail::backoff_delay_ms(policy, attempt, FailureKind::bad_token, std::nullopt, rng);
    advance(std::chrono::milliseconds(t + d - 1 - clock->boot_ms()));
    EXPECT_TRUE(fetcher->no_call_beyond(attempt + 1, 20ms)) << "retry " << attempt << " came early";
    ASSERT_EQ(client.get(key, 0ms)->token, tok); // the previous token is still served
    clock->advance(1ms);
    ASSERT_TRUE(fetcher->await_calls(attempt + 2));
    EXPECT_EQ(wait_event(client, EventType::refresh_failed).status, Errc::expired_from_server);
    settle();
    t += d;
  }
  int in_window = 0;
  for (int64_t at : fetcher->call_boot_ms()) in_window += (at >= first_failure && at < first_failure + 10'000) ? 1 : 0;
  EXPECT_LE(in_window, 5);
  EXPECT_GE(in_window, 3); // it does keep trying
}

TEST_F(ClientTest, C09_ColdGetReportsTheExpiredTokenAndTheNextCallTriesOnce) {
  auto *c = clock.get();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [c](const TokenKey &k, int) {
    const int64_t now = c->unix_ms() / 1000;
    return ok_result(room_user_token(k, now - 3700, 3600), c->unix_ms(), now);
  });
  TokenClient client(config_for(fetcher));
  std::string message;
  EXPECT_EQ(code_of([&] { client.get(key); }, &message), Errc::expired_from_server);
  EXPECT_NE(message.find("server returned an expired token"), std::string::npos) << message;
  EXPECT_EQ(fetcher->calls(), 1);
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::expired_from_server);
  EXPECT_EQ(fetcher->calls(), 2);
}

TEST_F(ClientTest, WillExpireThenExpiredWhenRefreshKeepsFailing) {
  auto fetcher = good_then(clock, 1, [](int) { return error_result(Errc::network, 0, "connection refused"); });
  auto cfg = config_for(fetcher);
  cfg.will_expire_lead = 60s;
  cfg.backoff_initial = 60000ms; // keep retries sparse for this test
  TokenClient client(cfg);
  const std::string tok = client.get(key)->token;
  settle();
  advance(3538s);
  advance(1s); // 60 s left (3600 s - 1 s resolution)
  const Event we = wait_event(client, EventType::will_expire);
  EXPECT_EQ(we.key, key);
  EXPECT_EQ(we.seconds_left, 60);
  advance(59'999ms);
  EXPECT_EQ(client.get(key, 0ms)->token, tok); // served up to the last millisecond
  advance(1ms);
  const Event ex = wait_event(client, EventType::expired);
  EXPECT_EQ(ex.key, key);
  std::string message;
  EXPECT_EQ(code_of([&] { client.get(key, 10s); }, &message), Errc::network); // no token, network down
  EXPECT_EQ(message, "connection refused");
}

TEST_F(ClientTest, SleepPastExpiryNeverServesTheOldToken) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const std::string before = client.get(key)->token;
  settle();
  const int64_t mono = clock->monotonic_ms();
  clock->suspend(2h); // laptop lid closed: boot time and wall time move, monotonic does not
  EXPECT_EQ(clock->monotonic_ms(), mono);
  const std::string after = client.get(key)->token;
  EXPECT_NE(after, before);
  EXPECT_EQ(token::decode(after).v007.issue_ts, clock->unix_ms() / 1000);
  EXPECT_EQ(wait_event(client, EventType::refreshed).token, before);
}

TEST_F(ClientTest, WallClockJumpsCannotExtendOrKeepAToken) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const std::string t1 = client.get(key)->token;
  // Wall clock set back 2 h: boot time still expires the token on schedule.
  clock->jump_wall(-2h);
  settle();
  EXPECT_EQ(client.get(key, 0ms)->token, t1);
  clock->advance(3601s);
  const std::string t2 = client.get(key)->token;
  EXPECT_NE(t2, t1);
  // Wall clock jumps forward past the deadline (boot time did not move): not served either.
  clock->jump_wall(2h);
  const std::string t3 = client.get(key)->token;
  EXPECT_NE(t3, t2);
}

class Skew : public ClientTest, public ::testing::WithParamInterface<int64_t> {};

TEST_P(Skew, ServerClockTwoHoursOffIsCorrected) {
  const int64_t offset_s = GetParam();
  auto fetcher = ScriptedFetcher::fresh_tokens(clock, 3600, offset_s);
  TokenClient client(config_for(fetcher));
  const int64_t t0 = clock->boot_ms();
  const CachedToken t = *client.get(key);
  EXPECT_EQ(t.skew_ms, offset_s * 1000);
  EXPECT_EQ(t.expires_at, clock->unix_ms() / 1000 + offset_s + 3600);
  EXPECT_EQ(t.local_deadline_unix_ms, clock->unix_ms() + 3'600'000 - kResolutionMs);
  settle();
  advance(3'298'999ms);
  EXPECT_TRUE(fetcher->no_call_beyond(1));
  EXPECT_EQ(client.get(key, 0ms)->token, t.token);
  clock->advance(1ms);
  ASSERT_TRUE(fetcher->await_calls(2));
  EXPECT_EQ(fetcher->call_boot_ms()[1], t0 + 3'299'000);
}

INSTANTIATE_TEST_SUITE_P(PlusMinusTwoHours, Skew, ::testing::Values(int64_t{7200}, int64_t{-7200}));

TEST_F(ClientTest, BackgroundRefreshAndOnDemandGetCoalesce) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  client.get(key);
  settle();
  fetcher->close_gate();
  advance(3300s); // background refresh starts and hangs in the server
  ASSERT_TRUE(fetcher->await_calls(2));
  EXPECT_EQ(token::decode(client.get(key, 0ms)->token).v007.salt, 1u); // still valid: served at once
  clock->advance(301s); // the old token expires while the refresh is still in flight
  std::string got;
  std::thread t([&] { got = client.get(key, 60s)->token; });
  ASSERT_TRUE(clock->await_waiters(2)); // the caller joined the flight instead of fetching
  EXPECT_EQ(fetcher->calls(), 2);
  fetcher->open_gate();
  t.join();
  EXPECT_EQ(fetcher->calls(), 2);
  EXPECT_EQ(token::decode(got).v007.salt, 2u); // the background fetch's token
}

} // namespace
} // namespace eduauth::test
