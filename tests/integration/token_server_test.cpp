// The sample token server binary (samples/token_server) over real HTTP and HTTPS on
// 127.0.0.1: documented shapes (token-servers.md), bearer secret, TLS with a CA generated
// at test time, request log without secrets, clean shutdown.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <poll.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "eduauth/source.hpp"
#include "print_errc.hpp"
#include "eduauth/token.hpp"
#include "fault_server.hpp"
#include "temp_dir.hpp"
#include "test_pki.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;
using nlohmann::json;

const std::vector<std::pair<std::string, std::string>> kDemoEnv = {{"APP_ID", kAppId},
                                                                   {"APP_CERTIFICATE", kAppCertificate}};

const token::Service *find_service(const token::Token &t, token::ServiceType type) {
  for (const auto &s : t.v007.services)
    if (s.type == static_cast<uint16_t>(type)) return &s;
  return nullptr;
}

FetchResult fetch(const std::string &preset, const std::string &base, const TokenKey &key,
                  TransportOptions options = {}, HttpHeaders extra = {}) {
  SourceConfig source = make_source(preset, base);
  for (auto &h : extra) source.headers.push_back(h);
  return make_http_fetcher(source, options)->fetch(key);
}

// A raw loopback connection: for requests httplib::Client will not send (chunked bodies,
// control bytes in the path, requests that never finish).
struct RawConnection {
  int fd = -1;
  explicit RawConnection(int port) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) throw std::runtime_error("connect");
    timeval tv{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~RawConnection() { close(fd); }
  RawConnection(const RawConnection &) = delete;
  RawConnection &operator=(const RawConnection &) = delete;
  void send_all(const std::string &s) {
    for (size_t off = 0; off < s.size();) {
      const ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return; // the server may close early (e.g. after refusing the body)
      off += static_cast<size_t>(n);
    }
  }
  // Reads until the server closes (or 10 s pass).
  std::string read_all() {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
  }
};

class TokenServerHttp : public ::testing::Test {
protected:
  TempDir dir;
  std::string log = dir.file("server.log");
  TokenServerProcess server{{}, kDemoEnv, log};
};

TEST_F(TokenServerHttp, EducationPresetGetsVerifiedRoomUserToken) {
  const int64_t before = unix_now();
  const FetchResult r = fetch("education", server.base_url(), {"room-1", "user-1", 2});
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  EXPECT_EQ(r.http_status, 200);
  EXPECT_GE(r.received_unix_ms / 1000, before);

  const token::Token t = token::decode(r.token);
  ASSERT_EQ(t.version, token::Version::v007);
  EXPECT_EQ(t.v007.app_id, kAppId);
  EXPECT_TRUE(token::verify(t.v007, kAppCertificate));
  EXPECT_EQ(t.v007.expire, 3600u);
  EXPECT_GE(static_cast<int64_t>(t.v007.issue_ts), before - 1);
  EXPECT_LE(static_cast<int64_t>(t.v007.issue_ts), unix_now() + 1);
  const auto *apaas = find_service(t, token::ServiceType::apaas);
  ASSERT_NE(apaas, nullptr);
  EXPECT_EQ(apaas->room_uuid, "room-1");
  EXPECT_EQ(apaas->user_uuid, "user-1");
  EXPECT_EQ(apaas->role, 2);
  const auto *rtm = find_service(t, token::ServiceType::rtm);
  ASSERT_NE(rtm, nullptr);
  EXPECT_EQ(rtm->user_id, "user-1");
  const auto *chat = find_service(t, token::ServiceType::chat);
  ASSERT_NE(chat, nullptr);
  EXPECT_EQ(chat->user_id, token::chat_user_id("user-1"));
}

TEST_F(TokenServerHttp, NonAsciiIdsRoundTrip) {
  const FetchResult r = fetch("education", server.base_url(), {"教室+/=1", "老师01 u🙂", 1});
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  const token::Token t = token::decode(r.token);
  const auto *apaas = find_service(t, token::ServiceType::apaas);
  ASSERT_NE(apaas, nullptr);
  EXPECT_EQ(apaas->room_uuid, "教室+/=1");
  EXPECT_EQ(apaas->user_uuid, "老师01 u🙂");
}

TEST_F(TokenServerHttp, RtmPresetGetsRtmLoginToken) {
  const FetchResult r = fetch("rtm", server.base_url(), {"ignored", "student-7", 2});
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  const token::Token t = token::decode(r.token);
  EXPECT_TRUE(token::verify(t.v007, kAppCertificate));
  ASSERT_EQ(t.v007.services.size(), 1u);
  EXPECT_EQ(t.v007.services[0].type, static_cast<uint16_t>(token::ServiceType::rtm));
  EXPECT_EQ(t.v007.services[0].user_id, "student-7");
}

TEST_F(TokenServerHttp, CorsOptionsAndUnknownMethodsAsDocumented) {
  httplib::Client cli("127.0.0.1", server.port());
  auto opt = cli.Options("/fetch_education_token");
  ASSERT_TRUE(opt);
  EXPECT_EQ(opt->status, 200);
  EXPECT_EQ(opt->get_header_value("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(opt->get_header_value("Access-Control-Allow-Methods"), "POST, OPTIONS");
  EXPECT_EQ(opt->get_header_value("Access-Control-Allow-Headers"), "Content-Type, Authorization");

  auto get = cli.Get("/fetch_education_token");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 404);
  auto put = cli.Put("/fetch_rtm_token", "{}", "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 404);
  auto unknown = cli.Post("/fetch_other_token", "{}", "application/json");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(json::parse(unknown->body)["code"], "404");

  auto ok = cli.Post("/fetch_education_token", R"({"roomUuid":"r","userUuid":"u","role":1})", "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->get_header_value("Access-Control-Allow-Origin"), "*");
  const json body = json::parse(ok->body);
  EXPECT_EQ(body.size(), 2u);
  EXPECT_EQ(body["code"], "200"); // a string, as documented
  EXPECT_TRUE(body["token"].get<std::string>().rfind("007", 0) == 0);

  auto health = cli.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(TokenServerHttp, BadBodiesGet400InTheSameShapeNamingTheField) {
  httplib::Client cli("127.0.0.1", server.port());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not json", "not valid JSON"},
      {"[1,2]", "JSON object"},
      {R"({"userUuid":"u","role":1})", "roomUuid"},
      {R"({"roomUuid":"r","userUuid":"","role":1})", "userUuid"},
      {R"({"roomUuid":"r","userUuid":"u"})", "role"},
      {R"({"roomUuid":"r","userUuid":"u","role":"1"})", "role"},
      {R"({"roomUuid":"r","userUuid":"u","role":70000})", "role"},
      {R"({"roomUuid":"r","userUuid":7,"role":1})", "userUuid"},
      // Above INT64_MAX nlohmann stores an unsigned number: these once wrapped to role -1 / -32768.
      {R"({"roomUuid":"r","userUuid":"u","role":18446744073709551615})", "got 18446744073709551615"},
      {R"({"roomUuid":"r","userUuid":"u","role":18446744073709518848})", "got 18446744073709518848"},
      {R"({"roomUuid":"r","userUuid":"u","role":9223372036854775808})", "got 9223372036854775808"},
      {R"({"roomUuid":"r","userUuid":"u","role":32768})", "got 32768"},
  };
  for (const auto &[body, field] : cases) {
    auto res = cli.Post("/fetch_education_token", body, "application/json");
    ASSERT_TRUE(res) << body;
    EXPECT_EQ(res->status, 400) << body;
    const json j = json::parse(res->body);
    EXPECT_EQ(j["code"], "400") << body;
    EXPECT_NE(j["token"].get<std::string>().find(field), std::string::npos) << body << " -> " << j["token"];
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "*");
  }
  auto rtm = cli.Post("/fetch_rtm_token", R"({"uid":0})", "application/json"); // C-01: number is not "0"
  ASSERT_TRUE(rtm);
  EXPECT_EQ(rtm->status, 400);

  // Through the fetcher, a 400 is an http_status failure, not a token.
  SourceConfig s = make_source("education", server.base_url());
  s.body_template = R"({"roomUuid":"{roomUuid}","userUuid":"{userUuid}"})";
  const FetchResult r = make_http_fetcher(s)->fetch({"r", "u", 1});
  EXPECT_EQ(r.status, Errc::http_status);
  EXPECT_EQ(r.http_status, 400);
  EXPECT_TRUE(r.token.empty());
}

TEST_F(TokenServerHttp, LogHasOneLinePerRequestWithFingerprintOnly) {
  const FetchResult r = fetch("education", server.base_url(), {"room-1", "user-1", 1});
  ASSERT_EQ(r.status, Errc::ok);
  EXPECT_EQ(server.stop(), 0); // clean SIGTERM shutdown
  const std::string text = read_file(log);
  EXPECT_NE(text.find("POST /fetch_education_token 200 "), std::string::npos) << text;
  EXPECT_NE(text.find("token=" + token::fingerprint(r.token)), std::string::npos) << text;
  EXPECT_EQ(text.find(r.token), std::string::npos);
  EXPECT_EQ(text.find(kAppCertificate), std::string::npos);
  EXPECT_EQ(text.find("PUBLIC DEMO"), std::string::npos); // credentials came from the env
}

// Idle half-sent requests once held every worker for the 5 s default read timeout each,
// leaving /healthz unanswered for > 15 s. The 2 s read timeout and 32 workers bound that.
TEST_F(TokenServerHttp, IdlePartialRequestsDoNotStarveHealthz) {
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < 40; ++i) {
    idle.push_back(std::make_unique<RawConnection>(server.port()));
    idle.back()->send_all("GET /heal");
  }
  httplib::Client cli("127.0.0.1", server.port());
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(10, 0); // a few read-timeout windows (2 s), far below the old 40 x 5 s / 8 workers
  auto health = cli.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");
}

// httplib's payload limit covered only Content-Length bodies: a 3 MB chunked POST got 200.
TEST_F(TokenServerHttp, ChunkedRequestBodyIsRefusedWith411) {
  // Only the head: the server must refuse before reading any body (it never reads one).
  RawConnection c(server.port());
  c.send_all("POST /fetch_education_token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
             "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
  const std::string res = c.read_all();
  ASSERT_EQ(res.rfind("HTTP/1.1 411 ", 0), 0u) << res.substr(0, 200);
  const json body = json::parse(res.substr(res.find("\r\n\r\n") + 4));
  EXPECT_EQ(body["code"], "411");
  EXPECT_NE(body["token"].get<std::string>().find("Transfer-Encoding"), std::string::npos) << body;
}

TEST_F(TokenServerHttp, OversizedBodyIs413NamingTheLimit) {
  httplib::Client cli("127.0.0.1", server.port());
  auto res = cli.Post("/fetch_education_token", std::string(65537, ' '), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  const json body = json::parse(res->body);
  EXPECT_EQ(body["code"], "413");
  EXPECT_EQ(body["token"], "request body over 65536 bytes");
  auto fits = cli.Post("/fetch_rtm_token", R"({"uid":"u"})" + std::string(65536 - 11, ' '), "application/json");
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->status, 200);
}

// Every response carries an RFC 7231 IMF-fixdate Date (the client measures clock skew from it).
TEST_F(TokenServerHttp, EveryResponseHasAnImfFixdateDateHeader) {
  httplib::Client cli("127.0.0.1", server.port());
  auto ok = cli.Get("/healthz");
  auto missing = cli.Get("/nope");
  auto bad = cli.Post("/fetch_rtm_token", "{}", "application/json");
  for (const auto *res : {&ok, &missing, &bad}) {
    ASSERT_TRUE(*res);
    const std::string date = (*res)->get_header_value("Date");
    std::tm tm{};
    const char *end = strptime(date.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    ASSERT_NE(end, nullptr) << date;
    EXPECT_EQ(*end, '\0') << date;
    EXPECT_EQ(date.size(), 29u) << date; // fixed width: "Sun, 06 Nov 1994 08:49:37 GMT"
    const int64_t t = static_cast<int64_t>(timegm(&tm));
    EXPECT_LE(std::llabs(t - unix_now()), 5) << date;
  }
}

TEST_F(TokenServerHttp, LoggedPathsCannotForgeOrCutLines) {
  {
    RawConnection c(server.port());
    c.send_all("GET /x%0aPOST%20/fetch_education_token%20200%20%1b[2J%00tail HTTP/1.1\r\nHost: a\r\n"
               "Connection: close\r\n\r\n");
    ASSERT_EQ(c.read_all().rfind("HTTP/1.1 404 ", 0), 0u);
  }
  httplib::Client cli("127.0.0.1", server.port());
  ASSERT_TRUE(cli.Get("/" + std::string(300, 'a')));
  ASSERT_TRUE(cli.Get("/bad%ff%c3utf8-%e2%82%ac"));
  EXPECT_EQ(server.stop(), 0);
  const std::string text = read_file(log);
  EXPECT_NE(text.find("GET /x\\x0aPOST /fetch_education_token 200 \\x1b[2J\\x00tail 404 "), std::string::npos)
      << text;
  EXPECT_EQ(text.find("\nPOST /fetch_education_token 200"), std::string::npos) << text;
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_NE(text.find("GET /" + std::string(199, 'a') + "\xe2\x80\xa6 404 "), std::string::npos) << text;
  EXPECT_NE(text.find("GET /bad\\xff\\xc3utf8-\xe2\x82\xac 404 "), std::string::npos) << text;
}

// The plain-HTTP connection loop (samples/token_server/plain_server.cpp) buffers input and
// output: pipelined requests are all answered, in order, and the keep-alive limit still holds.
TEST_F(TokenServerHttp, PipelinedRequestsAreAnsweredInOrderUpToTheKeepAliveLimit) {
  RawConnection c(server.port());
  const std::string body = R"({"uid":"pipelined"})";
  const std::string post = "POST /fetch_rtm_token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                           "Content-Length: " +
                           std::to_string(body.size()) + "\r\n\r\n" + body;
  std::string burst = post + post;
  // 100 requests in all: more would be unread when the server closes, and the kernel would
  // answer them with a reset.
  for (int i = 0; i < 98; ++i) burst += "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
  c.send_all(burst);
  const std::string res = c.read_all(); // the server closes after its 100th answer
  std::vector<size_t> starts;
  for (size_t at = res.find("HTTP/1.1 "); at != std::string::npos; at = res.find("HTTP/1.1 ", at + 1))
    starts.push_back(at);
  ASSERT_EQ(starts.size(), 100u) << res.substr(0, 300);
  starts.push_back(res.size());
  for (size_t i = 0; i + 1 < starts.size(); ++i) {
    const std::string one = res.substr(starts[i], starts[i + 1] - starts[i]);
    EXPECT_EQ(one.rfind("HTTP/1.1 200 ", 0), 0u) << one;
    const char *expected = i < 2 ? "\"token\":\"007" : "\"status\":\"ok\"";
    EXPECT_NE(one.find(expected), std::string::npos) << i << ": " << one;
    // Only the last answer the keep-alive limit (100) allows announces the close.
    EXPECT_EQ(one.find("Connection: close") != std::string::npos, i == 99) << i << ": " << one;
  }
}

// Request smuggling (RFC 9112 6.3, 5.1): httplib took the first of two Content-Lengths, read
// "+42" / "42abc" with strtoull and kept "Transfer-Encoding : chunked" as an unknown header,
// so the body's tail was served as a second request. Each is now 400 + close.
TEST_F(TokenServerHttp, AmbiguousMessageFramingIs400AndClosesTheConnection) {
  const std::string body = R"({"uid":"u"})"; // 11 bytes
  const std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n";
  const std::string n = std::to_string(body.size());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Content-Length: " + n + "\r\nContent-Length: " + n + "\r\n", "more than one Content-Length"},
      {"Content-Length: " + n + "\r\nContent-Length: " + std::to_string(body.size() + smuggled.size()) + "\r\n",
       "more than one Content-Length"},
      {"Content-Length: +" + n + "\r\n", "Content-Length \\\"+11\\\" is not a decimal number"},
      {"Content-Length: " + n + "abc\r\n", "is not a decimal number"},
      {"Content-Length: " + n + ".0\r\n", "is not a decimal number"},
      {"Content-Length: " + n + ", " + n + "\r\n", "is not a decimal number"},
      {"Transfer-Encoding : chunked\r\nContent-Length: " + n + "\r\n",
       "malformed header field name \\\"Transfer-Encoding \\\""},
  };
  for (const auto &[framing, message] : cases) {
    RawConnection c(server.port());
    c.send_all("POST /fetch_rtm_token HTTP/1.1\r\nHost: a\r\n" + framing + "\r\n" + body + smuggled);
    const std::string res = c.read_all();
    ASSERT_EQ(res.rfind("HTTP/1.1 400 ", 0), 0u) << framing << res.substr(0, 300);
    EXPECT_EQ(res.find("HTTP/1.1 ", 1), std::string::npos) << framing << ": a second answer\n" << res;
    EXPECT_NE(res.find("Connection: close\r\n"), std::string::npos) << res;
    EXPECT_NE(res.find(message), std::string::npos) << message << "\n" << res;
  }
  EXPECT_EQ(server.stop(), 0);
  EXPECT_EQ(read_file(log).find("/smuggled"), std::string::npos) << read_file(log);
}

// A request head of 2M tiny header lines grew the server by 221 MB: the head is capped at
// 100 header fields and 64 KiB (README "Limits"), over either it is 431 + close.
TEST_F(TokenServerHttp, RequestHeadOverTheFieldOrByteLimitIs431) {
  std::string fields;
  for (int i = 0; i < 100; ++i) fields += "X-" + std::to_string(i) + ": v\r\n";
  {
    RawConnection c(server.port()); // exactly at the limit: served
    c.send_all("GET /healthz HTTP/1.1\r\nConnection: close\r\n" + fields.substr(fields.find('\n') + 1) + "\r\n");
    EXPECT_EQ(c.read_all().rfind("HTTP/1.1 200 ", 0), 0u);
  }
  const std::string too_many = "GET /healthz HTTP/1.1\r\nHost: a\r\n" + fields + "\r\n";
  // Unterminated and a little over 64 KiB: the server reads all of it before refusing, so
  // its close is a FIN, not a reset that could discard the answer.
  const std::string too_big = "GET /healthz HTTP/1.1\r\nHost: a\r\nX-Pad: " + std::string(65536, 'a');
  for (const std::string &req : {too_many, too_big}) {
    RawConnection c(server.port());
    c.send_all(req);
    const std::string res = c.read_all();
    ASSERT_EQ(res.rfind("HTTP/1.1 431 ", 0), 0u) << res.substr(0, 300);
    EXPECT_NE(res.find("Connection: close\r\n"), std::string::npos) << res;
    const json j = json::parse(res.substr(res.find("\r\n\r\n") + 4));
    EXPECT_EQ(j["code"], "431");
    EXPECT_EQ(j["token"], "request head over 100 header fields or 65536 bytes");
  }
}

// A client dripping one header line per second never hit the 2 s per-read timeout and held a
// worker for as long as it liked: the whole head must arrive within 5 s of its first byte.
TEST_F(TokenServerHttp, RequestHeadTrickledSlowerThanTheHeadDeadlineIs408) {
  RawConnection c(server.port());
  c.send_all("GET /healthz HTTP/1.1\r\n");
  const auto start = std::chrono::steady_clock::now();
  std::string res;
  // A line at 0.5 s, 1.5 s, ... 4.5 s: each well under the 2 s read timeout, and none sent
  // near the 5 s deadline (one arriving after the server closed would reset the connection).
  for (int i = 0; i < 15; ++i) {
    pollfd p{c.fd, POLLIN, 0};
    if (poll(&p, 1, i == 0 ? 500 : 1000) > 0) { // the real server paces this, not a fake clock
      res = c.read_all();
      break;
    }
    c.send_all("X-Drip: " + std::to_string(i) + "\r\n");
  }
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(res.rfind("HTTP/1.1 408 ", 0), 0u) << res;
  EXPECT_NE(res.find("request head not complete within 5 s"), std::string::npos) << res;
  EXPECT_GE(waited, 4.0);
  EXPECT_LT(waited, 9.0);
}

// A request httplib rejects before routing (a malformed request line) once logged the token
// fingerprint and the start time of the previous request on that worker.
TEST_F(TokenServerHttp, RequestsRejectedBeforeRoutingLogNoStaleTokenOrLatency) {
  RawConnection c(server.port());
  const std::string body = R"({"uid":"u"})";
  c.send_all("POST /fetch_rtm_token HTTP/1.1\r\nHost: a\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n\r\n" + body + "GARBAGE\r\n\r\n");
  const std::string res = c.read_all();
  ASSERT_EQ(res.rfind("HTTP/1.1 200 ", 0), 0u) << res;
  ASSERT_NE(res.find("HTTP/1.1 400 "), std::string::npos) << res;
  EXPECT_EQ(server.stop(), 0);
  const std::string text = read_file(log);
  const size_t ok = text.find("POST /fetch_rtm_token 200 ");
  ASSERT_NE(ok, std::string::npos) << text;
  EXPECT_NE(text.find("token=", ok), std::string::npos) << text;
  const size_t bad = text.find(" 400 ");
  ASSERT_NE(bad, std::string::npos) << text;
  const std::string bad_line = text.substr(bad, text.find('\n', bad) - bad);
  EXPECT_EQ(bad_line, " 400 -") << text;
}

// "Expect: 100-continue": the interim answer must reach the client while the server waits for
// the body (the output buffer is flushed before a read blocks).
TEST_F(TokenServerHttp, ExpectContinueIsAnsweredBeforeTheBodyIsSent) {
  RawConnection c(server.port());
  const std::string body = R"({"roomUuid":"r","userUuid":"u","role":1})";
  c.send_all("POST /fetch_education_token HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
             "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
             "\r\n\r\n");
  char buf[64];
  const ssize_t n = recv(c.fd, buf, sizeof buf, 0); // 10 s receive timeout (RawConnection)
  ASSERT_GT(n, 0) << "no 100 Continue before the body";
  EXPECT_EQ(std::string(buf, static_cast<size_t>(n)).rfind("HTTP/1.1 100 Continue\r\n", 0), 0u);
  c.send_all(body);
  const std::string res = c.read_all();
  const size_t final_at = res.find("HTTP/1.1 200 ");
  ASSERT_NE(final_at, std::string::npos) << res;
  EXPECT_NE(res.find("\"token\":\"007", final_at), std::string::npos) << res;
}

TEST(TokenServer, Ipv6HostIsPrintedInBrackets) {
  TempDir dir;
  TokenServerProcess v6({"--host", "::1"}, kDemoEnv, dir.file("server.log"));
  EXPECT_EQ(v6.listening_url(), "http://[::1]:" + std::to_string(v6.port()));
  httplib::Client cli("::1", v6.port());
  auto health = cli.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST(TokenServer, DemoCredentialsWarnLoudlyAndOwnCredentialsAreUsed) {
  TempDir dir;
  {
    TokenServerProcess demo({}, {{"APP_ID", ""}, {"APP_CERTIFICATE", ""}}, dir.file("demo.log"));
    const FetchResult r = fetch("rtm", demo.base_url(), {"", "u", 0});
    ASSERT_EQ(r.status, Errc::ok) << r.message;
    EXPECT_EQ(token::decode(r.token).app_id(), kAppId);
  }
  EXPECT_NE(read_file(dir.file("demo.log")).find("WARNING"), std::string::npos);

  const std::string own_cert = "00112233445566778899aabbccddeeff";
  TokenServerProcess own({"--expire", "120"}, {{"APP_ID", kOtherAppId}, {"APP_CERTIFICATE", own_cert}},
                         dir.file("own.log"));
  const FetchResult r = fetch("education", own.base_url(), {"r", "u", 1});
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  const token::Token t = token::decode(r.token);
  EXPECT_EQ(t.app_id(), kOtherAppId);
  EXPECT_TRUE(token::verify(t.v007, own_cert));
  EXPECT_EQ(t.v007.expire, 120u);
  EXPECT_EQ(read_file(dir.file("own.log")).find("WARNING"), std::string::npos);
}

TEST(TokenServer, BadOptionsExitWithUsageError) {
  const std::string bin = token_server_binary();
  for (const char *args : {"--port abc", "--expire 100000", "--expire 0", "--tls-cert only.pem", "--bogus",
                           "--bearer-secret", "--port 1 --port 2", "--expire 60 --expire 60"}) {
    const std::string cmd = "'" + bin + "' " + args + " >/dev/null 2>&1";
    const int rc = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(rc)) << args;
    EXPECT_EQ(WEXITSTATUS(rc), 2) << args;
  }
  EXPECT_EQ(WEXITSTATUS(std::system(("'" + bin + "' --help >/dev/null 2>&1").c_str())), 0);
}

TEST(TokenServer, HalfACredentialPairIsRefused) {
  // APP_ID without APP_CERTIFICATE would sign the app's ID with the demo certificate.
  const std::string bin = token_server_binary();
  for (const char *env : {"APP_ID=970CA35de60c44645bbae8a215061b33 APP_CERTIFICATE=",
                          "APP_ID= APP_CERTIFICATE=5CFd2fd1755d40ecb72977518be15d3b"}) {
    const int rc = std::system((std::string("env ") + env + " '" + bin + "' --port 0 >/dev/null 2>&1").c_str());
    ASSERT_TRUE(WIFEXITED(rc)) << env;
    EXPECT_EQ(WEXITSTATUS(rc), 2) << env;
  }
}

TEST(TokenServer, ABusyPortIsAnErrorNotASharedListener) {
  TempDir dir;
  TokenServerProcess first({}, kDemoEnv, dir.file("first.log"));
  const std::string cmd = "'" + token_server_binary() + "' --port " + std::to_string(first.port()) +
                          " >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 1);
}

TEST(TokenServer, BearerSecretRequiredWhenConfigured) {
  TempDir dir;
  const std::string secret = "s3cret-bearer-value";
  TokenServerProcess server({"--bearer-secret", secret}, kDemoEnv, dir.file("server.log"));
  const TokenKey key{"room", "user", 1};

  const FetchResult none = fetch("education", server.base_url(), key);
  EXPECT_EQ(none.status, Errc::reauth_required);
  EXPECT_EQ(none.http_status, 401);
  const FetchResult wrong = fetch("education", server.base_url(), key, {}, {{"Authorization", "Bearer nope"}});
  EXPECT_EQ(wrong.status, Errc::reauth_required);
  EXPECT_EQ(wrong.message.find("nope"), std::string::npos); // header values never reach messages
  const FetchResult ok = fetch("education", server.base_url(), key, {}, {{"Authorization", "Bearer " + secret}});
  EXPECT_EQ(ok.status, Errc::ok) << ok.message;

  httplib::Client cli("127.0.0.1", server.port());
  auto refused = cli.Post("/fetch_rtm_token", R"({"uid":"u"})", "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);
  EXPECT_EQ(json::parse(refused->body)["code"], "401");
  auto preflight = cli.Options("/fetch_rtm_token"); // browsers send no credentials on preflight
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 200);

  server.stop();
  EXPECT_EQ(read_file(dir.file("server.log")).find(secret), std::string::npos);
}

class TokenServerHttps : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    pki_ = new TestPki(make_test_pki(dir_->path()));
    server_ = new TokenServerProcess({"--tls-cert", pki_->server_cert_file, "--tls-key", pki_->server_key_file},
                                     kDemoEnv, dir_->file("server.log"));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete pki_;
    delete dir_;
  }
  static TempDir *dir_;
  static TestPki *pki_;
  static TokenServerProcess *server_;
  const TokenKey key{"room-tls", "user-tls", 1};
};
TempDir *TokenServerHttps::dir_ = nullptr;
TestPki *TokenServerHttps::pki_ = nullptr;
TokenServerProcess *TokenServerHttps::server_ = nullptr;

TEST_F(TokenServerHttps, CaFileVerifiesTheServer) {
  ASSERT_EQ(server_->base_url().rfind("https://", 0), 0u);
  TransportOptions o;
  o.ca_file = pki_->ca_cert_file;
  const FetchResult r = fetch("education", server_->base_url(), key, o);
  ASSERT_EQ(r.status, Errc::ok) << r.message;
  EXPECT_TRUE(token::verify(token::decode(r.token).v007, kAppCertificate));
}

TEST_F(TokenServerHttps, InMemoryPemVerifiesTheServerAndHostnameLocalhostMatches) {
  TransportOptions o;
  o.ca_pem = pki_->ca_cert_pem;
  const FetchResult r = fetch("education", "https://localhost:" + std::to_string(server_->port()), key, o);
  ASSERT_EQ(r.status, Errc::ok) << r.message;
}

TEST_F(TokenServerHttps, UntrustedServerIsATlsErrorNeverSilentlyAccepted) {
  TransportOptions other;
  other.ca_file = pki_->other_ca_cert_file;
  const FetchResult r1 = fetch("education", server_->base_url(), key, other);
  EXPECT_EQ(r1.status, Errc::tls) << r1.message;
  EXPECT_NE(r1.message.find("127.0.0.1"), std::string::npos) << r1.message;
  EXPECT_TRUE(r1.token.empty());
  const FetchResult r2 = fetch("education", server_->base_url(), key, {}); // system store
  EXPECT_EQ(r2.status, Errc::tls) << r2.message;
}

TEST_F(TokenServerHttps, MissingCaFileIsAnErrorNamingTheOption) { // C-12
  TransportOptions o;
  o.ca_file = dir_->file("no-such-ca.pem");
  try {
    (void)make_curl_transport(o);
    FAIL() << "expected an error";
  } catch (const Error &e) {
    EXPECT_EQ(e.code(), Errc::tls);
    EXPECT_NE(std::string(e.what()).find("ca_file"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no-such-ca.pem"), std::string::npos) << e.what();
  }
}

TEST_F(TokenServerHttps, BearerOverHttps) {
  TempDir dir;
  TokenServerProcess server({"--tls-cert", pki_->server_cert_file, "--tls-key", pki_->server_key_file,
                             "--bearer-secret", "tls-secret"},
                            kDemoEnv, dir.file("server.log"));
  TransportOptions o;
  o.ca_file = pki_->ca_cert_file;
  EXPECT_EQ(fetch("education", server.base_url(), key, o).status, Errc::reauth_required);
  EXPECT_EQ(fetch("education", server.base_url(), key, o, {{"Authorization", "Bearer tls-secret"}}).status, Errc::ok);
}

} // namespace
