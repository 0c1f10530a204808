// eduauth — the HTTP(S) transport the token client uses to reach a token server.
//
// One request in, one response out. The libcurl implementation (make_curl_transport)
// applies the security rules of DESIGN.md "Security" and the libcurl lessons of
// cases C-12/C-13: TLS peer + host verification always on, plain http:// only for
// loopback hosts unless the app opts in, bounded response size, finite timeouts, proxy
// from the environment (honouring NO_PROXY) unless set explicitly.
//
// Thread-safety: a Transport is safe to use from many threads at once; each perform()
// borrows its own libcurl easy handle from a small pool (connections are kept alive and
// reused across calls).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "eduauth/error.hpp"

namespace eduauth {

/// Configuration of the libcurl transport. Every duration is in MILLISECONDS unless the
/// name says otherwise; every limit must be > 0 (make_curl_transport throws
/// Errc::invalid_argument naming the option otherwise).
struct TransportOptions {
  /// PEM CA bundle file used instead of the system store. Empty: system store. A path that
  /// does not exist or cannot be read is an Errc::tls error naming "ca_file" (C-12).
  std::string ca_file;
  /// In-memory PEM CA bundle (e.g. shipped inside an app). Wins over ca_file when both set.
  std::string ca_pem;
  /// Proxy override, e.g. "http://proxy:3128". nullopt: use the environment
  /// (https_proxy / HTTPS_PROXY / http_proxy / ALL_PROXY, honouring NO_PROXY).
  /// "" (empty string): connect directly, ignoring the environment. An explicit value
  /// always wins over the environment (C-12).
  std::optional<std::string> proxy;
  /// Hosts that bypass the proxy ("127.0.0.1,localhost,.corp"). nullopt: environment NO_PROXY.
  std::optional<std::string> no_proxy;
  int64_t connect_timeout_ms = 5000;   ///< TCP + TLS connect deadline
  int64_t total_timeout_ms = 15000;    ///< whole-request deadline, redirects included
  /// A transfer slower than low_speed_bytes_per_s for low_speed_window_s seconds is aborted
  /// as a timeout (a server trickling 1 byte/s, C-13).
  int64_t low_speed_bytes_per_s = 32;
  int64_t low_speed_window_s = 5;
  /// Largest response body accepted (bytes). Bigger bodies abort the transfer with
  /// Errc::bad_response naming the limit.
  size_t max_response_bytes = 64 * 1024;
  int64_t max_redirects = 3;           ///< redirects followed (redirect targets must be https
                                       ///< unless allow_insecure_http)
  /// Permit plain http:// to non-loopback hosts. Off by default: http:// is accepted only
  /// for 127.0.0.0/8, ::1 and "localhost"; any other host is Errc::invalid_argument naming
  /// "allow_insecure_http". TLS verification cannot be turned off at all.
  bool allow_insecure_http = false;
  /// Sent as User-Agent. Empty: "eduauth/<version>".
  std::string user_agent;
};

/// Header list, in order. Names are case-insensitive; values are sent as given.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET"; ///< "GET" or "POST" (others pass through to the server)
  std::string url;            ///< absolute http:// or https:// URL, already percent-encoded
  HttpHeaders headers;        ///< extra headers; values may be secrets and are never logged
  std::string body;           ///< sent when non-empty (or when method is POST)
};

struct HttpResponse {
  int status = 0;             ///< final HTTP status after redirects
  HttpHeaders headers;        ///< headers of the final response, names as received
  std::string body;           ///< at most TransportOptions::max_response_bytes bytes
  std::optional<int64_t> date_unix;      ///< Date header, absolute Unix seconds
  std::optional<int64_t> retry_after_s;  ///< Retry-After (delta-seconds or HTTP-date), seconds from now, >= 0
  int64_t received_unix_ms = 0;          ///< local wall clock when the response completed (Unix ms)

  /// First header named `name` (case-insensitive), or nullopt.
  std::optional<std::string> header(const std::string &name) const;
};

/// Sends HTTP requests. perform() returns any HTTP status as a response (4xx/5xx are not
/// errors at this level) and throws eduauth::Error for transport failures:
///   Errc::invalid_argument  URL malformed / not http(s) / insecure http refused (names the option)
///   Errc::network           DNS, connect, reset, proxy, TLS handshake, too many redirects
///   Errc::timeout           connect, total or low-speed timeout
///   Errc::tls               certificate verification failed, CA bundle unusable
///   Errc::bad_response      body larger than max_response_bytes (names the limit)
/// Messages name the host and libcurl's error text, never header values or bodies.
class Transport {
public:
  virtual ~Transport() = default;
  virtual HttpResponse perform(const HttpRequest &request) = 0;
};

/// Creates the libcurl transport. Initialises libcurl globally exactly once per process
/// (thread-safe). Throws Errc::invalid_argument for a bad option and Errc::tls when
/// ca_file is set but missing/unreadable. The returned object owns its handle pool.
std::unique_ptr<Transport> make_curl_transport(const TransportOptions &options = {});

/// Parses an HTTP-date (RFC 9110 §5.6.7, any of the three legacy forms) to absolute Unix
/// seconds; nullopt when unparsable.
std::optional<int64_t> parse_http_date(const std::string &value);

/// Parses a Retry-After value — delta-seconds or HTTP-date — into seconds from now_unix
/// (clamped at 0); nullopt when unparsable.
std::optional<int64_t> parse_retry_after(const std::string &value, int64_t now_unix);

/// True for "localhost", 127.0.0.0/8 and ::1 (with or without brackets).
bool is_loopback_host(const std::string &host);

} // namespace eduauth
