// Soak at scale (issue 7, "Hardening at scale"): 64 threads x 256 keys against the real
// sample token server (short-lived tokens), with faults injected at the Fetcher seam (network
// errors, 503 + Retry-After, slow answers, expired and wrong-user tokens). Runs in the main,
// ASan+UBSan and TSan trees for EDUAUTH_SOAK_SECONDS (default 15 s; the figures come
// from 180 s runs, see docs/refresh-semantics.md "Soak").
//
// Invariants checked on every get(): the token is for the asked room/user/role, was not past
// its expiry when get() was called (a token expired before the call cannot have been valid
// when it was served), and the client stays responsive (every get returns within its timeout
// plus 2 s of scheduling slack). Under the sanitizers 64 threads on 2 cores are starved for
// tens of seconds at a time (TSan serialises much of the work), so there the slowest get is
// reported but not asserted. Errors are allowed when a fault hit a key with no valid token.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "eduauth/client.hpp"
#include "eduauth/source.hpp"
#include "fault_server.hpp"
#include "temp_dir.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;
using namespace std::chrono_literals;

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Wraps the real HTTP fetcher and replaces some answers by faults (seeded, so a failing run
// can be replayed with the same EDUAUTH_SOAK_SEED).
class FaultInjectingFetcher final : public Fetcher {
public:
  FaultInjectingFetcher(std::shared_ptr<Fetcher> real, uint64_t seed) : real_(std::move(real)), rng_(seed) {}

  FetchResult fetch(const TokenKey &key) override {
    int dice;
    {
      std::lock_guard<std::mutex> lk(mu_);
      dice = static_cast<int>(rng_() % 100);
    }
    ++calls;
    FetchResult r;
    r.received_unix_ms = wall_ms();
    if (dice < 8) { // connection refused
      ++injected;
      r.status = Errc::network;
      r.message = "injected: connection refused";
      return r;
    }
    if (dice < 14) { // 503 with Retry-After: 1
      ++injected;
      r.status = Errc::http_status;
      r.http_status = 503;
      r.retry_after_s = 1;
      r.message = "injected: HTTP 503";
      return r;
    }
    if (dice < 18) { // a token for somebody else
      ++injected;
      TokenKey other = key;
      other.user_uuid += "-other";
      return real_->fetch(other);
    }
    if (dice < 22) std::this_thread::sleep_for(200ms); // slow server (real time: it is a soak)
    return real_->fetch(key);
  }
  std::string source_id() const override { return "soak:" + real_->source_id(); }

  std::atomic<long> calls{0}, injected{0};

private:
  std::shared_ptr<Fetcher> real_;
  std::mutex mu_;
  std::mt19937_64 rng_;
};

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool kAssertResponsive = false;
#else
constexpr bool kAssertResponsive = true;
#endif
constexpr auto kSlack = std::chrono::seconds(2);

long env_long(const char *name, long fallback) {
  const char *v = std::getenv(name);
  return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

TEST(SoakScale, SixtyFourThreadsManyKeysWithFaults) {
  const long seconds = env_long("EDUAUTH_SOAK_SECONDS", 15);
  const auto seed = static_cast<uint64_t>(env_long("EDUAUTH_SOAK_SEED", 20261129));
  constexpr int kThreads = 64, kRooms = 16, kUsers = 16; // 256 keys

  TempDir dir;
  TokenServerProcess server({"--expire", "12"}, {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}},
                            dir.file("server.log"));
  auto fetcher = std::make_shared<FaultInjectingFetcher>(
      std::shared_ptr<Fetcher>(make_http_fetcher(make_source("education", server.base_url()))), seed);

  ClientConfig c;
  c.fetcher = fetcher;
  c.app_id = kAppId;
  c.min_remaining = 3s; // 12 s tokens: refreshed at ~9 s of life (25 % margin), many cycles
  c.backoff_initial = 200ms;
  c.backoff_max = 2000ms;
  c.reauth_cooldown = 1s;
  c.rng_seed = seed;
  c.event_queue_capacity = 1024;
  c.close_grace = 3000ms;
  TokenClient client(std::move(c));

  std::atomic<bool> stop{false};
  std::atomic<long> gets{0}, errors{0}, expired_served{0}, wrong_key{0}, slow_calls{0};
  std::atomic<int64_t> slowest_ms{0};
  std::vector<std::thread> callers;
  for (int t = 0; t < kThreads; ++t)
    callers.emplace_back([&, t] {
      std::mt19937 rng(static_cast<uint32_t>(seed) + static_cast<uint32_t>(t));
      while (!stop) {
        const TokenKey key{"soak-room-" + std::to_string(rng() % kRooms), "soak-user-" + std::to_string(rng() % kUsers),
                           2};
        const auto start = std::chrono::steady_clock::now();
        const int64_t called_at_ms = wall_ms();
        try {
          const TokenPtr tok = client.get(key, 5000ms);
          if (tok->expires_at * 1000 <= called_at_ms) ++expired_served;
          const auto &svc = tok->decoded.v007.services;
          bool matches = false;
          for (const auto &s : svc)
            if (s.type == static_cast<uint16_t>(token::ServiceType::apaas) && s.room_uuid == key.room_uuid && s.user_uuid == key.user_uuid && s.role == key.role)
              matches = true;
          if (!matches) ++wrong_key;
          ++gets;
        } catch (const Error &) {
          ++errors;
        }
        const auto took = std::chrono::steady_clock::now() - start;
        if (took > 5s + kSlack) ++slow_calls;
        const int64_t took_ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
        for (int64_t seen = slowest_ms.load(); took_ms > seen && !slowest_ms.compare_exchange_weak(seen, took_ms);) {
        }
        if (rng() % 8 == 0) std::this_thread::sleep_for(1ms);
      }
    });

  long refreshed = 0, failed = 0, expired_events = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    auto ev = client.next_event(100ms);
    if (!ev) continue;
    if (ev->type == EventType::refreshed) ++refreshed;
    if (ev->type == EventType::refresh_failed) ++failed;
    if (ev->type == EventType::expired) ++expired_events;
  }
  stop = true;
  for (auto &th : callers) th.join();
  client.close();
  server.stop();

  std::printf("soak-scale: %ld s, %d threads, %d keys: %ld gets, %ld errors, %ld fetches (%ld faults injected), "
              "%ld refreshed, %ld refresh_failed, %ld expired events, %llu events dropped, slowest get %lld ms\n",
              seconds, kThreads, kRooms * kUsers, gets.load(), errors.load(), fetcher->calls.load(),
              fetcher->injected.load(), refreshed, failed, expired_events,
              static_cast<unsigned long long>(client.dropped_events()), static_cast<long long>(slowest_ms.load()));
  EXPECT_EQ(expired_served.load(), 0) << "an expired token was served";
  EXPECT_EQ(wrong_key.load(), 0) << "a token for another key was served";
  if (kAssertResponsive) {
    EXPECT_EQ(slow_calls.load(), 0) << "get() overran its timeout";
  }
  EXPECT_GT(gets.load(), 1000);
  EXPECT_GE(refreshed, kRooms * kUsers); // every key fetched at least once
  // Faults hit cold keys only rarely with retries in the background; most gets succeed.
  EXPECT_LT(errors.load() * 20, gets.load()) << "more than 5 % of gets failed";
}

} // namespace
