// TokenClient cache and single-flight (C-10): one fetch per cold key however many callers,
// shared errors, independent keys, waiter timeouts, close() during a fetch.
#include <atomic>
#include <thread>
#include <vector>

#include "client_fixture.hpp"

namespace eduauth::test {
namespace {

using namespace std::chrono_literals;

TEST_F(ClientTest, GetFetchesOnceThenServesTheCachedToken) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const CachedToken a = *client.get(key);
  const CachedToken b = *client.get(key);
  EXPECT_EQ(fetcher->calls(), 1);
  EXPECT_EQ(a.token, b.token);
  EXPECT_EQ(a.expires_at, clock->unix_ms() / 1000 + 3600);
  EXPECT_EQ(a.local_deadline_boot_ms, clock->boot_ms() + 3'600'000 - kResolutionMs);
  EXPECT_EQ(a.local_deadline_unix_ms, clock->unix_ms() + 3'600'000 - kResolutionMs);
  EXPECT_EQ(a.fingerprint, token::fingerprint(a.token));
  EXPECT_EQ(a.decoded.v007.services.size(), 3u); // APaaS + RTM + Chat
  const Event ev = wait_event(client, EventType::refreshed);
  EXPECT_EQ(ev.key, key);
  EXPECT_EQ(ev.fingerprint, a.fingerprint);
  EXPECT_EQ(ev.token, a.token);
  EXPECT_EQ(ev.expires_at, a.expires_at);
}

TEST_F(ClientTest, AnUnlimitedTimeoutDoesNotOverflow) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  EXPECT_FALSE(client.get(key, std::chrono::milliseconds::max())->token.empty());
  EXPECT_EQ(code_of([&] { client.get(key_of("r", "u"), std::chrono::milliseconds(-5)); }), Errc::timeout);
}

TEST_F(ClientTest, EventsCanLeaveTheTokenOut) {
  auto cfg = config_for(ScriptedFetcher::fresh_tokens(clock));
  cfg.events_carry_token = false;
  TokenClient client(cfg);
  const CachedToken t = *client.get(key);
  const Event ev = wait_event(client, EventType::refreshed);
  EXPECT_EQ(ev.token, "");
  EXPECT_EQ(ev.fingerprint, t.fingerprint);
}

class Stampede : public ClientTest, public ::testing::WithParamInterface<int> {};

TEST_P(Stampede, C10_ManyThreadsOnAColdKeyMakeExactlyOneFetch) {
  const int threads = GetParam();
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  fetcher->close_gate(); // the server "takes 300 ms": every caller arrives during the fetch
  TokenClient client(config_for(fetcher));
  std::vector<std::string> got(static_cast<size_t>(threads));
  std::vector<std::thread> ts;
  for (int i = 0; i < threads; ++i) ts.emplace_back([&, i] { got[static_cast<size_t>(i)] = client.get(key, 60s)->token; });
  ASSERT_TRUE(fetcher->await_calls(1));
  ASSERT_TRUE(clock->await_waiters(static_cast<size_t>(threads) + 1)); // all callers + the scheduler wait
  fetcher->open_gate();
  for (auto &t : ts) t.join();
  EXPECT_EQ(fetcher->calls(), 1);
  for (const auto &g : got) ASSERT_EQ(g, got[0]);
  EXPECT_FALSE(got[0].empty());
}

TEST_P(Stampede, C10_AFailedSharedFetchGivesEveryoneTheSameErrorAndTheNextCallOneAttempt) {
  const int threads = GetParam();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [](const TokenKey &, int) {
    return error_result(Errc::http_status, 503, "HTTP 503 from /fetch_education_token");
  });
  fetcher->close_gate();
  TokenClient client(config_for(fetcher));
  std::vector<Errc> codes(static_cast<size_t>(threads), Errc::ok);
  std::vector<std::string> messages(static_cast<size_t>(threads));
  std::vector<std::thread> ts;
  for (int i = 0; i < threads; ++i)
    ts.emplace_back([&, i] {
      codes[static_cast<size_t>(i)] = code_of([&] { client.get(key, 60s); }, &messages[static_cast<size_t>(i)]);
    });
  ASSERT_TRUE(fetcher->await_calls(1));
  ASSERT_TRUE(clock->await_waiters(static_cast<size_t>(threads) + 1));
  fetcher->open_gate();
  for (auto &t : ts) t.join();
  EXPECT_EQ(fetcher->calls(), 1);
  for (size_t i = 0; i < codes.size(); ++i) {
    ASSERT_EQ(codes[i], Errc::http_status);
    ASSERT_EQ(messages[i], "HTTP 503 from /fetch_education_token");
  }
  EXPECT_EQ(code_of([&] { client.get(key, 60s); }), Errc::http_status);
  EXPECT_EQ(fetcher->calls(), 2); // the next call: exactly one new attempt
}

INSTANTIATE_TEST_SUITE_P(Threads, Stampede, ::testing::Values(32, 64));

TEST_F(ClientTest, C10_DifferentKeysFetchInParallel) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  fetcher->close_gate();
  TokenClient client(config_for(fetcher));
  const TokenKey k2 = key_of("room-1", "bob", 2);
  std::string a, b;
  std::thread ta([&] { a = client.get(key, 60s)->token; });
  std::thread tb([&] { b = client.get(k2, 60s)->token; });
  ASSERT_TRUE(fetcher->await_calls(2)); // both fetches are inside the fetcher at once
  EXPECT_EQ(fetcher->in_fetch(), 2);
  fetcher->open_gate();
  ta.join();
  tb.join();
  EXPECT_EQ(fetcher->calls_for(key), 1);
  EXPECT_EQ(fetcher->calls_for(k2), 1);
  auto apaas_user = [](const std::string &t) {
    for (const auto &s : token::decode(t).v007.services)
      if (s.type == static_cast<uint16_t>(token::ServiceType::apaas)) return s.user_uuid;
    return std::string("(no APaaS service)");
  };
  EXPECT_EQ(apaas_user(a), "alice");
  EXPECT_EQ(apaas_user(b), "bob");
}

TEST_F(ClientTest, AWaiterTimesOutWithoutCancellingTheSharedFetch) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  fetcher->close_gate();
  TokenClient client(config_for(fetcher));
  Errc code = Errc::ok;
  std::string message;
  std::thread t([&] { code = code_of([&] { client.get(key, 2000ms); }, &message); });
  ASSERT_TRUE(fetcher->await_calls(1));
  ASSERT_TRUE(clock->await_waiters(2));
  clock->advance(1999ms);
  ASSERT_TRUE(clock->await_waiters(2)); // still waiting at 1999 ms
  clock->advance(1ms);
  t.join();
  EXPECT_EQ(code, Errc::timeout);
  EXPECT_NE(message.find("within 2000 ms"), std::string::npos) << message;
  fetcher->open_gate(); // the fetch was not cancelled: it completes and is cached
  wait_event(client, EventType::refreshed);
  EXPECT_NO_THROW(client.get(key, 0ms));
  EXPECT_EQ(fetcher->calls(), 1);
}

TEST_F(ClientTest, CloseDuringAFetchWakesEveryoneAndNoCallbackRunsAfterIt) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  fetcher->close_gate();
  std::atomic<int> callbacks{0};
  std::atomic<bool> closed_returned{false};
  std::atomic<bool> late_callback{false};
  auto cfg = config_for(fetcher);
  cfg.close_grace = 50ms; // the fetcher stays blocked: close() must not wait for it
  cfg.on_event = [&](const Event &) {
    ++callbacks;
    if (closed_returned) late_callback = true;
  };
  auto client = std::make_unique<TokenClient>(cfg);
  Errc blocked = Errc::ok;
  std::thread t([&] { blocked = code_of([&] { client->get(key, 60s); }); });
  TokenResult async_result;
  client->get_async(key, [&](const TokenResult &r) {
    ++callbacks;
    if (closed_returned) late_callback = true;
    async_result = r;
  });
  ASSERT_TRUE(fetcher->await_calls(1));
  ASSERT_TRUE(clock->await_waiters(2));
  client->close();
  closed_returned = true;
  t.join();
  EXPECT_EQ(blocked, Errc::closed);
  EXPECT_EQ(async_result.status, Errc::closed); // delivered before close() returned
  EXPECT_EQ(callbacks.load(), 1);
  client->close(); // idempotent
  EXPECT_EQ(code_of([&] { client->get(key); }), Errc::closed);
  EXPECT_EQ(code_of([&] { client->prefetch(key); }), Errc::closed);
  EXPECT_EQ(code_of([&] { client->get_async(key, [](const TokenResult &) {}); }), Errc::closed);
  client.reset();
  fetcher->open_gate(); // the abandoned fetch finishes; its result goes nowhere
  ASSERT_TRUE(fetcher->await_completed(1));
  // The detached fetch thread owns the client state until it ends: wait until it let go of
  // the fetcher, so no thread of this test runs on into later tests or process exit (a
  // suspect for a TSan allocator CHECK failure seen once under load).
  cfg = ClientConfig{}; // holds the fetcher too
  for (int i = 0; i < 1000 && fetcher.use_count() > 1; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(fetcher.use_count(), 1);
  EXPECT_FALSE(late_callback.load());
  EXPECT_EQ(callbacks.load(), 1);
}

TEST_F(ClientTest, GetAsyncDeliversOnTheDispatcherThread) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  std::mutex mu;
  std::condition_variable cv;
  std::vector<TokenResult> results;
  std::vector<std::thread::id> threads;
  auto cb = [&](const TokenResult &r) {
    std::lock_guard<std::mutex> lk(mu);
    results.push_back(r);
    threads.push_back(std::this_thread::get_id());
    cv.notify_all();
  };
  client.get_async(key, cb); // cold: fetches
  {
    std::unique_lock<std::mutex> lk(mu);
    ASSERT_TRUE(cv.wait_for(lk, 10s, [&] { return results.size() == 1; }));
  }
  client.get_async(key, cb); // cached: still asynchronous, same thread
  std::unique_lock<std::mutex> lk(mu);
  ASSERT_TRUE(cv.wait_for(lk, 10s, [&] { return results.size() == 2; }));
  EXPECT_TRUE(results[0].ok());
  EXPECT_EQ(results[0].token->token, results[1].token->token);
  EXPECT_EQ(threads[0], threads[1]);
  EXPECT_NE(threads[0], std::this_thread::get_id());
  EXPECT_EQ(fetcher->calls(), 1);
}

TEST_F(ClientTest, CallbacksMayCallBackIntoTheClient) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  std::atomic<TokenClient *> self{nullptr};
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> seen;
  const TokenKey other = key_of("room-1", "bob", 2);
  auto cfg = config_for(fetcher);
  cfg.on_event = [&](const Event &ev) {
    if (ev.type != EventType::refreshed || !(ev.key == key)) return;
    TokenClient *c = self.load();
    // Re-entry from the dispatcher thread: a cached get, a blocking cold get on another
    // key, an invalidate of a stale token. None may deadlock.
    const std::string cached = c->get(key)->token;
    const std::string cold = c->get(other)->token;
    const bool dropped = c->invalidate(key, "007-not-the-current-token");
    std::lock_guard<std::mutex> lk(mu);
    seen.push_back(cached == ev.token && !cold.empty() && !dropped ? "ok" : "bad");
    cv.notify_all();
  };
  TokenClient client(cfg);
  self = &client;
  client.get(key);
  std::unique_lock<std::mutex> lk(mu);
  ASSERT_TRUE(cv.wait_for(lk, 10s, [&] { return !seen.empty(); }));
  EXPECT_EQ(seen[0], "ok");
  EXPECT_EQ(fetcher->calls_for(other), 1);
}

TEST_F(ClientTest, ACallbackMayCloseTheClient) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  std::atomic<TokenClient *> self{nullptr};
  std::atomic<int> after_close{0};
  std::atomic<bool> closed{false};
  std::mutex mu;
  std::condition_variable cv;
  auto cfg = config_for(fetcher);
  cfg.on_event = [&](const Event &) {
    if (closed) {
      ++after_close;
      return;
    }
    self.load()->close(); // from the dispatcher thread: must not join itself
    std::lock_guard<std::mutex> lk(mu);
    closed = true;
    cv.notify_all();
  };
  TokenClient client(cfg);
  self = &client;
  code_of([&] { client.get(key); }); // the callback may close the client before get() returns
  code_of([&] { client.get(key_of("room-1", "bob", 2)); }); // may already see the client closed
  std::unique_lock<std::mutex> lk(mu);
  ASSERT_TRUE(cv.wait_for(lk, 10s, [&] { return closed.load(); }));
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::closed);
  client.close();
  EXPECT_LE(after_close.load(), 1); // only what was queued before close() ran, inline
}

TEST_F(ClientTest, PollQueueIsBoundedAndCountsDroppedEvents) {
  auto cfg = config_for(ScriptedFetcher::fresh_tokens(clock));
  cfg.event_queue_capacity = 3;
  TokenClient client(cfg);
  for (int i = 0; i < 5; ++i) client.get(key_of("room-1", "user" + std::to_string(i), 2));
  // Oldest dropped first: users 2, 3, 4 remain, in order.
  for (int i = 2; i < 5; ++i) {
    auto ev = client.next_event(0ms);
    ASSERT_TRUE(ev.has_value());
    EXPECT_EQ(ev->type, EventType::refreshed);
    EXPECT_EQ(ev->key.user_uuid, "user" + std::to_string(i));
  }
  EXPECT_FALSE(client.next_event(0ms).has_value());
  EXPECT_EQ(client.dropped_events(), 2u);
}

TEST_F(ClientTest, PrefetchFillsTheCacheInTheBackground) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  client.prefetch(key);
  client.prefetch(key); // coalesced with the first
  wait_event(client, EventType::refreshed);
  client.get(key, 0ms);
  EXPECT_EQ(fetcher->calls(), 1);
}

TEST_F(ClientTest, ForgetDropsTheKeyAndItsRefreshes) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  client.get(key);
  client.forget(key);
  clock->advance(std::chrono::hours(2)); // past refresh and expiry: nothing scheduled any more
  settle();
  EXPECT_TRUE(fetcher->no_call_beyond(1));
  client.get(key);
  EXPECT_EQ(fetcher->calls(), 2);
}

} // namespace
} // namespace eduauth::test
