#pragma once
// Extra usage (paid overage) from the shapes claude.ai uses for it. Internal to src/core.

#include <optional>

#include "core/claude/json_read.h"
#include "core/model/usage.h"

namespace cut::core::json_read {

/// From an `extra_usage` / `overage_spend_limit` object (`is_enabled`, `used_credits`,
/// `monthly_limit` or `monthly_credit_limit`, `currency`, optional `decimal_places`) and/or a newer
/// `spend` object (`used`/`limit` as {amount_minor, currency, exponent}), either may be null.
/// Empty when extra usage is not enabled. Amounts come in minor units and leave in major units.
std::optional<ExtraUsage> readExtraUsage(const Json* extraUsage, const Json* spend);

}  // namespace cut::core::json_read
