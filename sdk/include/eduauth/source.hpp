// eduauth — token sources: how to ask one kind of token server for a token, and the
// HTTP Fetcher that does it (shared/specs/token-servers.md).
//
// A SourceConfig describes the request (method, URL template, JSON body template, extra
// headers) and where the answer is in the response (JSON pointers). Presets cover the
// documented server shapes: "education", "rtm", "generic", "agora-demo"; anything else is
// a custom SourceConfig filled in by the app.
//
// Placeholders {roomUuid}, {userUuid} and {role} are substituted from the TokenKey:
//   * in the URL: percent-encoded (RFC 3986 unreserved characters kept), so '+', '/', '='
//     and non-ASCII bytes survive;
//   * in the body template (JSON text): inside JSON string values only, after parsing the
//     template with nlohmann/json. A string value that is exactly "{role}" becomes the JSON
//     number role; any other occurrence is replaced textually inside the string. No JSON is
//     ever assembled by string concatenation.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eduauth/fetch.hpp"
#include "eduauth/transport.hpp"

namespace eduauth {

struct SourceConfig {
  std::string name = "custom";  ///< preset name, used in source_id() and logs
  std::string method = "POST";  ///< "GET" or "POST"
  std::string url_template;     ///< absolute URL, may contain {roomUuid} {userUuid} {role}
  std::string body_template;    ///< JSON text with placeholders in string values; empty = no body
  /// Extra request headers, e.g. {"Authorization", "Bearer <session>"}. Values are secrets
  /// as far as eduauth is concerned: never logged, never part of messages.
  HttpHeaders headers;
  std::string token_pointer = "/token"; ///< JSON pointer (RFC 6901) to the token string
  std::string app_id_pointer;           ///< JSON pointer to the app ID; empty = not reported
  /// JSON pointer to an application-level status code. Absent member, 0, 200, "0" and "200"
  /// (number or string) mean success; anything else is an error even under HTTP 200 (a
  /// code of 401/403 counts as reauth_required). Empty = no code field.
  std::string code_pointer = "/code";
};

/// Checks a base URL for make_source: http:// or https://, a host, a numeric port in
/// 1..65535 if any, no spaces/control/non-ASCII bytes, no query, fragment or braces.
/// Throws Errc::invalid_argument naming base_url and quoting the value (escaped).
void validate_base_url(std::string_view base_url);

/// Checks a SourceConfig before its first request (make_http_fetcher calls it, so a bad
/// source fails at construction instead of at every fetch). Throws Errc::invalid_argument
/// naming the field ("source url_template", "source token_pointer", ...) and quoting the value:
///   method         GET or POST
///   url_template   absolute http(s) URL with a host (rules of validate_base_url, query
///                  allowed); every {name} is {roomUuid}, {userUuid} or {role}, no other braces
///   body_template  empty, or JSON whose string values use only the known placeholders
///                  ("{name}" patterns; other braces are kept as text)
///   token_pointer  a non-empty RFC 6901 JSON pointer ("/token", "/data/token")
///   app_id_pointer, code_pointer   empty (not used) or an RFC 6901 JSON pointer
/// build_request itself stays lenient (an unknown placeholder is sent as written).
void validate_source(const SourceConfig &source);

/// Names of the presets, in documentation order.
std::vector<std::string> preset_names();

/// The SourceConfig of a preset for a server at base_url (scheme://host[:port][/prefix],
/// no trailing slash needed). Throws Errc::invalid_argument naming the preset when unknown
/// and naming base_url when validate_base_url refuses it.
///   education   POST {base}/fetch_education_token  {"roomUuid","userUuid","role"}   -> /token
///   rtm         POST {base}/fetch_rtm_token        {"uid": userUuid}                -> /token
///   generic     POST {base}/token/generate  channelName=roomUuid, uid=userUuid, 3600 s,
///               RTC publisher + RTM + APaaS(role)                                   -> /data/token
///   agora-demo  GET  {base}/edu/v3/rooms/{roomUuid}/roles/{role}/users/{userUuid}/token
///                                                                  -> /data/token, /data/appId
SourceConfig make_source(std::string_view preset, std::string_view base_url);

/// The request a SourceConfig makes for `key` (exposed for tests and the CLI's dry runs).
/// Throws Errc::invalid_argument naming the field when the template is not valid JSON or
/// the method is not GET/POST.
HttpRequest build_request(const SourceConfig &source, const TokenKey &key);

/// Turns a transport response into a FetchResult (never throws):
///   2xx + code ok + string at token_pointer  -> ok (token JSON-unescaped by the parser, C-05)
///   401 / 403 (status or code)               -> reauth_required
///   429 / 503                                -> http_status with retry_after_s
///   other non-2xx or error code              -> http_status
///   not JSON / no token at the pointer       -> bad_response naming the pointer
/// Error messages end with the server's own reason when the body carries one (the first
/// string at /message, /msg, /reason, /error, /error/message, /error_description or, for the
/// education shape's 400, token_pointer): `: server says "..."`, escaped to one line and cut
/// at 200 bytes. A string that may be a credential (006/007 prefix, or one long opaque word)
/// is never quoted, nor is the rest of the body.
FetchResult interpret_response(const SourceConfig &source, const HttpRequest &request, const HttpResponse &response);

/// An HTTP Fetcher for `source` over `transport` (shared; may be used by other fetchers).
/// Throws what validate_source throws, and Errc::invalid_argument when transport is null.
/// Thread-safe. fetch() never throws: transport errors become FetchResult values.
/// source_id() is "<name>:<url_template>".
std::unique_ptr<Fetcher> make_http_fetcher(const SourceConfig &source, std::shared_ptr<Transport> transport);

/// Convenience: a fetcher with its own libcurl transport. Throws like make_curl_transport.
std::unique_ptr<Fetcher> make_http_fetcher(const SourceConfig &source, const TransportOptions &options = {});

} // namespace eduauth
