// Stand-in for the backoff half of fetch_policy.cpp so the poller builds on its own; it implements
// only backoffDelay and clampPollInterval, exactly per the contract in fetch_policy.h.

#include <algorithm>
#include <cmath>

#include "fetch_policy.h"

namespace cut::core {

std::chrono::seconds backoffDelay(int consecutiveFailures, std::chrono::seconds pollInterval,
                                  const FetchError& error, double jitterUnit) {
  // Doublings past 2^20 are far over the cap; stopping there keeps the double finite.
  const int doublings = std::clamp(consecutiveFailures - 1, 0, 20);
  const double base = static_cast<double>(pollInterval.count()) * std::ldexp(1.0, doublings);
  const double jitter = 0.8 + 0.4 * std::clamp(jitterUnit, 0.0, 1.0);
  const double capped = std::min(base * jitter, static_cast<double>(kMaxBackoff.count()));
  auto delay = std::chrono::seconds(static_cast<std::int64_t>(std::llround(capped)));

  std::int64_t floorSeconds = error.retryAfterSeconds.value_or(0);
  if (error.kind == ErrorKind::RateLimited) floorSeconds = std::max(floorSeconds, kMinPollInterval.count());
  return std::max(delay, std::chrono::seconds(floorSeconds));
}

std::chrono::seconds clampPollInterval(std::chrono::seconds requested) {
  return std::max(requested, kMinPollInterval);
}

}  // namespace cut::core
