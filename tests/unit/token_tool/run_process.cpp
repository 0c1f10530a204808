#include "run_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char **environ;

namespace eduauth::test {

namespace {

// A temporary file that is removed when it goes out of scope. Files (not pipes) keep the
// capture free of deadlocks whatever the child writes.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string &content) {
    char name[] = "/tmp/eduauth-cli-test-XXXXXX";
    int fd = mkstemp(name);
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    path = name;
    size_t done = 0;
    while (done < content.size()) {
      ssize_t n = write(fd, content.data() + done, content.size() - done);
      if (n <= 0) {
        close(fd);
        throw std::runtime_error("write to temp file failed");
      }
      done += static_cast<size_t>(n);
    }
    close(fd);
  }
  ~TempFile() { unlink(path.c_str()); }
  std::string read() const {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

} // namespace

ProcessResult run_process(const std::vector<std::string> &argv, const std::string &stdin_data,
                          const std::map<std::string, std::string> &env, const std::vector<std::string> &unset_env) {
  TempFile in(stdin_data), out(""), err("");

  std::vector<std::string> env_strings;
  for (char **e = environ; *e; ++e) {
    std::string entry(*e);
    std::string name = entry.substr(0, entry.find('='));
    bool drop = env.count(name) != 0;
    for (const auto &u : unset_env) drop = drop || name == u;
    if (!drop) env_strings.push_back(entry);
  }
  for (const auto &[name, value] : env) env_strings.push_back(name + "=" + value);

  std::vector<char *> c_argv, c_env;
  for (const auto &a : argv) c_argv.push_back(const_cast<char *>(a.c_str()));
  c_argv.push_back(nullptr);
  for (const auto &e : env_strings) c_env.push_back(const_cast<char *>(e.c_str()));
  c_env.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.path.c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err.path.c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));

  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = out.read();
  result.err = err.read();
  return result;
}

} // namespace eduauth::test
