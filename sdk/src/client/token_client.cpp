// TokenClient: per-key cache entries, single-flight fetches, the refresh scheduler and
// the re-auth / rejection cool-downs. One mutex (mu_) guards all client state; fetches
// run on their own short-lived threads without it, events leave through the EventHub.
//
// Per key (Entry):
//   current   the installed token, served while valid_now() (boot AND wall deadline);
//   flight    the one fetch in progress; get()/get_async()/the scheduler join it;
//   scheduled the scheduler starts a fetch at next_attempt_boot: the refresh instant after
//             a success, the backoff instant after a failure (never after 401/403);
//   blocked   until blocked_until_boot, a cold get() fails fast with blocked_status
//             (reauth_required or token_rejected) instead of fetching (C-11).
// Every wait goes through Clock::wait_until on cv_, so a FakeClock drives it all.
//
// Read path: a cached get() does not take mu_. Every change of a served token bumps
// generation_ (mu_ held); threads memoise what they were served per generation
// (read_cache.hpp) and re-check both deadlines on every hit.
#include "eduauth/client.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <random>
#include <thread>
#include <vector>

#include "backoff.hpp"
#include "event_hub.hpp"
#include "fetched_token.hpp"
#include "metrics_recorder.hpp"
#include "eduauth/log.hpp"
#include "read_cache.hpp"
#include "refresh_plan.hpp"

namespace eduauth {

using namespace client_detail;

namespace {

constexpr const char *kLog = "client";

// One fetch for one key, shared by everyone who asked while it was running.
struct Flight {
  bool done = false;
  bool after_rejection = false; // started because the app rejected the previous token
  TokenResult result;
  std::vector<std::function<void(const TokenResult &)>> async_waiters;
};

struct Entry {
  TokenPtr current; // the served token (null: none); replaced, never modified in place
  int64_t lifetime_s = 0;
  int64_t will_expire_at_boot = kNoDeadline;
  bool will_expire_sent = false;

  std::shared_ptr<Flight> flight;       // in progress, if any
  bool scheduled = false;               // the scheduler starts a fetch at next_attempt_boot
  int64_t next_attempt_boot = kNoDeadline;
  int failures = 0;                     // consecutive failed fetches (backoff attempt number)

  int64_t blocked_until_boot = 0;       // re-auth / rejection cool-down (C-11)
  Errc blocked_status = Errc::ok;
  std::string blocked_message;

  int rejections = 0;                   // consecutive tokens the app reported as rejected
  bool refetch_after_rejection = false; // the next fetch replaces a rejected token
};

int64_t ms_to_s(int64_t ms) { return ms > 0 ? ms / 1000 : 0; }

void check_config(const ClientConfig &c) {
  auto bad = [](const std::string &what) { throw Error(Errc::invalid_argument, "ClientConfig." + what); };
  if (!c.fetcher) bad("fetcher is null");
  if (c.app_id && !token::is_hex32(*c.app_id)) bad("app_id \"" + *c.app_id + "\" is not 32 hex characters");
  if (c.refresh_margin.count() < 0) bad("refresh_margin " + std::to_string(c.refresh_margin.count()) + " s is negative");
  if (!(c.refresh_margin_fraction >= 0.0 && c.refresh_margin_fraction < 1.0))
    bad("refresh_margin_fraction " + std::to_string(c.refresh_margin_fraction) + " is outside [0, 1)");
  if (!(c.refresh_jitter_fraction >= 0.0 && c.refresh_jitter_fraction < 1.0))
    bad("refresh_jitter_fraction " + std::to_string(c.refresh_jitter_fraction) + " is outside [0, 1)");
  if (c.min_remaining.count() < 0) bad("min_remaining " + std::to_string(c.min_remaining.count()) + " s is negative");
  if (c.will_expire_lead.count() < 0)
    bad("will_expire_lead " + std::to_string(c.will_expire_lead.count()) + " s is negative");
  if (c.backoff_initial.count() <= 0)
    bad("backoff_initial " + std::to_string(c.backoff_initial.count()) + " ms must be > 0");
  if (c.backoff_max < c.backoff_initial)
    bad("backoff_max " + std::to_string(c.backoff_max.count()) + " ms is below backoff_initial " +
        std::to_string(c.backoff_initial.count()) + " ms");
  if (c.reauth_cooldown.count() < 0)
    bad("reauth_cooldown " + std::to_string(c.reauth_cooldown.count()) + " s is negative");
  if (c.default_timeout.count() < 0)
    bad("default_timeout " + std::to_string(c.default_timeout.count()) + " ms is negative");
  if (c.close_grace.count() < 0) bad("close_grace " + std::to_string(c.close_grace.count()) + " ms is negative");
  if (c.metrics_sink && c.metrics_interval.count() <= 0)
    bad("metrics_interval " + std::to_string(c.metrics_interval.count()) + " ms must be > 0 when metrics_sink is set");
}

} // namespace

class TokenClient::Impl : public std::enable_shared_from_this<TokenClient::Impl> {
public:
  explicit Impl(ClientConfig config);
  ~Impl();
  void start();

  /// The memoised token of this thread for `key` if nothing changed and it is valid now
  /// (no lock); nullptr otherwise.
  TokenPtr try_cached(const TokenKey &key) const;
  TokenPtr get(const TokenKey &key, std::chrono::milliseconds timeout);
  void get_async(const TokenKey &key, std::function<void(const TokenResult &)> callback);
  void prefetch(const TokenKey &key);
  bool invalidate(const TokenKey &key, const std::string &token);
  void forget(const TokenKey &key);
  void close();
  ClientMetrics metrics() const;

  const ClientConfig config;
  EventHub hub;

private:
  bool valid_now(const CachedToken &t) const;
  void changed() { generation_.fetch_add(1, std::memory_order_acq_rel); } // mu_ held
  void remember(const TokenKey &key, const TokenPtr &token) const {     // mu_ held
    read_cache_store(serial_, generation_.load(std::memory_order_relaxed), key, token);
  }
  void drop_if_expired(const TokenKey &key, Entry &e);
  void start_flight(const TokenKey &key, Entry &e);
  void run_fetch(TokenKey key, std::shared_ptr<Flight> flight, uint64_t id);
  std::string finish(const TokenKey &key, const std::shared_ptr<Flight> &flight, const FetchResult &fetched,
                     std::optional<AcceptedToken> accepted, Errc status, const std::string &message,
                     int64_t duration_ms);
  ClientMetrics metrics_locked() const; // mu_ held
  void post_metrics();                  // mu_ held: queues a snapshot for metrics_sink
  int64_t seconds_left(const Entry &e) const;
  void scheduler_loop();
  void join_finished(std::unique_lock<std::mutex> &lk);
  [[noreturn]] void throw_closed() const { throw Error(Errc::closed, "the token client is closed"); }
  static Error timed_out(const TokenKey &key, std::chrono::milliseconds timeout) {
    return Error(Errc::timeout, "no token for " + describe_key(key) + " within " + std::to_string(timeout.count()) +
                                    " ms (the fetch carries on for other callers)");
  }

  std::shared_ptr<Clock> clock_;
  std::shared_ptr<Fetcher> fetcher_;
  AcceptPolicy accept_;
  RefreshPolicy refresh_;
  BackoffPolicy backoff_;

  mutable std::mutex mu_;
  std::condition_variable cv_; // state changes: flights done, new schedules, close
  std::mt19937_64 rng_;
  std::map<TokenKey, Entry> entries_;
  const uint64_t serial_ = next_client_serial();
  std::atomic<uint64_t> generation_{1}; // bumped (mu_ held) whenever a served token changes
  bool closed_ = false;
  std::thread scheduler_;
  uint64_t next_fetch_id_ = 1;
  std::map<uint64_t, std::thread> fetch_threads_; // running fetches
  std::vector<std::thread> finished_;             // ended fetch threads, to be joined
  MetricsRecorder metrics_;                       // guarded by mu_
  int64_t next_metrics_boot_ = kNoDeadline;       // next metrics_sink delivery (scheduler)
};

TokenClient::Impl::Impl(ClientConfig cfg)
    : config(std::move(cfg)), hub(config.on_event, config.event_queue_capacity),
      clock_(config.clock ? config.clock : SystemClock::instance()), fetcher_(config.fetcher) {
  accept_.app_id = config.app_id;
  accept_.min_remaining_s = config.min_remaining.count();
  refresh_.margin_s = config.refresh_margin.count();
  refresh_.margin_fraction = config.refresh_margin_fraction;
  refresh_.jitter_fraction = config.refresh_jitter_fraction;
  backoff_.initial_ms = config.backoff_initial.count();
  backoff_.max_ms = config.backoff_max.count();
  rng_.seed(config.rng_seed ? *config.rng_seed : (static_cast<uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}());
}

TokenClient::Impl::~Impl() {
  // close() joined the scheduler; detached fetch threads hold a reference, so none is left.
  if (scheduler_.joinable()) scheduler_.detach();
}

void TokenClient::Impl::start() {
  if (config.metrics_sink) {
    const int64_t now = clock_->boot_ms(), every = config.metrics_interval.count();
    next_metrics_boot_ = every >= kNoDeadline - now ? kNoDeadline : now + every;
  }
  scheduler_ = std::thread([this] { scheduler_loop(); });
}

bool TokenClient::Impl::valid_now(const CachedToken &t) const {
  // Both clocks must agree: boot time survives sleep and wall jumps, the wall check makes
  // a jump forward (or a stale boot clock) err on the side of refetching.
  return clock_->before(t.local_deadline_boot_ms, t.local_deadline_unix_ms);
}

int64_t TokenClient::Impl::seconds_left(const Entry &e) const {
  if (!e.current || !valid_now(*e.current)) return 0;
  return ms_to_s(std::min(e.current->local_deadline_boot_ms - clock_->boot_ms(),
                          e.current->local_deadline_unix_ms - clock_->unix_ms()));
}

void TokenClient::Impl::drop_if_expired(const TokenKey &key, Entry &e) {
  if (!e.current || valid_now(*e.current)) return;
  Event ev;
  ev.type = EventType::expired;
  ev.key = key;
  ev.fingerprint = e.current->fingerprint;
  ev.expires_at = e.current->expires_at;
  e.current.reset();
  changed();
  e.will_expire_at_boot = kNoDeadline;
  hub.publish(ev);
}

void TokenClient::Impl::start_flight(const TokenKey &key, Entry &e) {
  auto flight = std::make_shared<Flight>();
  flight->after_rejection = e.refetch_after_rejection;
  e.refetch_after_rejection = false;
  e.flight = flight;
  e.scheduled = false;
  // A refresh of a served token: readers leave their memo for the locked path until it
  // ends (rare and short), so gets served meanwhile can be seen and counted there.
  if (e.current) changed();
  const uint64_t id = next_fetch_id_++;
  try {
    fetch_threads_.emplace(id, std::thread([self = shared_from_this(), key, flight, id] {
                             self->run_fetch(key, flight, id);
                           }));
    metrics_.fetch_started();
  } catch (const std::system_error &err) {
    e.flight.reset();
    flight->done = true;
    flight->result.status = Errc::internal;
    flight->result.message = std::string("cannot start a fetch thread: ") + err.what();
  }
}

void TokenClient::Impl::run_fetch(TokenKey key, std::shared_ptr<Flight> flight, uint64_t id) {
  if (log_enabled(LogLevel::debug))
    log_write(LogLevel::debug, kLog, "fetching token for " + describe_key(key) + " from " + fetcher_->source_id());
  const int64_t sent_unix_ms = clock_->unix_ms(), sent_boot_ms = clock_->boot_ms();
  FetchResult fetched;
  try {
    fetched = fetcher_->fetch(key);
  } catch (const Error &err) { // the seam says values, but a throwing Fetcher must not kill us
    fetched.status = err.code();
    fetched.message = err.what();
  } catch (const std::exception &err) {
    fetched.status = Errc::internal;
    fetched.message = std::string("fetcher threw: ") + err.what();
  } catch (...) {
    fetched.status = Errc::internal;
    fetched.message = "fetcher threw a non-std exception";
  }
  if (fetched.status == Errc::ok && fetched.token.empty()) {
    fetched.status = Errc::bad_response;
    fetched.message = "token server returned an empty token";
  }
  const Receipt receipt{clock_->unix_ms(), clock_->boot_ms(), sent_unix_ms, sent_boot_ms};

  // Decoding and checks need no lock.
  std::optional<AcceptedToken> accepted;
  Errc status = Errc::ok;
  std::string message;
  try {
    accepted = accept_fetched_token(fetched, key, accept_, receipt);
  } catch (const Error &err) {
    status = err.code();
    message = err.what();
  }

  std::string line;
  {
    std::lock_guard<std::mutex> lk(mu_);
    line = finish(key, flight, fetched, std::move(accepted), status, message, receipt.boot_ms - sent_boot_ms);
    auto it = fetch_threads_.find(id);
    if (it != fetch_threads_.end()) {
      finished_.push_back(std::move(it->second));
      fetch_threads_.erase(it);
    }
    cv_.notify_all();
  }
  if (!line.empty()) log_write(status == Errc::ok ? LogLevel::info : LogLevel::warn, kLog, line);
}

// Records a fetch outcome (mu_ held) and returns the log line to write after unlocking.
std::string TokenClient::Impl::finish(const TokenKey &key, const std::shared_ptr<Flight> &flight,
                                      const FetchResult &fetched, std::optional<AcceptedToken> accepted, Errc status,
                                      const std::string &message, int64_t duration_ms) {
  flight->done = true;
  metrics_.fetch_finished(accepted ? Errc::ok : status, duration_ms);
  if (closed_) { // waiters were already told Errc::closed
    flight->result.status = Errc::closed;
    flight->result.message = "the token client is closed";
    return {};
  }
  auto it = entries_.find(key);
  Entry *e = (it != entries_.end() && it->second.flight == flight) ? &it->second : nullptr;
  if (e) e->flight.reset();
  const int64_t now_boot = clock_->boot_ms();
  std::string line;

  if (accepted) {
    auto token = std::make_shared<const CachedToken>(std::move(accepted->token));
    flight->result.status = Errc::ok;
    flight->result.token = token;
    line = "installed token " + token->fingerprint + " for " + describe_key(key) + ", expires_at " +
           std::to_string(token->expires_at) + ", skew " + std::to_string(token->skew_ms) + " ms";
    if (e) {
      const CachedToken &t = *token;
      e->current = token;
      changed();
      e->lifetime_s = accepted->lifetime_s;
      e->failures = 0;
      e->blocked_until_boot = 0;
      e->blocked_status = Errc::ok;
      if (!flight->after_rejection) e->rejections = 0;
      e->scheduled = true;
      e->next_attempt_boot = refresh_at_boot_ms(refresh_, e->lifetime_s, t.local_deadline_boot_ms, now_boot, rng_);
      e->will_expire_sent = false;
      e->will_expire_at_boot = config.will_expire_lead.count() > 0
                                   ? t.local_deadline_boot_ms - config.will_expire_lead.count() * 1000
                                   : kNoDeadline;
      line += ", refresh in " + std::to_string(ms_to_s(e->next_attempt_boot - now_boot)) + " s";
      Event ev;
      ev.type = EventType::refreshed;
      ev.key = key;
      ev.fingerprint = t.fingerprint;
      ev.expires_at = t.expires_at;
      if (config.events_carry_token) ev.token = t.token;
      hub.publish(ev);
    }
  } else {
    flight->result.status = status;
    flight->result.message = message;
    line = "fetch for " + describe_key(key) + " failed: " + errc_name(status) + ": " + message;
    if (e) {
      Event ev;
      ev.key = key;
      ev.status = status;
      ev.http_status = fetched.http_status;
      ev.message = message;
      ev.seconds_left = seconds_left(*e);
      if (status == Errc::reauth_required) {
        // 401/403: the user has to sign in again. No retries; callers fail fast for a while.
        e->failures = 0;
        e->scheduled = false;
        e->blocked_until_boot = now_boot + config.reauth_cooldown.count() * 1000;
        e->blocked_status = Errc::reauth_required;
        e->blocked_message = message;
        ev.type = EventType::reauth_required;
        line += "; re-auth required, no retry, cool-down " + std::to_string(config.reauth_cooldown.count()) + " s";
      } else {
        const bool bad_token = status == Errc::expired_from_server || status == Errc::token_mismatch ||
                               status == Errc::malformed_token || status == Errc::unsupported_version;
        ++e->failures;
        const int64_t delay = backoff_delay_ms(backoff_, e->failures,
                                               bad_token ? FailureKind::bad_token : FailureKind::transient,
                                               fetched.retry_after_s, rng_);
        e->scheduled = true;
        e->next_attempt_boot = now_boot + delay;
        ev.type = EventType::refresh_failed;
        line += "; attempt " + std::to_string(e->failures) + ", retry in " + std::to_string(delay) + " ms" +
                (fetched.retry_after_s ? " (Retry-After " + std::to_string(*fetched.retry_after_s) + " s)" : "") +
                ", current token valid for " + std::to_string(ev.seconds_left) + " s";
      }
      hub.publish(ev);
    }
  }
  for (auto &cb : flight->async_waiters) hub.post([cb = std::move(cb), result = flight->result] { cb(result); });
  flight->async_waiters.clear();
  return line;
}

namespace {
// Key strings travel into URLs, JSON bodies and tokens (at most 65535 bytes of UTF-8 each,
// spec §2.3): refuse bad ones up front instead of failing, and retrying, inside a fetch.
void check_key_field(const char *field, const std::string &v) {
  auto bad = [&](const std::string &why) {
    throw Error(Errc::invalid_argument, std::string("TokenKey.") + field + " " + why);
  };
  if (v.size() > 65535) bad("is " + std::to_string(v.size()) + " bytes, more than 65535");
  const auto nul = v.find('\0');
  if (nul != std::string::npos) bad("contains a NUL byte at offset " + std::to_string(nul) + ": \"" + escape_text(v) + "\"");
  const auto off = utf8_error_offset(v);
  if (off != std::string_view::npos)
    bad("is not valid UTF-8: byte 0x" + escape_text(v.substr(off, 1)).substr(2) + " at offset " +
        std::to_string(off) + " in \"" + escape_text(v) + "\"");
}

void check_key(const TokenKey &key) {
  check_key_field("room_uuid", key.room_uuid);
  check_key_field("user_uuid", key.user_uuid);
}
} // namespace

TokenPtr TokenClient::Impl::try_cached(const TokenKey &key) const {
  const TokenPtr *t = read_cache_find(serial_, generation_.load(std::memory_order_acquire), key);
  if (t && valid_now(**t)) return *t;
  return nullptr;
}

TokenPtr TokenClient::Impl::get(const TokenKey &key, std::chrono::milliseconds timeout) {
  check_key(key);
  std::unique_lock<std::mutex> lk(mu_);
  if (closed_) throw_closed();
  const int64_t now = clock_->boot_ms();
  const int64_t wait_ms = std::max<int64_t>(timeout.count(), 0);
  const int64_t deadline = wait_ms >= kNoDeadline - now ? kNoDeadline : now + wait_ms; // milliseconds::max() = forever
  for (;;) {
    Entry &e = entries_[key]; // looked up each round: forget() may erase the key while we wait
    drop_if_expired(key, e);
    if (e.current) {
      if (!e.flight)
        remember(key, e.current); // during a refresh, stay on the locked path
      else
        metrics_.served_while_refreshing();
      return e.current;
    }
    std::shared_ptr<Flight> flight = e.flight;
    if (flight) metrics_.coalesced_waiter();
    if (!flight) {
      if (clock_->boot_ms() < e.blocked_until_boot) {
        metrics_.cooldown_refusal();
        throw Error(e.blocked_status, e.blocked_message + " (cool-down: " +
                                          std::to_string(ms_to_s(e.blocked_until_boot - clock_->boot_ms())) +
                                          " s left, no request sent)");
      }
      start_flight(key, e);
      flight = e.flight;
      if (!flight) throw Error(Errc::internal, "cannot start a fetch thread");
    }
    while (!flight->done) {
      if (closed_) throw_closed();
      if (clock_->boot_ms() >= deadline) throw timed_out(key, timeout);
      clock_->wait_until(lk, cv_, deadline);
    }
    if (closed_) throw_closed();
    if (!flight->result.ok()) throw Error(flight->result.status, flight->result.message);
    const TokenPtr token = flight->result.token;
    if (valid_now(*token)) {
      auto it = entries_.find(key);
      if (it != entries_.end() && it->second.current == token) remember(key, token);
      return token;
    }
    // The fetched token expired while this caller waited for the mutex (a stall longer than
    // the token's remaining life; seen under TSan with 64 threads): never hand it out. Look
    // again — a newer token, or a new fetch — within the same deadline.
    if (clock_->boot_ms() >= deadline) throw timed_out(key, timeout);
  }
}

void TokenClient::Impl::get_async(const TokenKey &key, std::function<void(const TokenResult &)> callback) {
  if (!callback) throw Error(Errc::invalid_argument, "get_async: callback is empty");
  check_key(key);
  std::lock_guard<std::mutex> lk(mu_);
  if (closed_) throw_closed();
  Entry &e = entries_[key];
  drop_if_expired(key, e);
  TokenResult now;
  if (e.current) {
    now.token = e.current;
    if (e.flight) metrics_.served_while_refreshing();
  } else if (!e.flight && clock_->boot_ms() < e.blocked_until_boot) {
    metrics_.cooldown_refusal();
    now.status = e.blocked_status;
    now.message = e.blocked_message + " (cool-down, no request sent)";
  } else {
    if (e.flight)
      metrics_.coalesced_waiter();
    else
      start_flight(key, e);
    if (e.flight) {
      e.flight->async_waiters.push_back(std::move(callback));
      return;
    }
    now.status = Errc::internal;
    now.message = "cannot start a fetch thread";
  }
  hub.post([cb = std::move(callback), now] { cb(now); });
}

void TokenClient::Impl::prefetch(const TokenKey &key) {
  check_key(key);
  std::lock_guard<std::mutex> lk(mu_);
  if (closed_) throw_closed();
  Entry &e = entries_[key];
  drop_if_expired(key, e);
  if (e.current || e.flight || clock_->boot_ms() < e.blocked_until_boot) return;
  start_flight(key, e);
}

bool TokenClient::Impl::invalidate(const TokenKey &key, const std::string &token) {
  std::string line;
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (closed_) throw_closed();
    auto it = entries_.find(key);
    if (it == entries_.end() || !it->second.current || it->second.current->token != token) return false;
    Entry &e = it->second;
    const std::string fp = e.current->fingerprint;
    e.current.reset();
    changed();
    e.will_expire_at_boot = kNoDeadline;
    ++e.rejections;
    if (e.rejections >= 2) {
      // The refetched token was rejected too: refetching again would loop (C-11).
      e.rejections = 0;
      e.refetch_after_rejection = false;
      e.scheduled = false;
      e.blocked_until_boot = clock_->boot_ms() + config.reauth_cooldown.count() * 1000;
      e.blocked_status = Errc::token_rejected;
      e.blocked_message = "the token for " + describe_key(key) + " was rejected downstream twice in a row (last " +
                          fp + "); sign in again";
      Event ev;
      ev.type = EventType::reauth_required;
      ev.key = key;
      ev.status = Errc::token_rejected;
      ev.message = e.blocked_message;
      hub.publish(ev);
      line = e.blocked_message;
    } else {
      // Fetch the replacement now so the next get() finds it (or joins the fetch).
      if (e.flight) {
        e.flight->after_rejection = true; // the fetch already running is the replacement
      } else {
        e.refetch_after_rejection = true;
        e.scheduled = true;
        e.next_attempt_boot = clock_->boot_ms();
        cv_.notify_all();
      }
      line = "token " + fp + " for " + describe_key(key) + " rejected downstream; fetching a new one";
    }
  }
  log_write(LogLevel::warn, kLog, line);
  return true;
}

void TokenClient::Impl::forget(const TokenKey &key) {
  std::lock_guard<std::mutex> lk(mu_);
  if (closed_) throw_closed();
  if (entries_.erase(key) > 0) changed();
}

void TokenClient::Impl::scheduler_loop() {
  std::unique_lock<std::mutex> lk(mu_);
  while (!closed_) {
    join_finished(lk);
    if (closed_) break;
    const int64_t now = clock_->boot_ms();
    int64_t wake = kNoDeadline;
    for (auto &[key, e] : entries_) {
      drop_if_expired(key, e);
      if (e.current) {
        if (!e.will_expire_sent && now >= e.will_expire_at_boot) {
          e.will_expire_sent = true;
          Event ev;
          ev.type = EventType::will_expire;
          ev.key = key;
          ev.fingerprint = e.current->fingerprint;
          ev.expires_at = e.current->expires_at;
          ev.seconds_left = seconds_left(e);
          hub.publish(ev);
        }
        if (!e.will_expire_sent) wake = std::min(wake, e.will_expire_at_boot);
        wake = std::min(wake, e.current->local_deadline_boot_ms);
      }
      if (e.scheduled && !e.flight) {
        if (now >= e.next_attempt_boot)
          start_flight(key, e);
        else
          wake = std::min(wake, e.next_attempt_boot);
      }
    }
    if (config.metrics_sink) {
      if (now >= next_metrics_boot_) {
        post_metrics();
        const int64_t every = config.metrics_interval.count();
        next_metrics_boot_ = every >= kNoDeadline - now ? kNoDeadline : now + every;
      }
      wake = std::min(wake, next_metrics_boot_);
    }
    clock_->wait_until(lk, cv_, wake);
  }
}

// Joins fetch threads that have ended, without holding mu_ (join may wait a moment).
void TokenClient::Impl::join_finished(std::unique_lock<std::mutex> &lk) {
  if (finished_.empty()) return;
  std::vector<std::thread> done;
  done.swap(finished_);
  lk.unlock();
  for (auto &t : done) t.join();
  lk.lock();
}

void TokenClient::Impl::close() {
  std::vector<std::function<void()>> closed_callbacks;
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (closed_) return;
    closed_ = true;
    changed(); // no thread's memo is served any more: get() takes the locked path and throws

    TokenResult closed;
    closed.status = Errc::closed;
    closed.message = "the token client is closed";
    for (auto &[key, e] : entries_) {
      if (!e.flight) continue;
      for (auto &cb : e.flight->async_waiters) hub.post([cb = std::move(cb), closed] { cb(closed); });
      e.flight->async_waiters.clear();
    }
    cv_.notify_all();
  }
  if (scheduler_.joinable()) {
    if (std::this_thread::get_id() == scheduler_.get_id())
      scheduler_.detach();
    else
      scheduler_.join();
  }
  {
    std::unique_lock<std::mutex> lk(mu_);
    // Real time: this waits for real threads, whatever clock the client runs on.
    cv_.wait_for(lk, config.close_grace, [&] { return fetch_threads_.empty(); });
    std::vector<std::thread> done;
    done.swap(finished_);
    // Fetches still blocked in the Fetcher keep the Impl alive and discard their result.
    for (auto &[id, t] : fetch_threads_) t.detach();
    fetch_threads_.clear();
    if (config.metrics_sink) post_metrics(); // the final values, before the dispatcher stops
    lk.unlock();
    for (auto &t : done) {
      if (t.get_id() == std::this_thread::get_id())
        t.detach();
      else
        t.join();
    }
  }
  hub.stop();
  log_write(LogLevel::debug, kLog, "token client closed");
}

ClientMetrics TokenClient::Impl::metrics_locked() const {
  ClientMetrics m = metrics_.counters();
  const int64_t now = clock_->boot_ms();
  for (const auto &[key, e] : entries_) {
    KeyGauges g;
    g.has_valid_token = e.current && valid_now(*e.current);
    g.in_flight = e.flight != nullptr;
    g.backing_off = e.failures > 0 && e.scheduled && !e.flight;
    g.in_cooldown = now < e.blocked_until_boot;
    g.consecutive_failures = e.failures;
    g.retry_in_ms = e.next_attempt_boot - now;
    MetricsRecorder::add_key(m, g);
  }
  return m;
}

void TokenClient::Impl::post_metrics() {
  // The hub never calls back into the client, so posting with mu_ held is safe; the sink
  // itself runs later on the dispatcher thread without any client lock.
  hub.post([sink = config.metrics_sink, m = metrics_locked()] { sink(m); });
}

ClientMetrics TokenClient::Impl::metrics() const {
  std::lock_guard<std::mutex> lk(mu_);
  return metrics_locked();
}

// ---------------------------------------------------------------------------------------

TokenClient::TokenClient(ClientConfig config) {
  check_config(config);
  impl_ = std::make_shared<Impl>(std::move(config));
  impl_->start();
}

TokenClient::~TokenClient() { close(); }

TokenPtr TokenClient::get(const TokenKey &key, std::chrono::milliseconds timeout) {
  // Fast path without touching impl_'s shared count: this object (and so impl_) is alive
  // for the whole call.
  if (TokenPtr t = impl_->try_cached(key)) return t;
  auto impl = impl_; // a caller blocked here keeps the state alive through close()
  return impl->get(key, timeout);
}

TokenPtr TokenClient::get(const TokenKey &key) { return get(key, impl_->config.default_timeout); }

void TokenClient::get_async(const TokenKey &key, std::function<void(const TokenResult &)> callback) {
  impl_->get_async(key, std::move(callback));
}

void TokenClient::prefetch(const TokenKey &key) { impl_->prefetch(key); }

bool TokenClient::invalidate(const TokenKey &key, const std::string &token) { return impl_->invalidate(key, token); }

void TokenClient::forget(const TokenKey &key) { impl_->forget(key); }

std::optional<Event> TokenClient::next_event(std::chrono::milliseconds timeout) { return impl_->hub.next(timeout); }

uint64_t TokenClient::dropped_events() const { return impl_->hub.dropped(); }

ClientMetrics TokenClient::metrics() const { return impl_->metrics(); }

void TokenClient::close() {
  auto impl = impl_;
  if (impl) impl->close();
}

} // namespace eduauth
