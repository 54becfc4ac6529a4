// The /usage and /overage_spend_limit bodies from claude.ai, and what is shown of them.
#include "core/claude/usage_parser.h"
#include "core/model/format.h"
#include "core/model/terminal_text.h"
#include "core/model/time_bounds.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cut;
  const auto body = fuzz::text(data, size);
  if (auto report = core::parseUsageReport(body, fuzz::kNow)) {
    const core::Usage& usage = report.value().usage;
    if (usage.limits.size() > core::kMaxLimits) __builtin_trap();
    for (const core::Limit& limit : usage.limits) {
      (void)core::formatResetsIn(limit, fuzz::kNow);
      (void)core::elapsedFraction(limit, fuzz::kNow);
      (void)core::terminalSafe(limit.label);
      if (limit.resetsAt) (void)core::formatIsoTimeUtc(*limit.resetsAt);
    }
    if (usage.extra) (void)core::formatMoney(usage.extra->used, usage.extra->currency);
  }
  (void)core::parseOverageSpendLimit(body);
  return 0;
}
