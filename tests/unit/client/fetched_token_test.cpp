// Validation of fetched tokens before they are installed: decode, app ID, APaaS room /
// user / role against the key (C-14 style messages), expiry with skew (C-09), expire 0.
#include <gtest/gtest.h>

#include "client_test_support.hpp"
#include "fetched_token.hpp"

namespace eduauth::client_detail {
namespace {

using test::key_of;
using test::ok_result;
using test::room_user_token;

constexpr int64_t kNowS = 1'700'000'000;
constexpr Receipt kReceipt{kNowS * 1000 + 250, 42'000};

Error expect_error(const FetchResult &r, const TokenKey &key, const AcceptPolicy &policy = {}) {
  try {
    accept_fetched_token(r, key, policy, kReceipt);
  } catch (const Error &e) {
    return e;
  }
  ADD_FAILURE() << "token was accepted";
  return Error(Errc::ok, "");
}

// Deadlines lose 1 s to the whole-second resolution of Date and issue_ts (the server's clock
// may have been up to 999 ms past them), so a token is never served past its real expiry.
TEST(FetchedToken, FreshTokenGetsDeadlinesFromReceiptAndAFingerprint) {
  const auto key = key_of("room-1", "alice", 2);
  const std::string tok = room_user_token(key, kNowS, 3600);
  const auto a = accept_fetched_token(ok_result(tok, kReceipt.unix_ms, kNowS), key, {}, kReceipt);
  EXPECT_EQ(a.token.token, tok);
  EXPECT_EQ(a.token.expires_at, kNowS + 3600);
  EXPECT_EQ(a.token.issued_at, kNowS);
  EXPECT_EQ(a.token.local_deadline_boot_ms, 42'000 + 3'599'000);
  EXPECT_EQ(a.token.local_deadline_unix_ms, kReceipt.unix_ms + 3'599'000);
  EXPECT_EQ(a.token.skew_ms, -250); // Date has 1 s resolution
  EXPECT_EQ(a.token.fingerprint, token::fingerprint(tok));
  EXPECT_EQ(a.token.fingerprint.rfind("sha256:", 0), 0u);
  EXPECT_EQ(a.lifetime_s, 3600);
  EXPECT_EQ(a.token.decoded.app_id(), test::kAppId);
}

TEST(FetchedToken, ServerTwoHoursAheadIsCorrectedBySkew) {
  const auto key = key_of("room-1", "alice", 2);
  const int64_t server_now = kNowS + 7200;
  const auto a = accept_fetched_token(ok_result(room_user_token(key, server_now, 3600), kNowS * 1000, server_now),
                                      key, {}, Receipt{kNowS * 1000, 42'000});
  EXPECT_EQ(a.token.skew_ms, 7'200'000);
  EXPECT_EQ(a.token.expires_at, kNowS + 7200 + 3600);
  EXPECT_EQ(a.token.local_deadline_unix_ms, (kNowS + 3600) * 1000 - 1000); // local frame: one hour from now
  EXPECT_EQ(a.token.local_deadline_boot_ms, 42'000 + 3'599'000);
}

TEST(FetchedToken, ServerTwoHoursBehindIsNotMistakenForExpired) {
  const auto key = key_of("room-1", "alice", 2);
  const int64_t server_now = kNowS - 7200; // its token "expired" an hour ago by our clock
  const auto a = accept_fetched_token(ok_result(room_user_token(key, server_now, 3600), kNowS * 1000, server_now),
                                      key, {}, Receipt{kNowS * 1000, 42'000});
  EXPECT_EQ(a.token.skew_ms, -7'200'000);
  EXPECT_EQ(a.token.local_deadline_unix_ms, (kNowS + 3600) * 1000 - 1000);
  EXPECT_EQ(a.token.local_deadline_boot_ms, 42'000 + 3'599'000);
}

TEST(FetchedToken, WithoutDateTheTokenIsAssumedIssuedAtReceipt) {
  const auto key = key_of("room-1", "alice", 2);
  const auto a = accept_fetched_token(ok_result(room_user_token(key, kNowS - 7200, 600), kNowS * 1000, std::nullopt),
                                      key, {}, Receipt{kNowS * 1000, 42'000});
  EXPECT_EQ(a.token.skew_ms, 0);
  EXPECT_EQ(a.token.local_deadline_unix_ms, (kNowS + 600) * 1000 - 1000);
  EXPECT_EQ(a.token.local_deadline_boot_ms, 42'000 + 599'000);
  EXPECT_EQ(a.lifetime_s, 600);
}

TEST(FetchedToken, DeadlinesCountFromWhenTheRequestWasSent) {
  // A slow answer: sent at 42.000 s boot, received 2.5 s later. The server read its clock
  // somewhere in between, so the remaining time counts from the send instant.
  const auto key = key_of("room-1", "alice", 2);
  const Receipt slow{kNowS * 1000 + 2500, 44'500, kNowS * 1000, 42'000};
  const auto a =
      accept_fetched_token(ok_result(room_user_token(key, kNowS, 600), slow.unix_ms, kNowS), key, {}, slow);
  EXPECT_EQ(a.token.local_deadline_boot_ms, 42'000 + 599'000);
  EXPECT_EQ(a.token.local_deadline_unix_ms, kNowS * 1000 + 599'000);
  EXPECT_EQ(a.lifetime_s, 600);
}

TEST(FetchedToken, ATokenThatExpiredWhileTheAnswerTravelledIsRefused) {
  // 60 s of validity by the server's Date, but the answer took 61 s to arrive.
  const auto key = key_of("room-1", "alice", 2);
  const Receipt late{kNowS * 1000 + 61'000, 103'000, kNowS * 1000, 42'000};
  AcceptPolicy policy;
  policy.min_remaining_s = 10;
  try {
    (void)accept_fetched_token(ok_result(room_user_token(key, kNowS, 60), late.unix_ms, kNowS), key, policy, late);
    ADD_FAILURE() << "accepted";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::expired_from_server);
    EXPECT_NE(std::string(e.what()).find("expired before its answer arrived"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("answer took 61000 ms"), std::string::npos) << e.what();
  }
}

TEST(FetchedToken, DateBehindTheMintingClockNeverStretchesTheLifetime) {
  const auto key = key_of("room-1", "alice", 2);
  // Minted at kNowS, but the front server's Date says 10 min earlier.
  const auto a = accept_fetched_token(ok_result(room_user_token(key, kNowS, 3600), kNowS * 1000, kNowS - 600), key,
                                      {}, Receipt{kNowS * 1000, 0});
  EXPECT_EQ(a.token.local_deadline_boot_ms, 3'599'000);
}

TEST(FetchedToken, C09_ServerReturnsAnAlreadyExpiredToken) {
  const auto key = key_of("room-1", "alice", 2);
  const auto r = ok_result(room_user_token(key, kNowS - 3700, 3600), kNowS * 1000, kNowS);
  const Error e = expect_error(r, key);
  EXPECT_EQ(e.code(), Errc::expired_from_server);
  EXPECT_NE(std::string(e.what()).find("server returned an expired token"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("expired 100 s ago"), std::string::npos) << e.what();
  EXPECT_EQ(std::string(e.what()).find(r.token), std::string::npos); // fingerprint only
}

TEST(FetchedToken, TooLittleLifeLeftIsRefused) {
  const auto key = key_of("room-1", "alice", 2);
  const Error e = expect_error(ok_result(room_user_token(key, kNowS - 3590, 3600), kNowS * 1000, kNowS), key);
  EXPECT_EQ(e.code(), Errc::expired_from_server);
  EXPECT_NE(std::string(e.what()).find("only 10 s"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("minimum 30 s"), std::string::npos) << e.what();
}

TEST(FetchedToken, ExpireZeroIsRefused) {
  const auto key = key_of("room-1", "alice", 2);
  token::AccessToken2 t;
  t.app_id = test::kAppId;
  t.issue_ts = static_cast<uint32_t>(kNowS);
  t.expire = 0;
  t.salt = 1;
  t.services.push_back(token::Service::apaas("room-1", "alice", 2).add_privilege(token::privilege::kRoomUser, 3600));
  const Error e = expect_error(ok_result(token::build(t, test::kCert), kNowS * 1000, kNowS), key);
  EXPECT_EQ(e.code(), Errc::expired_from_server);
  EXPECT_NE(std::string(e.what()).find("expire 0"), std::string::npos) << e.what();
}

TEST(FetchedToken, MismatchedRoomUserRoleAndAppIdNameTheFieldAndBothValues) {
  const auto key = key_of("room-1", "alice", 2);
  struct Case {
    TokenKey minted_for;
    std::string field, want, got;
  } cases[] = {
      {key_of("room-2", "alice", 2), "room_uuid", "\"room-1\"", "\"room-2\""},
      {key_of("room-1", "bob", 2), "user_uuid", "\"alice\"", "\"bob\""},
      {key_of("room-1", "alice", 1), "role", "2", "1"},
  };
  for (const auto &c : cases) {
    const Error e = expect_error(ok_result(room_user_token(c.minted_for, kNowS, 3600), kNowS * 1000, kNowS), key);
    EXPECT_EQ(e.code(), Errc::token_mismatch);
    const std::string msg = e.what();
    EXPECT_NE(msg.find(c.field), std::string::npos) << msg;
    EXPECT_NE(msg.find("asked " + c.want), std::string::npos) << msg;
    EXPECT_NE(msg.find("token has " + c.got), std::string::npos) << msg;
  }
  AcceptPolicy policy;
  policy.app_id = "0123456789abcdef0123456789abcdef";
  const Error e = expect_error(ok_result(room_user_token(key, kNowS, 3600), kNowS * 1000, kNowS), key, policy);
  EXPECT_EQ(e.code(), Errc::token_mismatch);
  EXPECT_NE(std::string(e.what()).find("app ID: asked 0123456789abcdef0123456789abcdef, token has " +
                                       std::string(test::kAppId)),
            std::string::npos)
      << e.what();
  policy.app_id = "970ca35de60c44645bbae8a215061b33"; // same ID, other case: accepted
  EXPECT_NO_THROW(accept_fetched_token(ok_result(room_user_token(key, kNowS, 3600), kNowS * 1000, kNowS), key,
                                       policy, kReceipt));
}

TEST(FetchedToken, AppIdReportedByTheServerMustMatchTheToken) {
  const auto key = key_of("room-1", "alice", 2);
  auto r = ok_result(room_user_token(key, kNowS, 3600), kNowS * 1000, kNowS);
  r.app_id = "0123456789abcdef0123456789abcdef";
  const Error e = expect_error(r, key);
  EXPECT_EQ(e.code(), Errc::token_mismatch);
  EXPECT_NE(std::string(e.what()).find("0123456789abcdef0123456789abcdef"), std::string::npos);
}

TEST(FetchedToken, UserAndRtmTokensHaveNoRoomBinding) {
  const auto key = key_of("room-1", "alice", 2);
  token::BuildOptions opt;
  opt.issue_ts = static_cast<uint32_t>(kNowS);
  const std::string user_tok = token::EducationTokenBuilder2::BuildUserToken(test::kAppId, test::kCert, "alice", 3600, opt);
  EXPECT_NO_THROW(accept_fetched_token(ok_result(user_tok, kNowS * 1000, kNowS), key, {}, kReceipt));
  const std::string rtm_tok = token::RtmTokenBuilder2::BuildToken(test::kAppId, test::kCert, "alice", 3600, opt);
  EXPECT_NO_THROW(accept_fetched_token(ok_result(rtm_tok, kNowS * 1000, kNowS), key, {}, kReceipt));
}

TEST(FetchedToken, Legacy006UsesItsAbsoluteExpiry) {
  const auto key = key_of("room-1", "alice", 2);
  token::BuildOptions opt;
  opt.issue_ts = static_cast<uint32_t>(kNowS);
  const std::string tok = token::RtmTokenBuilder::buildToken(test::kAppId, test::kCert, "alice",
                                                             token::RtmTokenBuilder::Rtm_User, kNowS + 1800, opt);
  const auto a = accept_fetched_token(ok_result(tok, kNowS * 1000, std::nullopt), key, {}, Receipt{kNowS * 1000, 0});
  EXPECT_EQ(a.token.expires_at, kNowS + 1800);
  EXPECT_EQ(a.token.local_deadline_boot_ms, 1'800'000);
  EXPECT_EQ(a.lifetime_s, 1800);
  // C-03: privilege 100000 is 1970-01-02, long expired.
  const std::string old = token::RtmTokenBuilder::buildToken(test::kAppId, test::kCert, "alice",
                                                             token::RtmTokenBuilder::Rtm_User, 100000, opt);
  EXPECT_EQ(expect_error(ok_result(old, kNowS * 1000, kNowS), key).code(), Errc::expired_from_server);
}

TEST(FetchedToken, FetchFailuresAndUndecodableTokensKeepTheirCodes) {
  const auto key = key_of("room-1", "alice", 2);
  const Error e1 = expect_error(test::error_result(Errc::http_status, 500, "HTTP 500 from /fetch_education_token"), key);
  EXPECT_EQ(e1.code(), Errc::http_status);
  EXPECT_STREQ(e1.what(), "HTTP 500 from /fetch_education_token");
  const Error e2 = expect_error(ok_result("007AAAA", kNowS * 1000, kNowS), key);
  EXPECT_EQ(e2.code(), Errc::malformed_token);
  EXPECT_NE(std::string(e2.what()).find("does not decode"), std::string::npos) << e2.what();
  EXPECT_EQ(expect_error(ok_result("008abc", kNowS * 1000, kNowS), key).code(), Errc::unsupported_version);
}

TEST(FetchedToken, DescribeKeyQuotesStrings) {
  EXPECT_EQ(describe_key(key_of("r 1", "u\"2", -1)), "room \"r 1\" user \"u\"2\" role -1");
}

} // namespace
} // namespace eduauth::client_detail
