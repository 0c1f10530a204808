#include "token_server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

extern char **environ;

namespace eduauth::testing {

std::string token_server_binary() { return EDUAUTH_TOKEN_SERVER_BIN; }

TokenServerProcess::TokenServerProcess(std::vector<std::string> args,
                                       std::vector<std::pair<std::string, std::string>> env,
                                       std::string stderr_file) {
  std::vector<std::string> argv_s{token_server_binary(), "--port", "0"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char *> argv;
  for (auto &a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char **e = environ; *e; ++e) {
    std::string entry = *e;
    bool overridden = false;
    for (const auto &[k, v] : env) overridden = overridden || entry.rfind(k + "=", 0) == 0;
    if (!overridden) env_s.push_back(entry);
  }
  for (const auto &[k, v] : env) env_s.push_back(k + "=" + v);
  std::vector<char *> envp;
  for (auto &e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  const int rc = posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " + std::strerror(rc));
  }

  // Read stdout until the "listening on" line (10 s budget).
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  // Parses "listening on SCHEME://HOST:PORT\n" (no std::regex: GCC 12 warns inside it under -O2 + ASan).
  std::string scheme, port;
  auto parse = [&]() {
    const auto at = seen.find("listening on ");
    if (at == std::string::npos) return false;
    const auto eol = seen.find('\n', at);
    if (eol == std::string::npos) return false;
    const std::string line = seen.substr(at + 13, eol - at - 13);
    const auto sep = line.find("://");
    const auto colon = line.rfind(':');
    if (sep == std::string::npos || colon == std::string::npos || colon <= sep) return false;
    scheme = line.substr(0, sep);
    listening_url_ = line;
    port = line.substr(colon + 1);
    return !port.empty() && port.find_first_not_of("0123456789") == std::string::npos;
  };
  while (!parse()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd p{out[0], POLLIN, 0};
    char buf[256];
    ssize_t n = 0;
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0 || (n = read(out[0], buf, sizeof buf)) <= 0) {
      out_fd_ = out[0];
      stop();
      throw std::runtime_error("eduauth-token-server did not report its port; stdout: \"" + seen + "\"");
    }
    seen.append(buf, static_cast<size_t>(n));
  }
  out_fd_ = out[0]; // kept open until stop(): a closed pipe would SIGPIPE the server
  port_ = std::stoi(port);
  base_url_ = scheme + "://127.0.0.1:" + port;
}

int TokenServerProcess::stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (out_fd_ >= 0) close(out_fd_);
  out_fd_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TokenServerProcess::~TokenServerProcess() { stop(); }

} // namespace eduauth::testing
