// `eduauth-token decode TOKEN|-`: the token's JSON form (token::to_json), pretty-printed.
#include <ostream>

#include "args.hpp"
#include "command.hpp"
#include "eduauth/token.hpp"
#include "input.hpp"

namespace eduauth::tool {

namespace {
const char kDecodeUsage[] =
    "usage: eduauth-token decode TOKEN|-\n"
    "\n"
    "Decodes a \"007\" (AccessToken2) or \"006\" (AccessToken) token strictly and prints its JSON\n"
    "form: the fields of the vectors' `decoded` objects plus expires_at (absolute Unix seconds).\n"
    "007 expire and privilege values are seconds relative to issue_ts; 006 values are absolute.\n"
    "'-' reads the token from stdin (one trailing newline is removed).\n"
    "Exit: 0 decoded, 2 malformed token or bad arguments (message on stderr).\n";
} // namespace

int run_decode(const std::vector<std::string> &args, Io &io) {
  ParsedArgs parsed = parse_args(args, {});
  if (parsed.help) {
    io.out << kDecodeUsage;
    return kExitOk;
  }
  if (parsed.positional.size() != 1) throw UsageError("decode takes exactly one TOKEN (or '-' for stdin)");
  const std::string token = read_token_argument(parsed.positional[0], io.in);
  io.out << token::to_json(token::decode(token), 2) << '\n';
  return kExitOk;
}

} // namespace eduauth::tool
