// Reentrancy: build/decode/verify from many threads at once (per-thread zlib and HMAC state,
// no shared mutable state). Labelled "tsan" so the ThreadSanitizer tree runs it.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "eduauth/builders.hpp"
#include "eduauth/token.hpp"

namespace {

namespace tk = eduauth::token;

constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";

TEST(Concurrency, ThreadsBuildDecodeAndVerifyIndependently) {
  // Reference results computed on this thread first.
  std::vector<std::string> expected;
  for (int i = 0; i < 16; ++i) {
    expected.push_back(tk::EducationTokenBuilder2::BuildRoomUserToken(
        kAppId, kCert, "room-" + std::to_string(i), "user-" + std::to_string(i), i % 3, 600,
        tk::BuildOptions{1700000000u + static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)}));
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 100; ++round) {
        const int i = (t + round) % 16;
        const std::string token = tk::EducationTokenBuilder2::BuildRoomUserToken(
            kAppId, kCert, "room-" + std::to_string(i), "user-" + std::to_string(i), i % 3, 600,
            tk::BuildOptions{1700000000u + static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
        if (token != expected[static_cast<size_t>(i)]) {
          ++failures;
        }
        const tk::Token d = tk::decode(token);
        if (!tk::verify(d.v007, kCert) || d.v007.services.size() != 3) {
          ++failures;
        }
        // Interleave failures with successes on the same per-thread state.
        try {
          tk::decode(token.substr(0, token.size() - 4));
          ++failures;
        } catch (const eduauth::Error &) {
        }
        if (tk::random_salt() == 0) {
          ++failures;
        }
      }
    });
  }
  for (auto &th : threads) {
    th.join();
  }
  EXPECT_EQ(0, failures.load());
}

} // namespace
