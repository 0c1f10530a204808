#include "input.hpp"

#include <fstream>
#include <istream>
#include <iterator>
#include <sstream>

#include "args.hpp"
#include "eduauth/token.hpp"

namespace eduauth::tool {

namespace {
// Bounded reads: `decode - < /dev/zero` must fail fast, not grow until the allocator gives up.
// A token may carry one trailing line break ("\r\n") beyond the decoder's limit.
constexpr size_t kMaxTokenInput = token::kMaxTokenLength + 2;

std::string slurp(std::istream &in, size_t limit, const std::string &what, const std::string &name) {
  std::string out;
  char chunk[64 * 1024];
  while (in) {
    in.read(chunk, sizeof chunk);
    const auto got = static_cast<size_t>(in.gcount());
    if (got > limit - out.size()) {
      throw UsageError(name + " is longer than " + std::to_string(limit) + " bytes, the limit for " + what);
    }
    out.append(chunk, got);
  }
  return out;
}

std::string name_of(const std::string &path) { return path == "-" ? std::string("stdin") : "'" + path + "'"; }
} // namespace

std::string read_token_argument(const std::string &arg, std::istream &in) {
  if (arg != "-") return arg;
  std::string token = slurp(in, kMaxTokenInput, "a token (kMaxTokenLength plus a line break)", "stdin");
  if (!token.empty() && token.back() == '\n') {
    token.pop_back();
    if (!token.empty() && token.back() == '\r') token.pop_back();
  }
  return token;
}

std::string read_file_argument(const std::string &path, std::istream &in) {
  if (path == "-") return slurp(in, kMaxFileInput, "an input file", name_of(path));
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UsageError("cannot read file '" + path + "'");
  std::string content = slurp(file, kMaxFileInput, "an input file", name_of(path));
  if (file.bad()) throw UsageError("error while reading file '" + path + "'");
  return content;
}

} // namespace eduauth::tool
