// eduauth-launch — pieces shared by the one-shot path (main.cpp) and --watch (watch.cpp).
#pragma once

#include <string>

#include "eduauth/client.hpp"
#include "eduauth/launch.hpp"
#include "options.hpp"

namespace eduauth::launcher {

/// launch::build() for `token`; warnings go to stderr. Throws launch::LaunchError.
launch::LaunchOption build_option(const Options &options, const std::string &token);

/// to_json() in the chosen profile (compact when indent < 0).
std::string option_json(const Options &options, const launch::LaunchOption &option, int indent);

/// Writes the launch page for `json` to options.html (mode 0600: it holds the token) and
/// copies the SDK bundle next to it when asked. Throws Error naming the file on I/O errors.
void write_page(const Options &options, const std::string &json);

/// --watch: prints every client event as {"event":{...}} and, after each refresh, the fresh
/// launchOption as {"launchOption":{...}} (one JSON line each) for options.watch_s seconds or
/// until SIGINT/SIGTERM. Returns the exit code.
int watch(TokenClient &client, const Options &options, const TokenKey &key);

} // namespace eduauth::launcher
