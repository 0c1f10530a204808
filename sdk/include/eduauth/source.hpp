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

/// Names of the presets, in documentation order.
std::vector<std::string> preset_names();

/// The SourceConfig of a preset for a server at base_url (scheme://host[:port][/prefix],
/// no trailing slash needed). Throws Errc::invalid_argument naming the preset when unknown
/// and naming base_url when it is not an http(s) URL.
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
FetchResult interpret_response(const SourceConfig &source, const HttpRequest &request, const HttpResponse &response);

/// An HTTP Fetcher for `source` over `transport` (shared; may be used by other fetchers).
/// Thread-safe. fetch() never throws: transport errors become FetchResult values.
/// source_id() is "<name>:<url_template>".
std::unique_ptr<Fetcher> make_http_fetcher(const SourceConfig &source, std::shared_ptr<Transport> transport);

/// Convenience: a fetcher with its own libcurl transport. Throws like make_curl_transport.
std::unique_ptr<Fetcher> make_http_fetcher(const SourceConfig &source, const TransportOptions &options = {});

} // namespace eduauth
