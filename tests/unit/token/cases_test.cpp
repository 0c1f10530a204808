// The token-format cases C-01 .. C-08 of shared/cases/README.md.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eduauth/builders.hpp"
#include "eduauth/token.hpp"
#include "eduauth_test/expect_error.hpp"
#include "eduauth_test/hex.hpp"
#include "eduauth_test/vectors.hpp"
#include "token/base64.hpp"
#include "token/packer.hpp"
#include "token/zlib_codec.hpp"

namespace {

using nlohmann::json;
namespace tk = eduauth::token;
using eduauth::Errc;

constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";
constexpr const char *kChannel = "7d72365eb983485397e3e3f9d460bdda";
const tk::BuildOptions kPinned{1700000000u, 12345678u};

using eduauth_test::error_of;

std::string vector_token(const char *id) {
  return eduauth::test::vector_by_id(id).at("expected_token").get<std::string>();
}

// ---- C-01 uid 0 vs account "0" ----------------------------------------------------------

TEST(Cases, Case_C01_Uid0VsAccount0) {
  using B = tk::RtcTokenBuilder2;
  const std::string by_uid0 =
      B::BuildTokenWithUid(kAppId, kCert, kChannel, 0, B::kRolePublisher, 600, 600, kPinned);
  const std::string by_empty =
      B::BuildTokenWithUserAccount(kAppId, kCert, kChannel, "", B::kRolePublisher, 600, 600, kPinned);
  const std::string by_text0 =
      B::BuildTokenWithUserAccount(kAppId, kCert, kChannel, "0", B::kRolePublisher, 600, 600, kPinned);
  EXPECT_EQ(by_uid0, by_empty);
  EXPECT_NE(by_uid0, by_text0);
  EXPECT_EQ(vector_token("p007-rtc-uid-03"), by_uid0);
  EXPECT_EQ(vector_token("p007-rtc-account-06"), by_text0);
  EXPECT_EQ("", tk::decode(by_uid0).v007.services.at(0).account);
  EXPECT_EQ("0", tk::decode(by_text0).v007.services.at(0).account);
  EXPECT_EQ("", tk::account_from_uid(0));
  EXPECT_EQ("0", tk::decode(by_text0).v007.services.at(0).account);
}

TEST(Cases, Case_C01_NumericUidEqualsItsDecimalAccount) {
  using B = tk::RtcTokenBuilder2;
  EXPECT_EQ(B::BuildTokenWithUid(kAppId, kCert, kChannel, 2882341273, B::kRolePublisher, 600, 600, kPinned),
            B::BuildTokenWithUserAccount(kAppId, kCert, kChannel, "2882341273", B::kRolePublisher, 600, 600,
                                         kPinned));
  // "00123" is not uid 123.
  EXPECT_NE(B::BuildTokenWithUid(kAppId, kCert, kChannel, 123, B::kRolePublisher, 600, 600, kPinned),
            B::BuildTokenWithUserAccount(kAppId, kCert, kChannel, "00123", B::kRolePublisher, 600, 600, kPinned));
}

TEST(Cases, Case_C01_Uid0In006SignsTheEmptyUid) {
  const std::string token = tk::RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, kChannel, 0,
                                                                   tk::RtcTokenBuilder::kRolePublisher, 0, kPinned);
  EXPECT_EQ(vector_token("p006-rtc-uid-05"), token);
  const tk::Token t = tk::decode(token);
  EXPECT_EQ(0u, t.v006.crc_uid);
  EXPECT_TRUE(tk::verify(t.v006, kCert, kChannel, ""));
  EXPECT_FALSE(tk::verify(t.v006, kCert, kChannel, "0"));
}

// ---- C-02 uid range ---------------------------------------------------------------------

TEST(Cases, Case_C02_UidOutsideUint32IsRefusedNamingTheRange) {
  using B = tk::RtcTokenBuilder2;
  const std::string msg = error_of(
      [] { B::BuildTokenWithUid(kAppId, kCert, kChannel, 9854785632, B::kRolePublisher, 600, 600, kPinned); },
      Errc::invalid_argument);
  EXPECT_NE(std::string::npos, msg.find("9854785632")) << msg;
  EXPECT_NE(std::string::npos, msg.find("0..4294967295")) << msg;
  error_of([] { tk::RtcTokenBuilder::buildTokenWithUid(kAppId, kCert, kChannel, 9854785632,
                                                      tk::RtcTokenBuilder::kRolePublisher, 0, kPinned); },
           Errc::invalid_argument);
  error_of([] { tk::account_from_uid(-1); }, Errc::invalid_argument);
  // A Java/C# int holding 2882341273 arrives as -1412626023: the binding must pass the unsigned value.
  error_of([] { tk::account_from_uid(-1412626023); }, Errc::invalid_argument);
  EXPECT_EQ("2882341273", tk::account_from_uid(static_cast<uint32_t>(int32_t{-1412626023})));
}

TEST(Cases, Case_C02_Uint32MaxIsValid) {
  using B = tk::RtcTokenBuilder2;
  const std::string token =
      B::BuildTokenWithUid(kAppId, kCert, kChannel, 4294967295, B::kRolePublisher, 0, 0, kPinned);
  EXPECT_EQ(vector_token("p007-rtc-uid-05"), token);
  EXPECT_EQ("4294967295", tk::decode(token).v007.services.at(0).account);
}

// ---- C-03 expiry units ------------------------------------------------------------------

TEST(Cases, Case_C03_007BuilderRefusesAnAbsoluteExpire) {
  const std::string msg =
      error_of([] { tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, "test_user", 1700003600, kPinned); },
               Errc::invalid_argument);
  EXPECT_NE(std::string::npos, msg.find("1700003600")) << msg;
  EXPECT_NE(std::string::npos, msg.find("absolute")) << msg;
  EXPECT_NE(std::string::npos, msg.find("relative to issue_ts")) << msg;
  using B = tk::RtcTokenBuilder2;
  error_of([] { B::BuildTokenWithUid(kAppId, kCert, kChannel, 1, B::kRolePublisher, 600, 1700003600, kPinned); },
           Errc::invalid_argument);
  error_of([] { tk::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, "r", "u", 1, 86401, kPinned); },
           Errc::invalid_argument);
  EXPECT_NO_THROW(tk::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, "r", "u", 1, 86400, kPinned));
}

TEST(Cases, Case_C03_DecodeReportsAbsoluteExpiryForBothFormats) {
  // 006 RTM with privilege 100000: expired at 1970-01-02T03:46:40Z, long before ts.
  const std::string t006 =
      tk::RtmTokenBuilder::buildToken(kAppId, kCert, "test_user", tk::RtmTokenBuilder::Rtm_User, 100000, kPinned);
  const tk::Token d006 = tk::decode(t006);
  EXPECT_EQ(1700086400u, d006.v006.ts);
  EXPECT_EQ(100000, d006.expires_at());
  // 006 privilege 0 sets no limit: ts bounds the token.
  EXPECT_EQ(1700086400, tk::decode(vector_token("p006-rtm-01")).expires_at());
  // 007: issue_ts + expire, capped by the earliest non-zero privilege.
  EXPECT_EQ(1700000600, tk::decode(vector_token("p007-rtm-01")).expires_at());
  EXPECT_EQ(1700000100, tk::decode(vector_token("p007-rtc-priv-01")).expires_at());
  // The wire-level build takes any u32 (it is the named builders that refuse).
  tk::AccessToken2 a;
  a.app_id = kAppId;
  a.issue_ts = 1700000000;
  a.expire = 1700003600;
  a.services.push_back(tk::Service::rtm("u").add_privilege(tk::privilege::kLogin, 0));
  EXPECT_EQ(3400003600, tk::decode(tk::build(a, kCert)).expires_at());
}

// ---- C-04 wrong token kind for RTM login ------------------------------------------------

TEST(Cases, Case_C04_006RtmTokenSignsTheAccountAsChannelAndAnEmptyUid) {
  const tk::Token rtm = tk::decode(
      tk::RtmTokenBuilder::buildToken(kAppId, kCert, "alice", tk::RtmTokenBuilder::Rtm_User, 0, kPinned));
  EXPECT_EQ(0u, rtm.v006.crc_uid);
  EXPECT_EQ(1u, rtm.v006.privileges.count(tk::privilege::k006RtmLogin));
  EXPECT_TRUE(tk::verify(rtm.v006, kCert, "alice", ""));
  EXPECT_FALSE(tk::verify(rtm.v006, kCert, "bob", ""));
  // The user in the uid slot of an RTC token: not an RTM login token for alice.
  const tk::Token rtc = tk::decode(tk::RtcTokenBuilder::buildTokenWithUserAccount(
      kAppId, kCert, kChannel, "alice", tk::RtcTokenBuilder::kRolePublisher, 0, kPinned));
  EXPECT_NE(0u, rtc.v006.crc_uid);
  EXPECT_EQ(0u, rtc.v006.privileges.count(tk::privilege::k006RtmLogin));
  EXPECT_FALSE(tk::verify(rtc.v006, kCert, "alice", ""));
  // A 007 token with only an RTC service carries no RTM service at all.
  const tk::Token rtc7 = tk::decode(vector_token("p007-rtc-account-02"));
  for (const auto &s : rtc7.v007.services) {
    EXPECT_NE(static_cast<uint16_t>(tk::ServiceType::rtm), s.type);
  }
}

// ---- C-05 JSON escapes ------------------------------------------------------------------

TEST(Cases, Case_C05_JsonParserYieldsTheUnescapedToken) {
  const std::string token = vector_token("p006-rtc-account-02"); // contains '/' and '+'
  ASSERT_NE(std::string::npos, token.find('/'));
  std::string escaped;
  for (char c : token) {
    escaped += c == '/' ? std::string("\\/") : c == '+' ? std::string("\\u002B") : std::string(1, c);
  }
  const std::string body = "{\"data\":{\"rtmToken\":\"" + escaped + "\"}}";
  const std::string parsed = json::parse(body).at("data").at("rtmToken");
  EXPECT_EQ(token, parsed);
  EXPECT_NO_THROW(tk::decode(parsed));
}

TEST(Cases, Case_C05_BackslashNamesTheCharacterOffsetAndHint) {
  const std::string token = vector_token("p006-rtc-account-02");
  const size_t slash = token.find('/');
  const std::string escaped = token.substr(0, slash) + "\\" + token.substr(slash);
  const std::string msg = error_of([&] { tk::decode(escaped); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("'\\' at offset " + std::to_string(slash))) << msg;
  EXPECT_NE(std::string::npos, msg.find("JSON-escaped; parse the server response with a JSON parser")) << msg;
  // The same inside a 007 token, with \u002B.
  const std::string t7 = vector_token("p007-rtc-uid-01");
  const size_t plus = t7.find('+');
  ASSERT_NE(std::string::npos, plus);
  const std::string e7 = t7.substr(0, plus) + "\\u002B" + t7.substr(plus + 1);
  const std::string msg7 = error_of([&] { tk::decode(e7); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg7.find("'\\' at offset " + std::to_string(plus))) << msg7;
  EXPECT_NE(std::string::npos, msg7.find("JSON-escaped")) << msg7;
}

TEST(Cases, Case_C05_PercentEncodingIsNamed) {
  const std::string t7 = vector_token("p007-rtc-uid-01");
  const size_t plus = t7.find('+');
  const std::string encoded = t7.substr(0, plus) + "%2B" + t7.substr(plus + 1);
  const std::string msg = error_of([&] { tk::decode(encoded); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("'%' at offset " + std::to_string(plus))) << msg;
  EXPECT_NE(std::string::npos, msg.find("looks URL-encoded")) << msg;
}

// ---- C-06 decoder robustness ------------------------------------------------------------

TEST(Cases, Case_C06_EveryTruncationOfATokenFails) {
  for (const char *id : {"p007-raw-01", "p006-rtc-uid-01", "p007-edu-room-user-02"}) {
    const std::string token = vector_token(id);
    for (size_t n = 0; n < token.size(); ++n) {
      EXPECT_THROW(tk::decode(token.substr(0, n)), eduauth::Error) << id << " cut to " << n;
    }
  }
  EXPECT_THROW(tk::decode("007AAAA"), eduauth::Error);
  EXPECT_THROW(tk::decode("007AAAAAAAA="), eduauth::Error);
}

TEST(Cases, Case_C06_EveryTruncationOfThePayloadFails) {
  // Payload cut at every byte, correctly compressed: each length/count check must fire.
  const tk::Token full = tk::decode(vector_token("p007-raw-01"));
  std::string payload = eduauth::test::from_hex(
      eduauth::test::vector_by_id("p007-raw-01").at("decoded").at("payload_hex").get<std::string>());
  for (size_t n = 0; n < payload.size(); ++n) {
    std::string compressed;
    tk::detail::append_zlib_compressed(compressed, std::string_view(payload).substr(0, n));
    std::string token = "007";
    tk::detail::append_base64(token, compressed);
    EXPECT_THROW(tk::decode(token), eduauth::Error) << "payload cut to " << n;
  }
  EXPECT_EQ(8u, full.v007.services.size());
}

TEST(Cases, Case_C06_DecompressionBombIsRejected) {
  const std::string bomb = eduauth::test::vector_by_id("m007-38").at("token");
  const std::string msg = error_of([&] { tk::decode(bomb); }, Errc::malformed_token);
  EXPECT_NE(std::string::npos, msg.find("65536")) << msg;
}

TEST(Cases, Case_C06_AFailedParseExposesNothingOfAnEarlierOne) {
  const tk::Token first = tk::decode(vector_token("p007-raw-01"));
  const std::string first_json = tk::to_json(first);
  tk::Token reused = first;
  // A failure inside inflate (truncated stream) and one inside the payload reader.
  const std::string t = vector_token("p007-raw-01");
  EXPECT_THROW(reused = tk::decode(t.substr(0, t.size() - 8)), eduauth::Error);
  EXPECT_THROW(reused = tk::decode(eduauth::test::vector_by_id("m007-27").at("token").get<std::string>()),
               eduauth::Error);
  EXPECT_EQ(first_json, tk::to_json(reused)); // untouched: decode returns whole or throws
  // The next decode on this thread starts clean (per-thread zlib state was reset).
  const tk::Token next = tk::decode(vector_token("p007-rtm-01"));
  EXPECT_EQ(1u, next.v007.services.size());
  EXPECT_EQ("test_user", next.v007.services[0].user_id);
  EXPECT_FALSE(next.v007.unknown_service_type.has_value());
  EXPECT_EQ(0u, next.v007.trailing_bytes);
}

TEST(Cases, Case_C06_UnknownServiceKeepsEarlierServicesAndSignatureCoversRawBytes) {
  const std::string token = eduauth::test::vector_by_id("m007-30").at("token");
  const tk::Token t = tk::decode(token);
  ASSERT_TRUE(t.v007.unknown_service_type.has_value());
  EXPECT_EQ(99, *t.v007.unknown_service_type);
  ASSERT_EQ(1u, t.v007.services.size());
  EXPECT_TRUE(tk::verify(t.v007, kCert));
  // Change one byte inside the skipped RTM block: still decodes the same, no longer verifies.
  std::string payload;
  tk::detail::Writer w(payload);
  w.string("signature", t.v007.signature);
  payload += t.v007.signed_bytes;
  payload.back() = static_cast<char>(payload.back() ^ 0x01);
  std::string compressed;
  tk::detail::append_zlib_compressed(compressed, payload);
  std::string changed = "007";
  tk::detail::append_base64(changed, compressed);
  const tk::Token u = tk::decode(changed);
  EXPECT_EQ(t.v007.services.size(), u.v007.services.size());
  EXPECT_FALSE(tk::verify(u.v007, kCert));
}

// ---- C-07 packing fidelity --------------------------------------------------------------

TEST(Cases, Case_C07_ApaasRoleIsAnInt16) {
  const std::string token = tk::EducationTokenBuilder2::BuildUserToken(kAppId, kCert, "u", 600, kPinned);
  const tk::Token t = tk::decode(token);
  ASSERT_EQ(1u, t.v007.services.size());
  EXPECT_EQ(-1, t.v007.services[0].role);
  // The block ends with the two role bytes ff ff.
  EXPECT_EQ("\xff\xff", t.v007.signed_bytes.substr(t.v007.signed_bytes.size() - 2));
  error_of([] { tk::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, "r", "u", 32768, 600, kPinned); },
           Errc::invalid_argument);
  EXPECT_EQ(-32768, tk::decode(tk::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, "r", "u", -32768,
                                                                               600, kPinned))
                        .v007.services.back()
                        .role);
}

TEST(Cases, Case_C07_ServicesSortedByTypeDuplicatesInInsertionOrder) {
  tk::AccessToken2 a;
  a.app_id = kAppId;
  a.issue_ts = 1700000000;
  a.salt = 1;
  a.expire = 600;
  a.services.push_back(tk::Service::rtc("first", "1").add_privilege(1, 600));
  a.services.push_back(tk::Service::rtm("user").add_privilege(1, 600));
  a.services.push_back(tk::Service::rtc("second", "2").add_privilege(1, 600));
  a.services.push_back(tk::Service::chat("c").add_privilege(1, 600));
  const tk::Token t = tk::decode(tk::build(a, kCert));
  ASSERT_EQ(4u, t.v007.services.size());
  EXPECT_EQ("first", t.v007.services[0].channel_name);
  EXPECT_EQ("second", t.v007.services[1].channel_name);
  EXPECT_EQ(2, t.v007.services[2].type);
  EXPECT_EQ(5, t.v007.services[3].type);
  EXPECT_TRUE(tk::verify(t.v007, kCert));
}

TEST(Cases, Case_C07_BuildingWithNoServicesIsAnError) {
  tk::AccessToken2 a;
  a.app_id = kAppId;
  const std::string msg = error_of([&] { tk::build(a, kCert); }, Errc::invalid_argument);
  EXPECT_NE(std::string::npos, msg.find("service")) << msg;
}

// ---- C-08 non-ASCII at the language boundary --------------------------------------------

TEST(Cases, Case_C08_NonAsciiAccountsRoundTripAsUtf8Bytes) {
  const std::string teacher = "\xe8\x80\x81\xe5\xb8\x88" "01"; // 老师01: 8 UTF-8 bytes
  const std::string smile = "u\xf0\x9f\x99\x82";                 // u🙂: 75 f0 9f 99 82, not CESU-8
  ASSERT_EQ(8u, teacher.size());
  ASSERT_EQ("75f09f9982", eduauth::test::to_hex(smile));
  for (const std::string &user : {teacher, smile}) {
    const std::string rtm = tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, user, 600, kPinned);
    EXPECT_EQ(rtm, tk::RtmTokenBuilder2::BuildToken(kAppId, kCert, user, 600, kPinned)); // deterministic
    const tk::Token t = tk::decode(rtm);
    EXPECT_EQ(user, t.v007.services.at(0).user_id);
    const json j = json::parse(tk::to_json(t));
    EXPECT_EQ(user, j.at("services")[0].at("user_id").get<std::string>());
    EXPECT_EQ(user.size(), j.at("services")[0].at("user_id_byte_length").get<size_t>());
    EXPECT_EQ(eduauth::test::to_hex(user), j.at("services")[0].at("user_id_hex").get<std::string>());

    using B = tk::RtcTokenBuilder2;
    const tk::Token rtc = tk::decode(
        B::BuildTokenWithUserAccount(kAppId, kCert, kChannel, user, B::kRolePublisher, 600, 600, kPinned));
    EXPECT_EQ(user, rtc.v007.services.at(0).account);
    const tk::Token r6 = tk::decode(
        tk::RtmTokenBuilder::buildToken(kAppId, kCert, user, tk::RtmTokenBuilder::Rtm_User, 0, kPinned));
    EXPECT_TRUE(tk::verify(r6.v006, kCert, user, ""));
  }
  // The chat id of a non-ASCII user is the MD5 of its UTF-8 bytes.
  EXPECT_EQ(32u, tk::chat_user_id(teacher).size());
  EXPECT_NE(tk::chat_user_id(teacher), tk::chat_user_id("\xe8\x80\x81\xe5\xb8\x88"));
}

} // namespace
