#include "options.hpp"

#include <cstdlib>
#include <set>
#include <stdexcept>

#include "eduauth/token.hpp"

namespace eduauth::sample {
namespace {

// Agora's public test credentials (shared/cases/README.md); never for production.
constexpr const char *kDemoAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char *kDemoCertificate = "5CFd2fd1755d40ecb72977518be15d3b";

long parse_int(const std::string &option, const std::string &value, long lo, long hi) {
  size_t used = 0;
  long v = 0;
  try {
    v = std::stol(value, &used);
  } catch (const std::exception &) {
    used = 0;
  }
  if (used != value.size() || value.empty() || v < lo || v > hi)
    throw std::invalid_argument(option + " must be an integer in " + std::to_string(lo) + ".." + std::to_string(hi) +
                                ", got \"" + value + "\"");
  return v;
}

} // namespace

const char *usage() {
  return "usage: eduauth-token-server [options]\n"
         "Sample Flexible Classroom token server (POST /fetch_education_token, POST /fetch_rtm_token,\n"
         "GET /healthz). Credentials come from APP_ID and APP_CERTIFICATE.\n"
         "  --host H            listen address (default 127.0.0.1)\n"
         "  --port N            port (default 8082; 0 = ephemeral, printed on stdout)\n"
         "  --expire S          token lifetime in seconds, 1..86400 (default 3600)\n"
         "  --tls-cert F        PEM certificate (chain) file; with --tls-key serves HTTPS\n"
         "  --tls-key F         PEM private key file\n"
         "  --bearer-secret S   require 'Authorization: Bearer S' on token routes (401 otherwise)\n"
         "  --help              this text\n";
}

ServerOptions parse_options(int argc, char **argv) {
  ServerOptions o;
  std::set<std::string> seen; // a repeated option is a mistake, not "last one wins"
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--", 0) == 0 && !seen.insert(arg).second)
      throw std::invalid_argument(arg + " given more than once");
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--host") o.host = value();
    else if (arg == "--port") o.port = static_cast<int>(parse_int(arg, value(), 0, 65535));
    else if (arg == "--expire") o.expire_s = static_cast<uint32_t>(parse_int(arg, value(), 1, 86400));
    else if (arg == "--tls-cert") o.tls_cert = value();
    else if (arg == "--tls-key") o.tls_key = value();
    else if (arg == "--bearer-secret") {
      o.bearer_secret = value();
      if (o.bearer_secret.empty()) throw std::invalid_argument("--bearer-secret must not be empty");
    } else
      throw std::invalid_argument("unknown option \"" + arg + "\" (see --help)");
  }
  if (o.tls_cert.empty() != o.tls_key.empty())
    throw std::invalid_argument("--tls-cert and --tls-key must be given together");

  const char *id = std::getenv("APP_ID");
  const char *cert = std::getenv("APP_CERTIFICATE");
  const bool has_id = id && *id, has_cert = cert && *cert;
  if (has_id != has_cert) {
    // Half of a credential pair would sign the app's own ID with the demo certificate (or the
    // reverse): tokens that look right and that Agora rejects. Refuse instead.
    throw std::invalid_argument(std::string(has_id ? "APP_ID" : "APP_CERTIFICATE") + " is set but " +
                                (has_id ? "APP_CERTIFICATE" : "APP_ID") +
                                " is not: set both, or neither for the public demo credentials");
  }
  o.app_id = id && *id ? id : kDemoAppId;
  o.app_certificate = cert && *cert ? cert : kDemoCertificate;
  o.demo_credentials = !(id && *id) || !(cert && *cert);
  if (!eduauth::token::is_hex32(o.app_id))
    throw std::invalid_argument("APP_ID must be 32 hex characters, got \"" + o.app_id + "\"");
  if (!eduauth::token::is_hex32(o.app_certificate))
    throw std::invalid_argument("APP_CERTIFICATE must be 32 hex characters (value not shown)");
  return o;
}

} // namespace eduauth::sample
