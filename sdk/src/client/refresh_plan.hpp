// When to refresh a freshly installed token: expiry - margin, +/- jitter (DESIGN.md "Refresh").
#pragma once

#include <cstdint>
#include <random>

namespace eduauth::client_detail {

struct RefreshPolicy {
  int64_t margin_s = 300;
  double margin_fraction = 0.25;
  double jitter_fraction = 0.1;
};

/// min(margin_s, margin_fraction * lifetime_s), in milliseconds.
int64_t refresh_margin_ms(const RefreshPolicy &policy, int64_t lifetime_s);

/// Boot-time instant (ms) to refresh a token whose local deadline is deadline_boot_ms:
/// deadline - margin + uniform jitter in [-jitter_fraction * margin, +jitter_fraction * margin].
/// When that instant is not in the future (a token with less life left than the margin),
/// half-way between now and the deadline, so a server handing out short-lived tokens is
/// not asked again at once.
int64_t refresh_at_boot_ms(const RefreshPolicy &policy, int64_t lifetime_s, int64_t deadline_boot_ms,
                           int64_t now_boot_ms, std::mt19937_64 &rng);

} // namespace eduauth::client_detail
