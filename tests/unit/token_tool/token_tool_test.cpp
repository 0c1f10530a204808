// Tests of the eduauth-token CLI, run as a real process: exit codes, stdout/stderr contents,
// and every positive vector replayed through `build-vector` (and the named builders through
// `build KIND`) against its expected_token.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_process.hpp"

using eduauth::test::ProcessResult;
using eduauth::test::run_process;
using nlohmann::json;

namespace {

const std::string kCert = "5CFd2fd1755d40ecb72977518be15d3b";
const std::string kAppId = "970CA35de60c44645bbae8a215061b33";

const json &vectors() {
  static const json v = [] {
    std::ifstream in(std::string(EDUAUTH_SHARED_DIR) + "/vectors/token_vectors.json");
    if (!in) throw std::runtime_error("cannot open token_vectors.json under " EDUAUTH_SHARED_DIR);
    return json::parse(in);
  }();
  return v;
}

const json &vector_by_id(const std::string &id) {
  for (const auto &section : {"positive", "verify", "malformed"})
    for (const auto &v : vectors()[section])
      if (v["id"] == id) return v;
  throw std::runtime_error("no vector " + id);
}

// The CLI never sees the caller's APP_ID / APP_CERTIFICATE unless a test sets them.
ProcessResult tool(std::vector<std::string> args, const std::string &in = "",
                   const std::map<std::string, std::string> &env = {}) {
  args.insert(args.begin(), EDUAUTH_TOKEN_TOOL);
  std::vector<std::string> unset;
  for (const char *name : {"APP_ID", "APP_CERTIFICATE"})
    if (!env.count(name)) unset.push_back(name);
  return run_process(args, in, env, unset);
}

std::string describe(const ProcessResult &r) {
  return "exit " + std::to_string(r.exit_code) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

// ---------------------------------------------------------------- build-vector

TEST(TokenToolBuildVector, ReplaysEveryPositiveVectorFromStdin) {
  ASSERT_GE(vectors()["positive"].size(), 60u);
  for (const auto &v : vectors()["positive"]) {
    ProcessResult r = tool({"build-vector", "-"}, v.dump());
    EXPECT_EQ(r.exit_code, 0) << v["id"] << "\n" << describe(r);
    EXPECT_EQ(r.out, v["expected_token"].get<std::string>() + "\n") << v["id"];
  }
}

TEST(TokenToolBuildVector, ReadsTheVectorFromAFile) {
  const json &v = vector_by_id("p007-edu-room-user-02");
  const std::string path = std::string(EDUAUTH_BINARY_DIR) + "/token_tool_test_vector.json";
  std::ofstream(path) << v.dump(2);
  ProcessResult r = tool({"build-vector", path});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_EQ(r.out, v["expected_token"].get<std::string>() + "\n");
}

// A held-out vector has an id and values this tool never saw: the replay must follow the fields.
TEST(TokenToolBuildVector, FollowsTheFieldsNotTheId) {
  json v = vector_by_id("p007-rtm-01");
  v["id"] = "held-out-rtm-99";
  v.erase("expected_token");
  v.erase("decoded");
  v["inputs"]["expire"] = 1234;
  v["inputs"]["user_id"] = "someone-else";
  v["salt"] = 42;
  v["issue_ts"] = 1800000000;
  ProcessResult built = tool({"build-vector", "-"}, v.dump());
  ASSERT_EQ(built.exit_code, 0) << describe(built);
  ProcessResult decoded = tool({"decode", "-"}, built.out);
  ASSERT_EQ(decoded.exit_code, 0) << describe(decoded);
  json j = json::parse(decoded.out);
  EXPECT_EQ(j["expire"], 1234);
  EXPECT_EQ(j["salt"], 42);
  EXPECT_EQ(j["issue_ts"], 1800000000);
  ASSERT_EQ(j["services"].size(), 1u);
  EXPECT_EQ(j["services"][0]["user_id"], "someone-else");
  EXPECT_EQ(j["services"][0]["privileges"][0]["value"], 1234);
}

TEST(TokenToolBuildVector, RejectsInvalidInputWithExit2) {
  ProcessResult not_json = tool({"build-vector", "-"}, "{\"id\": ");
  EXPECT_EQ(not_json.exit_code, 2);
  EXPECT_NE(not_json.err.find("JSON"), std::string::npos) << not_json.err;

  ProcessResult array = tool({"build-vector", "-"}, "[1,2]");
  EXPECT_EQ(array.exit_code, 2);
  EXPECT_NE(array.err.find("object"), std::string::npos) << array.err;

  ProcessResult missing = tool({"build-vector", "/nonexistent/vector.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/vector.json"), std::string::npos) << missing.err;

  ProcessResult empty_object = tool({"build-vector", "-"}, "{}");
  EXPECT_EQ(empty_object.exit_code, 2) << describe(empty_object);
  EXPECT_TRUE(empty_object.out.empty());
  EXPECT_FALSE(empty_object.err.empty());

  EXPECT_EQ(tool({"build-vector"}).exit_code, 2);
}

// Every value packed as a u16 is range-checked, not truncated (65537 would become RTC).
TEST(TokenToolBuildVector, U16FieldsAreRangeCheckedNotTruncated) {
  const auto refused = [](json v, const std::string &message) {
    ProcessResult r = tool({"build-vector", "-"}, v.dump());
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_NE(r.err.find(message), std::string::npos) << "want '" << message << "' in: " << r.err;
  };
  json service = vector_by_id("p007-raw-03");
  service["inputs"]["services_in_insertion_order"][0]["type"] = 65536 + 5; // Chat + 2^16
  refused(service, "input 'type' = 65541 does not fit a u16");
  json privilege = vector_by_id("p007-raw-03");
  privilege["inputs"]["services_in_insertion_order"][0]["privileges_added"][0][0] = 65537;
  refused(privilege, "input 'privilege id' = 65537 does not fit a u16");
  json rtm2 = vector_by_id("p007-rtm2-perm-01");
  rtm2["inputs"]["permissions"][0]["resource_type"] = 70000;
  refused(rtm2, "input 'resource_type' = 70000 does not fit a u16");
  json rtm2_raw = vector_by_id("p007-raw-01");
  rtm2_raw["inputs"]["services_in_insertion_order"][0]["permissions"][0]["permission_type"] = 65536;
  refused(rtm2_raw, "input 'permission_type' = 65536 does not fit a u16");
  // The largest u16 still packs.
  json max = vector_by_id("p007-rtm2-perm-01");
  max["inputs"]["permissions"][0]["resource_type"] = 65535;
  ProcessResult ok = tool({"build-vector", "-"}, max.dump());
  EXPECT_EQ(ok.exit_code, 0) << describe(ok);
}

// ---------------------------------------------------------------- decode

TEST(TokenToolDecode, EveryPositiveVectorDecodesToItsFields) {
  for (const auto &v : vectors()["positive"]) {
    ProcessResult r = tool({"decode", v["expected_token"].get<std::string>()});
    ASSERT_EQ(r.exit_code, 0) << v["id"] << "\n" << describe(r);
    EXPECT_TRUE(r.err.empty()) << r.err;
    json j = json::parse(r.out);
    const json &want = v["decoded"];
    std::vector<std::string> keys = {"version", "app_id", "signature_hex", "salt"};
    if (v["format"] == "007") {
      keys.insert(keys.end(), {"issue_ts", "expire", "service_count"});
    } else {
      keys.insert(keys.end(), {"ts", "crc_channel_name", "crc_uid"});
    }
    for (const auto &key : keys) EXPECT_EQ(j[key], want[key]) << v["id"] << " field " << key;
    if (v["format"] == "007") {
      ASSERT_EQ(j["services"].size(), want["services"].size()) << v["id"];
      for (size_t i = 0; i < want["services"].size(); ++i) {
        const json &ws = want["services"][i], &gs = j["services"][i];
        EXPECT_EQ(gs["type"], ws["type"]) << v["id"];
        for (const auto &field : {"channel_name", "account", "user_id", "room_uuid", "user_uuid", "role"})
          if (ws.contains(field)) {
            EXPECT_EQ(gs[field], ws[field]) << v["id"] << " service " << i << " " << field;
          }
        ASSERT_EQ(gs["privileges"].size(), ws["privileges"].size()) << v["id"];
        for (size_t p = 0; p < ws["privileges"].size(); ++p) {
          EXPECT_EQ(gs["privileges"][p]["id"], ws["privileges"][p]["id"]) << v["id"];
          EXPECT_EQ(gs["privileges"][p]["value"], ws["privileges"][p]["value"]) << v["id"];
        }
      }
    } else {
      ASSERT_EQ(j["privileges"].size(), want["privileges"].size()) << v["id"];
      for (size_t p = 0; p < want["privileges"].size(); ++p) {
        EXPECT_EQ(j["privileges"][p]["id"], want["privileges"][p]["id"]) << v["id"];
        EXPECT_EQ(j["privileges"][p]["value"], want["privileges"][p]["value"]) << v["id"];
      }
    }
  }
}

TEST(TokenToolDecode, ReportsAbsoluteExpiry) {
  // 007: issue_ts + expire (relative); C-03.
  ProcessResult r007 = tool({"decode", vector_by_id("p007-edu-room-user-02")["expected_token"]});
  ASSERT_EQ(r007.exit_code, 0) << describe(r007);
  EXPECT_EQ(json::parse(r007.out)["expires_at"], 1700000000 + 600);
  // 006 RTM with privilege 0: only ts (clock + 24 h) bounds it.
  ProcessResult r006 = tool({"decode", vector_by_id("p006-rtm-01")["expected_token"]});
  ASSERT_EQ(r006.exit_code, 0) << describe(r006);
  EXPECT_EQ(json::parse(r006.out)["expires_at"], 1700086400);
}

TEST(TokenToolDecode, StdinLosesExactlyOneTrailingNewline) {
  const std::string token = vector_by_id("p007-rtm-01")["expected_token"];
  EXPECT_EQ(tool({"decode", "-"}, token).exit_code, 0);
  EXPECT_EQ(tool({"decode", "-"}, token + "\n").exit_code, 0);
  EXPECT_EQ(tool({"decode", "-"}, token + "\r\n").exit_code, 0);
  ProcessResult twice = tool({"decode", "-"}, token + "\n\n");
  EXPECT_EQ(twice.exit_code, 2) << describe(twice);
  EXPECT_EQ(tool({"decode", "-"}, " " + token).exit_code, 2);
}

TEST(TokenToolDecode, MalformedVectorsExit2AndAcceptedOnesDecode) {
  int rejected = 0;
  for (const auto &v : vectors()["malformed"]) {
    if (!v.contains("token")) continue; // builder-input cases are covered by the build tests
    const std::string token = v["token"];
    const std::string expected = v["eduauth_expected"];
    ProcessResult r = tool({"decode", "-"}, token);
    if (expected == "reject") {
      ++rejected;
      EXPECT_EQ(r.exit_code, 2) << v["id"] << "\n" << describe(r);
      EXPECT_TRUE(r.out.empty()) << v["id"];
      EXPECT_FALSE(r.err.empty()) << v["id"];
      EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << v["id"] << ": one line on stderr: " << r.err;
      if (token.size() > 24) {
        EXPECT_EQ(r.err.find(token.substr(3, 20)), std::string::npos) << v["id"] << " leaks the token";
      }
    } else {
      EXPECT_EQ(r.exit_code, 0) << v["id"] << "\n" << describe(r);
      if (r.exit_code != 0) continue;
      json j = json::parse(r.out);
      if (expected == "accept_flag_unknown_service") {
        EXPECT_TRUE(j.contains("unknown_service_type")) << r.out;
      }
      if (expected == "accept_flag_trailing_bytes") {
        EXPECT_GT(j.value("trailing_bytes", 0), 0) << r.out;
      }
    }
  }
  EXPECT_GE(rejected, 30);
}

TEST(TokenToolDecode, PercentEncodedOrJsonEscapedTokenIsNamedOnStderr) {
  std::string token = vector_by_id("p007-edu-room-user-02")["expected_token"];
  std::string escaped = token;
  escaped.replace(escaped.find('/'), 1, "\\/"); // C-05: a PHP server's escaped slash
  ProcessResult r = tool({"decode", escaped});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("\\"), std::string::npos) << "names the offending character: " << r.err;
}

// Reads are bounded: `decode - < /dev/zero` used to grow without limit.
TEST(TokenToolDecode, StdinLongerThanTheTokenLimitIsRefusedNamingTheLimit) {
  ProcessResult r = tool({"decode", "-"}, std::string((1u << 20) + 3, 'A'));
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("longer than " + std::to_string((1u << 20) + 2) + " bytes"), std::string::npos) << r.err;
  // Exactly at the limit the token reaches the decoder, which names its own limit.
  ProcessResult at = tool({"decode", "-"}, "007" + std::string((1u << 20) - 3, 'A') + "\r\n");
  EXPECT_EQ(at.err.find("longer than"), std::string::npos) << at.err;
}

TEST(TokenToolBuildVector, EndlessInputIsRefusedNamingTheLimitNotAsInvalidJson) {
  ProcessResult r = tool({"build-vector", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("longer than 16777216 bytes"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("not valid JSON"), std::string::npos) << r.err;
}

TEST(TokenToolDecode, QuotedOrIndentedTokenIsExplained) {
  ProcessResult quoted = tool({"decode", "\"007eJwAAA\""});
  EXPECT_EQ(quoted.exit_code, 2) << describe(quoted);
  EXPECT_NE(quoted.err.find("wrapped in quotes"), std::string::npos) << quoted.err;
  ProcessResult indented = tool({"decode", " 007eJwAAA"});
  EXPECT_NE(indented.err.find("leading whitespace"), std::string::npos) << indented.err;
}

TEST(TokenToolDecode, ArgumentMistakesExit2) {
  EXPECT_EQ(tool({"decode"}).exit_code, 2);
  EXPECT_EQ(tool({"decode", "a", "b"}).exit_code, 2);
  EXPECT_EQ(tool({"decode", "--bogus", "x"}).exit_code, 2);
  ProcessResult help = tool({"decode", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("usage: eduauth-token decode"), std::string::npos);
}

// ---------------------------------------------------------------- verify

bool is_hex32(const std::string &s) {
  if (s.size() != 32) return false;
  for (char c : s)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

TEST(TokenToolVerify, VerifyVectorsGiveExit0ValidOr1MismatchOr2Malformed) {
  for (const auto &v : vectors()["verify"]) {
    const std::string token = v["token"], cert = v["app_certificate"], expected = v["expected"];
    std::vector<std::string> args = {"verify", token, "--app-certificate", cert};
    if (v["kind"] == "verify_006") {
      args.insert(args.end(), {"--channel-name", v["channel_name"], "--account", v["uid"]});
    }
    ProcessResult r = tool(args);
    const bool decodes = tool({"decode", token}).exit_code == 0;
    int want = expected == "valid" ? 0 : (decodes && is_hex32(cert) ? 1 : 2);
    EXPECT_EQ(r.exit_code, want) << v["id"] << " (" << expected << ")\n" << describe(r);
    if (want == 0) {
      EXPECT_EQ(r.out, "valid\n");
    }
    if (want == 1) {
      EXPECT_EQ(r.out, "signature mismatch\n");
    }
    if (want == 2) {
      EXPECT_TRUE(r.out.empty()) << v["id"];
      EXPECT_EQ(r.err.find(cert), std::string::npos) << v["id"] << " leaks the certificate: " << r.err;
    }
  }
}

TEST(TokenToolVerify, EveryPositiveVectorVerifiesWithItsCertificate) {
  for (const auto &v : vectors()["positive"]) {
    std::vector<std::string> args = {"verify", v["expected_token"], "--app-certificate",
                                     v["inputs"]["app_certificate"]};
    if (v["format"] == "006") args.insert(args.end(), {"--channel-name", v["signed_channel"], "--account", v["signed_uid"]});
    ProcessResult r = tool(args);
    EXPECT_EQ(r.exit_code, 0) << v["id"] << "\n" << describe(r);
    EXPECT_EQ(r.out, "valid\n") << v["id"];
  }
}

TEST(TokenToolVerify, Uid0IsTheEmptyUidAndAccount0IsNot) {
  // p006-rtc-uid-* vectors were built for uid 2882341273; v006-06 checks uid "0" vs "" on 006.
  const json &rtm = vector_by_id("p006-rtm-01");
  const std::string token = rtm["expected_token"];
  EXPECT_EQ(tool({"verify", token, "--app-certificate", kCert, "--channel-name", "test_user", "--uid", "0"}).exit_code, 0);
  EXPECT_EQ(tool({"verify", token, "--app-certificate", kCert, "--channel-name", "test_user", "--account", "0"}).exit_code,
            1);
}

TEST(TokenToolVerify, ArgumentMistakesExit2) {
  const std::string t006 = vector_by_id("p006-rtm-01")["expected_token"];
  const std::string t007 = vector_by_id("p007-rtm-01")["expected_token"];
  ProcessResult no_channel = tool({"verify", t006, "--app-certificate", kCert});
  EXPECT_EQ(no_channel.exit_code, 2);
  EXPECT_NE(no_channel.err.find("--channel-name"), std::string::npos) << no_channel.err;
  ProcessResult no_uid = tool({"verify", t006, "--app-certificate", kCert, "--channel-name", "test_user"});
  EXPECT_EQ(no_uid.exit_code, 2);
  EXPECT_NE(no_uid.err.find("--uid"), std::string::npos) << no_uid.err;
  ProcessResult no_cert = tool({"verify", t007});
  EXPECT_EQ(no_cert.exit_code, 2);
  EXPECT_NE(no_cert.err.find("APP_CERTIFICATE"), std::string::npos) << no_cert.err;
  EXPECT_EQ(tool({"verify", t007, "--app-certificate", kCert, "--uid", "1", "--account", "1"}).exit_code, 2);
  EXPECT_EQ(tool({"verify", "--app-certificate", kCert}).exit_code, 2);
  EXPECT_EQ(tool({"verify", "007eJxT", "--app-certificate", kCert}).exit_code, 2);
}

TEST(TokenToolVerify, CertificateFromEnvironmentAndStdin) {
  const std::string token = vector_by_id("p007-rtm-01")["expected_token"];
  ProcessResult r = tool({"verify", "-"}, token + "\n", {{"APP_CERTIFICATE", kCert}});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_EQ(r.out, "valid\n");
  ProcessResult wrong = tool({"verify", token}, "", {{"APP_CERTIFICATE", "5CFd2fd1755d40ecb72977518be15d3c"}});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ(wrong.out, "signature mismatch\n");
}

// ---------------------------------------------------------------- build KIND

// Vector builder name -> CLI kind, and vector input name -> CLI option.
std::string kind_for(const std::string &builder) {
  static const std::map<std::string, std::string> kinds = {
      {"EducationTokenBuilder2.BuildRoomUserToken", "education-room-user"},
      {"EducationTokenBuilder2.BuildUserToken", "education-user"},
      {"EducationTokenBuilder2.BuildAppToken", "education-app"},
      {"ApaasTokenBuilder.BuildRoomUserToken", "education-room-user"},
      {"ApaasTokenBuilder.BuildUserToken", "education-user"},
      {"ApaasTokenBuilder.BuildAppToken", "education-app"},
      {"RtmTokenBuilder2.BuildToken", "rtm"},
      {"RtcTokenBuilder2.BuildTokenWithUid", "rtc-uid"},
      {"RtcTokenBuilder2.BuildTokenWithUserAccount", "rtc-account"},
      {"RtcTokenBuilder2.BuildTokenWithRtm", "rtc-rtm"},
      {"ChatTokenBuilder2.BuildUserToken", "chat-user"},
      {"ChatTokenBuilder2.BuildAppToken", "chat-app"},
      {"FpaTokenBuilder.BuildToken", "fpa"},
      {"RtmTokenBuilder.buildToken", "rtm-006"},
      {"RtcTokenBuilder.buildTokenWithUid", "rtc-006-uid"},
      {"RtcTokenBuilder.buildTokenWithUserAccount", "rtc-006-account"},
  };
  auto it = kinds.find(builder);
  return it == kinds.end() ? "" : it->second;
}

std::string option_for(const std::string &input) {
  static const std::map<std::string, std::string> renamed = {
      {"token_expire", "expire"}, {"user_account", "account"}, {"privilege_expired_ts", "privilege-expire"}};
  if (auto it = renamed.find(input); it != renamed.end()) return it->second;
  std::string option = input;
  for (char &c : option)
    if (c == '_') c = '-';
  return option;
}

TEST(TokenToolBuild, NamedBuildersReproduceTheirVectors) {
  int replayed = 0;
  for (const auto &v : vectors()["positive"]) {
    const std::string kind = kind_for(v["builder"]);
    if (kind.empty()) continue;
    std::vector<std::string> args = {"build", kind};
    for (const auto &[name, value] : v["inputs"].items()) {
      if (name == "role" && kind == "rtm-006") continue; // the 006 RTM role does not change the token
      args.push_back("--" + option_for(name));
      args.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    }
    const json pinned_clock = v["format"] == "006" ? v["clock_time"] : v["issue_ts"];
    args.insert(args.end(), {"--issue-ts", pinned_clock.dump(), "--salt", v["salt"].dump()});
    ProcessResult r = tool(args);
    EXPECT_EQ(r.exit_code, 0) << v["id"] << "\n" << describe(r);
    EXPECT_EQ(r.out, v["expected_token"].get<std::string>() + "\n") << v["id"];
    ++replayed;
  }
  EXPECT_GE(replayed, 35);
}

TEST(TokenToolBuild, RoundTripThroughDecodeAndVerify) {
  ProcessResult built = tool({"build", "education-room-user", "--app-id", kAppId, "--app-certificate", kCert,
                              "--room-uuid", "123", "--user-uuid", "test_user", "--role", "1", "--expire", "600",
                              "--issue-ts", "1700000000"});
  ASSERT_EQ(built.exit_code, 0) << describe(built);
  std::string token = built.out.substr(0, built.out.size() - 1);
  ProcessResult decoded = tool({"decode", token});
  ASSERT_EQ(decoded.exit_code, 0) << describe(decoded);
  json j = json::parse(decoded.out);
  EXPECT_EQ(j["app_id"], kAppId);
  EXPECT_EQ(j["issue_ts"], 1700000000);
  EXPECT_EQ(j["expires_at"], 1700000600);
  ASSERT_EQ(j["services"].size(), 3u);
  EXPECT_EQ(j["services"][2]["type"], 7);
  EXPECT_EQ(j["services"][2]["room_uuid"], "123");
  EXPECT_EQ(j["services"][2]["role"], 1);
  EXPECT_GE(j["salt"].get<int64_t>(), 1);
  EXPECT_LE(j["salt"].get<int64_t>(), 99999999);
  EXPECT_EQ(tool({"verify", token, "--app-certificate", kCert}).exit_code, 0);
}

TEST(TokenToolBuild, EveryKindBuildsAVerifiableToken) {
  const std::vector<std::vector<std::string>> cases = {
      {"education-room-user", "--room-uuid", "r", "--user-uuid", "u", "--role", "2"},
      {"education-user", "--user-uuid", "u"},
      {"education-app"},
      {"rtm", "--user-id", "u"},
      {"rtc-uid", "--channel-name", "c", "--uid", "0"},
      {"rtc-account", "--channel-name", "c", "--account", "a", "--role", "subscriber"},
      {"rtc-rtm", "--channel-name", "c", "--account", "a"},
      {"chat-user", "--user-id", "u"},
      {"chat-app"},
      {"fpa"},
  };
  for (auto args : cases) {
    const std::string kind = args[0];
    args.insert(args.begin(), "build");
    args.insert(args.end(), {"--app-id", kAppId, "--app-certificate", kCert});
    ProcessResult r = tool(args);
    ASSERT_EQ(r.exit_code, 0) << kind << "\n" << describe(r);
    EXPECT_EQ(r.out.rfind("007eJ", 0), 0u) << kind << ": " << r.out;
    EXPECT_EQ(tool({"verify", r.out.substr(0, r.out.size() - 1), "--app-certificate", kCert}).exit_code, 0) << kind;
  }
  ProcessResult rtc006 = tool({"build", "rtc-006-uid", "--app-id", kAppId, "--app-certificate", kCert,
                               "--channel-name", "c", "--uid", "7", "--privilege-expire", "4000000000"});
  ASSERT_EQ(rtc006.exit_code, 0) << describe(rtc006);
  EXPECT_EQ(tool({"verify", rtc006.out.substr(0, rtc006.out.size() - 1), "--app-certificate", kCert,
                  "--channel-name", "c", "--uid", "7"})
                .exit_code,
            0);
}

TEST(TokenToolBuild, CredentialsFromEnvironment) {
  const std::vector<std::string> args = {"build", "rtm", "--user-id", "u", "--issue-ts", "1700000000", "--salt", "1"};
  ProcessResult env = tool(args, "", {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kCert}});
  ASSERT_EQ(env.exit_code, 0) << describe(env);
  std::vector<std::string> explicit_args = args;
  explicit_args.insert(explicit_args.end(), {"--app-id", kAppId, "--app-certificate", kCert});
  EXPECT_EQ(tool(explicit_args).out, env.out);
  ProcessResult none = tool(args, "", {{"APP_ID", kAppId}});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("APP_CERTIFICATE"), std::string::npos) << none.err;
}

void expect_usage_error(const std::vector<std::string> &extra, const std::string &must_mention) {
  std::vector<std::string> args = {"build"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), {"--app-id", kAppId, "--app-certificate", kCert});
  ProcessResult r = tool(args);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(must_mention), std::string::npos) << "stderr should mention '" << must_mention << "': " << r.err;
  EXPECT_EQ(r.err.find(kCert), std::string::npos) << "certificate leaked: " << r.err;
}

TEST(TokenToolBuild, BadArgumentsNameTheOptionAndValue) {
  expect_usage_error({"rtc-uid", "--channel-name", "c", "--uid", "9854785632"}, "4294967295"); // C-02
  expect_usage_error({"rtc-uid", "--channel-name", "c", "--uid", "-1"}, "-1");
  expect_usage_error({"rtm", "--user-id", "u", "--expire", "1700003600"}, "1700003600");    // C-03
  expect_usage_error({"rtm", "--user-id", "u", "--expire", "12x"}, "--expire");
  expect_usage_error({"rtm", "--user-id", "u", "--expire", "4294967296"}, "--expire");
  expect_usage_error({"education-room-user", "--user-uuid", "u", "--role", "1"}, "--room-uuid");
  expect_usage_error({"education-room-user", "--room-uuid", "r", "--user-uuid", "u", "--role", "40000"}, "40000");
  expect_usage_error({"rtm", "--user-id", "u", "--uid", "5"}, "--uid");
  expect_usage_error({"rtc-uid", "--channel-name", "c", "--uid", "1", "--role", "host"}, "host");
  expect_usage_error({"no-such-kind"}, "education-room-user");
  expect_usage_error({"rtm", "--user-id", "u", "--bogus", "1"}, "--bogus");
  expect_usage_error({"rtm", "--user-id", std::string(70000, 'x')}, "65535"); // b007-07

  ProcessResult bad_id = tool({"build", "rtm", "--user-id", "u", "--app-id", kAppId.substr(1), "--app-certificate", kCert});
  EXPECT_EQ(bad_id.exit_code, 2) << describe(bad_id);
  EXPECT_NE(bad_id.err.find("app"), std::string::npos) << bad_id.err;
  ProcessResult bad_cert = tool({"build", "rtm", "--user-id", "u", "--app-id", kAppId, "--app-certificate", "not-hex"});
  EXPECT_EQ(bad_cert.exit_code, 2) << describe(bad_cert);
  EXPECT_EQ(tool({"build"}).exit_code, 2);
}

// 0 is not "never" for a 007 token: it is expired when built (token-format.md 2.7). The
// reference packs it as given (vector p007-rtc-uid-05), so it is built, with a loud warning.
TEST(TokenToolBuild, ExpireZeroIsBuiltWithAWarning) {
  ProcessResult r = tool({"build", "education-room-user", "--room-uuid", "r", "--user-uuid", "u", "--role", "1",
                          "--expire", "0", "--issue-ts", "1700000000", "--app-id", kAppId, "--app-certificate",
                          kCert});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_EQ(r.err,
            "eduauth-token build: warning: --expire 0 makes a token that is already expired: a 007 token is valid "
            "until issue_ts + expire (token-format.md 2.7), 0 does not mean \"never expires\"; the eduauth client "
            "refuses it. Give the lifetime in seconds, 1..86400\n");
  const json decoded = json::parse(tool({"decode", r.out.substr(0, r.out.size() - 1)}).out);
  EXPECT_EQ(decoded["expire"], 0);
  EXPECT_EQ(decoded["expires_at"], 1700000000);
  ProcessResult one = tool({"build", "rtm", "--user-id", "u", "--expire", "1", "--app-id", kAppId,
                            "--app-certificate", kCert});
  EXPECT_EQ(one.exit_code, 0) << describe(one);
  EXPECT_TRUE(one.err.empty()) << one.err;
}

// fetch --role takes eduauth-launch's role names; a bad one is a usage error before any request.
TEST(TokenToolFetch, RoleNamesAndBadRoles) {
  const std::vector<std::string> base = {"fetch", "--server", "http://127.0.0.1:9", "--room-uuid", "r",
                                         "--user-uuid", "u", "--role"};
  for (const std::string role : {"pupil", "2x", "", " 1"}) {
    std::vector<std::string> args = base;
    args.push_back(role);
    ProcessResult r = tool(args);
    EXPECT_EQ(r.exit_code, 2) << role << "\n" << describe(r);
    EXPECT_NE(r.err.find("--role: '" + role + "' is not"), std::string::npos) << r.err;
  }
  ProcessResult help = tool({"fetch", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--role ROLE         teacher, student, assistant, observer, audience, none"),
            std::string::npos)
      << help.out;
}

TEST(TokenToolBuild, RefusesAPayloadItsDecoderWouldReject) {
  expect_usage_error({"rtm", "--user-id", std::string(65535, 'a')}, "65536-byte limit");
  // The longest RTM user id that fits the cap builds, and the result decodes.
  ProcessResult ok = tool({"build", "rtm", "--user-id", std::string(65536 - 94, 'a'), "--app-id", kAppId,
                           "--app-certificate", kCert});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  std::string token = ok.out;
  if (!token.empty() && token.back() == '\n') token.pop_back();
  ProcessResult decoded = tool({"decode", "-"}, token);
  EXPECT_EQ(decoded.exit_code, 0) << decoded.err;
}

TEST(TokenToolBuild, Warns006PrivilegeExpireThatLooksRelative) {
  ProcessResult r = tool({"build", "rtm-006", "--app-id", kAppId, "--app-certificate", kCert, "--account", "u",
                          "--privilege-expire", "3600", "--issue-ts", "1700000000"});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_NE(r.err.find("ABSOLUTE"), std::string::npos) << r.err;
}

TEST(TokenToolBuild, HelpListsEveryKind) {
  ProcessResult r = tool({"build", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char *kind : {"education-room-user", "education-user", "education-app", "rtm", "rtm-006", "rtc-uid",
                           "rtc-account", "rtc-rtm", "rtc-006-uid", "rtc-006-account", "chat-user", "chat-app", "fpa"})
    EXPECT_NE(r.out.find(std::string("  ") + kind + "\n"), std::string::npos) << kind;
  EXPECT_NE(r.out.find("APP_CERTIFICATE"), std::string::npos);
}

// ---------------------------------------------------------------- real-world cases (shared/cases)

std::string built(std::vector<std::string> args) {
  args.insert(args.begin(), "build");
  args.insert(args.end(), {"--app-id", kAppId, "--app-certificate", kCert, "--issue-ts", "1700000000", "--salt", "7"});
  ProcessResult r = tool(args);
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  return r.out.empty() ? r.out : r.out.substr(0, r.out.size() - 1);
}

json decoded(const std::string &token) {
  ProcessResult r = tool({"decode", token});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  return r.exit_code == 0 ? json::parse(r.out) : json::object();
}

TEST(TokenToolCases, C01_Uid0IsTheEmptyAccountButAccount0IsNot) {
  const std::string uid0 = built({"rtc-uid", "--channel-name", "c", "--uid", "0"});
  const std::string account0 = built({"rtc-account", "--channel-name", "c", "--account", "0"});
  EXPECT_NE(uid0, account0);
  EXPECT_EQ(decoded(uid0)["services"][0]["account"], "");
  EXPECT_EQ(decoded(account0)["services"][0]["account"], "0");
  EXPECT_EQ(built({"rtc-uid", "--channel-name", "c", "--uid", "123"}),
            built({"rtc-account", "--channel-name", "c", "--account", "123"}));
  EXPECT_NE(built({"rtc-uid", "--channel-name", "c", "--uid", "123"}),
            built({"rtc-account", "--channel-name", "c", "--account", "00123"}));
}

TEST(TokenToolCases, C02_UidRangeIsUint32) {
  EXPECT_EQ(decoded(built({"rtc-uid", "--channel-name", "c", "--uid", "4294967295"}))["services"][0]["account"],
            "4294967295");
  for (const char *bad : {"9854785632", "-1412626023"}) {
    ProcessResult r = tool({"build", "rtc-uid", "--channel-name", "c", "--uid", bad, "--app-id", kAppId,
                            "--app-certificate", kCert});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("0..4294967295"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(bad), std::string::npos) << r.err;
  }
}

TEST(TokenToolCases, C03_ExpiryUnitsRelative007Absolute006) {
  ProcessResult absolute = tool({"build", "rtm", "--user-id", "u", "--expire", "1700003600", "--app-id", kAppId,
                                 "--app-certificate", kCert});
  EXPECT_EQ(absolute.exit_code, 2);
  EXPECT_NE(absolute.err.find("86400"), std::string::npos) << absolute.err;
  // A 006 RTM token with privilege 100000 expired on 1970-01-02T03:46:40Z.
  ProcessResult r = tool({"build", "rtm-006", "--account", "u", "--privilege-expire", "100000", "--app-id", kAppId,
                          "--app-certificate", kCert, "--issue-ts", "1700000000"});
  ASSERT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_NE(r.err.find("ABSOLUTE"), std::string::npos) << r.err;
  EXPECT_EQ(decoded(r.out.substr(0, r.out.size() - 1))["expires_at"], 100000);
  // 007: absolute expiry = issue_ts + expire, in 64 bits past 2^32.
  json raw = decoded(vector_by_id("p007-raw-05")["expected_token"]);
  EXPECT_GT(raw["expires_at"].get<int64_t>(), int64_t{0xFFFFFFFF});
}

TEST(TokenToolCases, C05_JsonEscapedTokenFailsNamingTheCharacterAndOffset) {
  std::string token = vector_by_id("p007-edu-room-user-02")["expected_token"];
  const size_t slash = token.find('/', 3);
  ASSERT_NE(slash, std::string::npos);
  token.replace(slash, 1, "\\/");
  ProcessResult r = tool({"decode", token});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(std::to_string(slash)), std::string::npos) << "offset " << slash << ": " << r.err;
}

TEST(TokenToolCases, C06_MalformedInputFailsFast) {
  for (const std::string &token : {std::string("007AAAA"), std::string("007eJxT"),
                                  vector_by_id("m007-38")["token"].get<std::string>(),
                                  vector_by_id("m006-09")["token"].get<std::string>()}) {
    const auto start = std::chrono::steady_clock::now();
    ProcessResult r = tool({"decode", "-"}, token);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_TRUE(r.out.empty());
    // The whole process (spawn included) on a shared, possibly sanitized build.
    EXPECT_LT(elapsed, std::chrono::seconds(5));
  }
}

TEST(TokenToolCases, C08_NonAsciiAccountsAreUtf8Bytes) {
  const json teacher = decoded(built({"rtm", "--user-id", "老师01"}));
  EXPECT_EQ(teacher["services"][0]["user_id"], "老师01");
  EXPECT_EQ(teacher["services"][0]["user_id_byte_length"], 8);
  const json emoji = decoded(built({"rtc-account", "--channel-name", "c", "--account", "u🙂"}));
  EXPECT_EQ(emoji["services"][0]["account"], "u🙂");
  EXPECT_EQ(emoji["services"][0]["account_byte_length"], 5);
}

// ---------------------------------------------------------------- top level

TEST(TokenToolUsage, HelpAndUnknownCommands) {
  ProcessResult help = tool({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char *command : {"decode", "verify", "build", "build-vector"})
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  ProcessResult none = tool({});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.out.find("usage:"), std::string::npos);
  ProcessResult unknown = tool({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("frobnicate"), std::string::npos);
}

} // namespace
