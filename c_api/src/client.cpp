// eduauth C API — the token client (eduauth_client_*), over eduauth::TokenClient.
//
// Lifetime rules the C++ client does not know about are kept here: free waits for API
// calls still running on other threads (a binding's poll thread blocked in next_event),
// and the app's user data is released before free returns.
#include <atomic>
#include <chrono>
#include <string>

#include "client_types.hpp"
#include "eduauth/source.hpp"
#include "guard.hpp"

using namespace eduauth::capi;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

eduauth::TokenKey key_of(const char *room_uuid, const char *user_uuid, int32_t role) {
  require(room_uuid, "room_uuid");
  require(user_uuid, "user_uuid");
  return eduauth::TokenKey{room_uuid, user_uuid, role};
}

eduauth::SourceConfig source_of(const eduauth_client_config &c) {
  eduauth::SourceConfig s;
  if (c.preset != "custom") {
    if (c.server_url.empty())
      throw invalid("server_url is not set (required by preset \"" + c.preset + "\")");
    s = eduauth::make_source(c.preset, c.server_url);
  }
  if (c.method) s.method = *c.method;
  if (c.url_template) s.url_template = *c.url_template;
  if (c.body_template) s.body_template = *c.body_template;
  if (c.token_pointer) s.token_pointer = *c.token_pointer;
  if (c.app_id_pointer) s.app_id_pointer = *c.app_id_pointer;
  if (c.code_pointer) s.code_pointer = *c.code_pointer;
  if (s.url_template.empty()) throw invalid("url_template is not set (required by preset \"custom\")");
  s.headers.insert(s.headers.end(), c.headers.begin(), c.headers.end());
  return s;
}

// Host of an absolute URL ("http://[::1]:8082/x" -> "[::1]", "http://h:1/p" -> "h").
std::string url_host(const std::string &url) {
  const auto start = url.find("://");
  if (start == std::string::npos) return {};
  std::string rest = url.substr(start + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (!rest.empty() && rest[0] == '[') return rest.substr(0, rest.find(']') + 1);
  return rest.substr(0, rest.find(':'));
}

// Refuses plain http:// to a non-loopback host at creation time (the transport would refuse
// it at the first request): the app learns about the misconfiguration immediately.
void check_plain_http(const eduauth::SourceConfig &s, const eduauth_client_config &c) {
  if (c.transport.allow_insecure_http || s.url_template.rfind("http://", 0) != 0) return;
  const std::string host = url_host(s.url_template);
  if (!eduauth::is_loopback_host(host))
    throw invalid("plain http:// to \"" + host +
                  "\" is refused (only loopback hosts may use http); use https or set allow_insecure_http");
}

// One async get: fn then destroy, exactly once. If the C++ client drops the request without
// calling back, the destructor still releases the user data.
struct AsyncCall {
  eduauth_token_fn fn;
  void *user_data;
  eduauth_destroy_fn destroy;
  std::atomic<bool> done{false};

  AsyncCall(eduauth_token_fn f, void *u, eduauth_destroy_fn d) : fn(f), user_data(u), destroy(d) {}
  void complete(const eduauth::TokenResult &r) {
    if (done.exchange(true)) return;
    if (r.ok() && r.token)
      fn(user_data, EDUAUTH_OK, r.token->token.c_str(), r.token->expires_at, "");
    else
      fn(user_data, static_cast<int32_t>(r.status), nullptr, 0, r.message.c_str());
    if (destroy) destroy(user_data);
  }
  ~AsyncCall() {
    if (!done.exchange(true) && destroy) destroy(user_data);
  }
};

} // namespace

extern "C" {

int eduauth_client_new(eduauth_client **out, const eduauth_client_config *config) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(config, "config");
    const eduauth_client_config &c = *config;

    eduauth::ClientConfig cc;
    const eduauth::SourceConfig source = source_of(c);
    check_plain_http(source, c);
    cc.fetcher = eduauth::make_http_fetcher(source, c.transport);
    cc.app_id = c.app_id;
    cc.clock = c.clock; // null = system clocks; a fake clock from eduauth/testing.h
    if (c.refresh_margin_s) cc.refresh_margin = seconds(*c.refresh_margin_s);
    if (c.will_expire_lead_s) cc.will_expire_lead = seconds(*c.will_expire_lead_s);
    if (c.close_grace_ms) cc.close_grace = std::chrono::milliseconds(*c.close_grace_ms);
    if (c.event_queue_capacity) cc.event_queue_capacity = *c.event_queue_capacity;

    auto handle = std::make_unique<eduauth_client>();
    handle->relay = std::make_shared<EventRelay>();
    handle->relay->callback = c.on_event;
    if (c.on_event) {
      // Runs on the C++ dispatcher thread, without SDK locks; the relay lock is only held
      // to copy the pointer, never during the app's callback.
      cc.on_event = [relay = handle->relay](const eduauth::Event &e) {
        std::shared_ptr<EventCallback> cb;
        {
          std::lock_guard<std::mutex> lk(relay->mu);
          cb = relay->callback;
        }
        if (!cb || !cb->fn) return;
        const eduauth_event view{e};
        cb->fn(cb->user_data, &view);
      };
    }
    attach_metrics_sink(cc, *handle, c);
    handle->client = std::make_unique<eduauth::TokenClient>(std::move(cc));
    *out = handle.release();
    return EDUAUTH_OK;
  });
}

void eduauth_client_free(eduauth_client *c) {
  if (c == nullptr) return;
  try {
    {
      std::lock_guard<std::mutex> lk(c->mu);
      c->closing = true;
    }
    // Wakes blocked get()/next_event() callers (they return EDUAUTH_E_CLOSED), completes
    // pending async gets with closed, joins the SDK threads (except the calling one).
    c->client->close();
    {
      std::unique_lock<std::mutex> lk(c->mu);
      c->idle.wait(lk, [c] { return c->active == 0; });
    }
    c->client.reset();
    std::shared_ptr<EventCallback> cb;
    {
      std::lock_guard<std::mutex> lk(c->relay->mu);
      cb.swap(c->relay->callback);
    }
    cb.reset(); // runs the app's destroy(user_data) if this was the last owner
    detach_metrics_sink(*c);
  } catch (...) {
    // Nothing may cross the C boundary; close() and the waits do not throw in practice.
  }
  delete c;
}

int eduauth_client_get_token(char **out_token, int64_t *out_expires_at, eduauth_client *c,
                             const char *room_uuid, const char *user_uuid, int32_t role, int64_t timeout_ms) {
  return guarded(__func__, [&] {
    require(out_token, "out_token");
    *out_token = nullptr;
    if (out_expires_at) *out_expires_at = 0;
    CallScope scope(c);
    const auto key = key_of(room_uuid, user_uuid, role);
    if (timeout_ms < 0) throw invalid("timeout_ms " + std::to_string(timeout_ms) + " must be >= 0");
    const eduauth::TokenPtr t = c->client->get(key, milliseconds(timeout_ms));
    *out_token = dup_string(t->token);
    if (out_expires_at) *out_expires_at = t->expires_at;
    return EDUAUTH_OK;
  });
}

int eduauth_client_get_token_async(eduauth_client *c, const char *room_uuid, const char *user_uuid,
                                   int32_t role, eduauth_token_fn fn, void *user_data,
                                   eduauth_destroy_fn destroy) {
  return guarded(__func__, [&] {
    CallScope scope(c);
    const auto key = key_of(room_uuid, user_uuid, role);
    if (fn == nullptr) throw invalid("fn is NULL");
    auto call = std::make_shared<AsyncCall>(fn, user_data, destroy);
    try {
      c->client->get_async(key, [call](const eduauth::TokenResult &r) { call->complete(r); });
    } catch (...) {
      call->done = true; // the request was not accepted: the caller keeps its user data
      throw;
    }
    return EDUAUTH_OK;
  });
}

int eduauth_client_prefetch(eduauth_client *c, const char *room_uuid, const char *user_uuid, int32_t role) {
  return guarded(__func__, [&] {
    CallScope scope(c);
    c->client->prefetch(key_of(room_uuid, user_uuid, role));
    return EDUAUTH_OK;
  });
}

int eduauth_client_invalidate(int *out_dropped, eduauth_client *c, const char *room_uuid,
                              const char *user_uuid, int32_t role, const char *token) {
  return guarded(__func__, [&] {
    if (out_dropped) *out_dropped = 0;
    CallScope scope(c);
    const auto key = key_of(room_uuid, user_uuid, role);
    require(token, "token");
    const bool dropped = c->client->invalidate(key, token);
    if (out_dropped) *out_dropped = dropped ? 1 : 0;
    return EDUAUTH_OK;
  });
}

int eduauth_client_forget(eduauth_client *c, const char *room_uuid, const char *user_uuid, int32_t role) {
  return guarded(__func__, [&] {
    CallScope scope(c);
    c->client->forget(key_of(room_uuid, user_uuid, role));
    return EDUAUTH_OK;
  });
}

int eduauth_client_next_event(eduauth_event **out, eduauth_client *c, int64_t timeout_ms) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    CallScope scope(c);
    if (timeout_ms < 0) throw invalid("timeout_ms " + std::to_string(timeout_ms) + " must be >= 0");
    auto e = c->client->next_event(milliseconds(timeout_ms));
    if (!e) {
      std::lock_guard<std::mutex> lk(c->mu);
      if (c->closing) throw eduauth::Error(eduauth::Errc::closed, "the client is being freed");
      throw eduauth::Error(eduauth::Errc::timeout, "no event within " + std::to_string(timeout_ms) + " ms");
    }
    *out = new eduauth_event{std::move(*e)};
    return EDUAUTH_OK;
  });
}

uint64_t eduauth_client_dropped_events(const eduauth_client *c) {
  if (c == nullptr || !c->client) return 0;
  try {
    return c->client->dropped_events();
  } catch (...) {
    return 0;
  }
}

} // extern "C"
