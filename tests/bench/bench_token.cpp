// eduauth_bench_token: the token library's build / decode / verify / decode->JSON against their
// floor (floor.hpp). Each library benchmark reports:
//   ratio_to_floor  its CPU time per op divided by the floor's CPU time per op, measured in
//                   the same run over the same number of iterations (target <= 1.5 for build/decode/verify)
//   floor_ns        the floor's CPU time per op
//   allocs/op       operator new calls per op (this binary replaces the global operator new)
//   ossl_allocs/op  OpenSSL CRYPTO_malloc/realloc calls per op
// The room-user inputs are those of vector p007-edu-room-user-02; before any timing the program
// checks that the floor and the library produce the identical token and payload.
#include <benchmark/benchmark.h>
#include <openssl/crypto.h>

#include <time.h>

#include <cstdio>
#include <string>

#include "alloc_counter.hpp"
#include "eduauth/builders.hpp"
#include "eduauth/token.hpp"
#include "floor.hpp"
#include "token/base64.hpp"     // internal: only to attribute decode's cost to its parts
#include "token/zlib_codec.hpp" // internal: idem

namespace {

using namespace eduauth;

// Thread CPU time in ns: the machine is shared, so wall time would charge other processes'
// work to whichever side (library or floor) happened to run while they did.
double cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";
constexpr const char *kRoom = "room-0001";
constexpr const char *kUser = "user-0001";
constexpr int kRole = 2;
constexpr uint32_t kExpire = 600, kIssueTs = 1700000000, kSalt = 12345678;

std::string build_room_user() {
  return token::EducationTokenBuilder2::BuildRoomUserToken(kAppId, kCert, kRoom, kUser, kRole, kExpire,
                                                           token::BuildOptions{kIssueTs, kSalt});
}

struct Fixture {
  std::string token = build_room_user();
  token::Token decoded = token::decode(token);
  bench::FloorBuild floor_build{kCert, decoded.v007.signed_bytes, kIssueTs, kSalt};
  bench::FloorDecode floor_decode{token};
  bench::FloorHmac floor_hmac;

  bool floor_verify() {
    unsigned char sig[32];
    const auto &t = decoded.v007;
    floor_hmac.sign_007(kCert, t.issue_ts, t.salt, t.signed_bytes, sig);
    return CRYPTO_memcmp(sig, t.signature.data(), 32) == 0;
  }
};

Fixture &fixture() {
  static Fixture f;
  return f;
}

// Times `fn` over `iterations` calls; ns per call.
template <class Fn> double time_per_op(Fn &&fn, benchmark::IterationCount iterations) {
  const double start = cpu_ns();
  for (benchmark::IterationCount i = 0; i < iterations; ++i) fn();
  return (cpu_ns() - start) / static_cast<double>(iterations);
}

// Runs the library operation under the benchmark loop, then its floor for as many iterations,
// and reports the ratio and allocation counters.
template <class Op, class FloorOp> void measure(benchmark::State &state, Op &&op, FloorOp &&floor_op) {
  const uint64_t cpp0 = bench::cpp_allocations(), ossl0 = bench::openssl_allocations();
  const double start = cpu_ns();
  for (auto _ : state) op();
  const double iterations = static_cast<double>(state.iterations());
  const double lib_ns = (cpu_ns() - start) / iterations;
  state.counters["allocs/op"] = static_cast<double>(bench::cpp_allocations() - cpp0) / iterations;
  state.counters["ossl_allocs/op"] = static_cast<double>(bench::openssl_allocations() - ossl0) / iterations;
  const double floor_ns = time_per_op(floor_op, state.iterations());
  state.counters["floor_ns"] = floor_ns;
  state.counters["ratio_to_floor"] = lib_ns / floor_ns;
}

// ---- library operations, each against its floor

void BM_Build_RoomUser(benchmark::State &state) {
  Fixture &f = fixture();
  measure(
      state, [] { benchmark::DoNotOptimize(build_room_user()); },
      [&f] { benchmark::DoNotOptimize(f.floor_build.run()); });
}
BENCHMARK(BM_Build_RoomUser);

void BM_Decode(benchmark::State &state) {
  Fixture &f = fixture();
  measure(
      state, [&f] { benchmark::DoNotOptimize(token::decode(f.token)); },
      [&f] { benchmark::DoNotOptimize(f.floor_decode.run()); });
}
BENCHMARK(BM_Decode);

void BM_Verify(benchmark::State &state) {
  Fixture &f = fixture();
  measure(
      state, [&f] { benchmark::DoNotOptimize(token::verify(f.decoded.v007, kCert)); },
      [&f] { benchmark::DoNotOptimize(f.floor_verify()); });
}
BENCHMARK(BM_Verify);

// No floor of its own: reported against the decode floor (JSON rendering is pure overhead).
void BM_DecodeToJson(benchmark::State &state) {
  Fixture &f = fixture();
  measure(
      state, [&f] { benchmark::DoNotOptimize(token::to_json(token::decode(f.token))); },
      [&f] { benchmark::DoNotOptimize(f.floor_decode.run()); });
}
BENCHMARK(BM_DecodeToJson);

// ---- the floors alone (their allocs/op should be 0)

template <class Fn> void floor_only(benchmark::State &state, Fn &&fn) {
  const uint64_t cpp0 = bench::cpp_allocations(), ossl0 = bench::openssl_allocations();
  for (auto _ : state) fn();
  state.counters["allocs/op"] = static_cast<double>(bench::cpp_allocations() - cpp0) / state.iterations();
  state.counters["ossl_allocs/op"] = static_cast<double>(bench::openssl_allocations() - ossl0) / state.iterations();
}

void BM_Floor_Build(benchmark::State &state) {
  floor_only(state, [] { benchmark::DoNotOptimize(fixture().floor_build.run()); });
}
BENCHMARK(BM_Floor_Build);

void BM_Floor_Decode(benchmark::State &state) {
  floor_only(state, [] { benchmark::DoNotOptimize(fixture().floor_decode.run()); });
}
BENCHMARK(BM_Floor_Decode);

void BM_Floor_Verify(benchmark::State &state) {
  floor_only(state, [] { benchmark::DoNotOptimize(fixture().floor_verify()); });
}
BENCHMARK(BM_Floor_Verify);

// ---- parts of the build, to attribute its cost (what is not in the floor)

void BM_Part_ChatUserIdMd5(benchmark::State &state) {
  for (auto _ : state) benchmark::DoNotOptimize(token::chat_user_id(kUser));
}
BENCHMARK(BM_Part_ChatUserIdMd5);

void BM_Part_BuildWireLevel(benchmark::State &state) {
  // The same token through token::build() with the services already assembled: the difference
  // to BM_Build_RoomUser is the named builder's own work (checks, Service objects, MD5).
  token::AccessToken2 t;
  t.app_id = kAppId;
  t.issue_ts = kIssueTs;
  t.expire = kExpire;
  t.salt = kSalt;
  t.services = fixture().decoded.v007.services;
  for (auto _ : state) benchmark::DoNotOptimize(token::build(t, kCert));
}
BENCHMARK(BM_Part_BuildWireLevel);

// decode = strict base64 + capped inflate + field parsing; these two isolate the first parts.
void BM_Part_Base64Strict(benchmark::State &state) {
  const std::string &t = fixture().token;
  for (auto _ : state) benchmark::DoNotOptimize(token::detail::decode_base64_strict(t, 3));
}
BENCHMARK(BM_Part_Base64Strict);

void BM_Part_InflateCapped(benchmark::State &state) {
  const std::string compressed = token::detail::decode_base64_strict(fixture().token, 3);
  for (auto _ : state) benchmark::DoNotOptimize(token::detail::inflate_capped(compressed, token::kMaxInflatedPayload));
}
BENCHMARK(BM_Part_InflateCapped);

void BM_Part_ToJsonOnly(benchmark::State &state) {
  for (auto _ : state) benchmark::DoNotOptimize(token::to_json(fixture().decoded));
}
BENCHMARK(BM_Part_ToJsonOnly);

// The floor is only a floor if it does the same work: identical token and payload bytes.
bool floors_match_library() {
  Fixture &f = fixture();
  const std::string floor_token(f.floor_build.run());
  const std::string_view payload = f.floor_decode.run();
  const bool ok = floor_token == f.token && payload.substr(34) == f.decoded.v007.signed_bytes && f.floor_verify() &&
                  token::verify(f.decoded.v007, kCert);
  if (!ok) std::fprintf(stderr, "eduauth_bench_token: the floor does not produce the library's bytes\n");
  return ok;
}

} // namespace

int main(int argc, char **argv) {
  // Before OpenSSL allocates anything, so its allocations can be counted.
  if (!bench::install_openssl_counter())
    std::fprintf(stderr, "eduauth_bench_token: OpenSSL allocation counting unavailable (ossl_allocs/op = 0)\n");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (!floors_match_library()) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
