// Parameter consistency with the token (spec "Consistency with the token", cases C-14 and
// C-04) and the remaining-lifetime rule, on real tokens from the builders.
#include "eduauth/token.hpp"
#include "fixtures.hpp"

using namespace eduauth::launch;
using eduauth::Errc;
using launch_test::errors_of;
using launch_test::fields;
using launch_test::find;
namespace tok = eduauth::token;

namespace {

LaunchOption with_token(const std::string &token) {
  LaunchOption o = launch_test::valid_option();
  o.token = token;
  return o;
}

tok::BuildOptions pinned() { return launch_test::pinned(); }

} // namespace

// C-14: userUuid "test_user", roomUuid "123", roleType 1 with a token for someone else.
TEST(LaunchTokenRules, TokenForAnotherUser_C14) {
  const auto errors = errors_of(with_token(launch_test::room_user_token("123", "other_user", 1)));
  ASSERT_EQ(errors.size(), 3u) << fields(errors); // APaaS user, RTM user, Chat user
  for (const Issue &i : errors) {
    EXPECT_EQ(i.code, Errc::launch_token_mismatch);
    EXPECT_EQ(i.field, "userUuid");
  }
  EXPECT_EQ(errors[0].message,
            "userUuid: launch value \"test_user\" but the token's APaaS user (service 7) is \"other_user\"");
  EXPECT_EQ(errors[1].message, "userUuid: launch value \"test_user\" but the token's RTM user (service 2) is \"other_user\"");
  EXPECT_EQ(errors[2].message, "userUuid: launch value \"test_user\" (Chat id md5 \"" + tok::chat_user_id("test_user") +
                                   "\") but the token's Chat user (service 5) is \"" + tok::chat_user_id("other_user") +
                                   "\"");
}

TEST(LaunchTokenRules, TokenForAnotherRoom_C14) {
  const auto errors = errors_of(with_token(launch_test::room_user_token("456", "test_user", 1)));
  ASSERT_EQ(errors.size(), 1u) << fields(errors);
  EXPECT_EQ(errors[0].code, Errc::launch_token_mismatch);
  EXPECT_EQ(errors[0].message, "roomUuid: launch value \"123\" but the token's APaaS room (service 7) is \"456\"");
}

TEST(LaunchTokenRules, TokenForAnotherRole_C14) {
  const auto errors = errors_of(with_token(launch_test::room_user_token("123", "test_user", 2)));
  ASSERT_EQ(errors.size(), 1u) << fields(errors);
  EXPECT_EQ(errors[0].message, "roleType: launch value 1 but the token's APaaS role (service 7) is 2");
}

TEST(LaunchTokenRules, BuildThrowsMismatchNamingEveryField_C14) {
  const LaunchOption in = launch_test::valid_option();
  try {
    build(in, launch_test::room_user_token("456", "someone", 2), launch_test::at_now());
    FAIL();
  } catch (const LaunchError &e) {
    EXPECT_EQ(e.code(), Errc::launch_token_mismatch);
    EXPECT_EQ(fields(e.issues()), "userUuid,roomUuid,roleType,userUuid,userUuid"); // APaaS, then RTM and Chat
    const std::string what = e.what();
    EXPECT_NE(what.find("\"someone\""), std::string::npos);
    EXPECT_NE(what.find("\"456\""), std::string::npos);
    EXPECT_NE(what.find("launch value 1 but the token's APaaS role (service 7) is 2"), std::string::npos);
  }
}

TEST(LaunchTokenRules, EmptyTokenIsAnError_C14) {
  try {
    build(launch_test::valid_option(), "", launch_test::at_now());
    FAIL();
  } catch (const LaunchError &e) {
    EXPECT_EQ(e.code(), Errc::invalid_launch_option);
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].message, "token: is required and must not be empty");
  }
}

TEST(LaunchTokenRules, UndecodableTokenKeepsTheDecoderCode) {
  auto errors = errors_of(with_token("007AAAA"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "token");
  EXPECT_EQ(errors[0].code, Errc::malformed_token);
  EXPECT_EQ(errors[0].message.rfind("token: does not decode (sha256:", 0), 0u) << errors[0].message;
  errors = errors_of(with_token("008abc"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, Errc::unsupported_version);
  try {
    build(launch_test::valid_option(), "007AAAA", launch_test::at_now());
    FAIL();
  } catch (const LaunchError &e) {
    EXPECT_EQ(e.code(), Errc::invalid_launch_option); // the option is unusable, not a mismatch
  }
}

TEST(LaunchTokenRules, AppIdFromTokenAndMismatch) {
  LaunchOption in = launch_test::valid_option();
  const std::string token = in.token;
  in.token.clear();
  const LaunchOption built = build(in, token, launch_test::at_now());
  EXPECT_EQ(built.app_id, std::string(launch_test::kAppId));
  EXPECT_EQ(built.token, token);

  in.app_id = "0123456789abcdef0123456789abcdef";
  try {
    build(in, token, launch_test::at_now());
    FAIL();
  } catch (const LaunchError &e) {
    EXPECT_EQ(e.code(), Errc::launch_token_mismatch);
    EXPECT_EQ(e.issues().at(0).message, "appId: launch value \"0123456789abcdef0123456789abcdef\" but the token is for "
                                        "app ID \"970CA35de60c44645bbae8a215061b33\"");
  }
  in.app_id = "970ca35de60c44645bbae8a215061b33";
  LaunchOption lower = with_token(token);
  lower.app_id = in.app_id;
  const auto errors = errors_of(lower);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("differ only in letter case"), std::string::npos) << errors[0].message;
}

TEST(LaunchTokenRules, RtmOnly007TokenChecksAppAndUser) {
  const std::string mine = tok::RtmTokenBuilder2::BuildToken(launch_test::kAppId, launch_test::kCert, "test_user", 3600, pinned());
  EXPECT_TRUE(errors_of(with_token(mine)).empty());
  const std::string theirs = tok::RtmTokenBuilder2::BuildToken(launch_test::kAppId, launch_test::kCert, "test", 3600, pinned());
  const auto errors = errors_of(with_token(theirs));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "userUuid: launch value \"test_user\" but the token's RTM user (service 2) is \"test\"");
}

// C-04: a token without RTM login for the user cannot launch a classroom.
TEST(LaunchTokenRules, TokenWithoutRtmServiceIsRefused_C04) {
  const std::string rtc = tok::RtcTokenBuilder2::BuildTokenWithUserAccount(
      launch_test::kAppId, launch_test::kCert, "123", "test_user", tok::RtcTokenBuilder2::kRolePublisher, 3600, 0, pinned());
  auto errors = errors_of(with_token(rtc));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, Errc::launch_token_mismatch);
  EXPECT_EQ(errors[0].message, "token: has no RTM service (type 2): the classroom logs in to RTM as userUuid; services "
                               "present: RTC(1)");

  const std::string user = tok::EducationTokenBuilder2::BuildUserToken(launch_test::kAppId, launch_test::kCert,
                                                                       "test_user", 3600, pinned());
  errors = errors_of(with_token(user));
  EXPECT_EQ(fields(errors), "token");

  const std::string app = tok::EducationTokenBuilder2::BuildAppToken(launch_test::kAppId, launch_test::kCert, 3600, pinned());
  errors = errors_of(with_token(app));
  EXPECT_EQ(fields(errors), "token,token");
  EXPECT_EQ(errors[0].message, "token: is an APaaS app token (no user): a classroom is launched with a room-user token");
}

TEST(LaunchTokenRules, ChatUserIsMd5OfUserUuid) {
  tok::AccessToken2 t;
  t.app_id = launch_test::kAppId;
  t.issue_ts = launch_test::kIssueTs;
  t.expire = 3600;
  t.salt = 1;
  t.services = {tok::Service::apaas("123", "test_user", 1).add_privilege(tok::privilege::kRoomUser, 3600),
                tok::Service::rtm("test_user").add_privilege(tok::privilege::kLogin, 3600),
                tok::Service::chat("test_user").add_privilege(tok::privilege::kChatUser, 3600)}; // not hashed
  const auto errors = errors_of(with_token(tok::build(t, launch_test::kCert)));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "userUuid: launch value \"test_user\" (Chat id md5 \"" + tok::chat_user_id("test_user") +
                                   "\") but the token's Chat user (service 5) is \"test_user\"");
}

TEST(LaunchTokenRules, Legacy006RtmToken) {
  const uint32_t expires = launch_test::kIssueTs + 3600; // 006 privileges are ABSOLUTE
  const std::string mine = tok::RtmTokenBuilder::buildToken(launch_test::kAppId, launch_test::kCert, "test_user",
                                                            tok::RtmTokenBuilder::Rtm_User, expires, pinned());
  EXPECT_TRUE(errors_of(with_token(mine)).empty()) << fields(errors_of(with_token(mine)));

  const std::string theirs = tok::RtmTokenBuilder::buildToken(launch_test::kAppId, launch_test::kCert, "other",
                                                              tok::RtmTokenBuilder::Rtm_User, expires, pinned());
  const auto errors = errors_of(with_token(theirs));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "userUuid");
  EXPECT_EQ(errors[0].code, Errc::launch_token_mismatch);
  EXPECT_NE(errors[0].message.find("launch value \"test_user\" (CRC-32 0x"), std::string::npos) << errors[0].message;
  EXPECT_NE(errors[0].message.find("signed for another user account"), std::string::npos);
}

// C-04: 006 with the user in the uid slot, and a 006 RTC token.
TEST(LaunchTokenRules, Legacy006WrongLayout_C04) {
  tok::AccessToken006 t;
  t.app_id = launch_test::kAppId;
  t.salt = 1;
  t.ts = launch_test::kIssueTs + 86400;
  t.privileges[tok::privilege::k006RtmLogin] = launch_test::kIssueTs + 3600;
  const auto errors = errors_of(with_token(tok::build(t, launch_test::kCert, "test_user", "test_user")));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message.rfind("token: is a 006 RTM token with the user in the uid slot (crc_uid 0x", 0), 0u)
      << errors[0].message;

  const std::string rtc = tok::RtcTokenBuilder::buildTokenWithUserAccount(
      launch_test::kAppId, launch_test::kCert, "123", "test_user", tok::RtcTokenBuilder::kRolePublisher,
      launch_test::kIssueTs + 3600, pinned());
  const auto rtc_errors = errors_of(with_token(rtc));
  ASSERT_EQ(rtc_errors.size(), 1u);
  EXPECT_EQ(rtc_errors[0].message, "token: is a 006 token without the RTM login privilege (1000), i.e. an RTC token");
}

TEST(LaunchTokenRules, RemainingLifeShorterThanDurationWarnsByDefault) {
  LaunchOption o = launch_test::valid_option();
  o.duration_s = 3600; // the token has 3500 s left at kNow
  const Report r = check(o, launch_test::at_now());
  EXPECT_TRUE(r.ok());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].message,
            "token: remaining life 3500 s (expires 2023-11-14T23:13:20Z) is shorter than duration 3600 s");

  std::vector<Issue> warnings;
  build(o, o.token, launch_test::at_now(), &warnings);
  EXPECT_EQ(fields(warnings), "token");

  const auto errors = errors_of(o, /*require_lifetime=*/true);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, Errc::invalid_launch_option);
  EXPECT_EQ(errors[0].message, r.warnings[0].message);
}

TEST(LaunchTokenRules, ExpiredTokenIsAlwaysAnError) {
  LaunchOption o = launch_test::valid_option();
  CheckOptions later;
  later.now_unix_s = launch_test::kIssueTs + 4000;
  const Report r = check(o, later);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message,
            "token: expired at 2023-11-14T23:13:20Z (400 s before now 2023-11-14T23:20:00Z)");
  // Without an injected "now" the wall clock is used: a 2023 token is long expired.
  EXPECT_EQ(fields(check(o).errors), "token");
}

TEST(LaunchTokenRules, SecondsBeforeExpiryEqualToDurationIsEnough) {
  LaunchOption o = launch_test::valid_option();
  o.duration_s = 3500;
  const Report r = check(o, launch_test::at_now(true));
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.warnings.empty());
}
