// `eduauth-token verify TOKEN|- --app-certificate HEX [--channel-name C (--uid U | --account A)]`.
#include <cstdlib>
#include <ostream>

#include "args.hpp"
#include "command.hpp"
#include "eduauth/token.hpp"
#include "input.hpp"

namespace eduauth::tool {

namespace {
const char kVerifyUsage[] =
    "usage: eduauth-token verify TOKEN|- --app-certificate HEX [--channel-name C --uid U | --account A]\n"
    "\n"
    "Decodes the token and checks its signature with the app certificate (32 hex characters,\n"
    "case-sensitive; may also come from the environment variable APP_CERTIFICATE).\n"
    "  007: HMAC-SHA256 over the payload bytes as received (token-format.md §2.5).\n"
    "  006: the token only carries CRCs of the channel and uid, so both must be given\n"
    "       (token-format.md §3.3): --channel-name and either --uid N (numeric uid, 0 means\n"
    "       the empty uid string) or --account A (the uid string verbatim). For a 006 RTM token\n"
    "       the channel is the user account and the uid is empty: --channel-name USER --uid 0.\n"
    "       (Ignored, with a note on stderr, for 007 tokens.)\n"
    "Prints \"valid\" or \"signature mismatch\".\n"
    "Exit: 0 valid, 1 signature mismatch, 2 malformed token or bad arguments.\n";

std::string certificate_from(const ParsedArgs &parsed) {
  if (auto cert = parsed.get("app-certificate")) return *cert;
  if (const char *env = std::getenv("APP_CERTIFICATE"); env && *env) return env;
  throw UsageError("missing --app-certificate (or environment variable APP_CERTIFICATE)");
}
} // namespace

int run_verify(const std::vector<std::string> &args, Io &io) {
  ParsedArgs parsed = parse_args(args, {"app-certificate", "channel-name", "uid", "account"});
  if (parsed.help) {
    io.out << kVerifyUsage;
    return kExitOk;
  }
  if (parsed.positional.size() != 1) throw UsageError("verify takes exactly one TOKEN (or '-' for stdin)");
  const std::string certificate = certificate_from(parsed);
  if (parsed.has("uid") && parsed.has("account")) throw UsageError("give either --uid or --account, not both");

  const token::Token decoded = token::decode(read_token_argument(parsed.positional[0], io.in));
  bool valid = false;
  if (decoded.version == token::Version::v007) {
    // A 007 token carries its channel/uid itself and signs them; the options are not needed.
    if (parsed.has("channel-name") || parsed.has("uid") || parsed.has("account"))
      io.err << "eduauth-token verify: note: --channel-name/--uid/--account are ignored for a 007 token\n";
    valid = token::verify(decoded.v007, certificate);
  } else {
    const std::string &channel = parsed.require("channel-name");
    std::string uid;
    if (auto account = parsed.get("account")) {
      uid = *account;
    } else if (auto number = parsed.get("uid")) {
      uid = token::account_from_uid(to_i64("uid", *number));
    } else {
      throw UsageError("a 006 token needs --uid N or --account A (its signature covers the uid)");
    }
    valid = token::verify(decoded.v006, certificate, channel, uid);
  }
  io.out << (valid ? "valid" : "signature mismatch") << '\n';
  return valid ? kExitOk : kExitMismatch;
}

} // namespace eduauth::tool
