#pragma once
// How each answer is judged and when to try again. Pure functions, tested without a network.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/claude/error.h"
#include "core/claude/transport.h"
#include "core/model/usage.h"

namespace cut::core {

/// Judges a non-2xx answer, or a 2xx whose body is not JSON (an interposed page).
/// Empty for a 2xx whose body starts like JSON (`{` or `[`), which the caller parses and, when it is
/// broken, reports with the parser's more precise message. `now` turns a Retry-After date into seconds.
/// Table in spec/claude-api.md §1.4: 401 and 403-with-JSON -> auth_expired; 403 challenge page,
/// `cf-mitigated` or any other 403 page -> cloudflare; 403 permission_error about the organization ->
/// org_permission; 429 -> rate_limited; 5xx -> server; 3xx, other 4xx, 2xx page -> bad_response.
std::optional<FetchError> classifyResponse(const HttpResponse& response, TimePoint now);

/// The FetchError for a transport failure.
FetchError classifyTransportError(const TransportError& error);

/// `Retry-After` as seconds from `now`: either delta-seconds or an HTTP date (IMF-fixdate, RFC 850 or
/// asctime). Empty when absent or unparseable; never negative (a past date is 0); held to one day.
std::optional<std::int64_t> parseRetryAfter(std::string_view value, TimePoint now);

inline constexpr std::chrono::seconds kMinPollInterval{30};
inline constexpr std::chrono::seconds kDefaultPollInterval{60};
inline constexpr std::chrono::seconds kMaxBackoff{15 * 60};

/// Delay before the next attempt after `consecutiveFailures` (>= 1) failures in a row:
/// exponential from the poll interval (interval × 2^(failures-1)), with ±20 % jitter drawn from
/// `jitterUnit` (0 -> -20 %, 0.5 -> none, 1 -> +20 %), capped at kMaxBackoff, never under
/// kMinPollInterval (also the floor for a 429 with `Retry-After: 0`), and never under the Retry-After
/// the error carries, even when that is beyond the cap.
std::chrono::seconds backoffDelay(int consecutiveFailures, std::chrono::seconds pollInterval,
                                  const FetchError& error, double jitterUnit);

/// The poll interval a setting asks for, held to kMinPollInterval at least.
std::chrono::seconds clampPollInterval(std::chrono::seconds requested);

}  // namespace cut::core
