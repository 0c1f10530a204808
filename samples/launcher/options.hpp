// eduauth-launch — command-line options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "eduauth/launch.hpp"

namespace eduauth::launcher {

struct Options {
  std::string server;                ///< token server base URL
  std::string preset = "education";  ///< token-server shape (source.hpp presets)
  launch::LaunchOption inputs;       ///< the app's launch inputs (token filled in later)
  std::string profile = "web";       ///< launch::find_profile name
  bool require_token_lifetime = false;
  std::string ca_file;               ///< PEM CA bundle for https token servers
  std::string bearer;                ///< Authorization: Bearer value (a secret; never printed)
  std::optional<std::string> html;   ///< write the launch page here
  std::string sdk_url = "edu_sdk.bundle.js"; ///< where the page loads agora-classroom-sdk from
  std::optional<std::string> sdk_bundle;     ///< copy this edu_sdk.bundle.js next to the page
  int64_t watch_s = 0;               ///< keep running this many SECONDS (0 = fetch once)
};

/// Usage text.
const char *usage();

/// Parses argv. Throws eduauth::Error (invalid_argument / invalid_launch_option) naming the
/// option and value; "--help" throws Error{ok} so main can print usage and exit 0.
Options parse_options(int argc, char **argv);

} // namespace eduauth::launcher
