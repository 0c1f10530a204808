// The two halves of launch::check(): field rules and consistency with the token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eduauth/launch.hpp"

namespace eduauth::launch::detail {

/// Field rules of the classroom SDK and of the spec; appends one Issue per broken rule.
void check_fields(const LaunchOption &option, std::vector<Issue> &errors);

/// Token presence/decoding, parameter consistency and remaining lifetime.
void check_token(const LaunchOption &option, const CheckOptions &options, Report &report);

/// A value for a message: quoted, control bytes and invalid UTF-8 as \xNN, long values cut
/// at a character boundary. Never pass secrets.
std::string quote(std::string_view value);

/// Appends Issue{code, field, "<field>: <text>"}.
void add(std::vector<Issue> &out, Errc code, std::string field, const std::string &text);

} // namespace eduauth::launch::detail
