// eduauth — the token client: cache, single-flight fetch, background refresh, events.
//
// A TokenClient asks its Fetcher (fetch.hpp; usually make_http_fetcher from source.hpp)
// for one token per TokenKey, validates it, caches it, refreshes it on its own scheduler
// thread before it expires, and reports what happens through events (events.hpp).
// Rules (DESIGN.md "Semantics that must hold", cases C-09, C-10, C-11):
//   * every fetched token is decoded and checked before it is installed (app ID, APaaS
//     room/user/role = the key, enough life left, 007 expire != 0);
//   * concurrent requests for one key share one fetch (single-flight), including a
//     background refresh and on-demand get() calls;
//   * refresh at expiry - margin (+/- jitter); a failed refresh keeps serving the current
//     token while it is valid and retries with exponential backoff and full jitter,
//     honouring Retry-After; 401/403 stops retrying and starts a re-auth cool-down;
//   * a token is never served past its local deadline (boot-time AND wall-time checks,
//     corrected for the token server's clock skew).
//
// Thread-safety: every TokenClient member may be called from any thread concurrently,
// including from the client's own event/async callbacks.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "eduauth/clock.hpp"
#include "eduauth/error.hpp"
#include "eduauth/events.hpp"
#include "eduauth/fetch.hpp"
#include "eduauth/metrics.hpp"
#include "eduauth/token.hpp"

namespace eduauth {

/// Settings of a TokenClient. Durations carry their unit in their type. The constructor
/// of TokenClient validates them and throws Errc::invalid_argument naming the field.
struct ClientConfig {
  /// Where tokens come from (required). Shared: the client keeps it alive while it runs,
  /// and fetch() may be called from several client threads at once.
  std::shared_ptr<Fetcher> fetcher;
  /// Time source (default: SystemClock::instance()). Tests pass a FakeClock.
  std::shared_ptr<Clock> clock;
  /// When set, every fetched token must carry this app ID (32 hex characters, compared
  /// case-insensitively), else Errc::token_mismatch naming both values.
  std::optional<std::string> app_id;

  /// Refresh margin: a token is refreshed `margin` before its local deadline, with
  /// margin = min(refresh_margin, refresh_margin_fraction * lifetime). Defaults give
  /// min(5 min, 25 %): 3600 s lifetime -> 300 s, 600 s lifetime -> 150 s (DESIGN.md
  /// "Refresh"). Set the fraction to 1.0 to use only the absolute margin, or the absolute
  /// margin very large to use only the fraction. Lifetime = expires_at - issue_ts (007);
  /// for 006 (no issue time) the remaining validity at receipt.
  std::chrono::seconds refresh_margin{300};
  double refresh_margin_fraction = 0.25; ///< in [0, 1)
  /// Jitter: the refresh time moves by a uniform random amount in
  /// [-refresh_jitter_fraction * margin, +refresh_jitter_fraction * margin], so clients
  /// that joined together do not refresh in the same second. In [0, 1).
  double refresh_jitter_fraction = 0.1;
  /// A fetched token needs at least this much validity left (server frame, at receipt),
  /// else it is refused with Errc::expired_from_server (C-09).
  std::chrono::seconds min_remaining{30};
  /// Lead time of the will_expire event (0 = never sent).
  std::chrono::seconds will_expire_lead{60};

  /// Backoff after a failed fetch: attempt n (1-based) waits a uniform random time in
  /// [0, min(backoff_max, backoff_initial * 2^(n-1))] ("full jitter"). A token server
  /// that returned a bad token (expired_from_server, token_mismatch, malformed) is not a
  /// transient fault: those retries wait at least half of that window, which bounds C-09
  /// to <= 5 requests per 10 s. Retry-After (429/503) is honoured as a lower bound.
  std::chrono::milliseconds backoff_initial{1000};
  std::chrono::milliseconds backoff_max{60000};
  /// After 401/403 (reauth_required), and after a second downstream rejection
  /// (token_rejected), get() fails fast with that code for this long without touching
  /// the network (C-11). The scheduler never retries such a key by itself.
  std::chrono::seconds reauth_cooldown{30};
  /// Timeout of get(key) without an explicit timeout, measured on `clock`.
  std::chrono::milliseconds default_timeout{15000};
  /// Seed of the jitter RNG; unset = seeded from std::random_device. Tests pin it.
  std::optional<uint64_t> rng_seed;

  /// Optional event callback, called on the client's dispatcher thread (see events.hpp).
  /// Exceptions it throws are caught and logged.
  std::function<void(const Event &)> on_event;
  /// Capacity of the poll queue (next_event); 0 disables the queue.
  size_t event_queue_capacity = 256;
  /// Whether refreshed events carry the token string (a secret) besides its fingerprint.
  bool events_carry_token = true;
  /// How long close() waits (REAL milliseconds) for fetches still in flight before it
  /// leaves them to finish on their own (their results are then discarded).
  std::chrono::milliseconds close_grace{5000};

  /// Optional metrics sink (docs/metrics.md): receives a ClientMetrics snapshot every
  /// `metrics_interval` and once more when the client closes, on the dispatcher thread in
  /// order with events, never under a client lock. Exceptions it throws are caught and logged.
  std::function<void(const ClientMetrics &)> metrics_sink;
  /// Period of metrics_sink on the client's clock (boot time), MILLISECONDS; must be > 0
  /// when a sink is set.
  std::chrono::milliseconds metrics_interval{10000};
};

/// A validated token as served by the client. Plain data; copies are independent.
struct CachedToken {
  std::string token;          ///< the token string (a secret: log `fingerprint` instead)
  token::Token decoded;       ///< its decoded form
  int64_t expires_at = 0;     ///< effective expiry, absolute Unix SECONDS, server frame
  int64_t issued_at = 0;      ///< 007 issue_ts (absolute Unix seconds); 006: 0
  /// Local deadline on the client's wall clock, absolute Unix MILLISECONDS: expires_at
  /// corrected for the measured skew. Served only while unix_ms() < this ...
  int64_t local_deadline_unix_ms = 0;
  /// ... and while Clock::boot_ms() < this (boot-time scale, survives sleep and jumps).
  int64_t local_deadline_boot_ms = 0;
  /// Server clock minus local clock at receipt, MILLISECONDS (0 when the server sent no
  /// usable Date header; then the token is assumed issued at receipt).
  int64_t skew_ms = 0;
  std::string fingerprint;    ///< eduauth::token::fingerprint(token)
};

/// A served token: shared and immutable, so handing it out costs one reference count and
/// no copy. It stays valid (as memory) as long as the caller holds it, also after the
/// client refreshed the key or closed; whether the token is still *current* is the
/// client's business (ask get() again). Never null when returned by get().
using TokenPtr = std::shared_ptr<const CachedToken>;

/// Outcome of get_async: a token or an error (never both).
struct TokenResult {
  Errc status = Errc::ok;  ///< ok, or the code get() would have thrown
  std::string message;     ///< error message (empty on success)
  TokenPtr token;          ///< set (non-null) when status == ok
  bool ok() const noexcept { return status == Errc::ok; }
};

/// Token cache + refresher for one token server (one Fetcher). See the file comment.
/// Owns two threads (scheduler, event dispatcher) plus one short-lived thread per fetch
/// in flight. Not copyable or movable.
class TokenClient {
public:
  /// Starts the client. Throws Errc::invalid_argument naming the field when `config`
  /// is invalid (no fetcher, app_id not 32 hex, fractions out of range, negative or
  /// inconsistent durations).
  explicit TokenClient(ClientConfig config);
  /// Same as close().
  ~TokenClient();
  TokenClient(const TokenClient &) = delete;
  TokenClient &operator=(const TokenClient &) = delete;

  /// A valid token for `key`: the cached one while it is valid, otherwise the result of
  /// one shared fetch (single-flight: concurrent callers and a background refresh for the
  /// same key share it). Blocks at most `timeout` (on the client's clock;
  /// milliseconds::max() = no limit); a timed-out caller gets Errc::timeout and the shared
  /// fetch carries on for the others.
  /// After a failed fetch the next call makes one new attempt (no backoff for callers),
  /// except during a re-auth cool-down. The key is kept refreshed from then on.
  /// Throws eduauth::Error: timeout, closed, reauth_required (cool-down), token_rejected,
  /// expired_from_server, token_mismatch, malformed_token, or the fetch failure's code
  /// (network, http_status, bad_response, tls, ...).
  /// Cost of a cached hit: no lock and no shared write. Each thread remembers the last few
  /// tokens it was served (per client, per key) together with the client's change counter;
  /// while nothing changed and the token is valid on both clocks it is returned from there
  /// (tests/bench/client: BM_CachedGet, tens of nanoseconds, flat across threads).
  TokenPtr get(const TokenKey &key, std::chrono::milliseconds timeout);
  /// get(key, ClientConfig::default_timeout).
  TokenPtr get(const TokenKey &key);

  /// Non-blocking get: `callback` receives the same outcome get() would produce, later, on
  /// the dispatcher thread (also when the token is cached). Pending callbacks receive
  /// Errc::closed when the client closes; none runs after close() returns.
  /// Throws Error{closed} when the client is already closed.
  void get_async(const TokenKey &key, std::function<void(const TokenResult &)> callback);

  /// Starts fetching `key` in the background if there is no valid token and no fetch in
  /// flight, and keeps it refreshed. Never blocks, never throws except Error{closed}.
  void prefetch(const TokenKey &key);

  /// Reports that `token` was rejected downstream (or should not be used any more). If it
  /// is still the current token of `key`, it is dropped (the next get() refetches) and
  /// true is returned; otherwise nothing happens and false is returned. When the token
  /// fetched after such a report is rejected as well, the key enters the re-auth
  /// cool-down and get() throws Errc::token_rejected instead of looping (C-11).
  bool invalidate(const TokenKey &key, const std::string &token);

  /// Drops `key` entirely: no more refreshes, cached token forgotten. Callers waiting on
  /// its fetch still receive that fetch's outcome.
  void forget(const TokenKey &key);

  /// Next event from the poll queue, waiting up to `timeout` REAL milliseconds (0 = just
  /// poll). nullopt when none arrived in time or the client is closed and drained.
  std::optional<Event> next_event(std::chrono::milliseconds timeout = std::chrono::milliseconds(0));
  /// Events dropped because the poll queue was full (oldest first), since construction.
  uint64_t dropped_events() const;

  /// Snapshot of the client's counters and gauges (eduauth/metrics.hpp, docs/metrics.md).
  /// Any thread; takes the client mutex briefly. Also works after close() (the final values).
  ClientMetrics metrics() const;

  /// Stops the client: blocked get() callers and pending get_async callbacks receive
  /// Errc::closed, the scheduler and dispatcher threads are joined, fetches in flight are
  /// awaited up to close_grace. Idempotent; safe from any thread including callbacks
  /// (from a callback it does not wait for that callback itself). After it returns no
  /// callback runs and every member except next_event/dropped_events/metrics throws Error{closed}.
  void close();

  class Impl;

private:
  std::shared_ptr<Impl> impl_;
};

} // namespace eduauth
