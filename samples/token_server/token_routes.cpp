#include "token_routes.hpp"

#include <openssl/crypto.h>

#include <cctype>
#include <chrono>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>

#include "eduauth/builders.hpp"
#include "eduauth/error.hpp"
#include "http_date.hpp"
#include "plain_server.hpp"
#include "request_log.hpp"

namespace eduauth::sample {
namespace {

using nlohmann::json;

// Per-request state for the log line. httplib runs pre-routing, the handler and the logger
// on the same worker thread, so thread_local carries it without locks.
thread_local std::chrono::steady_clock::time_point t_started;
thread_local std::string t_fingerprint;

// The documented shape for answers and errors alike: {"token": s, "code": s}, keys in the
// order json{...}.dump() gives them. Written out directly (json escapes the one free-form
// string): building a json object per response cost more than the rest of this function.
void reply(httplib::Response &res, int status, const std::string &token_or_message) {
  res.status = status;
  std::string body = "{\"code\":\"" + std::to_string(status) + "\",\"token\":";
  body += json(token_or_message).dump();
  body += '}';
  res.set_content(body, "application/json");
}

json parse_object(const httplib::Request &req) {
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) throw std::invalid_argument("request body is not valid JSON");
  if (!body.is_object()) throw std::invalid_argument("request body must be a JSON object");
  return body;
}

std::string required_string(const json &body, const char *field) {
  if (!body.contains(field)) throw std::invalid_argument(std::string("missing field \"") + field + "\"");
  const auto &v = body.at(field);
  if (!v.is_string()) throw std::invalid_argument(std::string("field \"") + field + "\" must be a string, got " + v.dump());
  if (v.get_ref<const std::string &>().empty()) throw std::invalid_argument(std::string("field \"") + field + "\" is empty");
  return v.get<std::string>();
}

constexpr size_t kMaxBody = 64 * 1024;
constexpr size_t kWorkers = 128;
const std::string kBodyLimitMessage = "request body over " + std::to_string(kMaxBody) + " bytes";

int32_t required_role(const json &body) {
  if (!body.contains("role")) throw std::invalid_argument("missing field \"role\"");
  const auto &v = body.at("role");
  // nlohmann keeps integers above INT64_MAX as unsigned: get<int64_t>() would wrap
  // 18446744073709551615 to -1, so the unsigned range is checked on its own type.
  const bool in_range =
      v.is_number_unsigned()  ? v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int16_t>::max())
      : v.is_number_integer() ? v.get<int64_t>() >= std::numeric_limits<int16_t>::min() &&
                                    v.get<int64_t>() <= std::numeric_limits<int16_t>::max()
                              : false;
  if (!in_range) throw std::invalid_argument("field \"role\" must be an integer in -32768..32767, got " + v.dump());
  return static_cast<int32_t>(v.get<int64_t>());
}

// RFC 9110 5.6.2 tchar: anything else in a field name (notably whitespace before the colon,
// which RFC 9112 5.1 says to reject) could make this server and a proxy in front of it
// disagree on the headers.
bool is_token(const std::string &name) {
  if (name.empty()) return false;
  for (const unsigned char c : name)
    if (!std::isalnum(c) && std::strchr("!#$%&'*+-.^_`|~", c) == nullptr) return false;
  return true;
}

// Message framing that two parsers could read differently (request smuggling): answered 400
// and the connection closed, so the rest of the bytes is never parsed as another request.
// Empty when the head is unambiguous. httplib parses Content-Length with strtoull, which
// takes "+42", "42abc" and the first of several headers; RFC 9112 6.3 requires one value of
// digits only.
std::string framing_error(const httplib::Request &req) {
  for (const auto &h : req.headers)
    if (!is_token(h.first))
      return "malformed header field name " + json(h.first.substr(0, 64)).dump() + " (RFC 9112 5.1)";
  const size_t lengths = req.get_header_value_count("Content-Length");
  if (lengths > 1) return "more than one Content-Length header (RFC 9112 6.3)";
  if (lengths == 1) {
    const std::string v = req.get_header_value("Content-Length");
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)
      return "Content-Length " + json(v.substr(0, 64)).dump() + " is not a decimal number (RFC 9112 6.3)";
  }
  return {};
}

bool bearer_ok(const ServerOptions &o, const httplib::Request &req) {
  if (o.bearer_secret.empty()) return true;
  const std::string expected = "Bearer " + o.bearer_secret;
  const std::string got = req.get_header_value("Authorization");
  return got.size() == expected.size() && CRYPTO_memcmp(got.data(), expected.data(), got.size()) == 0;
}

// Wraps a token-minting handler: bearer check, input errors -> 400, anything else -> 500.
template <typename Mint> httplib::Server::Handler token_route(const ServerOptions &o, Mint mint) {
  return [&o, mint](const httplib::Request &req, httplib::Response &res) {
    if (!bearer_ok(o, req)) return reply(res, 401, "missing or invalid bearer credentials");
    std::string token;
    try {
      token = mint(parse_object(req));
    } catch (const std::invalid_argument &e) {
      return reply(res, 400, e.what());
    } catch (const eduauth::Error &e) {
      // The builders name the field and value (e.g. a string over 65535 bytes).
      return reply(res, e.code() == Errc::invalid_argument ? 400 : 500, e.what());
    }
    t_fingerprint = eduauth::token::fingerprint(token);
    reply(res, 200, token);
  };
}

} // namespace

void install_routes(httplib::Server &server, const ServerOptions &o) {
  server.set_default_headers({{"Access-Control-Allow-Origin", "*"},
                              {"Access-Control-Allow-Methods", "POST, OPTIONS"},
                              {"Access-Control-Allow-Headers", "Content-Type, Authorization"}});
  server.set_payload_max_length(kMaxBody);
  // Limits against slow or idle clients holding every worker (README "Limits"): a sample
  // server, a production deployment sits behind a reverse proxy that buffers requests.
  server.set_read_timeout(2, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(2);
  server.set_keep_alive_max_count(100);
  // httplib serves a connection on one worker until it closes, so connections beyond the
  // worker count wait in the accept queue until a busy connection hits the keep-alive limits
  // (p90 ~150 ms at 64 wrk connections with 32 workers). 128 covers the load-test shapes;
  // idle workers only cost memory.
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle + the client's
  // delayed ACK add ~40 ms to every keep-alive response.
  server.set_tcp_nodelay(true);

  server.set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
    t_started = std::chrono::steady_clock::now();
    t_fingerprint.clear();
    const std::string framing = framing_error(req);
    if (!framing.empty()) {
      reply(res, 400, framing);
      res.set_header("Connection", "close");
      close_connection_after_response();
      return httplib::Server::HandlerResponse::Handled;
    }
    // httplib applies the payload limit only to Content-Length bodies; chunked request
    // bodies would be read without bound, so they are refused before the body is read.
    if (req.has_header("Transfer-Encoding")) {
      reply(res, 411, "Transfer-Encoding request bodies are not accepted; send Content-Length (" + kBodyLimitMessage +
                          " are refused)");
      res.set_header("Connection", "close");
      close_connection_after_response(); // the unread chunked body must not become a request
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_post_routing_handler([](const httplib::Request &, httplib::Response &res) {
    res.set_header("Date", http_date_now());
  });

  server.Post("/fetch_education_token", token_route(o, [&o](const json &body) {
                const std::string room = required_string(body, "roomUuid");
                const std::string user = required_string(body, "userUuid");
                const int32_t role = required_role(body);
                return eduauth::token::EducationTokenBuilder2::BuildRoomUserToken(o.app_id, o.app_certificate, room,
                                                                                  user, role, o.expire_s);
              }));
  server.Post("/fetch_rtm_token", token_route(o, [&o](const json &body) {
                const std::string uid = required_string(body, "uid");
                return eduauth::token::RtmTokenBuilder2::BuildToken(o.app_id, o.app_certificate, uid, o.expire_s);
              }));
  // CORS preflight: browsers send no Authorization here, so it is answered without the bearer check.
  auto preflight = [](const httplib::Request &, httplib::Response &res) { res.status = 200; };
  server.Options("/fetch_education_token", preflight);
  server.Options("/fetch_rtm_token", preflight);
  server.Get("/healthz", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(json{{"status", "ok"}}.dump(), "application/json");
  });

  // Unknown paths and methods: 404 in the same JSON shape.
  server.set_error_handler([](const httplib::Request &, httplib::Response &res) {
    if (!res.body.empty()) return;
    if (res.status == 404) reply(res, 404, "not found");
    else if (res.status == 413) reply(res, 413, kBodyLimitMessage);
    else if (res.status == 400) reply(res, 400, "malformed request or " + kBodyLimitMessage);
    else reply(res, res.status, "error");
  });

  server.set_logger([](const httplib::Request &req, const httplib::Response &res) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_started).count();
    // A request httplib rejects before routing (a malformed request line) never ran the
    // pre-routing handler: its line must not carry the previous request's token or start time.
    const bool routed = t_started != std::chrono::steady_clock::time_point{};
    log_request(req.method, req.path, res.status, routed ? ms : -1.0, t_fingerprint);
    t_started = {};
    t_fingerprint.clear();
  });
}

} // namespace eduauth::sample
