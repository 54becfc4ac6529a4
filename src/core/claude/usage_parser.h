#pragma once
// Tolerant parsers for what claude.ai answers. Every number may arrive as int, float or numeric
// string; every field may be missing or null; unknown keys are ignored and unknown buckets kept.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/model/usage.h"

namespace cut::core {

struct ParseError {
  /// For people, e.g. "expected a JSON object, got an HTML page". Never quotes more than 80
  /// characters of the body.
  std::string message;
};

/// GET /api/organizations/{org}/usage. `observedAt` stamps each limit.
///
/// Every non-null bucket becomes a Limit: `five_hour`, `seven_day`, `seven_day_<family>` and any
/// unknown object bucket (id from its key, label made readable). `limits[]` entries win over the
/// legacy keys of the same id. Order: session, weekly (all models), Opus, Sonnet, other weekly caps,
/// then the rest; the first kMaxLimits kept (time_bounds.h). `extra` is set only when extra usage is
/// enabled (`extra_usage.is_enabled`, or a `spend` object), in major units, currency upper-cased.
Result<Usage, ParseError> parseUsage(std::string_view body, TimePoint observedAt);

struct UsageReport {
  Usage usage;
  /// Whether the body said anything about extra usage (an `extra_usage` or `spend` object, enabled
  /// or not). When false, /overage_spend_limit is the place to ask.
  bool extraUsageReported = false;
};

/// parseUsage, also telling whether the body reported extra usage at all.
Result<UsageReport, ParseError> parseUsageReport(std::string_view body, TimePoint observedAt);

/// GET /api/organizations.
Result<std::vector<Organization>, ParseError> parseOrganizations(std::string_view body);

/// GET /api/organizations/{org}/overage_spend_limit. Empty optional when extra usage is disabled.
Result<std::optional<ExtraUsage>, ParseError> parseOverageSpendLimit(std::string_view body);

/// ISO-8601 with 0..9 fraction digits and `Z` or a ±hh:mm offset. Empty on anything else.
std::optional<TimePoint> parseIsoTime(std::string_view text);

/// "2026-11-29T03:59:59Z" (UTC, whole seconds).
std::string formatIsoTimeUtc(TimePoint time);

}  // namespace cut::core
