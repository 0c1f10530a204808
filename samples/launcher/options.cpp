#include "options.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "eduauth/token.hpp"

namespace eduauth::launcher {
namespace {

// Runs a value parser of the launch layer and names the option in its error, so the user
// reads "--room-type: ..." (what they typed), not the launchOption field name.
template <class Parse> auto for_option(const char *name, Parse parse) {
  try {
    return parse();
  } catch (const Error &e) {
    throw Error(e.code(), std::string("--") + name + ": " + e.what());
  }
}

int64_t to_int(const std::string &name, const std::string &text) {
  size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(text, &used, 10);
  } catch (const std::exception &) {
    used = 0;
  }
  if (used == 0 || used != text.size())
    throw Error(Errc::invalid_argument, "--" + name + ": \"" + text + "\" is not an integer");
  return v;
}

// --sdk-bundle is copied next to the page after the token fetch: check it up front, in the
// tool's words (std::filesystem's own message names neither the option nor the cause).
void check_bundle(const std::string &path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found)
    throw Error(Errc::invalid_argument, "--sdk-bundle " + path + ": file not found");
  if (ec)
    throw Error(Errc::invalid_argument, "--sdk-bundle " + path + ": cannot be read (" + ec.message() + ")");
  if (st.type() != fs::file_type::regular)
    throw Error(Errc::invalid_argument, "--sdk-bundle " + path + ": not a regular file");
}

} // namespace

const char *usage() {
  return "usage: eduauth-launch --server URL [--preset education|rtm|generic|agora-demo]\n"
         "         --room-uuid ID --room-name NAME --room-type one-to-one|small|lecture|0|2|4\n"
         "         --user-uuid ID --user-name NAME --role teacher|student|assistant|observer|audience|N\n"
         "         [--duration SECONDS] [--start-time UNIX_MS] [--language en|zh] [--region CN|AP|EU|NA]\n"
         "         [--profile web|web-2.8] [--app-id HEX32] [--require-token-lifetime]\n"
         "         [--ca-file PEM] [--bearer SECRET] [--html FILE [--sdk-url URL] [--sdk-bundle FILE]]\n"
         "         [--watch SECONDS]\n"
         "\n"
         "Fetches a token for (room, user, role) from the token server through the eduauth token\n"
         "client, checks it against the launch values, prints the decoded token summary to stderr and\n"
         "the launchOption JSON to stdout.\n"
         "  --duration        class length in SECONDS (1..86400, default 1800)\n"
         "  --start-time      class start, Unix MILLISECONDS\n"
         "  --profile         web (agora-classroom-sdk >= 2.9.52, field token; default) or web-2.8 "
         "(rtmToken)\n"
         "  --require-token-lifetime  fail (instead of warn) when the token expires before the class ends\n"
         "  --bearer          sent as 'Authorization: Bearer ...' (or set EDUAUTH_BEARER); never printed\n"
         "  --html FILE       also write the launch page (it holds the token: mode 0600)\n"
         "  --sdk-url URL     where the page loads agora-classroom-sdk's edu_sdk.bundle.js (default: next to "
         "it)\n"
         "  --sdk-bundle FILE copy that edu_sdk.bundle.js next to the page\n"
         "  --watch SECONDS   keep the client running; print each event and, after each refresh, the\n"
         "                    fresh launchOption as JSON lines ({\"event\":...} / {\"launchOption\":...})\n"
         "Exit: 0 ok, 2 bad arguments, 3 token fetch failed, 4 launchOption invalid or token mismatch.\n";
}

Options parse_options(int argc, char **argv) {
  static const std::set<std::string> flags = {"require-token-lifetime", "help"};
  static const std::set<std::string> valued = {
      "server",  "preset",   "room-uuid",  "room-name", "room-type",  "user-uuid", "user-name",
      "role",    "duration", "start-time", "language",  "region",     "profile",   "app-id",
      "ca-file", "bearer",   "html",       "sdk-url",   "sdk-bundle", "watch"};
  std::map<std::string, std::string> v;
  std::set<std::string> seen_flags;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) throw Error(Errc::invalid_argument, "unexpected argument \"" + arg + "\"");
    std::string name = arg.substr(2), value;
    const auto eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name) && !inline_value) {
      seen_flags.insert(name);
      continue;
    }
    if (!valued.count(name)) throw Error(Errc::invalid_argument, "unknown option --" + name);
    if (!inline_value) {
      if (i + 1 >= argc) throw Error(Errc::invalid_argument, "--" + name + " needs a value");
      value = argv[++i];
    }
    v[name] = value;
  }
  if (seen_flags.count("help")) throw Error(Errc::ok, "help");
  for (const char *required :
       {"server", "room-uuid", "room-name", "room-type", "user-uuid", "user-name", "role"})
    if (!v.count(required))
      throw Error(Errc::invalid_argument, std::string("--") + required + " is required");

  Options o;
  o.server = v["server"];
  if (v.count("preset")) o.preset = v["preset"];
  launch::LaunchOption &in = o.inputs;
  in.room_uuid = v["room-uuid"];
  in.room_name = v["room-name"];
  in.room_type = for_option("room-type", [&] { return launch::parse_room_type(v["room-type"]); });
  in.user_uuid = v["user-uuid"];
  in.user_name = v["user-name"];
  in.role_type = for_option("role", [&] { return launch::parse_role(v["role"]); });
  if (v.count("duration")) in.duration_s = to_int("duration", v["duration"]);
  if (v.count("start-time")) in.start_time_ms = to_int("start-time", v["start-time"]);
  if (v.count("language"))
    in.language = for_option("language", [&] { return launch::parse_language(v["language"]); });
  if (v.count("region")) in.region = for_option("region", [&] { return launch::parse_region(v["region"]); });
  if (v.count("app-id")) {
    if (!token::is_hex32(v["app-id"]))
      throw Error(Errc::invalid_argument,
                  "--app-id \"" + v["app-id"] + "\" is not an app ID (32 hex characters)");
    in.app_id = v["app-id"];
  }
  if (v.count("profile"))
    o.profile = for_option("profile", [&] { return launch::find_profile(v["profile"]).name; });
  o.require_token_lifetime = seen_flags.count("require-token-lifetime") > 0;
  if (v.count("ca-file")) o.ca_file = v["ca-file"];
  if (v.count("bearer"))
    o.bearer = v["bearer"];
  else if (const char *env = std::getenv("EDUAUTH_BEARER"))
    o.bearer = env;
  if (v.count("html")) o.html = v["html"];
  if (v.count("sdk-url")) o.sdk_url = v["sdk-url"];
  if (v.count("sdk-bundle")) {
    if (!o.html)
      throw Error(Errc::invalid_argument, "--sdk-bundle " + v["sdk-bundle"] + ": only used with --html");
    check_bundle(v["sdk-bundle"]);
    std::error_code ec;
    if (std::filesystem::weakly_canonical(*o.html, ec) ==
            std::filesystem::weakly_canonical(v["sdk-bundle"], ec) &&
        !ec)
      throw Error(Errc::invalid_argument,
                  "--html and --sdk-bundle name the same file (" + v["sdk-bundle"] +
                      "): the page, which holds the token, would overwrite the bundle");
    o.sdk_bundle = v["sdk-bundle"];
  }
  if (v.count("watch")) {
    o.watch_s = to_int("watch", v["watch"]);
    if (o.watch_s < 0 || o.watch_s > 86400)
      throw Error(Errc::invalid_argument, "--watch: " + v["watch"] + " is outside 0..86400 seconds");
  }
  return o;
}

} // namespace eduauth::launcher
