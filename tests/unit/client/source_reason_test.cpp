// The token server's own reason for an error reaches FetchResult::message (escaped, cut at
// 200 bytes), never a token.
#include <gtest/gtest.h>

#include <string>

#include "eduauth/source.hpp"

namespace {

using namespace eduauth;

FetchResult answer(const SourceConfig &s, int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return interpret_response(s, build_request(s, {"r", "u", 1}), r);
}

TEST(ServerReason, EducationShapeCarriesTheMessageInTheTokenField) {
  const SourceConfig s = make_source("education", "https://h");
  const FetchResult r = answer(s, 400, R"({"token":"role 9 is not a classroom role","code":"400"})");
  EXPECT_EQ(r.status, Errc::http_status);
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.message,
            "token server answered HTTP 400 to POST /fetch_education_token: server says \"role 9 is not "
            "a classroom role\"");
}

TEST(ServerReason, GenericAndAgoraDemoShapes) {
  const SourceConfig generic = make_source("generic", "https://h");
  EXPECT_EQ(
      answer(generic, 400, R"({"code":-2,"message":"channelName is required"})").message,
      "token server answered HTTP 400 to POST /token/generate: server says \"channelName is required\"");
  // An error code under HTTP 200 carries the reason too.
  const SourceConfig demo = make_source("agora-demo", "https://h");
  EXPECT_EQ(answer(demo, 200, R"({"code":"20403001","msg":"room is closed","data":null})").message,
            "token server reported error code \"20403001\" at /code in an HTTP 200 response to GET "
            "/edu/v3/rooms/r/roles/1/users/u/token: server says \"room is closed\"");
  EXPECT_EQ(
      answer(demo, 401, R"({"code":"401","msg":"session expired"})").message,
      "token server answered HTTP 401 to GET /edu/v3/rooms/r/roles/1/users/u/token: the user must sign in "
      "again: server says \"session expired\"");
  EXPECT_EQ(answer(generic, 503, R"({"error":{"message":"maintenance"}})").message,
            "token server answered HTTP 503 to POST /token/generate: server says \"maintenance\"");
}

TEST(ServerReason, EscapedAndCutAt200Bytes) {
  const SourceConfig s = make_source("generic", "https://h");
  const FetchResult forged = answer(s, 500, R"({"message":"bad\nFAKE LOG LINE \u0000 end"})");
  EXPECT_EQ(forged.message, "token server answered HTTP 500 to POST /token/generate: server says "
                            "\"bad\\nFAKE LOG LINE \\x00 end\"");

  std::string long_reason = "a"; // then 3-byte steps: byte 200 is the second byte of an "é"
  for (int i = 0; i < 100; ++i)
    long_reason += "é ";
  const FetchResult cut = answer(s, 500, R"({"message":")" + long_reason + R"("})");
  const std::string prefix = "token server answered HTTP 500 to POST /token/generate: server says \"";
  ASSERT_EQ(cut.message.rfind(prefix, 0), 0u) << cut.message;
  EXPECT_EQ(cut.message.substr(prefix.size()), long_reason.substr(0, 199) + "...\"");
}

TEST(ServerReason, NeverATokenNorAWholeBody) {
  const SourceConfig s = make_source("education", "https://h");
  // A token in an error answer (code 500) is not a reason.
  const FetchResult with_token = answer(s, 200, R"({"token":"007eJxTYBBa3bOp","code":"500"})");
  EXPECT_EQ(with_token.message, "token server reported error code \"500\" at /code in an HTTP 200 response "
                                "to POST /fetch_education_token");
  const FetchResult opaque =
      answer(s, 400, R"({"message":"eyJhbGciOiJIUzI1NiJ9eyJzdWIiOiIxMjM0NTY3ODkwIn0xyz"})");
  EXPECT_EQ(opaque.message, "token server answered HTTP 400 to POST /fetch_education_token");
  // Not JSON, or no reason field: nothing from the body.
  EXPECT_EQ(answer(s, 502, "<html>Bad Gateway</html>").message,
            "token server answered HTTP 502 to POST /fetch_education_token");
  EXPECT_EQ(answer(s, 404, R"({"detail":"x","code":"404"})").message,
            "token server answered HTTP 404 to POST /fetch_education_token");
}

} // namespace
