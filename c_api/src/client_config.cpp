// eduauth C API — client configuration setters (eduauth_client_config_*).
#include <algorithm>
#include <string>

#include "client_types.hpp"
#include "eduauth/source.hpp"
#include "guard.hpp"

using namespace eduauth::capi;

namespace {

// Runs a setter body on a non-NULL configuration.
template <class F> int set(const char *fn, eduauth_client_config *config, F &&body) {
  return guarded(fn, [&] {
    require(config, "config");
    body(*config);
    return EDUAUTH_OK;
  });
}

std::string text(const char *p, const char *name) {
  require(p, name);
  return p;
}

int64_t positive_ms(int64_t ms, const char *name) {
  if (ms <= 0) throw invalid(std::string(name) + " " + std::to_string(ms) + " ms must be > 0");
  return ms;
}

bool has_crlf(const std::string &s) {
  return s.find_first_of("\r\n") != std::string::npos;
}

} // namespace

extern "C" {

int eduauth_client_config_new(eduauth_client_config **out) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    *out = new eduauth_client_config();
    return EDUAUTH_OK;
  });
}

void eduauth_client_config_free(eduauth_client_config *config) {
  delete config;
}

int eduauth_client_config_set_server_url(eduauth_client_config *config, const char *base_url) {
  return set(__func__, config, [&](eduauth_client_config &c) { c.server_url = text(base_url, "base_url"); });
}

int eduauth_client_config_set_preset(eduauth_client_config *config, const char *preset) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    std::string p = text(preset, "preset");
    const auto names = eduauth::preset_names();
    if (p != "custom" && std::find(names.begin(), names.end(), p) == names.end()) {
      std::string known;
      for (const auto &n : names)
        known += n + ", ";
      throw invalid("preset \"" + p + "\" is unknown (known: " + known + "custom)");
    }
    c.preset = std::move(p);
  });
}

int eduauth_client_config_set_method(eduauth_client_config *config, const char *method) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    std::string m = text(method, "method");
    if (m != "GET" && m != "POST") throw invalid("method \"" + m + "\" is not GET or POST");
    c.method = std::move(m);
  });
}

int eduauth_client_config_set_url_template(eduauth_client_config *config, const char *url_template) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.url_template = text(url_template, "url_template"); });
}

int eduauth_client_config_set_body_template(eduauth_client_config *config, const char *body_template) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.body_template = text(body_template, "body_template"); });
}

int eduauth_client_config_set_token_pointer(eduauth_client_config *config, const char *json_pointer) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.token_pointer = text(json_pointer, "json_pointer"); });
}

int eduauth_client_config_set_app_id_pointer(eduauth_client_config *config, const char *json_pointer) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.app_id_pointer = text(json_pointer, "json_pointer"); });
}

int eduauth_client_config_set_code_pointer(eduauth_client_config *config, const char *json_pointer) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.code_pointer = text(json_pointer, "json_pointer"); });
}

int eduauth_client_config_add_header(eduauth_client_config *config, const char *name, const char *value) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    std::string n = text(name, "name");
    std::string v = text(value, "value");
    if (n.empty() || has_crlf(n) || n.find(':') != std::string::npos)
      throw invalid("header name \"" + n + "\" is empty or contains ':', CR or LF");
    if (has_crlf(v))
      throw invalid("the value of header \"" + n + "\" contains CR or LF"); // value never echoed
    c.headers.emplace_back(std::move(n), std::move(v));
  });
}

int eduauth_client_config_clear_headers(eduauth_client_config *config) {
  return set(__func__, config, [&](eduauth_client_config &c) { c.headers.clear(); });
}

int eduauth_client_config_set_ca_file(eduauth_client_config *config, const char *path) {
  return set(__func__, config, [&](eduauth_client_config &c) { c.transport.ca_file = text(path, "path"); });
}

int eduauth_client_config_set_ca_pem(eduauth_client_config *config, const char *pem) {
  return set(__func__, config, [&](eduauth_client_config &c) { c.transport.ca_pem = text(pem, "pem"); });
}

int eduauth_client_config_set_proxy(eduauth_client_config *config, const char *proxy) {
  return set(__func__, config, [&](eduauth_client_config &c) { c.transport.proxy = text(proxy, "proxy"); });
}

int eduauth_client_config_set_no_proxy(eduauth_client_config *config, const char *hosts) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.transport.no_proxy = text(hosts, "hosts"); });
}

int eduauth_client_config_set_allow_insecure_http(eduauth_client_config *config, int flag) {
  return set(__func__, config,
             [&](eduauth_client_config &c) { c.transport.allow_insecure_http = flag != 0; });
}

int eduauth_client_config_set_connect_timeout_ms(eduauth_client_config *config, int64_t ms) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    c.transport.connect_timeout_ms = positive_ms(ms, "connect_timeout");
  });
}

int eduauth_client_config_set_total_timeout_ms(eduauth_client_config *config, int64_t ms) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    c.transport.total_timeout_ms = positive_ms(ms, "total_timeout");
  });
}

int eduauth_client_config_set_close_grace_ms(eduauth_client_config *config, int64_t ms) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    // Bounded: free must not be able to hang an app's shutdown for minutes.
    if (ms < 0 || ms > 60000) throw invalid("close_grace " + std::to_string(ms) + " ms is outside 0..60000 ms");
    c.close_grace_ms = ms;
  });
}

int eduauth_client_config_set_refresh_margin_s(eduauth_client_config *config, int64_t seconds) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    if (seconds < 0) throw invalid("refresh_margin " + std::to_string(seconds) + " s must be >= 0");
    c.refresh_margin_s = seconds;
  });
}

int eduauth_client_config_set_will_expire_lead_s(eduauth_client_config *config, int64_t seconds) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    if (seconds < 0) throw invalid("will_expire_lead " + std::to_string(seconds) + " s must be >= 0");
    c.will_expire_lead_s = seconds;
  });
}

int eduauth_client_config_set_app_id(eduauth_client_config *config, const char *app_id) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    std::string a = text(app_id, "app_id");
    if (!eduauth::token::is_hex32(a)) throw invalid("app_id \"" + a + "\" is not 32 hex characters");
    c.app_id = std::move(a);
  });
}

int eduauth_client_config_set_event_callback(eduauth_client_config *config, eduauth_event_fn fn,
                                             void *user_data, eduauth_destroy_fn destroy) {
  return set(__func__, config, [&](eduauth_client_config &c) {
    // The previous callback's user data is released when no client uses it any more.
    c.on_event = fn ? std::make_shared<EventCallback>(fn, user_data, destroy) : nullptr;
    if (!fn && destroy) destroy(user_data); // nothing will own it: release now
  });
}

int eduauth_client_config_set_event_queue_capacity(eduauth_client_config *config, size_t capacity) {
  return set(__func__, config, [&](eduauth_client_config &c) { c.event_queue_capacity = capacity; });
}

} // extern "C"
