// libeduauth_testing — the C surface of the scripted token server (eduauth/test_server.h)
// over eduauth::testing::ScriptedServer.
//
// The C boundary rules are libeduauth's (guard.hpp / status.cpp are compiled in, hidden by
// the version script); the per-thread message is therefore this library's own and is read
// through eduauth_test_server_error_last().
#include <memory>
#include <string>

#include "eduauth/test_server.h"
#include "guard.hpp"
#include "scripted_server.hpp"

using namespace eduauth::capi;
using eduauth::testing::ScriptedServer;

struct eduauth_test_server {
  std::unique_ptr<ScriptedServer> server;
  std::string url;
};

extern "C" {

int eduauth_test_server_start(eduauth_test_server **out, const char *app_id, const char *app_certificate) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(app_id, "app_id");
    require(app_certificate, "app_certificate");
    auto handle = std::make_unique<eduauth_test_server>();
    handle->server = std::make_unique<ScriptedServer>(app_id, app_certificate);
    handle->url = handle->server->url();
    *out = handle.release();
    return EDUAUTH_OK;
  });
}

void eduauth_test_server_free(eduauth_test_server *server) {
  delete server;
}

int eduauth_test_server_stop(eduauth_test_server *server) {
  return guarded(__func__, [&] {
    require(server, "server");
    server->server->stop();
    return EDUAUTH_OK;
  });
}

const char *eduauth_test_server_url(const eduauth_test_server *server) {
  return server ? server->url.c_str() : "";
}

int32_t eduauth_test_server_port(const eduauth_test_server *server) {
  return server ? server->server->port() : 0;
}

int eduauth_test_server_script(eduauth_test_server *server, const char *script_json) {
  return guarded(__func__, [&] {
    require(server, "server");
    require(script_json, "script_json");
    server->server->script(eduauth::testing::parse_script(script_json));
    return EDUAUTH_OK;
  });
}

int eduauth_test_server_set_default(eduauth_test_server *server, const char *step_json) {
  return guarded(__func__, [&] {
    require(server, "server");
    require(step_json, "step_json");
    const auto steps = eduauth::testing::parse_script(step_json);
    if (steps.size() != 1)
      throw invalid("step_json must be one step object, got " + std::to_string(steps.size()) + " steps");
    server->server->set_default(steps.front());
    return EDUAUTH_OK;
  });
}

int eduauth_test_server_clear_script(eduauth_test_server *server) {
  return guarded(__func__, [&] {
    require(server, "server");
    server->server->clear_script();
    return EDUAUTH_OK;
  });
}

int64_t eduauth_test_server_requests(const eduauth_test_server *server) {
  return server ? server->server->requests() : 0;
}

int64_t eduauth_test_server_pending(const eduauth_test_server *server) {
  return server ? static_cast<int64_t>(server->server->pending()) : 0;
}

int eduauth_test_server_last_token(char **out, const eduauth_test_server *server) {
  return guarded(__func__, [&] {
    require(out, "out");
    *out = nullptr;
    require(server, "server");
    *out = dup_string(server->server->last_token());
    return EDUAUTH_OK;
  });
}

const char *eduauth_test_server_error_last(void) {
  return eduauth_error_last(); // this library's (hidden) copy: its own per-thread message
}

} // extern "C"
