// Token sources without a network: presets, request building (URL percent-encoding, JSON
// body from the template) and response interpretation (status, code field, pointers).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eduauth/source.hpp"
#include "print_errc.hpp"

namespace {

using namespace eduauth;
using nlohmann::json;

HttpResponse response(int status, std::string body, std::optional<int64_t> retry_after = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.retry_after_s = retry_after;
  r.received_unix_ms = 1700000000123;
  return r;
}

TEST(Presets, EducationRequestShape) {
  const SourceConfig s = make_source("education", "https://tokens.example.com:8082/");
  const HttpRequest req = build_request(s, {"room 1", "user/1", 2});
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://tokens.example.com:8082/fetch_education_token");
  EXPECT_EQ(json::parse(req.body), (json{{"roomUuid", "room 1"}, {"userUuid", "user/1"}, {"role", 2}}));
  EXPECT_TRUE(json::parse(req.body)["role"].is_number_integer()); // C-01: numbers stay numbers
}

TEST(Presets, RtmGenericAndAgoraDemoShapes) {
  const TokenKey key{"r+1", "老师01", 0};
  const HttpRequest rtm = build_request(make_source("rtm", "https://h"), key);
  EXPECT_EQ(rtm.url, "https://h/fetch_rtm_token");
  EXPECT_EQ(json::parse(rtm.body), (json{{"uid", "老师01"}}));

  const HttpRequest gen = build_request(make_source("generic", "https://h"), key);
  EXPECT_EQ(gen.url, "https://h/token/generate");
  const json g = json::parse(gen.body);
  EXPECT_EQ(g["channelName"], "r+1");
  EXPECT_EQ(g["uid"], "老师01");
  EXPECT_EQ(g["serviceApaas"]["role"], 0);
  EXPECT_TRUE(g["serviceRtc"]["enable"].get<bool>());

  const SourceConfig demo = make_source("agora-demo", "https://h/api");
  const HttpRequest d = build_request(demo, key);
  EXPECT_EQ(d.method, "GET");
  EXPECT_TRUE(d.body.empty());
  EXPECT_EQ(d.url, "https://h/api/edu/v3/rooms/r%2B1/roles/0/users/%E8%80%81%E5%B8%8801/token");
  EXPECT_EQ(demo.app_id_pointer, "/data/appId");
}

TEST(Presets, UnknownPresetAndBadBaseUrlAreNamed) {
  try {
    (void)make_source("nope", "https://h");
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("\"nope\""), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("education"), std::string::npos);
  }
  EXPECT_THROW((void)make_source("education", "tokens.example.com"), Error);
  EXPECT_EQ(preset_names(), (std::vector<std::string>{"education", "rtm", "generic", "agora-demo"}));
}

TEST(BuildRequest, UrlValuesArePercentEncodedSoPlusSlashEqualsSurvive) {
  SourceConfig s;
  s.method = "GET";
  s.url_template = "https://h/t?room={roomUuid}&user={userUuid}&role={role}&keep={other}";
  const HttpRequest r = build_request(s, {"a+b/c=d", "x y&z", -1});
  EXPECT_EQ(r.url, "https://h/t?room=a%2Bb%2Fc%3Dd&user=x%20y%26z&role=-1&keep={other}");
}

TEST(BuildRequest, BodyTemplateSubstitutesInsideStringsOnly) {
  SourceConfig s;
  s.url_template = "https://h/t";
  s.body_template = R"({"who":"user:{userUuid}","role":"{role}","roleText":"r{role}","{roomUuid}":1,"n":[ "{roomUuid}" ]})";
  const HttpRequest r = build_request(s, {"ro\"om", "u\\1", 3});
  const json body = json::parse(r.body);
  EXPECT_EQ(body["who"], "user:u\\1");
  EXPECT_EQ(body["role"], 3);
  EXPECT_EQ(body["roleText"], "r3");
  EXPECT_EQ(body["{roomUuid}"], 1); // keys are not templates
  EXPECT_EQ(body["n"][0], "ro\"om"); // a quote in a value cannot break the JSON
}

TEST(BuildRequest, BadTemplatesAreNamed) {
  SourceConfig s;
  s.url_template = "https://h/t";
  s.body_template = "{not json";
  try {
    (void)build_request(s, {});
    FAIL();
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("body_template"), std::string::npos);
  }
  s.body_template.clear();
  s.method = "DELETE";
  EXPECT_THROW((void)build_request(s, {}), Error);
  EXPECT_THROW((void)make_http_fetcher(s, std::shared_ptr<Transport>(make_curl_transport())), Error);
}

TEST(InterpretResponse, StatusAndCodeFieldsAreBothRecognised) {
  const SourceConfig s = make_source("education", "https://h");
  const HttpRequest req = build_request(s, {"r", "u", 1});
  struct Case {
    int status;
    std::string body;
    Errc want;
  };
  const std::vector<Case> cases = {
      {200, R"({"token":"007abc","code":"200"})", Errc::ok},
      {200, R"({"token":"007abc","code":200})", Errc::ok},
      {200, R"({"token":"007abc","code":0})", Errc::ok},
      {200, R"({"token":"007abc","code":"0"})", Errc::ok},
      {200, R"({"token":"007abc"})", Errc::ok},
      {200, R"({"token":"007abc","code":"500"})", Errc::http_status},
      {200, R"({"token":"007abc","code":-1})", Errc::http_status},
      {200, R"({"token":"007abc","code":"oops"})", Errc::http_status},
      {200, R"({"token":"","code":"401"})", Errc::reauth_required},
      {200, R"({"token":"","code":403})", Errc::reauth_required},
      {201, R"({"token":"007abc"})", Errc::ok},
      {400, R"({"token":"bad body","code":"400"})", Errc::http_status},
      {401, "", Errc::reauth_required},
      {403, "<html>", Errc::reauth_required},
      {404, "", Errc::http_status},
      {302, "", Errc::http_status},
      {200, "", Errc::bad_response},
      {200, "[1]", Errc::bad_response},
      {200, R"({"token":7})", Errc::bad_response},
      {200, R"({"token":""})", Errc::bad_response},
      {200, R"({"token":null})", Errc::bad_response},
  };
  for (const auto &c : cases) {
    const FetchResult r = interpret_response(s, req, response(c.status, c.body));
    EXPECT_EQ(r.status, c.want) << c.status << " " << c.body << " -> " << r.message;
    EXPECT_EQ(r.http_status, c.status);
    EXPECT_EQ(r.received_unix_ms, 1700000000123);
    if (c.want != Errc::ok) {
      EXPECT_TRUE(r.token.empty());
      EXPECT_EQ(r.message.find("007abc"), std::string::npos) << r.message;
    }
  }
}

TEST(InterpretResponse, RetryAfterOnlyOnThrottling) {
  const SourceConfig s = make_source("education", "https://h");
  const HttpRequest req = build_request(s, {});
  EXPECT_EQ(interpret_response(s, req, response(429, "", 5)).retry_after_s, 5);
  EXPECT_EQ(interpret_response(s, req, response(503, "", 9)).retry_after_s, 9);
  EXPECT_FALSE(interpret_response(s, req, response(500, "", 9)).retry_after_s);
  EXPECT_EQ(interpret_response(s, req, response(200, R"({"code":"429"})", 4)).retry_after_s, 4);
}

TEST(InterpretResponse, EscapedTokenAndNestedPointers) { // C-05
  SourceConfig s = make_source("agora-demo", "https://h");
  const HttpRequest req = build_request(s, {"r", "u", 1});
  const FetchResult r = interpret_response(
      s, req,
      response(200, R"({"code":"0","msg":"ok","data":{"appId":"970CA35de60c44645bbae8a215061b33","token":"006IAAsR0qg\/wJIQob\u002Bx="}})"));
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  EXPECT_EQ(r.token, "006IAAsR0qg/wJIQob+x=");
  EXPECT_EQ(r.app_id, "970CA35de60c44645bbae8a215061b33");

  const FetchResult missing = interpret_response(s, req, response(200, R"({"code":"0","data":{}})"));
  EXPECT_EQ(missing.status, Errc::bad_response);
  EXPECT_NE(missing.message.find("\"/data/token\""), std::string::npos) << missing.message;

  s.token_pointer = "no-leading-slash";
  const FetchResult bad_ptr = interpret_response(s, req, response(200, R"({"token":"x"})"));
  EXPECT_EQ(bad_ptr.status, Errc::bad_response);
  EXPECT_NE(bad_ptr.message.find("no-leading-slash"), std::string::npos) << bad_ptr.message;
}

} // namespace
