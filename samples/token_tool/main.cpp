// eduauth-token — decode, verify and build Agora "007"/"006" tokens from the command line.
//
// Dispatcher only: each subcommand lives in its own file (decode.cpp, verify.cpp, build.cpp,
// build_vector.cpp) and is one row of kCommands. Every error ends here as one line on stderr
// and exit code 2; secrets are never echoed (token errors name offsets and fingerprints).
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "command.hpp"
#include "eduauth/error.hpp"

namespace {

using namespace eduauth::tool;

const Command kCommands[] = {
    {"decode", "decode TOKEN|-                        print the token's fields as JSON", run_decode},
    {"verify", "verify TOKEN|- --app-certificate HEX  check the signature (006: also --channel-name, --uid)",
     run_verify},
    {"build", "build KIND --app-id HEX --app-certificate HEX [...]  build a token (build --help lists kinds)",
     run_build},
    {"build-vector", "build-vector FILE|-                  replay one positive test vector object", run_build_vector},
    {"fetch", "fetch --server URL --room-uuid R --user-uuid U --role ROLE [...]  fetch a token (fetch --help)",
     run_fetch},
};

void print_usage(std::ostream &out) {
  out << "usage: eduauth-token COMMAND [ARGS]\n"
         "\n"
         "Agora AccessToken2 (\"007\") and AccessToken (\"006\") tool of the eduauth SDK.\n"
         "\n"
         "Commands:\n";
  for (const Command &command : kCommands) out << "  " << command.synopsis << "\n";
  out << "\n"
         "'eduauth-token COMMAND --help' describes a command. The app certificate can also be given\n"
         "in the environment variable APP_CERTIFICATE (and the app ID in APP_ID) so it does not\n"
         "appear in the process list.\n"
         "Exit codes: 0 success, 1 signature mismatch (verify), 2 malformed token or bad arguments.\n";
}

} // namespace

int main(int argc, char **argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_usage(std::cout); // stdout either way so `eduauth-token | less` shows it
    return args.empty() ? kExitError : kExitOk;
  }
  for (const Command &command : kCommands) {
    if (args[0] != command.name) continue;
    Io io{std::cin, std::cout, std::cerr};
    try {
      const int code = command.run({args.begin() + 1, args.end()}, io);
      std::cout.flush();
      return code;
    } catch (const UsageError &e) {
      std::cerr << "eduauth-token " << command.name << ": " << e.what() << " (see eduauth-token " << command.name
                << " --help)\n";
    } catch (const eduauth::Error &e) {
      std::cerr << "eduauth-token " << command.name << ": " << eduauth::errc_name(e.code()) << ": " << e.what()
                << "\n";
    } catch (const std::exception &e) {
      std::cerr << "eduauth-token " << command.name << ": error: " << e.what() << "\n";
    }
    return kExitError;
  }
  std::cerr << "eduauth-token: unknown command '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return kExitError;
}
