// SourceConfig + TokenKey -> HttpRequest: placeholder substitution in the URL (percent-
// encoded) and in the JSON body (inside parsed string values only); validate_source checks
// a SourceConfig once, before its first request.
#include "eduauth/source.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "eduauth/log.hpp"

namespace eduauth {
namespace {

// RFC 3986 percent-encoding of everything but unreserved characters, so '+', '/', '=' and
// UTF-8 bytes reach the server exactly (token-servers.md: never URL-mangled).
std::string percent_encode(const std::string &value) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() * 3);
  for (unsigned char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    }
  }
  return out;
}

// Replaces {roomUuid}, {userUuid} and {role} in `text`; `encode` is applied to each value.
template <typename Encode>
std::string substitute(const std::string &text, const TokenKey &key, Encode encode) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string::npos) {
        const std::string name = text.substr(i + 1, close - i - 1);
        const std::string *value = nullptr;
        std::string role = std::to_string(key.role);
        if (name == "roomUuid")
          value = &key.room_uuid;
        else if (name == "userUuid")
          value = &key.user_uuid;
        else if (name == "role")
          value = &role;
        if (value) {
          out += encode(*value);
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

void substitute_json(nlohmann::json &node, const TokenKey &key) {
  if (node.is_string()) {
    const auto &s = node.get_ref<const std::string &>();
    if (s == "{role}") {
      node = key.role; // a number, not the string "1" (C-01: types survive the fetch layer)
      return;
    }
    node = substitute(s, key, [](const std::string &v) { return v; });
  } else if (node.is_object() || node.is_array()) {
    for (auto &child : node)
      substitute_json(child, key);
  }
}

[[noreturn]] void invalid(const std::string &field, const std::string &value, const std::string &why) {
  throw Error(Errc::invalid_argument, field + " \"" + escape_text(value) + "\" " + why);
}

bool is_placeholder(const std::string &name) {
  return name == "roomUuid" || name == "userUuid" || name == "role";
}

bool looks_like_identifier(const std::string &name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (unsigned char c : name)
    if (!std::isalnum(c) && c != '_') return false;
  return true;
}

constexpr const char *kKnownPlaceholders = "(known: {roomUuid}, {userUuid}, {role})";

// Every "{name}" must be a known placeholder: a typo such as {roomId} would otherwise be
// sent to the server verbatim on every fetch. In a URL any other brace is refused too
// (RFC 3986 does not allow it); in body strings only "{identifier}" patterns are checked.
void check_placeholders(const std::string &field, const std::string &text, bool strict_braces) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{' && text[i] != '}') continue;
    const auto close = text[i] == '{' ? text.find('}', i) : std::string::npos;
    const std::string name = close == std::string::npos ? "" : text.substr(i + 1, close - i - 1);
    if (close != std::string::npos && is_placeholder(name)) {
      i = close;
      continue;
    }
    if (looks_like_identifier(name))
      invalid(field, text, "has an unknown placeholder {" + name + "} " + kKnownPlaceholders);
    if (strict_braces)
      invalid(field, text,
              std::string("has a '") + text[i] + "' at offset " + std::to_string(i) +
                  " that is not part of a placeholder " + kKnownPlaceholders);
  }
}

void check_body_strings(const nlohmann::json &node) {
  if (node.is_string())
    check_placeholders("source body_template value", node.get_ref<const std::string &>(), false);
  else if (node.is_object() || node.is_array())
    for (const auto &child : node)
      check_body_strings(child);
}

// An absolute http(s) URL with a host, an optional numeric port and no bytes a URL cannot
// carry unencoded (spaces, controls, non-ASCII, quotes, angle brackets ...).
void check_url(const std::string &field, const std::string &url) {
  const bool https = url.rfind("https://", 0) == 0;
  if (!https && url.rfind("http://", 0) != 0) invalid(field, url, "must start with http:// or https://");
  {
    // user:password@ in a URL is a secret that every error message and log line would
    // repeat: refuse it, showing the URL with the userinfo masked.
    const size_t start = https ? 8 : 7;
    const size_t end = url.find_first_of("/?#", start);
    const size_t at = url.rfind('@', end == std::string::npos ? std::string::npos : end);
    if (at != std::string::npos && at >= start && (end == std::string::npos || at < end))
      invalid(field, url.substr(0, start) + "***@" + url.substr(at + 1),
              "carries credentials (user[:password]@): send them in a header instead (source headers, "
              "e.g. Authorization), where they are never logged");
  }
  for (size_t i = 0; i < url.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(url[i]);
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '|')
      invalid(field, url,
              "has a character a URL cannot carry unencoded at offset " + std::to_string(i) +
                  (c == ' ' ? " (a space: percent-encode it as %20)" : ""));
  }
  const size_t start = https ? 8 : 7;
  std::string authority = url.substr(start, url.find_first_of("/?#", start) - start);
  if (const auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
  std::string host = authority, port;
  if (!authority.empty() && authority[0] == '[') {
    const auto close = authority.find(']');
    if (close == std::string::npos) invalid(field, url, "has an IPv6 host without its closing ']'");
    host = authority.substr(0, close + 1);
    const std::string rest = authority.substr(close + 1);
    if (!rest.empty() && rest[0] != ':')
      invalid(field, url, "has text after the IPv6 host: expected ':port'");
    if (!rest.empty()) port = rest.substr(1);
    if (host.size() == 2) host.clear();
  } else if (const auto colon = authority.find(':'); colon != std::string::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    if (port.empty()) invalid(field, url, "has an empty port after ':'");
  }
  if (host.empty()) invalid(field, url, "has no host");
  if (!port.empty()) {
    const bool digits = port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stol(port) < 1 || std::stol(port) > 65535)
      invalid(field, url, "has port \"" + escape_text(port) + "\" outside 1..65535");
  }
}

// RFC 6901: "" (the whole document) or '/'-separated reference tokens, '~' only as ~0 / ~1.
void check_pointer(const std::string &field, const std::string &pointer, bool may_be_empty) {
  if (pointer.empty()) {
    if (may_be_empty) return;
    invalid(field, pointer, "is empty: the token must be a member of the response object (e.g. \"/token\")");
  }
  if (pointer[0] != '/')
    invalid(field, pointer,
            "is not a JSON pointer (RFC 6901): it must start with '/' (did you mean \"/" +
                escape_text(pointer) + "\"?)");
  for (size_t i = 0; i < pointer.size(); ++i)
    if (pointer[i] == '~' && (i + 1 == pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1')))
      invalid(field, pointer,
              "is not a JSON pointer (RFC 6901): '~' at offset " + std::to_string(i) +
                  " must be followed by 0 or 1");
}

} // namespace

void validate_base_url(std::string_view base_url) {
  const std::string url(base_url);
  check_url("base_url", url);
  if (url.find_first_of("?#") != std::string::npos)
    invalid("base_url", url, "has a query or fragment: paths are appended to it");
  if (url.find_first_of("{}") != std::string::npos)
    invalid("base_url", url, "has a '{' or '}': placeholders belong in url_template");
}

void validate_source(const SourceConfig &source) {
  if (source.method != "GET" && source.method != "POST")
    invalid("source method", source.method, "must be GET or POST");
  if (source.url_template.empty()) throw Error(Errc::invalid_argument, "source url_template is empty");
  check_placeholders("source url_template", source.url_template, true);
  check_url("source url_template", source.url_template); // placeholders are plain letters in braces
  if (!source.body_template.empty()) {
    nlohmann::json body;
    try {
      body = nlohmann::json::parse(source.body_template);
    } catch (const nlohmann::json::parse_error &e) {
      invalid("source body_template", source.body_template.substr(0, 200),
              "is not valid JSON (syntax error at byte " + std::to_string(e.byte) + ")");
    }
    check_body_strings(body);
    (void)build_request(source, TokenKey{"room", "user", 1}); // the substituted body must serialise too
  }
  check_pointer("source token_pointer", source.token_pointer, false);
  check_pointer("source app_id_pointer", source.app_id_pointer, true);
  check_pointer("source code_pointer", source.code_pointer, true);
}

HttpRequest build_request(const SourceConfig &source, const TokenKey &key) {
  if (source.method != "GET" && source.method != "POST")
    throw Error(Errc::invalid_argument, "source method \"" + source.method + "\" must be GET or POST");
  if (source.url_template.empty()) throw Error(Errc::invalid_argument, "source url_template is empty");
  HttpRequest req;
  req.method = source.method;
  req.url = substitute(source.url_template, key, percent_encode);
  req.headers = source.headers;
  if (!source.body_template.empty()) {
    nlohmann::json body;
    try {
      body = nlohmann::json::parse(source.body_template);
    } catch (const nlohmann::json::exception &e) {
      throw Error(Errc::invalid_argument, std::string("source body_template is not valid JSON: ") + e.what());
    }
    try {
      substitute_json(body, key);
      req.body = body.dump();
    } catch (const nlohmann::json::exception &e) {
      // dump() refuses key values that are not UTF-8: the caller's input, not our bug.
      throw Error(Errc::invalid_argument,
                  std::string("cannot build the request body from the key (room_uuid/user_uuid): ") +
                      e.what());
    }
  }
  return req;
}

} // namespace eduauth
