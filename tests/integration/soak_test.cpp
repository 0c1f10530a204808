// Short real-time soak (label "soak", the only long test): the sample token server mints
// 8-second tokens, 4 threads call get() for 40 s. The client must refresh on its own
// ahead of expiry, never return an expired token, and keep the request count bounded.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "eduauth/client.hpp"
#include "eduauth/source.hpp"
#include "print_errc.hpp"
#include "fault_server.hpp"
#include "temp_dir.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;
using namespace std::chrono_literals;

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST(Soak, EightSecondTokensForFortySeconds) {
  TempDir dir;
  const std::string log = dir.file("server.log");
  TokenServerProcess server({"--expire", "8"}, {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}}, log);

  ClientConfig c;
  c.fetcher = make_http_fetcher(make_source("education", server.base_url()));
  c.app_id = kAppId;
  c.min_remaining = 2s;     // the default 30 s would refuse every 8 s token
  c.will_expire_lead = 1s;
  c.rng_seed = 11;
  TokenClient client(std::move(c));
  const TokenKey key{"soak-room", "soak-user", 2};

  std::atomic<bool> stop{false};
  std::atomic<int> gets{0}, errors{0}, expired_served{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i)
    callers.emplace_back([&] {
      while (!stop) {
        try {
          const CachedToken t = *client.get(key, 3000ms);
          if (t.expires_at * 1000 <= now_ms()) ++expired_served;
          ++gets;
        } catch (const Error &) {
          ++errors;
        }
        std::this_thread::sleep_for(50ms); // pacing of the callers, not a timing assertion
      }
    });

  int refreshed = 0;
  const auto until = std::chrono::steady_clock::now() + 40s;
  while (std::chrono::steady_clock::now() < until) {
    auto ev = client.next_event(200ms);
    if (ev && ev->type == EventType::refreshed) ++refreshed;
    if (ev && ev->type == EventType::expired) ADD_FAILURE() << "token expired while being refreshed";
  }
  stop = true;
  for (auto &t : callers) t.join();
  client.close();
  server.stop();

  const std::string text = read_file(log);
  long requests = 0;
  for (size_t at = text.find("POST /fetch_education_token 200"); at != std::string::npos;
       at = text.find("POST /fetch_education_token 200", at + 1))
    ++requests;
  std::printf("soak: %d gets, %d refreshed events, %ld server requests, %d errors\n", gets.load(), refreshed,
              requests, errors.load());
  EXPECT_EQ(expired_served.load(), 0);
  EXPECT_EQ(errors.load(), 0);
  EXPECT_GT(gets.load(), 1000);
  // Refresh at expiry - min(300 s, 25 % of 8 s) = ~6 s of lifetime (+/- jitter): ~7 in 40 s.
  EXPECT_GE(requests, 5);
  EXPECT_LE(requests, 12);
  EXPECT_EQ(refreshed, requests);
}

} // namespace
