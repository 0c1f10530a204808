// Runs a command line through /bin/sh and captures its output: how the integration tests
// drive the command-line tools (eduauth-token, eduauth-launch) as a user would.
#pragma once

#include <string>

namespace eduauth::testing {

struct ShellRun {
  int exit_code = -1; ///< the exit status, -1 when the shell could not run or was killed
  std::string out;    ///< stdout (with stderr after it when it was merged)
};

/// Runs `command` (a shell command line; quote arguments yourself). With merge_stderr the
/// command's stderr goes into `out` too, otherwise it is discarded.
ShellRun shell_run(const std::string &command, bool merge_stderr);

} // namespace eduauth::testing
