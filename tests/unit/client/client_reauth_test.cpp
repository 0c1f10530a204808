// C-11: 401/403 from the token server mean "sign in again": one attempt per request, a
// distinct outcome, a cool-down without network traffic, no background retry loop; a
// token rejected downstream is refetched once at most, then token_rejected.
#include "client_fixture.hpp"

namespace eduauth::test {
namespace {

using namespace std::chrono_literals;

class Reauth : public ClientTest, public ::testing::WithParamInterface<int> {};

TEST_P(Reauth, C11_AnsweredByOneAttemptAndACoolDownWithoutNetwork) {
  const int http = GetParam();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [http](const TokenKey &, int) {
    return error_result(Errc::reauth_required, http, "HTTP " + std::to_string(http) + " from /fetch_education_token");
  });
  auto cfg = config_for(fetcher);
  cfg.reauth_cooldown = 30s;
  TokenClient client(cfg);
  std::string message;
  EXPECT_EQ(code_of([&] { client.get(key); }, &message), Errc::reauth_required);
  EXPECT_EQ(fetcher->calls(), 1);
  const Event ev = wait_event(client, EventType::reauth_required);
  EXPECT_EQ(ev.status, Errc::reauth_required);
  EXPECT_EQ(ev.http_status, http);
  // Within the cool-down: fail fast, no request.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(code_of([&] { client.get(key); }, &message), Errc::reauth_required);
  EXPECT_NE(message.find("no request sent"), std::string::npos) << message;
  EXPECT_EQ(code_of([&] { client.get_async(key, [](const TokenResult &) {}); }), Errc::ok);
  client.prefetch(key);
  settle();
  advance(29'999ms);
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::reauth_required);
  EXPECT_TRUE(fetcher->no_call_beyond(1)); // and the scheduler never retried on its own
  advance(1ms);
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::reauth_required); // one new attempt after the cool-down
  EXPECT_EQ(fetcher->calls(), 2);
  advance(1h);
  EXPECT_TRUE(fetcher->no_call_beyond(2));
}

INSTANTIATE_TEST_SUITE_P(Statuses, Reauth, ::testing::Values(401, 403));

TEST_F(ClientTest, C11_ReauthOnRefreshKeepsTheValidTokenButStopsRetrying) {
  auto *c = clock.get();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [c](const TokenKey &k, int n) {
    if (n > 1) return error_result(Errc::reauth_required, 401, "HTTP 401");
    return ok_result(room_user_token(k, c->unix_ms() / 1000, 3600), c->unix_ms(), c->unix_ms() / 1000);
  });
  TokenClient client(config_for(fetcher));
  const std::string tok = client.get(key)->token;
  settle();
  advance(3299s); // refresh time: 3600 s - 1 s resolution - 300 s margin
  ASSERT_TRUE(fetcher->await_calls(2));
  const Event ev = wait_event(client, EventType::reauth_required);
  EXPECT_EQ(ev.http_status, 401);
  EXPECT_EQ(ev.seconds_left, 300);
  settle();
  EXPECT_EQ(client.get(key, 0ms)->token, tok); // still valid: still served
  advance(299s);
  EXPECT_TRUE(fetcher->no_call_beyond(2));
  advance(1s);
  wait_event(client, EventType::expired);
  // The 30 s cool-down that began at 3299 s is over: this get() makes one new attempt.
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::reauth_required);
  EXPECT_EQ(fetcher->calls(), 3);
}

TEST_F(ClientTest, C11_SecondDownstreamRejectionSurfacesTokenRejected) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  auto cfg = config_for(fetcher);
  cfg.reauth_cooldown = 30s;
  TokenClient client(cfg);
  const std::string t1 = client.get(key)->token;
  EXPECT_FALSE(client.invalidate(key, "007-some-other-token")); // not the current one: ignored
  EXPECT_TRUE(client.invalidate(key, t1));
  const std::string t2 = client.get(key)->token; // refetched once
  EXPECT_NE(t2, t1);
  EXPECT_EQ(fetcher->calls(), 2);
  EXPECT_FALSE(client.invalidate(key, t1)); // stale report about the old token: ignored
  EXPECT_TRUE(client.invalidate(key, t2));
  std::string message;
  EXPECT_EQ(code_of([&] { client.get(key); }, &message), Errc::token_rejected);
  EXPECT_NE(message.find("rejected downstream twice"), std::string::npos) << message;
  EXPECT_EQ(code_of([&] { client.get(key); }), Errc::token_rejected);
  EXPECT_EQ(fetcher->calls(), 2); // no loop
  Event ev = wait_event(client, EventType::reauth_required);
  EXPECT_EQ(ev.status, Errc::token_rejected);
  settle();
  advance(30s); // after the cool-down a fresh cycle starts
  EXPECT_NE(client.get(key)->token, t2);
  EXPECT_EQ(fetcher->calls(), 3);
}

TEST_F(ClientTest, ARejectionAfterANormalRefreshStartsCountingAgain) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  const std::string t1 = client.get(key)->token;
  EXPECT_TRUE(client.invalidate(key, t1));
  const std::string t2 = client.get(key)->token;
  settle();
  advance(3300s); // scheduled refresh: the token is good again
  ASSERT_TRUE(fetcher->await_calls(3));
  wait_event(client, EventType::refreshed);
  wait_event(client, EventType::refreshed);
  const Event third = wait_event(client, EventType::refreshed);
  EXPECT_TRUE(client.invalidate(key, third.token));
  EXPECT_NO_THROW(client.get(key)); // first rejection of this cycle: refetched
  EXPECT_EQ(fetcher->calls(), 4);
}

} // namespace
} // namespace eduauth::test
