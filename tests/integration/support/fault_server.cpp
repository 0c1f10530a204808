#include "fault_server.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "eduauth/builders.hpp"

namespace eduauth::testing {
namespace {

using nlohmann::json;

struct Key {
  std::string room = "room";
  std::string user = "user";
  int32_t role = 1;
};

Key key_of(const httplib::Request &req) {
  Key k;
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_object()) {
    if (body.contains("roomUuid") && body["roomUuid"].is_string()) k.room = body["roomUuid"];
    if (body.contains("userUuid") && body["userUuid"].is_string()) k.user = body["userUuid"];
    if (body.contains("role") && body["role"].is_number_integer()) k.role = body["role"];
  }
  return k;
}

std::string mint(const Key &k, uint32_t expire = 3600, std::optional<uint32_t> issue_ts = {},
                 const char *app_id = kAppId) {
  token::BuildOptions o;
  o.issue_ts = issue_ts;
  return token::EducationTokenBuilder2::BuildRoomUserToken(app_id, kAppCertificate, k.room, k.user, k.role, expire, o);
}

void send_token(httplib::Response &res, const std::string &token) {
  res.set_content(json{{"token", token}, {"code", "200"}}.dump(), "application/json");
}

void send_status(httplib::Response &res, int status) {
  res.status = status;
  res.set_content(json{{"token", "fault " + std::to_string(status)}, {"code", std::to_string(status)}}.dump(),
                  "application/json");
}

// gzip of `data` (a compression bomb when data is large and repetitive).
std::string gzip(const std::string &data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef *>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

} // namespace

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string http_date(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

FaultServer::FaultServer() {
  auto &s = server_;
  auto route = [this, &s](const std::string &path, std::function<void(const httplib::Request &, httplib::Response &)> fn) {
    s.Post(path, [this, path, fn](const httplib::Request &req, httplib::Response &res) {
      record(path, "");
      fn(req, res);
    });
  };
  auto token_route = [this, route](const std::string &path, std::function<std::string(const Key &)> make) {
    route(path, [this, path, make](const httplib::Request &req, httplib::Response &res) {
      const std::string token = make(key_of(req));
      {
        std::lock_guard<std::mutex> lock(mu_);
        tokens_[path] = token;
      }
      send_token(res, token);
    });
  };

  token_route("/ok", [](const Key &k) { return mint(k); });
  token_route("/expired", [](const Key &k) { return mint(k, 3600, static_cast<uint32_t>(unix_now() - 3700)); });
  token_route("/other-user", [](Key k) { k.user += "-other"; return mint(k); });
  token_route("/other-room", [](Key k) { k.room += "-other"; return mint(k); });
  token_route("/other-role", [](Key k) { k.role = k.role == 2 ? 1 : 2; return mint(k); });
  token_route("/wrong-app", [](const Key &k) { return mint(k, 3600, {}, kOtherAppId); });
  token_route("/short", [this](const Key &k) { return mint(k, short_expire_s.load()); });
  route("/slow", [this](const httplib::Request &req, httplib::Response &res) {
    std::this_thread::sleep_for(std::chrono::milliseconds(slow_ms.load()));
    const std::string token = mint(key_of(req));
    {
      std::lock_guard<std::mutex> lock(mu_);
      tokens_["/slow"] = token;
    }
    send_token(res, token);
  });
  route("/date", [this](const httplib::Request &req, httplib::Response &res) {
    const int64_t date = unix_now() - 1000;
    date_sent_ = date;
    res.set_header("Date", http_date(date));
    send_token(res, mint(key_of(req)));
  });

  for (int status : {500, 401, 403})
    route("/" + std::to_string(status), [status](const httplib::Request &, httplib::Response &res) { send_status(res, status); });
  route("/429", [](const httplib::Request &, httplib::Response &res) {
    res.set_header("Retry-After", "3");
    send_status(res, 429);
  });
  route("/503-seconds", [](const httplib::Request &, httplib::Response &res) {
    res.set_header("Retry-After", "7");
    send_status(res, 503);
  });
  route("/503-date", [](const httplib::Request &, httplib::Response &res) {
    res.set_header("Retry-After", http_date(unix_now() + 120));
    send_status(res, 503);
  });
  route("/code-500", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(R"({"token":"","code":"500"})", "application/json");
  });
  route("/code-401", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(R"({"token":"","code":401})", "application/json");
  });
  route("/code-int-0", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(json{{"token", mint(key_of(req))}, {"code", 0}}.dump(), "application/json");
  });
  route("/malformed", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(R"({"token": "007eJxTYBBW)", "application/json");
  });
  route("/no-token", [](const httplib::Request &, httplib::Response &res) {
    res.set_content(R"({"code":"200","message":"ok"})", "application/json");
  });
  route("/escaped", [this](const httplib::Request &req, httplib::Response &res) {
    // Mint until the token has both '/' and '+', then escape them the PHP/.NET way (C-05).
    Key k = key_of(req);
    std::string token;
    for (uint32_t salt = 1; salt < 1000; ++salt) {
      token::BuildOptions o;
      o.salt = salt;
      token = token::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kAppCertificate, k.room, k.user, k.role, 3600, o);
      if (token.find('/') != std::string::npos && token.find('+') != std::string::npos) break;
    }
    std::string escaped;
    for (char c : token) escaped += c == '/' ? std::string("\\/") : c == '+' ? std::string("\\u002B") : std::string(1, c);
    {
      std::lock_guard<std::mutex> lock(mu_);
      tokens_["/escaped"] = token;
    }
    res.set_content("{\"code\":\"200\",\"token\":\"" + escaped + "\"}", "application/json");
  });
  route("/huge", [](const httplib::Request &, httplib::Response &res) {
    // 10 MB on the wire, streamed with a Content-Length (httplib does not compress a sized
    // provider, so the client really receives megabytes, not a small gzip stream).
    auto body = std::make_shared<std::string>("{\"token\":\"" + std::string(10 * 1024 * 1024, 'A') +
                                              "\",\"code\":\"200\"}");
    res.set_content_provider(body->size(), "application/json",
                             [body](size_t offset, size_t length, httplib::DataSink &sink) {
                               const size_t n = std::min<size_t>(length, 64 * 1024);
                               return sink.write(body->data() + offset, n);
                             });
  });
  route("/bomb", [](const httplib::Request &, httplib::Response &res) {
    static const std::string bomb =
        gzip("{\"token\":\"" + std::string(10 * 1024 * 1024, 'A') + "\",\"code\":\"200\"}");
    res.set_header("Content-Encoding", "gzip");
    auto body = std::make_shared<std::string>(bomb);
    res.set_content_provider(body->size(), "application/json",
                             [body](size_t offset, size_t length, httplib::DataSink &sink) {
                               return sink.write(body->data() + offset, length);
                             });
  });
  route("/trickle", [this](const httplib::Request &, httplib::Response &res) {
    res.set_chunked_content_provider("application/json", [this](size_t offset, httplib::DataSink &sink) {
      for (int i = 0; i < 10 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (stopping_ || offset > 120 || !sink.is_writable()) return false;
      return sink.write("{", 1);
    });
  });
  route("/redirect", [](const httplib::Request &, httplib::Response &res) { res.set_redirect("/ok", 307); });
  route("/redirect-loop", [](const httplib::Request &, httplib::Response &res) {
    res.set_redirect("/redirect-loop", 307);
  });

  // Real servers send Date; the client measures clock skew from it. /date sets its own.
  server_.set_post_routing_handler([](const httplib::Request &, httplib::Response &res) {
    if (!res.has_header("Date")) res.set_header("Date", http_date(unix_now()));
  });

  server_.set_tcp_nodelay(true);
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("FaultServer: cannot bind 127.0.0.1");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FaultServer::~FaultServer() {
  stopping_ = true;
  server_.stop();
  thread_.join();
}

void FaultServer::record(const std::string &path, const std::string &) {
  std::lock_guard<std::mutex> lock(mu_);
  ++counts_[path];
}

int FaultServer::count(const std::string &path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = counts_.find(path);
  return it == counts_.end() ? 0 : it->second;
}

std::string FaultServer::last_token(const std::string &path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = tokens_.find(path);
  return it == tokens_.end() ? std::string() : it->second;
}

} // namespace eduauth::testing
