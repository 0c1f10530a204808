// A bad token source is refused when it is built (make_source / make_http_fetcher), naming
// the field and the value, instead of failing at every fetch.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "eduauth/source.hpp"
#include "eduauth_test/expect_error.hpp"

namespace {

using namespace eduauth;
using eduauth_test::error_of;

// A transport that must never be reached: validation happens before any request.
class NoTransport final : public Transport {
public:
  HttpResponse perform(const HttpRequest &) override {
    ADD_FAILURE() << "a request was made";
    return {};
  }
};

std::string fetcher_error(const SourceConfig &s) {
  return error_of([&] { (void)make_http_fetcher(s, std::make_shared<NoTransport>()); },
                  Errc::invalid_argument);
}

SourceConfig custom(std::string url) {
  SourceConfig s;
  s.url_template = std::move(url);
  return s;
}

TEST(SourceValidation, BadBaseUrlsAreRefusedByMakeSourceNamingTheValue) {
  EXPECT_EQ(error_of([] { (void)make_source("education", "ftp://h"); }, Errc::invalid_argument),
            "base_url \"ftp://h\" must start with http:// or https://");
  EXPECT_EQ(error_of([] { (void)make_source("education", "https://"); }, Errc::invalid_argument),
            "base_url \"https://\" has no host");
  EXPECT_EQ(error_of([] { (void)make_source("education", "http://:8082"); }, Errc::invalid_argument),
            "base_url \"http://:8082\" has no host");
  EXPECT_EQ(
      error_of([] { (void)make_source("rtm", "https://my host/api"); }, Errc::invalid_argument),
      "base_url \"https://my host/api\" has a character a URL cannot carry unencoded at offset 10 (a space: "
      "percent-encode it as %20)");
  EXPECT_EQ(error_of([] { (void)make_source("rtm", "https://h:99999"); }, Errc::invalid_argument),
            "base_url \"https://h:99999\" has port \"99999\" outside 1..65535");
  EXPECT_EQ(error_of([] { (void)make_source("rtm", "https://h:80x"); }, Errc::invalid_argument),
            "base_url \"https://h:80x\" has port \"80x\" outside 1..65535");
  EXPECT_EQ(error_of([] { (void)make_source("rtm", "https://h/api?x=1"); }, Errc::invalid_argument),
            "base_url \"https://h/api?x=1\" has a query or fragment: paths are appended to it");
  EXPECT_EQ(error_of([] { (void)make_source("rtm", "https://h\n/api"); }, Errc::invalid_argument),
            "base_url \"https://h\\n/api\" has a character a URL cannot carry unencoded at offset 9");
  // Still accepted: ports, IPv6 literals, prefixes, trailing slashes.
  EXPECT_EQ(make_source("education", "http://127.0.0.1:8082/").url_template,
            "http://127.0.0.1:8082/fetch_education_token");
  EXPECT_EQ(make_source("rtm", "https://[::1]:8443/v1").url_template,
            "https://[::1]:8443/v1/fetch_rtm_token");
}

TEST(SourceValidation, CredentialsInTheUrlAreRefusedWithoutRepeatingThem) {
  const std::string base = error_of(
      [] { (void)make_source("education", "http://admin:hunter2@127.0.0.1:8082"); }, Errc::invalid_argument);
  EXPECT_EQ(base,
            "base_url \"http://***@127.0.0.1:8082\" carries credentials (user[:password]@): send them in "
            "a header instead (source headers, e.g. Authorization), where they are never logged");
  EXPECT_EQ(base.find("hunter2"), std::string::npos);
  const std::string tpl = fetcher_error(custom("https://u:p%40ss@h/t/{roomUuid}"));
  EXPECT_EQ(tpl.rfind("source url_template \"https://***@h/t/{roomUuid}\" carries credentials", 0), 0u)
      << tpl;
  // An '@' after the authority (in the path) is not userinfo.
  EXPECT_EQ(make_source("rtm", "https://h/users/@me").url_template, "https://h/users/@me/fetch_rtm_token");
}

TEST(SourceValidation, UrlTemplateMustBeAnHttpUrlWithKnownPlaceholders) {
  EXPECT_EQ(
      fetcher_error(custom("https://h/rooms/{roomId}/token")),
      "source url_template \"https://h/rooms/{roomId}/token\" has an unknown placeholder {roomId} (known: "
      "{roomUuid}, {userUuid}, {role})");
  EXPECT_EQ(fetcher_error(custom("https://h/t?x={")), "source url_template \"https://h/t?x={\" has a '{' at "
                                                      "offset 14 that is not part of a placeholder (known: "
                                                      "{roomUuid}, {userUuid}, {role})");
  EXPECT_EQ(fetcher_error(custom("tokens.example.com/{roomUuid}")),
            "source url_template \"tokens.example.com/{roomUuid}\" must start with http:// or https://");
  EXPECT_EQ(fetcher_error(custom("https:///t")), "source url_template \"https:///t\" has no host");
  EXPECT_EQ(
      fetcher_error(custom("https://h/a b")),
      "source url_template \"https://h/a b\" has a character a URL cannot carry unencoded at offset 11 (a "
      "space: percent-encode it as %20)");
  EXPECT_EQ(fetcher_error(custom("")), "source url_template is empty");
  // Every known placeholder, in path and query, is fine.
  SourceConfig ok = custom("https://h:8443/r/{roomUuid}/u/{userUuid}?role={role}");
  EXPECT_NO_THROW((void)make_http_fetcher(ok, std::make_shared<NoTransport>()));
}

TEST(SourceValidation, BodyTemplateMustBeJsonWithKnownPlaceholders) {
  SourceConfig s = custom("https://h/t");
  s.body_template = R"({"room": "{roomUuid}", "user": )";
  const std::string bad_json = fetcher_error(s);
  EXPECT_EQ(bad_json,
            "source body_template \"{\"room\": \"{roomUuid}\", \"user\": \" is not valid JSON (syntax "
            "error at byte 32)");

  s.body_template = R"({"room":"{roomId}","role":"{role}"})";
  EXPECT_EQ(fetcher_error(s),
            "source body_template value \"{roomId}\" has an unknown placeholder {roomId} (known: "
            "{roomUuid}, {userUuid}, {role})");
  s.body_template = R"({"nested":{"list":["x-{userId}"]}})";
  EXPECT_EQ(fetcher_error(s),
            "source body_template value \"x-{userId}\" has an unknown placeholder {userId} (known: "
            "{roomUuid}, {userUuid}, {role})");
  // Braces that are not "{identifier}" are text, and keys are not templates.
  s.body_template = R"({"{anyKey}":"{roomUuid}","note":"{ not a placeholder }","role":"{role}"})";
  EXPECT_NO_THROW((void)make_http_fetcher(s, std::make_shared<NoTransport>()));
}

TEST(SourceValidation, JsonPointersMustBeRfc6901) {
  SourceConfig s = custom("https://h/t");
  s.token_pointer = "token";
  EXPECT_EQ(fetcher_error(s),
            "source token_pointer \"token\" is not a JSON pointer (RFC 6901): it must start with "
            "'/' (did you mean \"/token\"?)");
  s.token_pointer = "";
  EXPECT_EQ(fetcher_error(s),
            "source token_pointer \"\" is empty: the token must be a member of the response "
            "object (e.g. \"/token\")");
  s.token_pointer = "/data/token";
  s.code_pointer = "/a~2b";
  EXPECT_EQ(fetcher_error(s),
            "source code_pointer \"/a~2b\" is not a JSON pointer (RFC 6901): '~' at offset 2 "
            "must be followed by 0 or 1");
  s.code_pointer = "";
  s.app_id_pointer = "data.appId";
  EXPECT_EQ(fetcher_error(s),
            "source app_id_pointer \"data.appId\" is not a JSON pointer (RFC 6901): it must "
            "start with '/' (did you mean \"/data.appId\"?)");
  s.app_id_pointer = "/data/app~1id~0";
  EXPECT_NO_THROW((void)make_http_fetcher(s, std::make_shared<NoTransport>()));
}

TEST(SourceValidation, MethodIsNamed) {
  SourceConfig s = custom("https://h/t");
  s.method = "DELETE";
  EXPECT_EQ(fetcher_error(s), "source method \"DELETE\" must be GET or POST");
}

TEST(SourceValidation, EveryPresetIsValid) {
  for (const auto &name : preset_names())
    EXPECT_NO_THROW(validate_source(make_source(name, "https://tokens.example.com:8082/prefix"))) << name;
}

} // namespace
