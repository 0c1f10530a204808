// eduauth-token — command-line option parsing and strict number conversion.
//
// Options are "--name value" or "--name=value"; "-" is a positional argument (stdin) and
// "--" ends the options. Every mistake is a UsageError naming the option and the value.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace eduauth::tool {

/// A command-line mistake; the dispatcher prints it and exits with kExitError.
class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options; ///< option name without "--" -> value
  bool help = false;                          ///< --help or -h was given

  bool has(const std::string &name) const { return options.count(name) != 0; }
  std::optional<std::string> get(const std::string &name) const;
  /// The option's value; UsageError "missing --name" when absent.
  const std::string &require(const std::string &name) const;
};

/// Parses `args`; every option must be in `value_options` (each takes exactly one value).
/// Throws UsageError on an unknown option, a missing value or a repeated option.
ParsedArgs parse_args(const std::vector<std::string> &args, const std::set<std::string> &value_options);

/// Strict decimal conversions: the whole text must be a number in range, else UsageError
/// naming "--option" and the value.
uint32_t to_u32(const std::string &option, const std::string &text);
int64_t to_i64(const std::string &option, const std::string &text);
int32_t to_i32(const std::string &option, const std::string &text);

/// A Flexible Classroom roleType by name, as eduauth-launch takes it (any case): teacher 1,
/// student 2, assistant 3, observer 4, audience / invisible 0, none -1; or a decimal int32.
/// UsageError naming "--option", the value and the names otherwise.
int32_t to_classroom_role(const std::string &option, const std::string &text);

} // namespace eduauth::tool
