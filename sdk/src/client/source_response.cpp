// HttpResponse -> FetchResult for a SourceConfig: HTTP status and `code` field both count,
// the token is located by JSON pointer and unescaped by the JSON parser (C-05).
#include "eduauth/source.hpp"

#include <nlohmann/json.hpp>

#include "eduauth/log.hpp"

namespace eduauth {
namespace {

constexpr size_t kMaxReasonBytes = 200;

// A string that may be a credential: a 006/007 token, or one long opaque word (some other
// token format). Such a string is never copied into a message.
bool may_be_secret(const std::string &s) {
  if (s.rfind("006", 0) == 0 || s.rfind("007", 0) == 0) return true;
  return s.size() >= 40 && s.find(' ') == std::string::npos;
}

// The server's own explanation of an error, quoted for a message: the first non-empty
// string among the fields the documented shapes use (token-servers.md: "message" in the
// generic server, "msg" in agora-demo, the token field itself in the education/rtm 400
// answer) and common ones ("reason", "error", "error.message", "error_description").
// Escaped to one line and cut at kMaxReasonBytes; "" when there is none or it may be secret.
std::string server_reason(const SourceConfig &source, const std::string &body_text) {
  const nlohmann::json body = nlohmann::json::parse(body_text, nullptr, false);
  if (!body.is_object()) return {};
  std::vector<std::string> pointers = {"/message", "/msg", "/reason", "/error", "/error/message",
                                       "/error_description"};
  pointers.push_back(source.token_pointer); // education: {"token": "<message>", "code": "400"}
  for (const auto &p : pointers) {
    std::string text;
    try {
      const nlohmann::json::json_pointer ptr(p);
      if (!body.contains(ptr) || !body.at(ptr).is_string()) continue;
      text = body.at(ptr).get<std::string>();
    } catch (const nlohmann::json::exception &) {
      continue; // an invalid pointer in a hand-made SourceConfig, or a path through a scalar
    }
    if (text.empty() || may_be_secret(text)) continue;
    const bool cut = text.size() > kMaxReasonBytes;
    if (cut) {
      size_t end = kMaxReasonBytes;
      while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end; // UTF-8 boundary
      text.resize(end);
    }
    return ": server says \"" + escape_text(text) + (cut ? "...\"" : "\"");
  }
  return {};
}

// "/fetch_education_token" from "https://host:8082/fetch_education_token?x" (for messages).
std::string url_path(const std::string &url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return "/";
  const auto query = url.find_first_of("?#", slash);
  return url.substr(slash, query == std::string::npos ? std::string::npos : query - slash);
}

bool is_reauth_status(int status) { return status == 401 || status == 403; }
bool is_throttle_status(int status) { return status == 429 || status == 503; }

// The code value as an integer when it is one (200, "200", 0, "0", "-1" ...).
std::optional<int64_t> code_as_int(const nlohmann::json &code) {
  if (code.is_number_integer()) return code.get<int64_t>();
  if (code.is_string()) {
    const auto &s = code.get_ref<const std::string &>();
    if (s.empty() || s.size() > 18) return std::nullopt;
    size_t i = (s[0] == '-') ? 1 : 0;
    if (i == s.size()) return std::nullopt;
    for (size_t k = i; k < s.size(); ++k)
      if (s[k] < '0' || s[k] > '9') return std::nullopt;
    return std::stoll(s);
  }
  return std::nullopt;
}

} // namespace

FetchResult interpret_response(const SourceConfig &source, const HttpRequest &request, const HttpResponse &response) {
  FetchResult r;
  r.http_status = response.status;
  r.server_date_unix = response.date_unix;
  r.received_unix_ms = response.received_unix_ms;
  const std::string where = request.method + " " + url_path(request.url);
  auto fail = [&](Errc code, std::string message) {
    r.status = code;
    r.message = std::move(message);
    r.token.clear();
    r.app_id.reset();
    return r;
  };

  if (is_reauth_status(response.status))
    return fail(Errc::reauth_required, "token server answered HTTP " + std::to_string(response.status) + " to " +
                                           where + ": the user must sign in again" +
                                           server_reason(source, response.body));
  if (is_throttle_status(response.status)) {
    r.retry_after_s = response.retry_after_s;
    return fail(Errc::http_status,
                "token server answered HTTP " + std::to_string(response.status) + " to " + where +
                    (response.retry_after_s ? " (Retry-After " + std::to_string(*response.retry_after_s) + " s)" : "") +
                    server_reason(source, response.body));
  }
  if (response.status < 200 || response.status > 299)
    return fail(Errc::http_status, "token server answered HTTP " + std::to_string(response.status) + " to " + where +
                                       server_reason(source, response.body));

  nlohmann::json body;
  try {
    body = nlohmann::json::parse(response.body);
  } catch (const nlohmann::json::parse_error &e) {
    // e.what() quotes the last lexeme read, which may be part of a token: report the offset only.
    return fail(Errc::bad_response, "response to " + where + " (HTTP " + std::to_string(response.status) +
                                        ", " + std::to_string(response.body.size()) +
                                        " bytes) is not valid JSON: syntax error at byte " + std::to_string(e.byte));
  } catch (const nlohmann::json::exception &) {
    // out_of_range: a number beyond double range (1e999); bad input, not a crash (fuzz finding).
    return fail(Errc::bad_response, "response to " + where + " (HTTP " + std::to_string(response.status) +
                                        ") is not usable JSON: a number is out of range");
  }

  try {
    if (!source.code_pointer.empty()) {
      const nlohmann::json::json_pointer ptr(source.code_pointer);
      if (body.is_object() && body.contains(ptr)) {
        const auto &code = body.at(ptr);
        const auto n = code_as_int(code);
        const bool ok = n && (*n == 0 || *n == 200);
        if (!ok) {
          const std::string shown = code.is_string() ? "\"" + escape_text(code.get<std::string>().substr(0, 32)) + "\""
                                                     : code.dump().substr(0, 32);
          if (n && is_reauth_status(static_cast<int>(*n)))
            return fail(Errc::reauth_required, "token server reported code " + shown + " at " + source.code_pointer +
                                                   " for " + where + ": the user must sign in again" +
                                                   server_reason(source, response.body));
          if (n && is_throttle_status(static_cast<int>(*n))) r.retry_after_s = response.retry_after_s;
          return fail(Errc::http_status, "token server reported error code " + shown + " at " + source.code_pointer +
                                             " in an HTTP " + std::to_string(response.status) + " response to " + where +
                                             server_reason(source, response.body));
        }
      }
    }

    const nlohmann::json::json_pointer token_ptr(source.token_pointer);
    if (!body.is_object() || !body.contains(token_ptr) || !body.at(token_ptr).is_string() ||
        body.at(token_ptr).get_ref<const std::string &>().empty())
      return fail(Errc::bad_response,
                  "response to " + where + " has no token string at JSON pointer \"" + source.token_pointer + "\"");
    r.token = body.at(token_ptr).get<std::string>();

    if (!source.app_id_pointer.empty()) {
      const nlohmann::json::json_pointer app_ptr(source.app_id_pointer);
      if (body.contains(app_ptr) && body.at(app_ptr).is_string()) r.app_id = body.at(app_ptr).get<std::string>();
    }
  } catch (const nlohmann::json::exception &e) {
    // Only an invalid pointer in the SourceConfig gets here (the body is already parsed).
    return fail(Errc::bad_response, "cannot read response to " + where + " with the source's JSON pointers (token \"" +
                                        source.token_pointer + "\", code \"" + source.code_pointer + "\"): " + e.what());
  }
  r.status = Errc::ok;
  return r;
}

} // namespace eduauth
