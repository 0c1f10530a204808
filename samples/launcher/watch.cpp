// --watch: the client keeps the token fresh on its own; this loop only reports.
#include <csignal>
#include <iostream>

#include <nlohmann/json.hpp>

#include "eduauth/launch.hpp"
#include "launcher.hpp"
#include "watch_json.hpp"

namespace eduauth::launcher {
namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_signal(int) { g_stop = 1; }

} // namespace

int watch(TokenClient &client, const Options &options, const TokenKey &key) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(options.watch_s);
  std::string current = client.get(key)->token; // the token already printed
  while (!g_stop) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    const auto event = client.next_event(std::min(left, std::chrono::milliseconds(500)));
    if (!event) continue;
    std::cout << samples::event_json(*event).dump() << std::endl;
    if (event->type != EventType::refreshed || event->token.empty() || event->token == current) continue;
    current = event->token;
    try {
      const std::string json = option_json(options, build_option(options, current), -1);
      std::cout << "{\"launchOption\":" << json << "}" << std::endl;
      if (options.html) write_page(options, json);
    } catch (const Error &e) {
      std::cerr << "eduauth-launch: refreshed token: " << errc_name(e.code()) << ": " << e.what() << "\n";
      return 4;
    }
  }
  client.close();
  std::cout << samples::metrics_json(client.metrics()).dump() << std::endl; // the final snapshot
  return 0;
}

} // namespace eduauth::launcher
