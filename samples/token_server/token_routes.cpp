#include "token_routes.hpp"

#include <openssl/crypto.h>

#include <chrono>
#include <cstdio>
#include <limits>
#include <mutex>

#include <nlohmann/json.hpp>

#include "eduauth/builders.hpp"
#include "eduauth/error.hpp"

namespace eduauth::sample {
namespace {

using nlohmann::json;

// Per-request state for the log line. httplib runs pre-routing, the handler and the logger
// on the same worker thread, so thread_local carries it without locks.
thread_local std::chrono::steady_clock::time_point t_started;
thread_local std::string t_fingerprint;

// The documented shape for answers and errors alike: {"token": s, "code": s}.
void reply(httplib::Response &res, int status, const std::string &token_or_message) {
  res.status = status;
  res.set_content(json{{"token", token_or_message}, {"code", std::to_string(status)}}.dump(), "application/json");
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

int32_t required_role(const json &body) {
  if (!body.contains("role")) throw std::invalid_argument("missing field \"role\"");
  const auto &v = body.at("role");
  if (!v.is_number_integer() || v.get<int64_t>() < std::numeric_limits<int16_t>::min() ||
      v.get<int64_t>() > std::numeric_limits<int16_t>::max())
    throw std::invalid_argument("field \"role\" must be an integer in -32768..32767, got " + v.dump());
  return static_cast<int32_t>(v.get<int64_t>());
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
  server.set_payload_max_length(64 * 1024);
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle + the client's
  // delayed ACK add ~40 ms to every keep-alive response.
  server.set_tcp_nodelay(true);

  server.set_pre_routing_handler([](const httplib::Request &, httplib::Response &) {
    t_started = std::chrono::steady_clock::now();
    t_fingerprint.clear();
    return httplib::Server::HandlerResponse::Unhandled;
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
    if (res.body.empty()) reply(res, res.status, res.status == 404 ? "not found" : "error");
  });

  server.set_logger([](const httplib::Request &req, const httplib::Response &res) {
    static std::mutex mu;
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_started).count();
    std::lock_guard<std::mutex> lock(mu);
    std::fprintf(stderr, "%s %s %d %.1fms%s%s\n", req.method.c_str(), req.path.c_str(), res.status, ms,
                 t_fingerprint.empty() ? "" : " token=", t_fingerprint.c_str());
    std::fflush(stderr);
  });
}

} // namespace eduauth::sample
