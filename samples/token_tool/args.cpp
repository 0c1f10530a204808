#include "args.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <utility>

namespace eduauth::tool {

std::optional<std::string> ParsedArgs::get(const std::string &name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

const std::string &ParsedArgs::require(const std::string &name) const {
  auto it = options.find(name);
  if (it == options.end()) throw UsageError("missing --" + name);
  return it->second;
}

ParsedArgs parse_args(const std::vector<std::string> &args, const std::set<std::string> &value_options) {
  ParsedArgs parsed;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &arg = args[i];
    if (options_done || arg == "-" || arg.rfind("-", 0) != 0) {
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) throw UsageError("unknown option '" + arg + "'");
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.erase(eq);
    }
    if (value_options.count(name) == 0) throw UsageError("unknown option '--" + name + "'");
    if (!value) {
      if (i + 1 >= args.size()) throw UsageError("option --" + name + " needs a value");
      value = args[++i];
    }
    if (!parsed.options.emplace(name, *value).second) throw UsageError("option --" + name + " given twice");
  }
  return parsed;
}

namespace {

// strtoll accepts leading spaces and '+'; we do not, so "--uid ' 1'" is an error too.
int64_t to_integer(const std::string &option, const std::string &text, int64_t lo, int64_t hi) {
  const char *s = text.c_str();
  bool shape_ok = !text.empty() && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9'));
  char *end = nullptr;
  errno = 0;
  long long v = shape_ok ? std::strtoll(s, &end, 10) : 0;
  if (!shape_ok || end != s + text.size() || text == "-")
    throw UsageError("--" + option + ": '" + text + "' is not a decimal integer");
  if (errno == ERANGE || v < lo || v > hi)
    throw UsageError("--" + option + ": " + text + " is out of range " + std::to_string(lo) + ".." +
                     std::to_string(hi));
  return v;
}

} // namespace

uint32_t to_u32(const std::string &option, const std::string &text) {
  return static_cast<uint32_t>(to_integer(option, text, 0, std::numeric_limits<uint32_t>::max()));
}

int64_t to_i64(const std::string &option, const std::string &text) {
  return to_integer(option, text, std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max());
}

int32_t to_i32(const std::string &option, const std::string &text) {
  return static_cast<int32_t>(
      to_integer(option, text, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()));
}

int32_t to_classroom_role(const std::string &option, const std::string &text) {
  // The names of sdk/src/launch/enums.cpp parse_role (roleType, launch-option.md).
  static const std::pair<const char *, int32_t> kNames[] = {
      {"teacher", 1}, {"student", 2},   {"assistant", 3}, {"observer", 4},
      {"audience", 0}, {"invisible", 0}, {"none", -1}};
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto &[name, value] : kNames)
    if (lower == name) return value;
  const bool numeric = !text.empty() && (text[0] == '-' || (text[0] >= '0' && text[0] <= '9'));
  if (!numeric)
    throw UsageError("--" + option + ": '" + text +
                     "' is not a role (teacher, student, assistant, observer, audience, invisible, none, or a "
                     "number)");
  return to_i32(option, text);
}

} // namespace eduauth::tool
