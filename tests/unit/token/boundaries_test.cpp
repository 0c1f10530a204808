// Boundaries of the token layer: string and count limits, the inflate cap, 64-bit expiry,
// salt, the chat id rule, names and codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "eduauth/builders.hpp"
#include "eduauth/token.hpp"
#include "eduauth_test/expect_error.hpp"
#include "token/packer.hpp"

namespace {

using nlohmann::json;
namespace tk = eduauth::token;
using eduauth::Errc;

constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";
const tk::BuildOptions kPinned{1700000000u, 12345678u};

using eduauth_test::error_of;

// An RTM token's payload is 94 bytes plus the user id: this is the longest id under the cap.
constexpr size_t kLongestRtmUserUnderCap = tk::kMaxInflatedPayload - 94;

TEST(Boundaries, StringOf65535BytesPacksAndUnpacks) {
  const std::string big(65535, 'x');
  std::string bytes;
  tk::detail::Writer w(bytes);
  w.string("user_id", big);
  ASSERT_EQ(65537u, bytes.size());
  tk::detail::Reader r(bytes, "test");
  EXPECT_EQ(big, r.string("user_id"));
  EXPECT_EQ(0u, r.remaining());
}

TEST(Boundaries, BuilderRefusesStringsOver65535BytesNamingTheField) {
  const std::string msg = error_of(
      [] { tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, std::string(65536, 'x'), 600, kPinned); },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, msg.find("user_id")) << msg;
  EXPECT_NE(std::string::npos, msg.find("65536 bytes")) << msg;
  EXPECT_NE(std::string::npos, msg.find("65535")) << msg;
  // The same limit applies in every string field, e.g. the APaaS room.
  const std::string room = error_of(
      [] { tk::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, std::string(70000, 'r'), "u", 1, 600, kPinned); },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, room.find("room_uuid")) << room;
}

TEST(Boundaries, BuilderRefusesAPayloadOverTheInflateCap) {
  // A 65535-byte string packs (above), but the payload around it exceeds kMaxInflatedPayload,
  // so the builder refuses instead of making a token its own decoder would reject.
  const std::string rtm = error_of(
      [] { tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, std::string(65535, 'x'), 600, kPinned); },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, rtm.find("would be " + std::to_string(65535 + 94) + " bytes")) << rtm;
  EXPECT_NE(std::string::npos, rtm.find("over the 65536-byte limit")) << rtm;
  EXPECT_NE(std::string::npos, rtm.find("RTM user_id (65535 bytes)")) << rtm;
  // Two strings that are each legal but together exceed the cap: the larger one is named.
  const std::string edu = error_of(
      [] {
        tk::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, std::string(40000, 'r'), std::string(50000, 'u'),
                                                       1, 600, kPinned);
      },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, edu.find("65536-byte limit")) << edu;
  EXPECT_NE(std::string::npos, edu.find("user_uuid (50000 bytes)")) << edu;
}

TEST(Boundaries, PayloadOfExactlyTheCapDecodesOneMoreByteDoesNot) {
  const std::string user(kLongestRtmUserUnderCap, 'u');
  const tk::Token t = tk::decode(tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, user, 600, kPinned));
  EXPECT_EQ(user, t.v007.services.at(0).user_id);
  EXPECT_EQ(tk::kMaxInflatedPayload, 34 + t.v007.signed_bytes.size());
  EXPECT_TRUE(tk::verify(t.v007, kCert));
  // One byte more is refused by the builder, so every token the builder makes also decodes.
  error_of([&] { tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, user + "u", 600, kPinned); }, Errc::invalid_argument);
}

TEST(Boundaries, MoreThan65535PrivilegesIsRefused) {
  tk::AccessToken2 a;
  a.app_id = kAppId;
  tk::Service s = tk::Service::rtm("u");
  for (uint32_t id = 0; id <= 0xffff; ++id) {
    s.add_privilege(static_cast<uint16_t>(id), 1);
  }
  a.services.push_back(std::move(s));
  const std::string msg = error_of([&] { tk::build(a, kCert); }, Errc::invalid_argument);
  EXPECT_NE(std::string::npos, msg.find("65536 entries")) << msg;
}

TEST(Boundaries, IssueTsPlusExpireBeyond2To32In64Bits) {
  tk::AccessToken2 a;
  a.app_id = kAppId;
  a.issue_ts = 4294967295u;
  a.expire = 4294967295u;
  a.salt = 0;
  a.services.push_back(tk::Service::chat("").add_privilege(tk::privilege::kChatApp, 4294967295u));
  const tk::Token t = tk::decode(tk::build(a, kCert));
  EXPECT_EQ(int64_t{8589934590}, t.expires_at());
  const json j = json::parse(tk::to_json(t));
  EXPECT_EQ(int64_t{8589934590}, j.at("expires_at").get<int64_t>());
  EXPECT_EQ(int64_t{8589934590}, j.at("services")[0].at("privileges")[0].at("expires_at").get<int64_t>());
}

TEST(Boundaries, ExpireZeroExpiresAtIssueTs) {
  const tk::Token t = tk::decode(tk::EducationTokenBuilder2::BuildAppToken(kAppId, kCert, 0, kPinned));
  EXPECT_EQ(1700000000, t.expires_at());
}

TEST(Boundaries, PrivilegeZeroHasNoLimitOfItsOwn) {
  // FPA writes login = 0: the token expire (86400) alone bounds it, and the JSON says null.
  const tk::Token t = tk::decode(tk::FpaTokenBuilder::BuildToken(kAppId, kCert, kPinned));
  EXPECT_EQ(86400u, t.v007.expire);
  EXPECT_EQ(1700086400, t.expires_at());
  const json j = json::parse(tk::to_json(t));
  EXPECT_TRUE(j.at("services")[0].at("privileges")[0].at("expires_at").is_null());
}

TEST(Boundaries, SaltZeroIsPackedAsGiven) {
  const tk::BuildOptions zero{1700000000u, 0u};
  const tk::Token t = tk::decode(tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, "u", 600, zero));
  EXPECT_EQ(0u, t.v007.salt);
  EXPECT_TRUE(tk::verify(t.v007, kCert));
}

TEST(Boundaries, RandomSaltStaysIn1To99999999) {
  std::set<uint32_t> seen;
  uint32_t lo = 0xffffffff;
  uint32_t hi = 0;
  for (int i = 0; i < 20000; ++i) {
    const uint32_t s = tk::random_salt();
    ASSERT_GE(s, 1u);
    ASSERT_LE(s, 99999999u);
    lo = std::min(lo, s);
    hi = std::max(hi, s);
    seen.insert(s);
  }
  EXPECT_GT(seen.size(), 19900u); // 20000 draws from 1e8 values: collisions are rare
  EXPECT_LT(lo, 1000000u);        // spread over the whole range
  EXPECT_GT(hi, 99000000u);
}

TEST(Boundaries, DefaultSaltAndClockAreFilledIn) {
  const tk::Token t = tk::decode(tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, "u", 600));
  EXPECT_GE(t.v007.salt, 1u);
  EXPECT_LE(t.v007.salt, 99999999u);
  EXPECT_GT(t.v007.issue_ts, 1700000000u); // the real clock, after the vectors' pinned time
  EXPECT_TRUE(tk::verify(t.v007, kCert));
}

TEST(Boundaries, ChatUserIdOfTheEmptyStringIsTheMd5OfNothing) {
  EXPECT_EQ("d41d8cd98f00b204e9800998ecf8427e", tk::chat_user_id(""));
  EXPECT_EQ("6322bd3dea79f605aa8380cef52770f3", tk::chat_user_id("user-0001"));
}

TEST(Boundaries, RelativeExpireLimitIs86400) {
  EXPECT_NO_THROW(tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, "u", 86400, kPinned));
  error_of([] { tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, "u", 86401, kPinned); }, Errc::invalid_argument);
  error_of([] { tk::ChatTokenBuilder2::BuildAppToken(kAppId, kCert, 86401, kPinned); }, Errc::invalid_argument);
}

TEST(Boundaries, IdsMustBe32HexCharactersAndTheCertificateIsNeverPrinted) {
  const std::string short_id = error_of(
      [] { tk::RtmTokenBuilder2::BuildToken("970CA35de60c44645bbae8a215061b3", kCert, "u", 600, kPinned); },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, short_id.find("app ID")) << short_id;
  EXPECT_NE(std::string::npos, short_id.find("31")) << short_id;
  const std::string bad_cert = "5CFd2fd1755d40ecb72977518be15d3z";
  const std::string cert_msg = error_of(
      [&] { tk::RtmTokenBuilder2::BuildToken(kAppId, bad_cert, "u", 600, kPinned); }, Errc::invalid_argument);
  EXPECT_NE(std::string::npos, cert_msg.find("app certificate")) << cert_msg;
  EXPECT_EQ(std::string::npos, cert_msg.find(bad_cert)) << cert_msg;
  EXPECT_EQ(std::string::npos, cert_msg.find("'z'")) << cert_msg;
  const std::string empty006 = error_of(
      [] { tk::RtcTokenBuilder::buildTokenWithUid(kAppId, "", "c", 1, tk::RtcTokenBuilder::kRolePublisher, 0, kPinned); },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, empty006.find("got 0 characters")) << empty006;
  EXPECT_TRUE(tk::is_hex32("0123456789abcdefABCDEF0123456789"));
  EXPECT_FALSE(tk::is_hex32("0123456789abcdefABCDEF012345678g"));
  EXPECT_FALSE(tk::is_hex32(""));
}

TEST(Boundaries, RolesTheEnumsDoNotNameAreJoinOnlyAsInTheReference) {
  // The reference adds the publish privileges for named roles only and treats every other value
  // as join-only; refusing them would break byte-compatibility (spec §2.6, §3.4).
  using B = tk::RtcTokenBuilder2;
  const tk::Token r3 = tk::decode(B::BuildTokenWithUid(kAppId, kCert, "c", 1, static_cast<B::Role>(3), 600, 600, kPinned));
  const tk::Token sub = tk::decode(B::BuildTokenWithUid(kAppId, kCert, "c", 1, B::kRoleSubscriber, 600, 600, kPinned));
  ASSERT_EQ(1u, r3.v007.services.size());
  EXPECT_EQ((tk::PrivilegeMap{{tk::privilege::kJoinChannel, 600u}}), r3.v007.services[0].privileges);
  EXPECT_EQ(sub.v007.signature, r3.v007.signature);

  using L = tk::RtcTokenBuilder;
  const tk::Token r5 = tk::decode(L::buildTokenWithUid(kAppId, kCert, "c", 1, static_cast<L::Role>(5), 0, kPinned));
  EXPECT_EQ((tk::PrivilegeMap{{tk::privilege::k006JoinChannel, 0u}}), r5.v006.privileges);
  // Attendee and Admin get the publisher privileges.
  for (const auto role : {L::kRoleAttendee, L::kRolePublisher, L::kRoleAdmin}) {
    EXPECT_EQ(4u, tk::decode(L::buildTokenWithUid(kAppId, kCert, "c", 1, role, 0, kPinned)).v006.privileges.size())
        << role;
  }
}

TEST(Boundaries, Ts006MustFitU32) {
  const tk::BuildOptions late{4294967295u - 100u, 1u};
  error_of([&] { tk::RtmTokenBuilder::buildToken(kAppId, kCert, "u", tk::RtmTokenBuilder::Rtm_User, 0, late); },
           Errc::invalid_argument);
}

TEST(Boundaries, TokenLongerThanTheLimitIsRefusedByLength) {
  const std::string huge = "007" + std::string(tk::kMaxTokenLength, 'A');
  const std::string msg = error_of([&] { tk::decode(huge); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find(std::to_string(huge.size()))) << msg;
}

TEST(Boundaries, FingerprintIsShortAndDoesNotContainTheSecret) {
  const std::string f = tk::fingerprint(kCert);
  EXPECT_EQ(0u, f.rfind("sha256:", 0));
  EXPECT_EQ(15u, f.size());
  EXPECT_EQ(std::string::npos, f.find(kCert));
  EXPECT_EQ(f, tk::fingerprint(kCert));
  EXPECT_NE(f, tk::fingerprint("5CFd2fd1755d40ecb72977518be15d3c"));
  EXPECT_EQ("sha256:e3b0c442", tk::fingerprint("")); // SHA-256 of nothing
}

TEST(Boundaries, NamesOfTypesPrivilegesAndCodes) {
  EXPECT_STREQ("RTM2", tk::service_type_name(8));
  EXPECT_STREQ("unknown", tk::service_type_name(99));
  EXPECT_STREQ("kPrivilegeRoomUser", tk::privilege_name(7, 1));
  EXPECT_STREQ("kAdministrateChannel", tk::privilege_name(0, 101));
  EXPECT_STREQ("kRtmLogin", tk::privilege_name(0, 1000));
  EXPECT_STREQ("unknown", tk::privilege_name(1, 99));
  EXPECT_STREQ("EDUAUTH_OK", eduauth::errc_name(Errc::ok));
  EXPECT_STREQ("EDUAUTH_E_MALFORMED_TOKEN", eduauth::errc_name(Errc::malformed_token));
  EXPECT_STREQ("EDUAUTH_E_LAUNCH_TOKEN_MISMATCH", eduauth::errc_name(Errc::launch_token_mismatch));
  EXPECT_STREQ("EDUAUTH_E_UNKNOWN", eduauth::errc_name(static_cast<Errc>(-77)));
  for (int c = 0; c >= -99; --c) {
    EXPECT_NE(nullptr, eduauth::errc_name(static_cast<Errc>(c)));
  }
}

} // namespace
