// Runs the sample token server binary (eduauth-token-server) on an ephemeral loopback port
// for one test and stops it (SIGTERM, then waits) on destruction.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace eduauth::testing {

/// Path of the built eduauth-token-server (from the build system).
std::string token_server_binary();

class TokenServerProcess {
public:
  /// Starts `token_server_binary() --port 0 <args...>` with `env` added to the current
  /// environment, waits (up to 10 s) for its "listening on ..." line and parses the port.
  /// stderr goes to `stderr_file` (the server's request log). Throws std::runtime_error.
  TokenServerProcess(std::vector<std::string> args, std::vector<std::pair<std::string, std::string>> env,
                     std::string stderr_file);
  ~TokenServerProcess();
  TokenServerProcess(const TokenServerProcess &) = delete;
  TokenServerProcess &operator=(const TokenServerProcess &) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT".
  const std::string &base_url() const { return base_url_; }
  /// The URL exactly as printed after "listening on " (e.g. "http://[::1]:PORT").
  const std::string &listening_url() const { return listening_url_; }
  /// Sends SIGTERM and returns the exit status (as from waitpid's WEXITSTATUS; -1 if killed).
  int stop();

private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
  std::string base_url_;
  std::string listening_url_;
};

} // namespace eduauth::testing
