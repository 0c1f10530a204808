// A fetched token must be for the key's user in every user-bearing service (RTM, RTM2, Chat,
// APaaS; 006 RTM via the channel CRC), else Errc::token_mismatch naming field and values.
#include <gtest/gtest.h>

#include <zlib.h>

#include "client_test_support.hpp"
#include "eduauth/log.hpp"
#include "fetched_token.hpp"

namespace eduauth::client_detail {
namespace {

using test::key_of;
using test::ok_result;

constexpr int64_t kNowS = 1'700'000'000;
constexpr Receipt kReceipt{kNowS * 1000, 0};

std::string token007(std::vector<token::Service> services) {
  token::AccessToken2 t;
  t.app_id = test::kAppId;
  t.issue_ts = static_cast<uint32_t>(kNowS);
  t.expire = 3600;
  t.salt = 7;
  t.services = std::move(services);
  return token::build(t, test::kCert);
}

token::Service apaas(const std::string &room, const std::string &user, int16_t role) {
  return token::Service::apaas(room, user, role).add_privilege(token::privilege::kRoomUser, 3600);
}
token::Service rtm(const std::string &user) {
  return token::Service::rtm(user).add_privilege(token::privilege::kLogin, 3600);
}
token::Service chat(const std::string &user) {
  return token::Service::chat(user).add_privilege(token::privilege::kChatUser, 3600);
}

// Errc::token_mismatch message, or "" (with a failure) when the token was accepted.
std::string mismatch_of(const std::string &tok, const TokenKey &key) {
  try {
    accept_fetched_token(ok_result(tok, kReceipt.unix_ms, kNowS), key, {}, kReceipt);
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::token_mismatch) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "token was accepted";
  return "";
}

const TokenKey kKey = key_of("X", "u", 1);

TEST(FetchedTokenUser, RtmOnlyTokenForAnotherUserIsAMismatch) {
  const auto msg = mismatch_of(token007({rtm("evil")}), kKey);
  EXPECT_NE(msg.find("RTM user_id: asked \"u\", token has \"evil\""), std::string::npos) << msg;
}

TEST(FetchedTokenUser, ChatOnlyTokenCarriesNoServiceForTheUser) {
  const auto msg = mismatch_of(token007({chat(token::chat_user_id("u"))}), kKey);
  EXPECT_NE(msg.find("carries no service for user \"u\""), std::string::npos) << msg;
}

TEST(FetchedTokenUser, CorrectApaasWithAnotherUsersRtmLoginIsAMismatch) {
  const auto msg = mismatch_of(token007({apaas("X", "u", 1), rtm("evil")}), kKey);
  EXPECT_NE(msg.find("RTM user_id: asked \"u\", token has \"evil\""), std::string::npos) << msg;
}

TEST(FetchedTokenUser, Rtm2AndChatForAnotherUserAreMismatches) {
  auto msg = mismatch_of(token007({apaas("X", "u", 1), token::Service::rtm2("evil").add_privilege(1, 0)}), kKey);
  EXPECT_NE(msg.find("RTM2 user_id: asked \"u\", token has \"evil\""), std::string::npos) << msg;
  msg = mismatch_of(token007({apaas("X", "u", 1), chat(token::chat_user_id("evil"))}), kKey);
  EXPECT_NE(msg.find("Chat user_id: asked \"" + token::chat_user_id("u") + "\" (MD5 of \"u\"), token has \"" +
                     token::chat_user_id("evil") + "\""),
            std::string::npos)
      << msg;
}

TEST(FetchedTokenUser, MatchingUserServicesAreAccepted) {
  for (const auto &services : std::vector<std::vector<token::Service>>{
           {apaas("X", "u", 1), rtm("u"), chat(token::chat_user_id("u"))},
           {rtm("u"), chat("u")},
           {token::Service::rtm2("u").add_privilege(1, 0)},
           {token::Service::rtc("ch", "u").add_privilege(token::privilege::kJoinChannel, 0)}}) {
    const auto a = accept_fetched_token(ok_result(token007(services), kReceipt.unix_ms, kNowS), kKey, {}, kReceipt);
    EXPECT_EQ(a.token.expires_at, kNowS + 3600);
  }
}

TEST(FetchedTokenUser, KeyWithoutUserSkipsTheUserChecks) {
  const auto a = accept_fetched_token(ok_result(token007({rtm("evil")}), kReceipt.unix_ms, kNowS),
                                      key_of("X", "", 1), {}, kReceipt);
  EXPECT_EQ(a.lifetime_s, 3600);
}

std::string token006(const std::string &channel, bool rtm_login) {
  token::AccessToken006 t;
  t.app_id = test::kAppId;
  t.salt = 1;
  t.ts = static_cast<uint32_t>(kNowS + 3600);
  if (rtm_login)
    t.privileges[token::privilege::k006RtmLogin] = 0;
  else
    t.privileges[token::privilege::k006JoinChannel] = 0;
  return token::build(t, test::kCert, channel, "");
}

TEST(FetchedTokenUser, Rtm006MustBeSignedForTheUsersAccount) {
  const auto crc = [](const std::string &s) {
    return std::to_string(crc32(0L, reinterpret_cast<const Bytef *>(s.data()), static_cast<uInt>(s.size())));
  };
  const auto msg = mismatch_of(token006("evil", true), kKey);
  EXPECT_NE(msg.find("006 RTM crc_channel_name: asked " + crc("u") + " (CRC-32 of \"u\"), token has " + crc("evil")),
            std::string::npos)
      << msg;
  EXPECT_NO_THROW(accept_fetched_token(ok_result(token006("u", true), kReceipt.unix_ms, std::nullopt), kKey, {},
                                       kReceipt));
  EXPECT_NO_THROW(accept_fetched_token(ok_result(token006("room", false), kReceipt.unix_ms, std::nullopt), kKey, {},
                                       kReceipt));
}

TEST(FetchedTokenUser, MismatchMessagesEscapeNulAndNewlines) {
  const std::string evil("ev\0il\n", 6);
  const auto msg = mismatch_of(token007({rtm(evil)}), kKey);
  EXPECT_NE(msg.find("token has \"ev\\x00il\\n\""), std::string::npos) << msg;
  EXPECT_EQ(msg.find('\0'), std::string::npos);
  EXPECT_EQ(msg.find('\n'), std::string::npos);
}

TEST(EscapeText, ControlBytesAndInvalidUtf8BecomeEscapes) {
  EXPECT_EQ(escape_text(std::string("a\nb\r\nFAKE\t\0\x7f", 12)), "a\\nb\\r\\nFAKE\\t\\x00\\x7f");
  EXPECT_EQ(escape_text("\xff\xc3(\xe2\x82"), "\\xff\\xc3(\\xe2\\x82");
  EXPECT_EQ(escape_text("caf\xc3\xa9 \xf0\x9f\x98\x80"), "caf\xc3\xa9 \xf0\x9f\x98\x80");
  EXPECT_EQ(escape_text("\xed\xa0\x80"), "\\xed\\xa0\\x80"); // surrogate
  EXPECT_EQ(utf8_error_offset("ok\xc3\xa9\xff"), 4u);
  EXPECT_EQ(utf8_error_offset("ok"), std::string_view::npos);
}

} // namespace
} // namespace eduauth::client_detail
