#include "shell_run.hpp"

#include <sys/wait.h>

#include <cstdio>

namespace eduauth::testing {

ShellRun shell_run(const std::string &command, bool merge_stderr) {
  const std::string cmd = command + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  ShellRun r;
  FILE *p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

} // namespace eduauth::testing
