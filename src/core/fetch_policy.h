#pragma once
// How each answer is judged and when to try again. Pure functions, tested without a network.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "error.h"
#include "transport.h"
#include "usage.h"

namespace cut::core {

/// Judges a non-2xx answer, or a 2xx whose body is not JSON (an interposed page).
/// Empty for a 2xx JSON answer, which the caller parses.
std::optional<FetchError> classifyResponse(const HttpResponse& response, TimePoint now);

/// The FetchError for a transport failure.
FetchError classifyTransportError(const TransportError& error);

/// `Retry-After` as seconds from `now`: either delta-seconds or an HTTP date. Empty when absent or
/// unparseable; never negative.
std::optional<std::int64_t> parseRetryAfter(std::string_view value, TimePoint now);

inline constexpr std::chrono::seconds kMinPollInterval{30};
inline constexpr std::chrono::seconds kDefaultPollInterval{60};
inline constexpr std::chrono::seconds kMaxBackoff{15 * 60};

/// Delay before the next attempt after `consecutiveFailures` (>= 1) failures in a row:
/// exponential from the poll interval, with ±20 % jitter drawn from `jitterUnit` (0..1), capped at
/// kMaxBackoff, and never under the Retry-After the error carries (with a 30 s floor for 429).
std::chrono::seconds backoffDelay(int consecutiveFailures, std::chrono::seconds pollInterval,
                                  const FetchError& error, double jitterUnit);

/// The poll interval a setting asks for, held to kMinPollInterval at least.
std::chrono::seconds clampPollInterval(std::chrono::seconds requested);

}  // namespace cut::core
