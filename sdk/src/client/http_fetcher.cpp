// The HTTP Fetcher: SourceConfig + Transport behind the Fetcher seam (fetch.hpp).
#include "eduauth/source.hpp"

#include <chrono>

#include "eduauth/log.hpp"
#include "eduauth/token.hpp"

namespace eduauth {
namespace {

class HttpFetcher final : public Fetcher {
public:
  HttpFetcher(SourceConfig source, std::shared_ptr<Transport> transport)
      : source_(std::move(source)), transport_(std::move(transport)) {
    if (!transport_) throw Error(Errc::invalid_argument, "make_http_fetcher: transport is null");
    // Validate the source once, up front, so a misconfiguration is an error at setup
    // rather than a failed fetch every refresh.
    validate_source(source_);
  }

  FetchResult fetch(const TokenKey &key) override {
    const auto started = std::chrono::steady_clock::now();
    FetchResult r = fetch_unlogged(key);
    if (log_enabled(r.status == Errc::ok ? LogLevel::debug : LogLevel::warn)) {
      const auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
      // Never the token or a header value: the fingerprint identifies the token.
      std::string line = source_.name + " fetch for user \"" + key.user_uuid + "\" room \"" + key.room_uuid +
                         "\" role " + std::to_string(key.role) + ": " + errc_name(r.status) + " HTTP " +
                         std::to_string(r.http_status) + " in " + std::to_string(ms) + " ms";
      if (r.status == Errc::ok)
        log_write(LogLevel::debug, "fetch", line + " token=" + token::fingerprint(r.token));
      else
        log_write(LogLevel::warn, "fetch", line + ": " + r.message);
    }
    return r;
  }

  std::string source_id() const override { return source_.name + ":" + source_.url_template; }

private:
  FetchResult fetch_unlogged(const TokenKey &key) {
    // Failures are values across the seam: nothing escapes fetch().
    try {
      const HttpRequest request = build_request(source_, key);
      const HttpResponse response = transport_->perform(request);
      return interpret_response(source_, request, response);
    } catch (const Error &e) {
      FetchResult r;
      r.status = e.code();
      r.message = e.what();
      return r;
    } catch (const std::bad_alloc &) {
      FetchResult r;
      r.status = Errc::out_of_memory;
      r.message = "out of memory while fetching from " + source_.name;
      return r;
    } catch (const std::exception &e) {
      FetchResult r;
      r.status = Errc::internal;
      r.message = std::string("unexpected error while fetching from ") + source_.name + ": " + e.what();
      return r;
    }
  }

  const SourceConfig source_;
  const std::shared_ptr<Transport> transport_;
};

} // namespace

std::unique_ptr<Fetcher> make_http_fetcher(const SourceConfig &source, std::shared_ptr<Transport> transport) {
  return std::make_unique<HttpFetcher>(source, std::move(transport));
}

std::unique_ptr<Fetcher> make_http_fetcher(const SourceConfig &source, const TransportOptions &options) {
  return make_http_fetcher(source, std::shared_ptr<Transport>(make_curl_transport(options)));
}

} // namespace eduauth
