// Key strings are checked on entry (UTF-8, <= 65535 bytes, no NUL): bad ones are
// Errc::invalid_argument naming the field and offset, and no fetch is ever scheduled.
// Log messages reach the sink as one line whatever the key holds.
#include <mutex>
#include <vector>

#include "client_fixture.hpp"
#include "eduauth/log.hpp"

namespace eduauth::test {
namespace {

TEST_F(ClientTest, InvalidUtf8OrNulInAKeyIsInvalidArgumentAndNeverFetched) {
  auto fetcher = ScriptedFetcher::fresh_tokens(clock);
  TokenClient client(config_for(fetcher));
  struct Case {
    TokenKey key;
    std::string needle;
  } cases[] = {
      {key_of("X", "\xff", 1), "TokenKey.user_uuid is not valid UTF-8: byte 0xff at offset 0"},
      {key_of("ab\xc3", "u", 1), "TokenKey.room_uuid is not valid UTF-8: byte 0xc3 at offset 2"},
      {key_of("X", std::string("u\0v", 3), 1), "TokenKey.user_uuid contains a NUL byte at offset 1: \"u\\x00v\""},
      {key_of(std::string(65536, 'r'), "u", 1), "TokenKey.room_uuid is 65536 bytes, more than 65535"},
  };
  for (const auto &c : cases) {
    std::string msg;
    EXPECT_EQ(code_of([&] { client.get(c.key); }, &msg), Errc::invalid_argument);
    EXPECT_NE(msg.find(c.needle), std::string::npos) << msg;
    EXPECT_EQ(code_of([&] { client.prefetch(c.key); }), Errc::invalid_argument);
    EXPECT_EQ(code_of([&] { client.get_async(c.key, [](const TokenResult &) {}); }), Errc::invalid_argument);
  }
  EXPECT_EQ(fetcher->calls(), 0);
}

TEST_F(ClientTest, LogLinesEscapeNewlinesFromKeyValues) {
  auto lines = std::make_shared<std::vector<std::string>>();
  auto mu = std::make_shared<std::mutex>();
  set_log_sink(LogLevel::debug, [lines, mu](LogLevel, std::string_view, std::string_view text) {
    std::lock_guard<std::mutex> lk(*mu);
    lines->push_back(std::string(text));
  });
  {
    TokenClient client(config_for(ScriptedFetcher::fresh_tokens(clock)));
    client.get(key_of("a\nb\r\nFAKE", "u", 1));
  }
  set_log_sink(LogLevel::off, nullptr);
  std::lock_guard<std::mutex> lk(*mu);
  bool seen = false;
  for (const auto &l : *lines) {
    EXPECT_EQ(l.find_first_of("\r\n"), std::string::npos) << l;
    if (l.find("room \"a\\nb\\r\\nFAKE\"") != std::string::npos) seen = true;
  }
  EXPECT_TRUE(seen);
}

} // namespace
} // namespace eduauth::test
