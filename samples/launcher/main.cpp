// eduauth-launch — the sample launcher: fetch a token through the eduauth token client,
// check it against the launch values and print the launchOption the classroom client is
// launched with (optionally as a ready-to-open web page). See usage() in options.cpp.
#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "eduauth/launch.hpp"
#include "eduauth/source.hpp"
#include "eduauth/token.hpp"
#include "launcher.hpp"
#include "page.hpp"

namespace eduauth::launcher {
namespace {

std::string iso_utc(int64_t unix_s) {
  const std::time_t t = static_cast<std::time_t>(unix_s);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// What the token says, without the token itself (only its fingerprint).
void print_summary(const CachedToken &t) {
  const auto &d = t.decoded;
  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  std::cerr << "token " << t.fingerprint << " (" << (d.version == token::Version::v007 ? "007 AccessToken2" : "006 AccessToken")
            << "), app ID " << d.app_id() << "\n";
  if (d.version == token::Version::v007)
    std::cerr << "  issued  " << iso_utc(d.v007.issue_ts) << ", expire " << d.v007.expire << " s\n";
  std::cerr << "  expires " << iso_utc(t.expires_at) << " (in " << (t.expires_at - now) << " s)\n";
  if (d.version == token::Version::v007) {
    for (const auto &s : d.v007.services) {
      std::cerr << "  service " << token::service_type_name(s.type) << "(" << s.type << ")";
      switch (static_cast<token::ServiceType>(s.type)) {
      case token::ServiceType::apaas:
        std::cerr << " roomUuid \"" << s.room_uuid << "\" userUuid \"" << s.user_uuid << "\" role " << s.role;
        break;
      case token::ServiceType::rtm:
      case token::ServiceType::chat:
      case token::ServiceType::rtm2: std::cerr << " user \"" << s.user_id << "\""; break;
      case token::ServiceType::rtc: std::cerr << " channel \"" << s.channel_name << "\" account \"" << s.account << "\""; break;
      default: break;
      }
      std::cerr << "\n";
    }
  }
}

} // namespace

launch::LaunchOption build_option(const Options &options, const std::string &token) {
  launch::CheckOptions check;
  check.require_token_lifetime = options.require_token_lifetime;
  std::vector<launch::Issue> warnings;
  launch::LaunchOption option = launch::build(options.inputs, token, check, &warnings);
  for (const auto &w : warnings) std::cerr << "warning: " << w.message << "\n";
  return option;
}

std::string option_json(const Options &options, const launch::LaunchOption &option, int indent) {
  return launch::to_json(option, launch::find_profile(options.profile), indent);
}

void write_page(const Options &options, const std::string &json) {
  namespace fs = std::filesystem;
  const fs::path page = *options.html;
  PageOptions po;
  po.sdk_url = options.sdk_url;
  po.title = "eduauth launch: " + options.inputs.room_name;
  const fs::path tmp = page.string() + ".tmp";
  std::error_code mkdir_error;
  if (page.has_parent_path()) fs::create_directories(page.parent_path(), mkdir_error);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(Errc::invalid_argument, "--html: cannot write " + tmp.string());
    ::chmod(tmp.c_str(), 0600); // the page holds the token
    out << render_page(json, po);
    if (!out.flush()) throw Error(Errc::invalid_argument, "--html: cannot write " + tmp.string());
  }
  fs::rename(tmp, page); // a watcher reloading the page never sees half a file
  if (options.sdk_bundle) {
    const fs::path target = (page.has_parent_path() ? page.parent_path() : fs::path(".")) / fs::path(options.sdk_url).filename();
    std::error_code ec;
    if (!fs::equivalent(*options.sdk_bundle, target, ec))
      fs::copy_file(*options.sdk_bundle, target, fs::copy_options::overwrite_existing);
  }
}

} // namespace eduauth::launcher

int main(int argc, char **argv) {
  using namespace eduauth;
  launcher::Options options;
  try {
    options = launcher::parse_options(argc, argv);
  } catch (const Error &e) {
    if (e.code() == Errc::ok) {
      std::cout << launcher::usage();
      return 0;
    }
    std::cerr << "eduauth-launch: " << e.what() << " (see --help)\n";
    return 2;
  }

  std::unique_ptr<TokenClient> client;
  TokenPtr fetched;
  const TokenKey key{options.inputs.room_uuid, options.inputs.user_uuid, static_cast<int32_t>(options.inputs.role_type)};
  try {
    SourceConfig source = make_source(options.preset, options.server);
    if (!options.bearer.empty()) source.headers.emplace_back("Authorization", "Bearer " + options.bearer);
    TransportOptions transport;
    transport.ca_file = options.ca_file;
    ClientConfig config;
    config.fetcher = std::shared_ptr<Fetcher>(make_http_fetcher(source, transport));
    config.app_id = options.inputs.app_id;
    config.events_carry_token = options.watch_s > 0; // only --watch needs refreshed tokens
    client = std::make_unique<TokenClient>(std::move(config));
    fetched = client->get(key);
  } catch (const Error &e) {
    std::cerr << "eduauth-launch: token fetch failed (" << errc_name(e.code()) << "): " << e.what() << "\n";
    return e.code() == Errc::invalid_argument ? 2 : 3;
  }
  launcher::print_summary(*fetched);

  try {
    const launch::LaunchOption option = launcher::build_option(options, fetched->token);
    const std::string compact = launcher::option_json(options, option, -1);
    if (options.watch_s > 0) std::cout << "{\"launchOption\":" << compact << "}" << std::endl;
    else std::cout << launcher::option_json(options, option, 2) << std::endl;
    if (options.html) {
      launcher::write_page(options, compact);
      std::cerr << "launch page written to " << *options.html << " (loads " << options.sdk_url << ")\n";
    }
  } catch (const Error &e) {
    std::cerr << "eduauth-launch: " << errc_name(e.code()) << ": " << e.what() << "\n";
    return e.code() == Errc::invalid_launch_option || e.code() == Errc::launch_token_mismatch ? 4 : 2;
  } catch (const std::exception &e) {
    std::cerr << "eduauth-launch: " << e.what() << "\n";
    return 2;
  }
  return options.watch_s > 0 ? launcher::watch(*client, options, key) : 0;
}
