// Test doubles for the token client: a scripted Fetcher (counts calls, can hold fetches on
// a gate) and real room-user tokens built at a pinned issue time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "eduauth/builders.hpp"
#include "eduauth/clock.hpp"
#include "eduauth/fetch.hpp"

namespace eduauth::test {

/// Local deadlines lose 1 s to the whole-second resolution of Date / issue_ts
/// (fetched_token.hpp): a token of lifetime L fetched at t0 is served until t0 + L - 1 s,
/// and refreshed at t0 + L - 1 s - margin.
inline constexpr int64_t kResolutionMs = 1000;

// Agora's public test values (shared/cases/README.md).
inline constexpr const char *kAppId = "970CA35de60c44645bbae8a215061b33";
inline constexpr const char *kCert = "5CFd2fd1755d40ecb72977518be15d3b";

inline TokenKey key_of(const std::string &room, const std::string &user, int32_t role = 2) {
  TokenKey k;
  k.room_uuid = room;
  k.user_uuid = user;
  k.role = role;
  return k;
}

/// A real EducationTokenBuilder2::BuildRoomUserToken token for `key`.
inline std::string room_user_token(const TokenKey &key, int64_t issue_ts, uint32_t expire,
                                   const std::string &app_id = kAppId, uint32_t salt = 12345) {
  token::BuildOptions opt;
  opt.issue_ts = static_cast<uint32_t>(issue_ts);
  opt.salt = salt;
  return token::EducationTokenBuilder2::BuildRoomUserToken(app_id, kCert, key.room_uuid, key.user_uuid, key.role,
                                                           expire, opt);
}

/// A successful FetchResult carrying `token`, answered at `now_unix_ms` by a server whose
/// clock reads `server_date` (nullopt: no Date header).
inline FetchResult ok_result(std::string token, int64_t now_unix_ms, std::optional<int64_t> server_date) {
  FetchResult r;
  r.status = Errc::ok;
  r.http_status = 200;
  r.token = std::move(token);
  r.server_date_unix = server_date;
  r.received_unix_ms = now_unix_ms;
  return r;
}

inline FetchResult error_result(Errc status, int http_status, std::string message,
                                std::optional<int64_t> retry_after_s = std::nullopt) {
  FetchResult r;
  r.status = status;
  r.http_status = http_status;
  r.message = std::move(message);
  r.retry_after_s = retry_after_s;
  return r;
}

/// A Fetcher driven by a handler; records each call (key and fake boot time) and can hold
/// calls on a gate until the test opens it.
class ScriptedFetcher final : public Fetcher {
public:
  using Handler = std::function<FetchResult(const TokenKey &key, int call)>;

  ScriptedFetcher(std::shared_ptr<Clock> clock, Handler handler)
      : clock_(std::move(clock)), handler_(std::move(handler)) {}

  /// A fetcher that answers every call with a fresh room-user token for the asked key,
  /// issued at the clock's current wall time (+ server_offset_s), lifetime `expire`; the
  /// salt is the call number, so every call returns a different token.
  static std::shared_ptr<ScriptedFetcher> fresh_tokens(std::shared_ptr<Clock> clock, uint32_t expire = 3600,
                                                       int64_t server_offset_s = 0, bool send_date = true) {
    auto *c = clock.get();
    return std::make_shared<ScriptedFetcher>(clock, [c, expire, server_offset_s, send_date](const TokenKey &k, int n) {
      const int64_t now_ms = c->unix_ms();
      const int64_t server_now = now_ms / 1000 + server_offset_s;
      return ok_result(room_user_token(k, server_now, expire, kAppId, static_cast<uint32_t>(n)), now_ms,
                       send_date ? std::optional<int64_t>(server_now) : std::nullopt);
    });
  }

  FetchResult fetch(const TokenKey &key) override {
    int n = 0;
    {
      std::unique_lock<std::mutex> lk(mu_);
      n = ++calls_;
      ++in_fetch_;
      keys_.push_back(key);
      call_boot_ms_.push_back(clock_->boot_ms());
      cv_.notify_all();
      // The gate is a synchronisation latch, bounded in real time so a broken test fails
      // instead of hanging.
      cv_.wait_for(lk, std::chrono::seconds(20), [&] { return gate_open_; });
    }
    FetchResult r = handler_(key, n);
    {
      std::lock_guard<std::mutex> lk(mu_);
      --in_fetch_;
      ++completed_;
      cv_.notify_all();
    }
    return r;
  }
  std::string source_id() const override { return "scripted:test"; }

  int calls() const {
    std::lock_guard<std::mutex> lk(mu_);
    return calls_;
  }
  int calls_for(const TokenKey &key) const {
    std::lock_guard<std::mutex> lk(mu_);
    int n = 0;
    for (const auto &k : keys_) n += k == key ? 1 : 0;
    return n;
  }
  int in_fetch() const {
    std::lock_guard<std::mutex> lk(mu_);
    return in_fetch_;
  }
  std::vector<int64_t> call_boot_ms() const {
    std::lock_guard<std::mutex> lk(mu_);
    return call_boot_ms_;
  }
  /// Waits (real time, bounded) until at least n calls have entered fetch().
  bool await_calls(int n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
    std::unique_lock<std::mutex> lk(mu_);
    return cv_.wait_for(lk, timeout, [&] { return calls_ >= n; });
  }
  /// Waits until at least n calls have returned from fetch().
  bool await_completed(int n, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const {
    std::unique_lock<std::mutex> lk(mu_);
    return cv_.wait_for(lk, timeout, [&] { return completed_ >= n; });
  }
  /// True when no new call arrives within `grace` of real time (for "nothing happened").
  bool no_call_beyond(int n, std::chrono::milliseconds grace = std::chrono::milliseconds(50)) const {
    std::unique_lock<std::mutex> lk(mu_);
    return !cv_.wait_for(lk, grace, [&] { return calls_ > n; });
  }
  void close_gate() {
    std::lock_guard<std::mutex> lk(mu_);
    gate_open_ = false;
  }
  void open_gate() {
    std::lock_guard<std::mutex> lk(mu_);
    gate_open_ = true;
    cv_.notify_all();
  }

private:
  std::shared_ptr<Clock> clock_;
  Handler handler_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  int calls_ = 0;
  int in_fetch_ = 0;
  int completed_ = 0;
  bool gate_open_ = true;
  std::vector<TokenKey> keys_;
  std::vector<int64_t> call_boot_ms_;
};

} // namespace eduauth::test
