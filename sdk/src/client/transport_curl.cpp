// libcurl implementation of eduauth::Transport (see transport.hpp for the contract).
#include "eduauth/transport.hpp"

#include <curl/curl.h>

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>

#ifndef EDUAUTH_VERSION
#error "EDUAUTH_VERSION must be defined by the build (project version)"
#endif

namespace eduauth {
namespace {

constexpr size_t kMaxPooledHandles = 8;

// libcurl's global state is initialised once and never torn down: tearing it down while
// another thread (or another library in the process) still uses curl is undefined (C-13).
void global_init_once() {
  static std::once_flag flag;
  static CURLcode rc = CURLE_OK;
  std::call_once(flag, [] { rc = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (rc != CURLE_OK) throw Error(Errc::internal, std::string("curl_global_init failed: ") + curl_easy_strerror(rc));
}

bool iequals(const std::string &a, const std::string &b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int64_t now_unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct UrlParts {
  std::string scheme;
  std::string host;
};

UrlParts split_url(const std::string &url) {
  UrlParts parts;
  CURLU *u = curl_url();
  if (!u) throw Error(Errc::out_of_memory, "curl_url() failed");
  CURLUcode rc = curl_url_set(u, CURLUPART_URL, url.c_str(), 0);
  if (rc != CURLUE_OK) {
    curl_url_cleanup(u);
    throw Error(Errc::invalid_argument, "url \"" + url + "\" is not a valid absolute URL: " + curl_url_strerror(rc));
  }
  char *scheme = nullptr, *host = nullptr;
  if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK && scheme) parts.scheme = scheme;
  if (curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host) parts.host = host;
  curl_free(scheme);
  curl_free(host);
  curl_url_cleanup(u);
  return parts;
}

struct BodySink {
  std::string body;
  size_t limit = 0;
  bool overflow = false;
};

size_t on_body(char *data, size_t size, size_t nmemb, void *user) {
  auto *sink = static_cast<BodySink *>(user);
  const size_t n = size * nmemb;
  if (sink->body.size() + n > sink->limit) {
    sink->overflow = true;
    return 0; // aborts the transfer with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

// Headers of the last response, plus the Location of every response on the way (libcurl
// does not tell which URL a refused redirect came from: the chain is rebuilt from these).
struct HeaderSink {
  HttpHeaders headers;
  std::vector<std::string> locations;
};

size_t on_header(char *data, size_t size, size_t nitems, void *user) {
  auto *sink = static_cast<HeaderSink *>(user);
  HttpHeaders *headers = &sink->headers;
  const size_t n = size * nitems;
  std::string line(data, n);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  // A new status line starts a new response (redirect hop, proxy CONNECT): keep only the last.
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string::npos) return n;
  std::string value = line.substr(colon + 1);
  const auto first = value.find_first_not_of(" \t");
  value = first == std::string::npos ? std::string() : value.substr(first);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.pop_back();
  if (iequals(line.substr(0, colon), "Location")) sink->locations.push_back(value);
  headers->emplace_back(line.substr(0, colon), std::move(value));
  return n;
}

Errc classify(CURLcode rc) {
  switch (rc) {
  case CURLE_OPERATION_TIMEDOUT:
    return Errc::timeout;
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_ISSUER_ERROR:
  case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
  case CURLE_SSL_CRL_BADFILE:
    return Errc::tls;
  case CURLE_URL_MALFORMAT:
    return Errc::invalid_argument;
  case CURLE_OUT_OF_MEMORY:
    return Errc::out_of_memory;
  default:
    return Errc::network;
  }
}

void check_positive(int64_t v, const char *name) {
  if (v <= 0) throw Error(Errc::invalid_argument, std::string("transport option ") + name + " must be > 0, got " +
                                                       std::to_string(v));
}

class CurlTransport final : public Transport {
public:
  explicit CurlTransport(TransportOptions options) : opt_(std::move(options)) {
    check_positive(opt_.connect_timeout_ms, "connect_timeout_ms");
    check_positive(opt_.total_timeout_ms, "total_timeout_ms");
    check_positive(opt_.low_speed_bytes_per_s, "low_speed_bytes_per_s");
    check_positive(opt_.low_speed_window_s, "low_speed_window_s");
    check_positive(static_cast<int64_t>(opt_.max_response_bytes), "max_response_bytes");
    if (opt_.max_redirects < 0)
      throw Error(Errc::invalid_argument,
                  "transport option max_redirects must be >= 0, got " + std::to_string(opt_.max_redirects));
    if (opt_.ca_pem.empty() && !opt_.ca_file.empty()) {
      std::ifstream probe(opt_.ca_file);
      if (!probe) throw Error(Errc::tls, "transport option ca_file \"" + opt_.ca_file + "\" does not exist or is not readable");
    }
    if (opt_.user_agent.empty()) opt_.user_agent = "eduauth/" EDUAUTH_VERSION;
    global_init_once();
  }

  ~CurlTransport() override {
    for (CURL *h : idle_) curl_easy_cleanup(h);
  }

  CurlTransport(const CurlTransport &) = delete;
  CurlTransport &operator=(const CurlTransport &) = delete;

  HttpResponse perform(const HttpRequest &request) override {
    const UrlParts url = split_url(request.url);
    if (url.scheme != "https" && url.scheme != "http")
      throw Error(Errc::invalid_argument, "url scheme \"" + url.scheme + "\" is not http or https");
    if (url.scheme == "http" && !opt_.allow_insecure_http && !is_loopback_host(url.host))
      throw Error(Errc::invalid_argument, "plain http:// to non-loopback host \"" + url.host +
                                              "\" refused: use https or set transport option allow_insecure_http");

    Handle handle(*this);
    CURL *h = handle.get();
    char errbuf[CURL_ERROR_SIZE] = {0};
    BodySink sink;
    sink.limit = opt_.max_response_bytes;
    HeaderSink headers;

    struct curl_slist *hdrs = nullptr;
    auto free_hdrs = [&] { curl_slist_free_all(hdrs); };
    try {
      for (const auto &[name, value] : request.headers) hdrs = append(hdrs, name + ": " + value);
      hdrs = append(hdrs, "Expect:"); // no 100-continue round trip for small bodies
      configure(h, request, errbuf, sink, headers, hdrs);
    } catch (...) {
      free_hdrs();
      throw;
    }
    const CURLcode rc = curl_easy_perform(h);
    free_hdrs();

    if (rc != CURLE_OK) {
      if (rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_TOO_MANY_REDIRECTS) redirect_failure(h, rc, request.url, headers);
      if (sink.overflow)
        throw Error(Errc::bad_response, "response from " + url.host + " exceeds max_response_bytes (" +
                                            std::to_string(opt_.max_response_bytes) + " bytes)");
      std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
      const Errc code = classify(rc);
      std::string what = code == Errc::timeout ? "request to " + url.host + " timed out"
                         : code == Errc::tls   ? "TLS verification with " + url.host + " failed"
                                               : "request to " + url.host + " failed";
      if (rc == CURLE_SSL_CACERT_BADFILE && !opt_.ca_file.empty() && opt_.ca_pem.empty())
        what += " (transport option ca_file \"" + opt_.ca_file + "\")";
      throw Error(code, what + ": " + detail + " [curl " + std::to_string(static_cast<int>(rc)) + "]");
    }

    HttpResponse response;
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    response.body = std::move(sink.body);
    response.headers = std::move(headers.headers);
    response.received_unix_ms = now_unix_ms();
    if (auto date = response.header("Date")) response.date_unix = parse_http_date(*date);
    if (auto ra = response.header("Retry-After"))
      response.retry_after_s = parse_retry_after(*ra, response.received_unix_ms / 1000);
    return response;
  }

private:
  // A redirect curl would not follow is reported as what it is (libcurl only says
  // "Protocol http not supported"): the hop, the refused Location and the rule. Returns
  // when the failure was not about a redirect (the first URL itself was refused).
  void redirect_failure(CURL *h, CURLcode rc, const std::string &url, const HeaderSink &headers) const {
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status < 300 || status > 399 || headers.locations.empty()) return;
    // The URL of the last response: the request URL followed through every earlier Location.
    std::string from = url;
    for (size_t i = 0; i + 1 < headers.locations.size(); ++i) from = resolve(from, headers.locations[i]);
    if (rc == CURLE_TOO_MANY_REDIRECTS)
      throw Error(Errc::network, "too many redirects (max " + std::to_string(opt_.max_redirects) +
                                     ", transport option max_redirects): the last was from " + shown_url(from));
    const std::string target = resolve(from, headers.locations.back());
    const std::string rule = scheme_of(target) == "http"
                                 ? "redirects to plain http are followed only with transport option "
                                   "allow_insecure_http (loopback included; a first request may use http to loopback)"
                                 : "only http(s) redirect targets are followed";
    throw Error(Errc::network, "redirect (HTTP " + std::to_string(status) + ", hop " +
                                   std::to_string(headers.locations.size()) + ") from " + shown_url(from) + " to " +
                                   shown_url(target) + " refused: " + rule);
  }

  // A server-supplied URL quoted in a message: one printable line, at most 200 bytes.
  static std::string shown_url(const std::string &url) {
    std::string out;
    for (unsigned char c : url.substr(0, 200)) {
      if (c < 0x20 || c >= 0x7f) {
        static const char hex[] = "0123456789abcdef";
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      } else {
        out.push_back(static_cast<char>(c));
      }
    }
    return "\"" + out + (url.size() > 200 ? "...\"" : "\"");
  }

  // `location` resolved against `base` (a relative Location such as "/ok"); as given when
  // libcurl cannot resolve it.
  static std::string resolve(const std::string &base, const std::string &location) {
    std::string out = location;
    CURLU *u = curl_url();
    if (!u) return out;
    char *full = nullptr;
    if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, location.c_str(), CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK && full)
      out = full;
    curl_free(full);
    curl_url_cleanup(u);
    return out;
  }

  // The scheme of a URL, lower case ("" when it has none).
  static std::string scheme_of(const std::string &url) {
    const auto colon = url.find("://");
    std::string scheme = colon == std::string::npos ? "" : url.substr(0, colon);
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return scheme;
  }

  // Borrows an easy handle from the pool (or makes one) and gives it back afterwards, so
  // connections, DNS and TLS sessions are reused across requests.
  class Handle {
  public:
    explicit Handle(CurlTransport &t) : t_(t) {
      {
        std::lock_guard<std::mutex> lock(t_.mutex_);
        if (!t_.idle_.empty()) {
          h_ = t_.idle_.back();
          t_.idle_.pop_back();
        }
      }
      if (h_) {
        curl_easy_reset(h_); // keeps live connections and caches, drops options
      } else {
        h_ = curl_easy_init();
        if (!h_) throw Error(Errc::out_of_memory, "curl_easy_init failed");
      }
    }
    ~Handle() {
      std::lock_guard<std::mutex> lock(t_.mutex_);
      if (t_.idle_.size() < kMaxPooledHandles) {
        t_.idle_.push_back(h_);
        return;
      }
      curl_easy_cleanup(h_);
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    CURL *get() const { return h_; }

  private:
    CurlTransport &t_;
    CURL *h_ = nullptr;
  };

  static struct curl_slist *append(struct curl_slist *list, const std::string &line) {
    struct curl_slist *next = curl_slist_append(list, line.c_str());
    if (!next) throw Error(Errc::out_of_memory, "curl_slist_append failed");
    return next;
  }

  template <typename T> static void set(CURL *h, CURLoption option, T value, const char *name) {
    const CURLcode rc = curl_easy_setopt(h, option, value);
    if (rc != CURLE_OK)
      throw Error(Errc::internal, std::string("curl_easy_setopt(") + name + ") failed: " + curl_easy_strerror(rc));
  }

  void configure(CURL *h, const HttpRequest &request, char *errbuf, BodySink &sink, HeaderSink &headers,
                 struct curl_slist *hdrs) const {
    set(h, CURLOPT_URL, request.url.c_str(), "URL");
    set(h, CURLOPT_ERRORBUFFER, errbuf, "ERRORBUFFER");
    // No SIGALRM-based DNS timeouts: signals are process-wide and unsafe with threads (C-13).
    set(h, CURLOPT_NOSIGNAL, 1L, "NOSIGNAL");
    set(h, CURLOPT_PROTOCOLS_STR, "http,https", "PROTOCOLS_STR");
    // Redirects may never downgrade to plain http unless the app opted in.
    set(h, CURLOPT_REDIR_PROTOCOLS_STR, opt_.allow_insecure_http ? "http,https" : "https", "REDIR_PROTOCOLS_STR");
    set(h, CURLOPT_FOLLOWLOCATION, 1L, "FOLLOWLOCATION");
    set(h, CURLOPT_MAXREDIRS, static_cast<long>(opt_.max_redirects), "MAXREDIRS");
    set(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt_.connect_timeout_ms), "CONNECTTIMEOUT_MS");
    set(h, CURLOPT_TIMEOUT_MS, static_cast<long>(opt_.total_timeout_ms), "TIMEOUT_MS");
    set(h, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(opt_.low_speed_bytes_per_s), "LOW_SPEED_LIMIT");
    set(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(opt_.low_speed_window_s), "LOW_SPEED_TIME");
    set(h, CURLOPT_TCP_KEEPALIVE, 1L, "TCP_KEEPALIVE");
    set(h, CURLOPT_SSL_VERIFYPEER, 1L, "SSL_VERIFYPEER");
    set(h, CURLOPT_SSL_VERIFYHOST, 2L, "SSL_VERIFYHOST");
    if (!opt_.ca_pem.empty()) {
      struct curl_blob blob;
      blob.data = const_cast<char *>(opt_.ca_pem.data());
      blob.len = opt_.ca_pem.size();
      blob.flags = CURL_BLOB_COPY;
      set(h, CURLOPT_CAINFO_BLOB, &blob, "CAINFO_BLOB");
    } else if (!opt_.ca_file.empty()) {
      set(h, CURLOPT_CAINFO, opt_.ca_file.c_str(), "CAINFO");
    }
    if (opt_.proxy) {
      set(h, CURLOPT_PROXY, opt_.proxy->c_str(), "PROXY");
      // An explicit proxy comes with its own bypass list only: the environment's NO_PROXY
      // must not silently override the app's choice.
      set(h, CURLOPT_NOPROXY, opt_.no_proxy ? opt_.no_proxy->c_str() : "", "NOPROXY");
    } else if (opt_.no_proxy) {
      set(h, CURLOPT_NOPROXY, opt_.no_proxy->c_str(), "NOPROXY");
    }
    set(h, CURLOPT_USERAGENT, opt_.user_agent.c_str(), "USERAGENT");
    set(h, CURLOPT_ACCEPT_ENCODING, "", "ACCEPT_ENCODING"); // size limit applies to decoded bytes
    set(h, CURLOPT_HTTPHEADER, hdrs, "HTTPHEADER");
    set(h, CURLOPT_WRITEFUNCTION, &on_body, "WRITEFUNCTION");
    set(h, CURLOPT_WRITEDATA, &sink, "WRITEDATA");
    set(h, CURLOPT_HEADERFUNCTION, &on_header, "HEADERFUNCTION");
    set(h, CURLOPT_HEADERDATA, &headers, "HEADERDATA");
    if (request.method == "POST") {
      set(h, CURLOPT_POST, 1L, "POST");
      set(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()), "POSTFIELDSIZE_LARGE");
      set(h, CURLOPT_POSTFIELDS, request.body.c_str(), "POSTFIELDS");
    } else if (request.method == "GET") {
      set(h, CURLOPT_HTTPGET, 1L, "HTTPGET");
    } else {
      set(h, CURLOPT_CUSTOMREQUEST, request.method.c_str(), "CUSTOMREQUEST");
      if (!request.body.empty()) {
        set(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()), "POSTFIELDSIZE_LARGE");
        set(h, CURLOPT_POSTFIELDS, request.body.c_str(), "POSTFIELDS");
      }
    }
  }

  TransportOptions opt_;
  std::mutex mutex_;
  std::vector<CURL *> idle_;
};

} // namespace

std::optional<std::string> HttpResponse::header(const std::string &name) const {
  for (const auto &[n, v] : headers)
    if (iequals(n, name)) return v;
  return std::nullopt;
}

std::unique_ptr<Transport> make_curl_transport(const TransportOptions &options) {
  return std::make_unique<CurlTransport>(options);
}

std::optional<int64_t> parse_http_date(const std::string &value) {
  if (value.empty()) return std::nullopt;
  const time_t t = curl_getdate(value.c_str(), nullptr);
  if (t == static_cast<time_t>(-1)) return std::nullopt;
  return static_cast<int64_t>(t);
}

std::optional<int64_t> parse_retry_after(const std::string &value, int64_t now_unix) {
  std::string v = value;
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
  const auto first = v.find_first_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  v = v.substr(first);
  if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (v.size() > 10) return std::nullopt; // larger than any sane delay; refuse, do not overflow
    return std::stoll(v);
  }
  auto date = parse_http_date(v);
  if (!date) return std::nullopt;
  return std::max<int64_t>(0, *date - now_unix);
}

bool is_loopback_host(const std::string &host_in) {
  std::string host = host_in;
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return std::tolower(c); });
  if (host == "localhost" || host == "localhost.") return true;
  unsigned char buf[16];
  if (inet_pton(AF_INET, host.c_str(), buf) == 1) return buf[0] == 127;
  if (inet_pton(AF_INET6, host.c_str(), buf) == 1) {
    static const unsigned char loop6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return std::equal(buf, buf + 16, loop6);
  }
  return false;
}

} // namespace eduauth
