// The routes of the sample token server, exactly in the documented shapes
// (shared/specs/token-servers.md, presets "education" and "rtm").
#pragma once

#include <httplib.h>

#include "options.hpp"

namespace eduauth::sample {

/// Installs /fetch_education_token, /fetch_rtm_token (POST, OPTIONS), /healthz (GET), CORS
/// headers on every response, the bearer check, JSON errors and one stderr log line per
/// request (method, path, status, latency, token fingerprint — never a token or secret).
/// `options` must outlive the server.
void install_routes(httplib::Server &server, const ServerOptions &options);

} // namespace eduauth::sample
