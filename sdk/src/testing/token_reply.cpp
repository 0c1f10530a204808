// Minting and writing scripted replies (token_reply.hpp).
#include "token_reply.hpp"

#include <chrono>
#include <ctime>

#include <nlohmann/json.hpp>

#include "eduauth/builders.hpp"
#include "eduauth/error.hpp"

namespace eduauth::testing {
namespace {

using nlohmann::json;

template <class T> void read_member(const json &body, const char *name, T &out) {
  const auto it = body.find(name);
  if (it == body.end()) return;
  if constexpr (std::is_same_v<T, std::string>) {
    if (it->is_string())
      out = it->template get<std::string>();
    else if (it->is_number_integer())
      out = it->dump(); // RTM uids are often sent as numbers
  } else {
    if (it->is_number_integer())
      out = it->template get<T>();
    else if (it->is_string()) {
      // Templated presets send "{role}" substituted into a string ("1").
      const std::string s = it->template get<std::string>();
      if (!s.empty() && s.find_first_not_of("-0123456789") == std::string::npos)
        out = static_cast<T>(std::stoll(s));
    }
  }
}

} // namespace

AskedKey asked_key(Shape shape, const std::string &body) {
  AskedKey k;
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object()) return k;
  try {
    if (shape == Shape::education) {
      read_member(j, "roomUuid", k.room);
      read_member(j, "userUuid", k.user);
      read_member(j, "role", k.role);
    } else {
      read_member(j, "uid", k.user);
    }
  } catch (const std::exception &) {
    // An out-of-range role: keep the defaults, the reply is then for another key.
  }
  return k;
}

std::string mint(const ReplyStep &step, Shape shape, const AskedKey &key, const Credentials &cred,
                 int64_t now_s) {
  if (step.body != BodyKind::token && step.body != BodyKind::expired) return {};
  const int64_t server_now = now_s + step.date_skew_s;
  int64_t issue = server_now + step.issue_offset_s;
  if (step.body == BodyKind::expired) issue = server_now - static_cast<int64_t>(step.expire_s) - 100;
  if (issue < 0 || issue > static_cast<int64_t>(UINT32_MAX))
    throw Error(Errc::invalid_argument,
                "token issue time " + std::to_string(issue) + " is outside the u32 range");
  token::BuildOptions o;
  o.issue_ts = static_cast<uint32_t>(issue);
  const std::string &app = step.app_id ? *step.app_id : cred.app_id;
  const std::string &user = step.for_user ? *step.for_user : key.user;
  if (shape == Shape::rtm)
    return token::RtmTokenBuilder2::BuildToken(app, cred.app_certificate, user, step.expire_s, o);
  return token::EducationTokenBuilder2::BuildRoomUserToken(
      app, cred.app_certificate, step.for_room ? *step.for_room : key.room, user,
      step.for_role ? *step.for_role : key.role, step.expire_s, o);
}

void write_reply(const ReplyStep &step, const std::string &token, int64_t now_s, httplib::Response &res) {
  res.status = step.status;
  if (step.retry_after) res.set_header("Retry-After", *step.retry_after);
  res.set_header("Date", http_date(now_s + step.date_skew_s));
  switch (step.body) {
  case BodyKind::token:
  case BodyKind::expired:
    res.set_content(json{{"token", token}, {"code", step.code}}.dump(), "application/json");
    break;
  case BodyKind::malformed:
    res.set_content(R"({"token": "007eJxTYBBW)", "application/json");
    break;
  case BodyKind::no_token:
    res.set_content(R"({"code":"200","message":"ok"})", "application/json");
    break;
  case BodyKind::error:
    res.set_content(
        json{{"code", std::to_string(step.status)}, {"message", "scripted " + std::to_string(step.status)}}
            .dump(),
        "application/json");
    break;
  case BodyKind::raw:
    res.set_content(step.raw, "application/json");
    break;
  case BodyKind::none:
    break;
  }
}

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string http_date(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

} // namespace eduauth::testing
