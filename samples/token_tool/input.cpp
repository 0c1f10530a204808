#include "input.hpp"

#include <fstream>
#include <istream>
#include <iterator>
#include <sstream>

#include "args.hpp"

namespace eduauth::tool {

namespace {
std::string slurp(std::istream &in) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}
} // namespace

std::string read_token_argument(const std::string &arg, std::istream &in) {
  if (arg != "-") return arg;
  std::string token = slurp(in);
  if (!token.empty() && token.back() == '\n') {
    token.pop_back();
    if (!token.empty() && token.back() == '\r') token.pop_back();
  }
  return token;
}

std::string read_file_argument(const std::string &path, std::istream &in) {
  if (path == "-") return slurp(in);
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UsageError("cannot read file '" + path + "'");
  std::string content = slurp(file);
  if (file.bad()) throw UsageError("error while reading file '" + path + "'");
  return content;
}

} // namespace eduauth::tool
