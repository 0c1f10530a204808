// Every `malformed` vector against its eduauth_expected decision (reject / refuse / build /
// accept / accept_flag_unknown_service / accept_flag_trailing_bytes / accept_verify_fails).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>

#include "eduauth/token.hpp"
#include "eduauth_test/vectors.hpp"
#include "token/vector_replay.hpp"

namespace {

using nlohmann::json;
namespace tk = eduauth::token;

constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b"; // the certificate the references verified with

class MalformedVector : public ::testing::TestWithParam<json> {};

std::string param_name(const ::testing::TestParamInfo<json> &info) {
  return eduauth::test::test_name(info.param.at("id").get<std::string>());
}

// What each rejection message must mention, beyond being a malformed_token/unsupported_version.
const std::map<std::string, std::pair<eduauth::Errc, std::string>> &reject_details() {
  using eduauth::Errc;
  static const std::map<std::string, std::pair<Errc, std::string>> m = {
      {"m007-01", {Errc::malformed_token, "empty"}},
      {"m007-02", {Errc::malformed_token, "nothing follows"}},
      {"m007-03", {Errc::malformed_token, "app ID"}},
      {"m007-04", {Errc::unsupported_version, "\"008\""}},
      {"m007-05", {Errc::unsupported_version, "whitespace"}},
      {"m007-06", {Errc::malformed_token, "'!' at offset 3"}},
      {"m007-08", {Errc::malformed_token, "\\x0a at offset 23"}},
      {"m007-09", {Errc::malformed_token, "multiple of 4"}},
      {"m007-10", {Errc::malformed_token, "multiple of 4"}},
      {"m007-16", {Errc::malformed_token, "zlib"}},
      {"m007-17", {Errc::malformed_token, "zlib"}},
      {"m007-18", {Errc::malformed_token, "zlib"}},
      {"m007-21", {Errc::malformed_token, "signature"}},
      {"m007-23", {Errc::malformed_token, "privilege count"}},
      {"m007-25", {Errc::malformed_token, "signature"}},
      {"m007-26", {Errc::malformed_token, "app_id"}},
      {"m007-27", {Errc::malformed_token, "service count"}},
      {"m007-35", {Errc::malformed_token, "signature"}},
      {"m007-36", {Errc::malformed_token, "app_id"}},
      {"m007-37", {Errc::malformed_token, "65536"}},
      {"m007-38", {Errc::malformed_token, "65536"}},
      {"m007-39", {Errc::malformed_token, "signature"}},
      {"m007-40", {Errc::malformed_token, "65536"}},
      {"m006-01", {Errc::malformed_token, "empty"}},
      {"m006-02", {Errc::malformed_token, "only 3 characters"}},
      {"m006-03", {Errc::malformed_token, "only 35 characters"}},
      {"m006-05", {Errc::malformed_token, "zlib"}},
      {"m006-08", {Errc::malformed_token, "signature"}},
      {"m006-09", {Errc::malformed_token, "message"}},
      {"m006-10", {Errc::malformed_token, "multiple of 4"}},
      {"m006-11", {Errc::malformed_token, "after the message"}},
      {"m006-12", {Errc::malformed_token, "'Z' at offset 3"}},
  };
  return m;
}

void expect_reject(const json &v) {
  const std::string token = v.at("token");
  try {
    const tk::Token t = tk::decode(token);
    ADD_FAILURE() << "decoded: " << tk::to_json(t);
  } catch (const eduauth::Error &e) {
    const std::string msg = e.what();
    const auto it = reject_details().find(v.at("id"));
    ASSERT_NE(reject_details().end(), it) << "no expectation for " << v.at("id") << ": " << msg;
    EXPECT_EQ(it->second.first, e.code()) << msg;
    EXPECT_NE(std::string::npos, msg.find(it->second.second)) << msg;
  }
}

// The services the C++ reference parser kept (reference_results.cpp.decoded_summary).
void expect_reference_services(const json &v, const tk::AccessToken2 &t) {
  const json &summary = v.at("reference_results").at("cpp").at("decoded_summary");
  EXPECT_EQ(summary.at("app_id").get<std::string>(), t.app_id);
  EXPECT_EQ(summary.at("issue_ts").get<uint32_t>(), t.issue_ts);
  EXPECT_EQ(summary.at("expire").get<uint32_t>(), t.expire);
  EXPECT_EQ(summary.at("salt").get<uint32_t>(), t.salt);
  const json &services = summary.at("services");
  ASSERT_EQ(services.size(), t.services.size());
  for (size_t i = 0; i < services.size(); ++i) {
    EXPECT_EQ(services[i].at("type").get<uint16_t>(), t.services[i].type);
    tk::PrivilegeMap privileges;
    for (const auto &p : services[i].at("privileges")) {
      privileges[p[0].get<uint16_t>()] = p[1].get<uint32_t>();
    }
    EXPECT_EQ(privileges, t.services[i].privileges);
    if (services[i].contains("channel")) {
      EXPECT_EQ(services[i].at("channel").get<std::string>(), t.services[i].channel_name);
      EXPECT_EQ(services[i].at("account").get<std::string>(), t.services[i].account);
    }
  }
}

TEST_P(MalformedVector, FollowsTheEduauthDecision) {
  const json &v = GetParam();
  const std::string expected = v.at("eduauth_expected");
  const std::string kind = v.at("kind");
  if (kind.rfind("build_invalid_input", 0) == 0) {
    if (expected == "refuse") {
      try {
        const std::string token = tk::replay_vector(v);
        ADD_FAILURE() << "built " << token.size() << " characters";
      } catch (const eduauth::Error &e) {
        EXPECT_EQ(eduauth::Errc::invalid_argument, e.code()) << e.what();
        EXPECT_EQ(std::string::npos, std::string(e.what()).find("unknown builder")) << e.what();
      }
    } else {
      ASSERT_EQ("build", expected);
      EXPECT_NO_THROW(tk::decode(tk::replay_vector(v)));
    }
    return;
  }
  if (expected == "reject") {
    expect_reject(v);
    return;
  }
  const tk::Token t = tk::decode(v.at("token").get<std::string>());
  ASSERT_EQ(tk::Version::v007, t.version);
  const tk::AccessToken2 &a = t.v007;
  expect_reference_services(v, a);
  if (expected == "accept") {
    EXPECT_FALSE(a.unknown_service_type.has_value());
    EXPECT_EQ(0u, a.trailing_bytes);
    EXPECT_TRUE(tk::verify(a, kCert));
  } else if (expected == "accept_flag_unknown_service") {
    ASSERT_TRUE(a.unknown_service_type.has_value());
    EXPECT_FALSE(a.services.empty());
    EXPECT_GT(a.declared_service_count, a.services.size());
    EXPECT_TRUE(tk::verify(a, kCert)); // the signature still covers the skipped bytes
    const json j = json::parse(tk::to_json(t));
    EXPECT_EQ(*a.unknown_service_type, j.at("unknown_service_type").get<uint16_t>());
  } else if (expected == "accept_flag_trailing_bytes") {
    EXPECT_GT(a.trailing_bytes, 0u);
    EXPECT_TRUE(tk::verify(a, kCert));
    EXPECT_EQ(a.trailing_bytes, json::parse(tk::to_json(t)).at("trailing_bytes").get<size_t>());
  } else if (expected == "accept_verify_fails") {
    EXPECT_FALSE(tk::verify(a, kCert));
  } else {
    FAIL() << "unknown eduauth_expected " << expected;
  }
}

INSTANTIATE_TEST_SUITE_P(Vectors, MalformedVector, ::testing::ValuesIn(eduauth::test::vectors("malformed")),
                         param_name);

TEST(MalformedVectors, UnknownServiceTypeIsReportedAndLaterServicesDropped) {
  const tk::Token t = tk::decode(eduauth::test::vector_by_id("m007-30").at("token").get<std::string>());
  EXPECT_EQ(99, *t.v007.unknown_service_type);
  EXPECT_EQ(3, t.v007.declared_service_count);
  ASSERT_EQ(1u, t.v007.services.size());
  EXPECT_EQ(1, t.v007.services[0].type);
}

TEST(MalformedVectors, TrailingBytesAreCounted) {
  const tk::Token t = tk::decode(eduauth::test::vector_by_id("m007-33").at("token").get<std::string>());
  EXPECT_EQ(8u, t.v007.trailing_bytes); // b"TRAILING"
  const tk::Token u = tk::decode(eduauth::test::vector_by_id("m007-34").at("token").get<std::string>());
  EXPECT_EQ(8u, u.v007.trailing_bytes);
}

TEST(MalformedVectors, ServiceCountZeroDecodesWithNoServices) {
  const tk::Token t = tk::decode(eduauth::test::vector_by_id("m007-32").at("token").get<std::string>());
  EXPECT_TRUE(t.v007.services.empty());
  EXPECT_EQ(0, t.v007.declared_service_count);
  EXPECT_EQ(int64_t{t.v007.issue_ts} + t.v007.expire, t.expires_at());
}

} // namespace
