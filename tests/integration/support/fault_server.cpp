#include "fault_server.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "eduauth/builders.hpp"

namespace eduauth::testing {
namespace {

using nlohmann::json;

const Credentials kCredentials{kAppId, kAppCertificate};

ReplyStep status_step(int status, std::optional<std::string> retry_after = {}) {
  ReplyStep s;
  s.status = status;
  s.body = BodyKind::error;
  s.retry_after = std::move(retry_after);
  return s;
}

ReplyStep raw_step(std::string body) {
  ReplyStep s;
  s.body = BodyKind::raw;
  s.raw = std::move(body);
  return s;
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

void FaultServer::route(const std::string &path, Handler fn) {
  server_.http().Post(path, [this, path, fn](const httplib::Request &req, httplib::Response &res) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++counts_[path];
    }
    fn(req, res);
  });
}

void FaultServer::step_route(const std::string &path, std::function<ReplyStep(const AskedKey &)> make) {
  route(path, [this, path, make](const httplib::Request &req, httplib::Response &res) {
    const AskedKey key = asked_key(Shape::education, req.body);
    const ReplyStep step = make(key);
    if (step.delay_ms > 0 && !server_.wait_unless_stopped(std::chrono::milliseconds(step.delay_ms))) return;
    const int64_t now = unix_now();
    const std::string token = mint(step, Shape::education, key, kCredentials, now);
    if (!token.empty()) record_token(path, token);
    if (path == "/date") date_sent_ = now + step.date_skew_s;
    write_reply(step, token, now, res);
  });
}

void FaultServer::record_token(const std::string &path, const std::string &token) {
  std::lock_guard<std::mutex> lock(mu_);
  tokens_[path] = token;
}

FaultServer::FaultServer() {
  const auto fixed = [](ReplyStep s) { return [s](const AskedKey &) { return s; }; };
  step_route("/ok", fixed(ReplyStep{}));
  {
    ReplyStep expired;
    expired.body = BodyKind::expired; // issued now - 3700 s, expire 3600
    step_route("/expired", fixed(expired));
  }
  step_route("/other-user", [](const AskedKey &k) {
    ReplyStep s;
    s.for_user = k.user + "-other";
    return s;
  });
  step_route("/other-room", [](const AskedKey &k) {
    ReplyStep s;
    s.for_room = k.room + "-other";
    return s;
  });
  step_route("/other-role", [](const AskedKey &k) {
    ReplyStep s;
    s.for_role = k.role == 2 ? 1 : 2;
    return s;
  });
  {
    ReplyStep wrong_app;
    wrong_app.app_id = kOtherAppId;
    step_route("/wrong-app", fixed(wrong_app));
  }
  step_route("/short", [this](const AskedKey &) {
    ReplyStep s;
    s.expire_s = short_expire_s.load();
    return s;
  });
  step_route("/slow", [this](const AskedKey &) {
    ReplyStep s;
    s.delay_ms = slow_ms.load();
    return s;
  });
  {
    ReplyStep date; // the server's clock is 1000 s behind, the token is issued at the real time
    date.date_skew_s = -1000;
    date.issue_offset_s = 1000;
    step_route("/date", fixed(date));
  }
  for (int status : {500, 401, 403})
    step_route("/" + std::to_string(status), fixed(status_step(status)));
  step_route("/429", fixed(status_step(429, "3")));
  step_route("/503-seconds", fixed(status_step(503, "7")));
  step_route("/503-date", [](const AskedKey &) { return status_step(503, http_date(unix_now() + 120)); });
  step_route("/code-500", fixed(raw_step(R"({"token":"","code":"500"})")));
  step_route("/code-401", fixed(raw_step(R"({"token":"","code":401})")));
  {
    ReplyStep zero;
    zero.code = 0;
    step_route("/code-int-0", fixed(zero));
  }
  {
    ReplyStep malformed;
    malformed.body = BodyKind::malformed;
    step_route("/malformed", fixed(malformed));
    ReplyStep no_token;
    no_token.body = BodyKind::no_token;
    step_route("/no-token", fixed(no_token));
  }

  // Faults the kit's steps do not describe.
  route("/escaped", [this](const httplib::Request &req, httplib::Response &res) {
    // Mint until the token has both '/' and '+', then escape them the PHP/.NET way (C-05).
    const AskedKey k = asked_key(Shape::education, req.body);
    std::string token;
    for (uint32_t salt = 1; salt < 1000; ++salt) {
      token::BuildOptions o;
      o.salt = salt;
      token = token::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kAppCertificate, k.room, k.user,
                                                                k.role, 3600, o);
      if (token.find('/') != std::string::npos && token.find('+') != std::string::npos) break;
    }
    std::string escaped;
    for (char c : token)
      escaped += c == '/' ? std::string("\\/") : c == '+' ? std::string("\\u002B") : std::string(1, c);
    record_token("/escaped", token);
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
      if (!server_.wait_unless_stopped(std::chrono::seconds(1))) return false;
      if (offset > 120 || !sink.is_writable()) return false;
      return sink.write("{", 1);
    });
  });
  route("/redirect", [](const httplib::Request &, httplib::Response &res) { res.set_redirect("/ok", 307); });
  route("/redirect-loop",
        [](const httplib::Request &, httplib::Response &res) { res.set_redirect("/redirect-loop", 307); });

  server_.start();
}

FaultServer::~FaultServer() {
  server_.stop();
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
