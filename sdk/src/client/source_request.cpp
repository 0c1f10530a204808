// SourceConfig + TokenKey -> HttpRequest: placeholder substitution in the URL (percent-
// encoded) and in the JSON body (inside parsed string values only).
#include "eduauth/source.hpp"

#include <nlohmann/json.hpp>

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
template <typename Encode> std::string substitute(const std::string &text, const TokenKey &key, Encode encode) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close != std::string::npos) {
        const std::string name = text.substr(i + 1, close - i - 1);
        const std::string *value = nullptr;
        std::string role = std::to_string(key.role);
        if (name == "roomUuid") value = &key.room_uuid;
        else if (name == "userUuid") value = &key.user_uuid;
        else if (name == "role") value = &role;
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
    for (auto &child : node) substitute_json(child, key);
  }
}

} // namespace

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
                  std::string("cannot build the request body from the key (room_uuid/user_uuid): ") + e.what());
    }
  }
  return req;
}

} // namespace eduauth
