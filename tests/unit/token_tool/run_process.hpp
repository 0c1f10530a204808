// Runs a program the way a shell user would, for the CLI tests: argv, optional stdin bytes,
// and extra environment variables; captures stdout, stderr and the exit code.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace eduauth::test {

struct ProcessResult {
  int exit_code = -1; ///< the exit status, or 128 + signal number when killed by a signal
  std::string out;
  std::string err;
};

/// Runs `argv[0]` (a path) with `argv`, feeding `stdin_data` on stdin and adding `env`
/// to (or overriding in) the current environment; `unset_env` names are removed. Blocks until
/// the process ends. Throws std::runtime_error when the process cannot be started.
ProcessResult run_process(const std::vector<std::string> &argv, const std::string &stdin_data = "",
                          const std::map<std::string, std::string> &env = {},
                          const std::vector<std::string> &unset_env = {});

} // namespace eduauth::test
