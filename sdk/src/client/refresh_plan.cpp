#include "refresh_plan.hpp"

#include <algorithm>
#include <cmath>

namespace eduauth::client_detail {

int64_t refresh_margin_ms(const RefreshPolicy &policy, int64_t lifetime_s) {
  const double by_fraction = policy.margin_fraction * static_cast<double>(std::max<int64_t>(lifetime_s, 0)) * 1000.0;
  return std::min(policy.margin_s * 1000, static_cast<int64_t>(std::llround(by_fraction)));
}

int64_t refresh_at_boot_ms(const RefreshPolicy &policy, int64_t lifetime_s, int64_t deadline_boot_ms,
                           int64_t now_boot_ms, std::mt19937_64 &rng) {
  const int64_t margin = refresh_margin_ms(policy, lifetime_s);
  const auto spread = static_cast<int64_t>(std::llround(policy.jitter_fraction * static_cast<double>(margin)));
  const int64_t jitter = spread > 0 ? std::uniform_int_distribution<int64_t>(-spread, spread)(rng) : 0;
  const int64_t at = deadline_boot_ms - margin + jitter;
  if (at > now_boot_ms) return at;
  return now_boot_ms + std::max<int64_t>((deadline_boot_ms - now_boot_ms) / 2, 0);
}

} // namespace eduauth::client_detail
