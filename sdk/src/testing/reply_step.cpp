// The JSON form of a scripted reply (reply_step.hpp).
#include "reply_step.hpp"

#include <limits>

#include "eduauth/error.hpp"

namespace eduauth::testing {
namespace {

using nlohmann::json;

Error bad(size_t index, const std::string &field, const std::string &what) {
  return Error(Errc::invalid_argument, "step " + std::to_string(index) + ": \"" + field + "\" " + what);
}

int64_t integer(const json &v, size_t index, const char *field, int64_t lo, int64_t hi) {
  const auto range = [&] {
    return bad(index, field, v.dump() + " is out of range " + std::to_string(lo) + ".." + std::to_string(hi));
  };
  if (!v.is_number_integer()) throw bad(index, field, v.dump() + " must be an integer");
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(hi)) throw range();
  const int64_t n = v.get<int64_t>();
  if (n < lo || n > hi) throw range();
  return n;
}

std::string text(const json &v, size_t index, const char *field) {
  if (!v.is_string()) throw bad(index, field, v.dump() + " must be a string");
  return v.get<std::string>();
}

// A header value goes on the wire verbatim: CR/LF would end the header (and inject others),
// NUL truncates it. Refused here, where the message can name the step, not at request time.
std::string header_value(const json &v, size_t index, const char *field) {
  std::string s = text(v, index, field);
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f)
      throw bad(index, field,
                v.dump() + " has control character " + std::to_string(c) + " at position " +
                    std::to_string(i) + " (not allowed in an HTTP header)");
  }
  return s;
}

// The builders would refuse the same values per request (as a 500); refusing at script
// time names the step and field instead.
std::string hex32(const json &v, size_t index, const char *field) {
  std::string s = text(v, index, field);
  const bool ok = s.size() == 32 && s.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  if (!ok) throw bad(index, field, v.dump() + " must be 32 hex characters");
  return s;
}

// Statuses whose replies carry no body (RFC 9110 15.2, 15.3.5, 15.4.5).
bool no_body_status(int status) {
  return status < 200 || status == 204 || status == 304;
}

void set_body(ReplyStep &s, const std::string &b, size_t index) {
  if (b == "token")
    s.body = BodyKind::token;
  else if (b == "expired")
    s.body = BodyKind::expired;
  else if (b == "malformed")
    s.body = BodyKind::malformed;
  else if (b == "no_token")
    s.body = BodyKind::no_token;
  else if (b == "error")
    s.body = BodyKind::error;
  else if (b.rfind("raw:", 0) == 0) {
    s.body = BodyKind::raw;
    s.raw = b.substr(4);
  } else
    throw bad(index, "body",
              json(b).dump() +
                  " is not one of \"token\", \"expired\", \"malformed\", \"no_token\", \"error\", "
                  "\"raw:<text>\"");
}

} // namespace

ReplyStep parse_step(const json &step, size_t index) {
  if (!step.is_object())
    throw Error(Errc::invalid_argument,
                "step " + std::to_string(index) + " must be a JSON object, got " + step.dump());
  ReplyStep s;
  bool body_set = false;
  constexpr int64_t kMaxDelayMs = 600'000;
  constexpr int64_t kMaxSkewS = 10LL * 365 * 86400;
  for (const auto &[field, v] : step.items()) {
    if (field == "status")
      s.status = static_cast<int>(integer(v, index, "status", 100, 599));
    else if (field == "retry_after") {
      if (v.is_number_integer())
        s.retry_after = std::to_string(integer(v, index, "retry_after", 0, kMaxSkewS));
      else
        s.retry_after = header_value(v, index, "retry_after");
    } else if (field == "delay_ms")
      s.delay_ms = integer(v, index, "delay_ms", 0, kMaxDelayMs);
    else if (field == "body") {
      set_body(s, text(v, index, "body"), index);
      body_set = true;
    } else if (field == "expire_s")
      s.expire_s = static_cast<uint32_t>(integer(v, index, "expire_s", 1, 86400));
    else if (field == "date_skew_s")
      s.date_skew_s = integer(v, index, "date_skew_s", -kMaxSkewS, kMaxSkewS);
    else if (field == "issue_offset_s")
      s.issue_offset_s = integer(v, index, "issue_offset_s", -kMaxSkewS, kMaxSkewS);
    else if (field == "for_user")
      s.for_user = text(v, index, "for_user");
    else if (field == "for_room")
      s.for_room = text(v, index, "for_room");
    else if (field == "for_role")
      // The APaaS role field of the token is an int16.
      s.for_role = static_cast<int32_t>(integer(v, index, "for_role", std::numeric_limits<int16_t>::min(),
                                                std::numeric_limits<int16_t>::max()));
    else if (field == "app_id")
      s.app_id = hex32(v, index, "app_id");
    else if (field == "code") {
      if (!v.is_string() && !v.is_number_integer())
        throw bad(index, "code", v.dump() + " must be a string or an integer");
      s.code = v;
    } else
      throw Error(Errc::invalid_argument,
                  "step " + std::to_string(index) + ": unknown field \"" + field +
                      "\" (known: status, retry_after, delay_ms, body, expire_s, "
                      "date_skew_s, issue_offset_s, for_user, for_room, for_role, app_id, code)");
  }
  if (no_body_status(s.status)) {
    if (body_set)
      throw bad(index, "body",
                "is not allowed with status " + std::to_string(s.status) +
                    " (1xx, 204 and 304 replies have no body)");
    s.body = BodyKind::none;
  } else if (!body_set && (s.status < 200 || s.status > 299)) {
    s.body = BodyKind::error;
  }
  return s;
}

std::vector<ReplyStep> parse_script(std::string_view text) {
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) throw Error(Errc::invalid_argument, "script is not valid JSON");
  std::vector<ReplyStep> steps;
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i)
      steps.push_back(parse_step(j[i], i));
  } else if (j.is_object()) {
    steps.push_back(parse_step(j, 0));
  } else {
    throw Error(Errc::invalid_argument,
                "script must be a JSON array of steps or one step object, got " + j.dump());
  }
  return steps;
}

} // namespace eduauth::testing
