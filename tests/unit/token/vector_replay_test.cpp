// replay_vector(): dispatch, aliases, errors (the CLI's build-vector relies on these).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eduauth/token.hpp"
#include "eduauth_test/vectors.hpp"
#include "token/vector_replay.hpp"

namespace {

using nlohmann::json;
namespace tk = eduauth::token;

std::string error_of(const json &v) {
  try {
    tk::replay_vector(v);
  } catch (const eduauth::Error &e) {
    EXPECT_EQ(eduauth::Errc::invalid_argument, e.code());
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return {};
}

TEST(VectorReplay, UnknownBuilderIsNamed) {
  json v = eduauth::test::vector_by_id("p007-rtm-01");
  v["builder"] = "RtmTokenBuilder3.BuildToken";
  const std::string msg = error_of(v);
  EXPECT_NE(std::string::npos, msg.find("unknown builder \"RtmTokenBuilder3.BuildToken\"")) << msg;
  EXPECT_NE(std::string::npos, msg.find("p007-rtm-01")) << msg;
}

TEST(VectorReplay, MissingInputIsNamed) {
  json v = eduauth::test::vector_by_id("p007-rtm-01");
  v["inputs"].erase("user_id");
  const std::string msg = error_of(v);
  EXPECT_NE(std::string::npos, msg.find("missing input 'user_id'")) << msg;
  v = eduauth::test::vector_by_id("p007-rtm-01");
  v["inputs"]["expire"] = "600";
  EXPECT_NE(std::string::npos, error_of(v).find("'expire' is not an integer"));
}

TEST(VectorReplay, ApaasBuilderIsTheEducationBuilder) {
  json v = eduauth::test::vector_by_id("p007-edu-room-user-02");
  const std::string education = tk::replay_vector(v);
  v["builder"] = "ApaasTokenBuilder.BuildRoomUserToken";
  EXPECT_EQ(education, tk::replay_vector(v));
}

TEST(VectorReplay, AbbreviatedHugeStringsAreExpanded) {
  const json &v = eduauth::test::vector_by_id("b007-07"); // "<70000-byte string: xxx...>"
  const std::string msg = error_of(v);
  EXPECT_NE(std::string::npos, msg.find("70000 bytes")) << msg;
  json small = v;
  small["inputs"]["user_id"] = "<5000-byte string: yyyy...>";
  const tk::Token t = tk::decode(tk::replay_vector(small));
  EXPECT_EQ(std::string(5000, 'y'), t.v007.services.at(0).user_id);
}

TEST(VectorReplay, Raw006UidMayBeANumber) {
  json v = eduauth::test::vector_by_id("p006-raw-01"); // uid "2882341273"
  const std::string as_text = tk::replay_vector(v);
  v["inputs"]["uid"] = 2882341273u;
  EXPECT_EQ(as_text, tk::replay_vector(v));
  v["builder"] = "AccessToken (006, reference fixture)";
  EXPECT_EQ(as_text, tk::replay_vector(v));
}

TEST(VectorReplay, NotAnObjectIsAnError) { EXPECT_THROW(tk::replay_vector(json::array()), eduauth::Error); }

} // namespace

namespace {

// A replay must be reproducible: no fallback to the clock or a random salt.
TEST(VectorReplay, MissingPinnedTimeOrSaltIsNamed) {
  json v = eduauth::test::vector_by_id("p007-rtm-01");
  v.erase("salt");
  EXPECT_NE(std::string::npos, error_of(v).find("no 'salt'")) << error_of(v);
  v = eduauth::test::vector_by_id("p007-rtm-01");
  v.erase("issue_ts");
  EXPECT_NE(std::string::npos, error_of(v).find("no 'issue_ts'")) << error_of(v);
  v = eduauth::test::vector_by_id("p006-rtm-01");
  v.erase("clock_time");
  EXPECT_NE(std::string::npos, error_of(v).find("(or 'clock_time')")) << error_of(v);
  v = eduauth::test::vector_by_id("p006-rtm-01");
  v.erase("salt");
  EXPECT_NE(std::string::npos, error_of(v).find("no 'salt'")) << error_of(v);
  v = eduauth::test::vector_by_id("p006-raw-01");
  v.erase("ts");
  EXPECT_NE(std::string::npos, error_of(v).find("'ts'")) << error_of(v);
}

// Values that do not fit the wire's u16 are refused, not truncated (65536 would become 0).
TEST(VectorReplay, Rtm2TypesWiderThanU16AreRefused) {
  json v = eduauth::test::vector_by_id("p007-rtm2-perm-01");
  v["inputs"]["permissions"][0]["resource_type"] = 65536;
  EXPECT_NE(std::string::npos, error_of(v).find("'resource_type' = 65536 does not fit a u16")) << error_of(v);
  v = eduauth::test::vector_by_id("p007-rtm2-perm-01");
  v["inputs"]["permissions"][0]["permission_type"] = 65537;
  EXPECT_NE(std::string::npos, error_of(v).find("'permission_type' = 65537 does not fit a u16")) << error_of(v);
}

} // namespace
