// The lock-free read path of TokenClient::get() (sdk/src/client/read_cache.hpp): a thread's
// memoised token is served only while nothing changed and it is valid, never across clients,
// and never after the token was replaced, invalidated, forgotten or the client closed.
#include <thread>

#include "client_fixture.hpp"

namespace eduauth::test {
namespace {

using namespace std::chrono_literals;

TEST_F(ClientTest, ReadPathReturnsTheSameSharedTokenWithoutAFetch) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const TokenPtr a = client.get(key);
  const TokenPtr b = client.get(key); // memoised hit
  const TokenPtr c = client.get(key);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(b.get(), a.get()); // the very same immutable object, not a copy
  EXPECT_EQ(c.get(), a.get());
  EXPECT_EQ(fetcher->calls(), 1);
}

TEST_F(ClientTest, ReadPathKeepsTwoClientsApartOnOneThread) {
  // Same key, same thread, two clients with different token servers: each gets its own.
  auto f1 = ScriptedFetcher::fresh_tokens(clock);
  auto f2 = ScriptedFetcher::fresh_tokens(clock, 7200);
  TokenClient c1(config_for(f1));
  TokenClient c2(config_for(f2));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(c1.get(key)->decoded.v007.expire, 3600u);
    EXPECT_EQ(c2.get(key)->decoded.v007.expire, 7200u);
  }
  EXPECT_EQ(f1->calls(), 1);
  EXPECT_EQ(f2->calls(), 1);
}

TEST_F(ClientTest, ReadPathSeesARefreshMadeOnAnotherThread) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const std::string first = client.get(key)->token; // memoised on this thread
  settle();
  advance(3300s); // the scheduler refreshes at expiry - 300 s, on its own thread
  const Event ev = wait_event(client, EventType::refreshed);
  const Event ev2 = wait_event(client, EventType::refreshed);
  EXPECT_EQ(ev.token, first);
  EXPECT_EQ(client.get(key, 0ms)->token, ev2.token);
  EXPECT_NE(ev2.token, first);
}

TEST_F(ClientTest, ReadPathNeverServesPastTheDeadlineEvenWithoutAnyChange) {
  // Refresh keeps failing, so nothing changes in the client: only the deadline check on
  // every hit stops the memoised token.
  auto *c = clock.get();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [c](const TokenKey &k, int n) {
    if (n > 1) return error_result(Errc::network, 0, "connection refused");
    const int64_t now_ms = c->unix_ms();
    return ok_result(room_user_token(k, now_ms / 1000, 3600), now_ms, now_ms / 1000);
  });
  auto cfg = config_for(fetcher);
  cfg.backoff_initial = 3'600'000ms;
  cfg.backoff_max = 3'600'000ms;
  cfg.will_expire_lead = 0s;
  TokenClient client(cfg);
  const std::string tok = client.get(key)->token;
  EXPECT_EQ(client.get(key, 0ms)->token, tok);
  clock->advance(std::chrono::milliseconds(3'600'000 - kResolutionMs - 1));
  EXPECT_EQ(client.get(key, 0ms)->token, tok); // last millisecond
  clock->advance(1ms);
  std::string message;
  EXPECT_NE(code_of([&] { (void)client.get(key, 10s); }, &message), Errc::ok);
}

TEST_F(ClientTest, ReadPathDropsAnInvalidatedOrForgottenToken) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const std::string t1 = client.get(key)->token;
  ASSERT_TRUE(client.invalidate(key, t1));
  const std::string t2 = client.get(key)->token;
  EXPECT_NE(t2, t1);
  client.forget(key);
  const std::string t3 = client.get(key)->token;
  EXPECT_NE(t3, t2);
  EXPECT_EQ(fetcher->calls(), 3);
}

TEST_F(ClientTest, ReadPathStopsAtClose) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  (void)client.get(key);
  (void)client.get(key);
  client.close();
  EXPECT_EQ(code_of([&] { (void)client.get(key); }), Errc::closed);
}

TEST_F(ClientTest, ReadPathServesEachThreadTheCurrentToken) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const TokenPtr mine = client.get(key);
  TokenPtr theirs;
  std::thread([&] { theirs = client.get(key); }).join();
  // Another thread's memo has its own reference count but the same token object.
  EXPECT_EQ(theirs.get(), mine.get());
  EXPECT_EQ(fetcher->calls(), 1);
}

} // namespace
} // namespace eduauth::test
