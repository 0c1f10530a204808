// ClientConfig validation, token consistency through the client, and the log sink
// (fingerprints only, never tokens).
#include <mutex>
#include <vector>

#include "client_fixture.hpp"
#include "eduauth/log.hpp"

namespace eduauth::test {
namespace {

using namespace std::chrono_literals;

TEST_F(ClientTest, InvalidConfigIsRefusedNamingTheField) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  struct Case {
    std::function<void(ClientConfig &)> edit;
    std::string needle;
  } cases[] = {
      {[](ClientConfig &c) { c.fetcher.reset(); }, "ClientConfig.fetcher is null"},
      {[](ClientConfig &c) { c.app_id = "not-an-app-id"; }, "ClientConfig.app_id \"not-an-app-id\""},
      {[](ClientConfig &c) { c.refresh_margin_fraction = 1.5; }, "refresh_margin_fraction 1.5"},
      {[](ClientConfig &c) { c.refresh_jitter_fraction = -0.1; }, "refresh_jitter_fraction -0.1"},
      {[](ClientConfig &c) { c.refresh_margin = -1s; }, "refresh_margin -1 s"},
      {[](ClientConfig &c) { c.backoff_initial = 0ms; }, "backoff_initial 0 ms"},
      {[](ClientConfig &c) { c.backoff_max = 500ms; }, "backoff_max 500 ms is below backoff_initial 1000 ms"},
      {[](ClientConfig &c) { c.reauth_cooldown = -5s; }, "reauth_cooldown -5 s"},
      {[](ClientConfig &c) { c.default_timeout = -1ms; }, "default_timeout -1 ms"},
  };
  for (const auto &c : cases) {
    ClientConfig cfg = config_for(fetcher);
    c.edit(cfg);
    std::string message;
    EXPECT_EQ(code_of([&] { TokenClient client(cfg); }, &message), Errc::invalid_argument) << c.needle;
    EXPECT_NE(message.find(c.needle), std::string::npos) << message;
  }
}

TEST_F(ClientTest, WrongAppIdFromTheServerIsAMismatchNamingBothIds) {
  auto cfg = config_for(ScriptedFetcher::fresh_tokens(clock));
  cfg.app_id = "0123456789abcdef0123456789abcdef";
  TokenClient client(cfg);
  std::string message;
  EXPECT_EQ(code_of([&] { client.get(key); }, &message), Errc::token_mismatch);
  EXPECT_NE(message.find("0123456789abcdef0123456789abcdef"), std::string::npos) << message;
  EXPECT_NE(message.find(kAppId), std::string::npos) << message;
}

TEST_F(ClientTest, TokenForAnotherUserRoomOrRoleIsRefusedAndBacksOff) {
  auto *c = clock.get();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [c](const TokenKey &k, int) {
    TokenKey other = k;
    other.role = 1; // the server mints a teacher token for a student
    return ok_result(room_user_token(other, c->unix_ms() / 1000, 3600), c->unix_ms(), c->unix_ms() / 1000);
  });
  TokenClient client(config_for(fetcher));
  std::string message;
  EXPECT_EQ(code_of([&] { client.get(key); }, &message), Errc::token_mismatch);
  EXPECT_NE(message.find("role: asked 2, token has 1"), std::string::npos) << message;
  const Event ev = wait_event(client, EventType::refresh_failed);
  EXPECT_EQ(ev.status, Errc::token_mismatch);
  settle();
  advance(499ms); // a bad token is not transient: the retry waits at least half of the 1 s window
  EXPECT_TRUE(fetcher->no_call_beyond(1));
}

TEST_F(ClientTest, LogsCarryFingerprintsNeverTokens) {
  struct Line {
    LogLevel level;
    std::string component, text;
  };
  auto lines = std::make_shared<std::vector<Line>>();
  auto mu = std::make_shared<std::mutex>();
  set_log_sink(LogLevel::debug, [lines, mu](LogLevel level, std::string_view component, std::string_view text) {
    std::lock_guard<std::mutex> lk(*mu);
    lines->push_back({level, std::string(component), std::string(text)});
  });
  auto *c = clock.get();
  auto fetcher = std::make_shared<ScriptedFetcher>(clock, [c](const TokenKey &k, int n) {
    if (n == 2) return error_result(Errc::http_status, 503, "HTTP 503", 7);
    return ok_result(room_user_token(k, c->unix_ms() / 1000, 3600, kAppId, static_cast<uint32_t>(n)), c->unix_ms(),
                     c->unix_ms() / 1000);
  });
  std::string tok;
  {
    TokenClient client(config_for(fetcher));
    tok = client.get(key)->token;
    settle();
    advance(3300s);
    ASSERT_TRUE(fetcher->await_calls(2));
    wait_event(client, EventType::refresh_failed);
  }
  set_log_sink(LogLevel::off, nullptr);
  std::lock_guard<std::mutex> lk(*mu);
  bool installed = false, backoff = false, fetching = false;
  for (const auto &l : *lines) {
    EXPECT_EQ(l.text.find(tok), std::string::npos) << "token leaked into a log line";
    EXPECT_EQ(l.text.find(tok.substr(3, 40)), std::string::npos) << "token leaked into a log line";
    if (l.component != "client") continue;
    installed |= l.level == LogLevel::info && l.text.find("installed token " + token::fingerprint(tok)) != std::string::npos;
    backoff |= l.level == LogLevel::warn && l.text.find("retry in 7000 ms (Retry-After 7 s)") != std::string::npos;
    fetching |= l.level == LogLevel::debug && l.text.find("fetching token for room \"room-1\"") != std::string::npos;
  }
  EXPECT_TRUE(installed);
  EXPECT_TRUE(backoff);
  EXPECT_TRUE(fetching);
}

TEST(LogSink, ThresholdFiltersAndOffDisables) {
  std::vector<std::string> got;
  set_log_sink(LogLevel::warn, [&](LogLevel level, std::string_view, std::string_view text) {
    got.push_back(std::string(log_level_name(level)) + ":" + std::string(text));
  });
  EXPECT_TRUE(log_enabled(LogLevel::error));
  EXPECT_TRUE(log_enabled(LogLevel::warn));
  EXPECT_FALSE(log_enabled(LogLevel::info));
  log_write(LogLevel::error, "t", "a");
  log_write(LogLevel::warn, "t", "b");
  log_write(LogLevel::info, "t", "c");
  log_write(LogLevel::debug, "t", "d");
  set_log_sink(LogLevel::debug, [](LogLevel, std::string_view, std::string_view) { throw std::runtime_error("x"); });
  EXPECT_NO_THROW(log_write(LogLevel::debug, "t", "swallowed"));
  set_log_sink(LogLevel::off, nullptr);
  EXPECT_FALSE(log_enabled(LogLevel::error));
  log_write(LogLevel::error, "t", "e");
  EXPECT_EQ(got, (std::vector<std::string>{"error:a", "warn:b"}));
}

TEST(EventNames, AreStable) {
  EXPECT_STREQ(event_type_name(EventType::refreshed), "refreshed");
  EXPECT_STREQ(event_type_name(EventType::will_expire), "will_expire");
  EXPECT_STREQ(event_type_name(EventType::refresh_failed), "refresh_failed");
  EXPECT_STREQ(event_type_name(EventType::expired), "expired");
  EXPECT_STREQ(event_type_name(EventType::reauth_required), "reauth_required");
}

} // namespace
} // namespace eduauth::test
