// Token client and network-side benchmarks (Google Benchmark; run by hand, CTest only
// smoke-runs them):
//   BM_CachedGet/threads:N       get() of a cached token from N threads (the hot path; CPU
//                                time per call: with more threads than cores, wall time per
//                                call measures the scheduler, not the client)
//   BM_ColdKeyFanIn64            64 callers on a cold key sharing one fetch (single-flight)
//   BM_SampleServerFetch/threads:N  full HTTP round trips (libcurl transport with keep-alive
//                                reuse + education preset) against the eduauth-token-server
//                                binary on 127.0.0.1: requests/s of the sample server
#include <benchmark/benchmark.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "eduauth/builders.hpp"
#include "eduauth/client.hpp"
#include "eduauth/source.hpp"
#include "fault_server.hpp"
#include "temp_dir.hpp"
#include "token_server_process.hpp"

namespace {

using namespace eduauth;
using namespace eduauth::testing;

// Mints tokens in memory: isolates the client's own cost from the network.
class MintingFetcher final : public Fetcher {
public:
  FetchResult fetch(const TokenKey &key) override {
    ++calls;
    FetchResult r;
    r.token = token::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kAppCertificate, key.room_uuid, key.user_uuid,
                                                                key.role, 3600);
    r.http_status = 200;
    r.received_unix_ms = SystemClock::instance()->unix_ms();
    return r;
  }
  std::string source_id() const override { return "bench:minting"; }
  std::atomic<int> calls{0};
};

TokenClient &shared_client() {
  static TokenClient client([] {
    ClientConfig c;
    c.fetcher = std::make_shared<MintingFetcher>();
    c.event_queue_capacity = 0;
    return c;
  }());
  return client;
}

void BM_CachedGet(benchmark::State &state) {
  TokenClient &client = shared_client();
  const TokenKey key{"bench-room", "bench-user", 2};
  (void)client.get(key); // warm
  for (auto _ : state) benchmark::DoNotOptimize(client.get(key));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CachedGet)->Threads(1)->Threads(2)->Threads(8);

void BM_ColdKeyFanIn64(benchmark::State &state) {
  auto fetcher = std::make_shared<MintingFetcher>();
  ClientConfig c;
  c.fetcher = fetcher;
  c.event_queue_capacity = 0;
  TokenClient client(std::move(c));
  int round = 0;
  for (auto _ : state) {
    const TokenKey key{"fan-in", "user-" + std::to_string(round++), 1};
    std::vector<std::thread> callers;
    callers.reserve(64);
    for (int i = 0; i < 64; ++i) callers.emplace_back([&] { benchmark::DoNotOptimize(client.get(key)); });
    for (auto &t : callers) t.join();
  }
  state.counters["fetches_per_round"] =
      benchmark::Counter(static_cast<double>(fetcher->calls.load()) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ColdKeyFanIn64)->UseRealTime()->Unit(benchmark::kMicrosecond);

struct SampleServer {
  TempDir dir;
  TokenServerProcess process{{}, {{"APP_ID", kAppId}, {"APP_CERTIFICATE", kAppCertificate}}, dir.file("server.log")};
  std::unique_ptr<Fetcher> fetcher = make_http_fetcher(make_source("education", process.base_url()));
};

void BM_SampleServerFetch(benchmark::State &state) {
  static SampleServer *server = new SampleServer(); // lives for the process (threads share it)
  const TokenKey key{"bench-room", "user-" + std::to_string(state.thread_index()), 1};
  int64_t failures = 0;
  for (auto _ : state) {
    const FetchResult r = server->fetcher->fetch(key);
    if (r.status != Errc::ok) ++failures;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["failures"] = benchmark::Counter(static_cast<double>(failures), benchmark::Counter::kAvgThreads);
}
BENCHMARK(BM_SampleServerFetch)->Threads(1)->Threads(4)->Threads(8)->UseRealTime()->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
