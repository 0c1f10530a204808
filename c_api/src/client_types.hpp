// eduauth C API — the structs behind the client handles (shared by the client shims).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "eduauth.h"
#include "eduauth/client.hpp"
#include "eduauth/events.hpp"
#include "eduauth/transport.hpp"
#include "guard.hpp"

namespace eduauth::capi {

/// The app's event callback. Shared by a configuration and the clients made from it; the
/// user-data destructor runs when the last owner lets go.
struct EventCallback {
  eduauth_event_fn fn = nullptr;
  void *user_data = nullptr;
  eduauth_destroy_fn destroy = nullptr;
  EventCallback(eduauth_event_fn f, void *u, eduauth_destroy_fn d) : fn(f), user_data(u), destroy(d) {}
  ~EventCallback() {
    if (destroy) destroy(user_data);
  }
  EventCallback(const EventCallback &) = delete;
  EventCallback &operator=(const EventCallback &) = delete;
};

/// What the C++ client's on_event calls. eduauth_client_free detaches the callback here
/// once the client is closed, so the user data is released before free returns.
struct EventRelay {
  std::mutex mu;
  std::shared_ptr<EventCallback> callback; // guarded by mu
};

/// The app's metrics sink (eduauth/metrics.h); same ownership rules as EventCallback.
struct MetricsCallback {
  eduauth_metrics_fn fn = nullptr;
  void *user_data = nullptr;
  eduauth_destroy_fn destroy = nullptr;
  MetricsCallback(eduauth_metrics_fn f, void *u, eduauth_destroy_fn d) : fn(f), user_data(u), destroy(d) {}
  ~MetricsCallback() {
    if (destroy) destroy(user_data);
  }
  MetricsCallback(const MetricsCallback &) = delete;
  MetricsCallback &operator=(const MetricsCallback &) = delete;
};

/// What the C++ client's metrics_sink calls; detached by eduauth_client_free like EventRelay.
struct MetricsRelay {
  std::mutex mu;
  std::shared_ptr<MetricsCallback> callback; // guarded by mu
};

} // namespace eduauth::capi

/// Plain settings; turned into a SourceConfig + TransportOptions + ClientConfig by
/// eduauth_client_new.
struct eduauth_client_config {
  std::string preset = "education";
  std::string server_url;
  std::optional<std::string> method, url_template, body_template, token_pointer, app_id_pointer, code_pointer;
  eduauth::HttpHeaders headers;
  eduauth::TransportOptions transport;
  std::optional<std::string> app_id;
  std::optional<int64_t> refresh_margin_s;
  std::optional<int64_t> will_expire_lead_s;
  std::optional<int64_t> close_grace_ms;
  std::optional<size_t> event_queue_capacity;
  std::shared_ptr<eduauth::capi::EventCallback> on_event;
  std::shared_ptr<eduauth::capi::MetricsCallback> metrics_sink; // eduauth_client_config_set_metrics_sink
  int64_t metrics_interval_ms = 10000;
  std::shared_ptr<eduauth::Clock> clock; // null = system clocks (eduauth_client_config_set_clock)
};

/// One event: a copy of the C++ event (borrowed strings point into it).
struct eduauth_event {
  eduauth::Event event;
};

/// The client handle. `active` counts API calls in progress so that free can wait for
/// threads blocked in get/next_event to leave before the object is destroyed.
struct eduauth_client {
  std::unique_ptr<eduauth::TokenClient> client;
  std::shared_ptr<eduauth::capi::EventRelay> relay;
  std::shared_ptr<eduauth::capi::MetricsRelay> metrics_relay; // null without a metrics sink
  std::mutex mu;
  std::condition_variable idle;
  int active = 0;       // guarded by mu
  bool closing = false; // guarded by mu
};

namespace eduauth::capi {

/// Counts one API call on a client; refuses to start once free has begun.
class CallScope {
public:
  explicit CallScope(eduauth_client *c) : c_(c) {
    require(c, "client");
    std::lock_guard<std::mutex> lk(c->mu);
    if (c->closing) throw eduauth::Error(eduauth::Errc::closed, "the client is being freed");
    ++c->active;
  }
  ~CallScope() {
    std::lock_guard<std::mutex> lk(c_->mu);
    if (--c_->active == 0) c_->idle.notify_all();
  }
  CallScope(const CallScope &) = delete;
  CallScope &operator=(const CallScope &) = delete;

private:
  eduauth_client *c_;
};

/// Wires the configuration's metrics sink into `cc` through handle.metrics_relay (metrics.cpp).
void attach_metrics_sink(eduauth::ClientConfig &cc, eduauth_client &handle, const eduauth_client_config &c);
/// Detaches the sink after the client closed, releasing the app's user data (metrics.cpp).
void detach_metrics_sink(eduauth_client &handle) noexcept;

} // namespace eduauth::capi
