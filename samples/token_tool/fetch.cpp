// `eduauth-token fetch --server URL ...`: fetch a token from a token server through the SDK's
// TokenClient (HTTP fetcher + preset), print it decoded; with --watch keep the client running
// and print its events, one JSON object per line. Tokens are never printed, only decoded
// fields and fingerprints.
#include <chrono>
#include <cstdlib>
#include <ostream>

#include <nlohmann/json.hpp>

#include "args.hpp"
#include "command.hpp"
#include "eduauth/client.hpp"
#include "eduauth/source.hpp"
#include "eduauth/token.hpp"
#include "watch_json.hpp"

namespace eduauth::tool {

namespace {

const char kFetchUsage[] =
    "usage: eduauth-token fetch --server URL [--preset education] --room-uuid R --user-uuid U --role ROLE\n"
    "                           [--ca-file F] [--bearer S] [--app-id HEX] [--min-remaining SECONDS]\n"
    "                           [--watch SECONDS]\n"
    "\n"
    "Fetches a token for (room, user, role) from the token server at URL (scheme://host[:port])\n"
    "with the SDK's token client, validates it and prints its decoded JSON form.\n"
    "  --preset P          education (default), rtm, generic or agora-demo (token-servers.md)\n"
    "  --role ROLE         teacher, student, assistant, observer, audience, none (as eduauth-launch)\n"
    "                      or the roleType number (teacher = 1, student = 2, ...)\n"
    "  --ca-file F         PEM CA bundle to verify an https server (default: system store)\n"
    "  --bearer S          sends 'Authorization: Bearer S'; or set EDUAUTH_BEARER so the secret\n"
    "                      stays out of the process list\n"
    "  --app-id HEX        refuse tokens for another app ID\n"
    "  --min-remaining S   refuse tokens with less than S seconds of validity (default 30)\n"
    "  --watch SECONDS     keep the client running that long, refreshing on its own, and print\n"
    "                      each event as one JSON line, e.g. {\"event\":\"refreshed\",\"expires_at\":...,\n"
    "                      \"fingerprint\":\"sha256:...\"}, then the client's metrics as a last line\n"
    "                      {\"event\":\"metrics\",...} (docs/metrics.md); the decoded token is printed\n"
    "                      compact on the first line. Times are absolute Unix seconds.\n"
    "Plain http:// is accepted for loopback servers only.\n"
    "Exit: 0 fetched (and watched), 2 fetch failure or bad arguments (code and reason on stderr).\n";

} // namespace

int run_fetch(const std::vector<std::string> &args, Io &io) {
  const ParsedArgs parsed = parse_args(args, {"server", "preset", "room-uuid", "user-uuid", "role", "ca-file", "bearer",
                                              "app-id", "min-remaining", "watch"});
  if (parsed.help) {
    io.out << kFetchUsage;
    return kExitOk;
  }
  if (!parsed.positional.empty()) throw UsageError("fetch takes no positional arguments");

  SourceConfig source = make_source(parsed.get("preset").value_or("education"), parsed.require("server"));
  std::string bearer = parsed.get("bearer").value_or("");
  if (bearer.empty())
    if (const char *env = std::getenv("EDUAUTH_BEARER")) bearer = env;
  if (!bearer.empty()) source.headers.emplace_back("Authorization", "Bearer " + bearer);

  TransportOptions transport;
  if (auto ca = parsed.get("ca-file")) transport.ca_file = *ca;

  ClientConfig config;
  config.fetcher = make_http_fetcher(source, transport);
  config.app_id = parsed.get("app-id");
  if (parsed.has("min-remaining"))
    config.min_remaining = std::chrono::seconds(to_u32("min-remaining", parsed.require("min-remaining")));
  config.events_carry_token = false; // this tool never needs the secret in events
  const uint32_t watch_s = parsed.has("watch") ? to_u32("watch", parsed.require("watch")) : 0;

  const TokenKey key{parsed.require("room-uuid"), parsed.require("user-uuid"),
                     to_classroom_role("role", parsed.require("role"))};
  TokenClient client(std::move(config));
  const TokenPtr token = client.get(key);
  if (watch_s == 0) {
    io.out << token::to_json(token->decoded, 2) << '\n';
    return kExitOk;
  }

  io.out << token::to_json(token->decoded) << std::endl;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(watch_s);
  for (auto now = std::chrono::steady_clock::now(); now < until; now = std::chrono::steady_clock::now()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now);
    if (auto ev = client.next_event(left)) io.out << samples::event_json(*ev).dump() << std::endl;
  }
  client.close();
  io.out << samples::metrics_json(client.metrics()).dump() << std::endl; // the final snapshot
  return kExitOk;
}

} // namespace eduauth::tool
