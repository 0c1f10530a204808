// eduauth-token — the subcommand interface shared by main.cpp and each subcommand file.
//
// Each subcommand lives in its own file and is listed once in the table in main.cpp, so a
// new one (e.g. `fetch`) is one new file plus one table row.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace eduauth::tool {

/// Process exit codes of every subcommand (documented in --help).
enum Exit : int {
  kExitOk = 0,       ///< success ("valid" for verify)
  kExitMismatch = 1, ///< verify only: the token decodes but the signature does not match
  kExitError = 2,    ///< malformed token, bad arguments or any other error
};

/// The streams a subcommand talks to (injected so the dispatcher owns process I/O).
struct Io {
  std::istream &in;
  std::ostream &out;
  std::ostream &err;
};

/// A subcommand gets its arguments without the program and subcommand names.
/// It returns an Exit code; it may throw UsageError (args.hpp) or eduauth::Error,
/// which the dispatcher turns into a message on stderr and kExitError.
using CommandFn = int (*)(const std::vector<std::string> &args, Io &io);

struct Command {
  const char *name;
  const char *synopsis; ///< one line for the top-level usage
  CommandFn run;
};

int run_decode(const std::vector<std::string> &args, Io &io);
int run_verify(const std::vector<std::string> &args, Io &io);
int run_build(const std::vector<std::string> &args, Io &io);
int run_build_vector(const std::vector<std::string> &args, Io &io);
int run_fetch(const std::vector<std::string> &args, Io &io); // fetch.cpp (needs eduauth_client)

} // namespace eduauth::tool
