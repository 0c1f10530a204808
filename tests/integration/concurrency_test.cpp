// Many threads through one fetcher / transport (run under TSan too): shared handle pool,
// libcurl global init, NOSIGNAL with failing DNS (C-13).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "eduauth/source.hpp"
#include "print_errc.hpp"
#include "fault_server.hpp"
#include "raw_server.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;

template <typename Fn> void run_threads(int n, Fn fn) {
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) threads.emplace_back(fn, i);
  for (auto &t : threads) t.join();
}

TEST(Concurrency, SixteenThreadsAgainstAnUnresolvableHostGetErrorsNotCrashes) { // C-13
  TransportOptions o;
  o.connect_timeout_ms = 2000;
  o.total_timeout_ms = 3000;
  auto fetcher = make_http_fetcher(make_source("education", "https://nonexistent.invalid"), o);
  std::atomic<int> failures{0};
  std::atomic<int> named{0};
  run_threads(16, [&](int i) {
    const FetchResult r = fetcher->fetch({"room", "user-" + std::to_string(i), 1});
    if (r.status == Errc::network || r.status == Errc::timeout) ++failures;
    if (r.message.find("nonexistent.invalid") != std::string::npos) ++named;
  });
  EXPECT_EQ(failures.load(), 16);
  EXPECT_EQ(named.load(), 16);
}

TEST(Concurrency, SharedTransportServesManyThreads) {
  FaultServer server;
  SourceConfig s = make_source("education", server.base_url());
  s.url_template = server.base_url() + "/ok";
  std::shared_ptr<Transport> transport = make_curl_transport();
  auto a = make_http_fetcher(s, transport);
  auto b = make_http_fetcher(s, transport); // two fetchers, one pool
  std::atomic<int> ok{0};
  run_threads(16, [&](int i) {
    for (int k = 0; k < 20; ++k) {
      const FetchResult r = (k % 2 ? a : b)->fetch({"room", "user-" + std::to_string(i), 1});
      if (r.status == Errc::ok && !r.token.empty()) ++ok;
    }
  });
  EXPECT_EQ(ok.load(), 320);
  EXPECT_EQ(server.count("/ok"), 320);
}

TEST(Concurrency, SilentServerTimesOutEveryThreadOnTime) {
  RawServer silent(RawServer::Mode::silent);
  TransportOptions o;
  o.total_timeout_ms = 1000;
  auto fetcher = make_http_fetcher(make_source("education", "http://127.0.0.1:" + std::to_string(silent.port())), o);
  std::atomic<int> timeouts{0};
  const auto t0 = std::chrono::steady_clock::now();
  run_threads(8, [&](int) {
    if (fetcher->fetch({"r", "u", 1}).status == Errc::timeout) ++timeouts;
  });
  EXPECT_EQ(timeouts.load(), 8);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(4));
}

} // namespace
