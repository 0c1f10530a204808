// decode(): version dispatch and the input limits shared by both formats.
#include "codecs.hpp"
#include "hex.hpp"

namespace eduauth::token {

namespace {
std::string describe_prefix(std::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7f && u != '"' && u != '\\') ? std::string(1, c) : detail::describe_char(u);
  }
  return out;
}
} // namespace

Token decode(std::string_view token) {
  if (token.empty()) {
    throw Error(Errc::malformed_token, "malformed token: the token is empty");
  }
  if (token.size() > kMaxTokenLength) {
    throw Error(Errc::malformed_token, "malformed token: " + std::to_string(token.size()) +
                                           " characters; the decoder accepts at most " +
                                           std::to_string(kMaxTokenLength));
  }
  if (token.size() < 3) {
    throw Error(Errc::malformed_token, "malformed token: " + std::to_string(token.size()) +
                                           " characters are too short for the version prefix \"007\"/\"006\"");
  }
  const std::string_view prefix = token.substr(0, 3);
  Token out;
  if (prefix == "007") {
    out.version = Version::v007;
    out.v007 = detail::decode_007(token);
  } else if (prefix == "006") {
    out.version = Version::v006;
    out.v006 = detail::decode_006(token);
  } else {
    std::string msg = "unsupported token version \"" + describe_prefix(prefix) +
                      "\": eduauth decodes tokens that start with \"007\" (AccessToken2) or \"006\" (AccessToken)";
    const char first = token.front();
    if (first == ' ' || first == '\t' || first == '\r' || first == '\n' || first == '\v' || first == '\f') {
      msg += "; the token has leading whitespace (trim it where it is read)";
    } else if (first == '"' || first == '\'') {
      msg += "; the token is wrapped in quotes (remove them where it is read, or parse the JSON string)";
    } else if (first == '{') {
      msg += "; the token still carries JSON syntax; parse the server response with a JSON parser";
    }
    throw Error(Errc::unsupported_version, msg);
  }
  return out;
}

const std::string &Token::app_id() const noexcept { return version == Version::v007 ? v007.app_id : v006.app_id; }

int64_t Token::expires_at() const noexcept {
  return version == Version::v007 ? v007.expires_at() : v006.expires_at();
}

} // namespace eduauth::token
