// eduauth-token-server command line and environment.
#pragma once

#include <cstdint>
#include <string>

namespace eduauth::sample {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8082;            ///< 0 = ephemeral (the chosen port is printed)
  uint32_t expire_s = 3600;   ///< token lifetime, seconds relative to issue time (1..86400)
  std::string tls_cert;       ///< PEM certificate chain; with tls_key, serve HTTPS
  std::string tls_key;
  std::string bearer_secret;  ///< non-empty: token routes require "Authorization: Bearer <secret>"
  std::string app_id;         ///< from APP_ID (demo value when unset)
  std::string app_certificate; ///< from APP_CERTIFICATE (demo value when unset)
  bool demo_credentials = false; ///< true when either value fell back to the demo default
  bool help = false;
};

/// Parses argv and the environment. Throws std::invalid_argument naming the option and
/// value on bad input.
ServerOptions parse_options(int argc, char **argv);

/// The --help text.
const char *usage();

} // namespace eduauth::sample
