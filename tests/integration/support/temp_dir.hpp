// A scratch directory under $TMPDIR, removed with its contents on destruction.
#pragma once

#include <string>

namespace eduauth::testing {

class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::string &path() const { return path_; }
  std::string file(const std::string &name) const { return path_ + "/" + name; }

private:
  std::string path_;
};

/// Whole file as a string; empty when unreadable.
std::string read_file(const std::string &path);

} // namespace eduauth::testing
