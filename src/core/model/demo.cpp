#include "core/model/demo.h"

#include <chrono>

namespace cut::core {

UsageSnapshot makeDemoSnapshot(TimePoint now) {
  using namespace std::chrono_literals;
  const TimePoint minute = std::chrono::floor<std::chrono::minutes>(now);
  const auto limit = [&](const char* id, const char* label, double percent, std::chrono::minutes resetsIn,
                         std::int64_t windowSeconds) {
    return Limit{.id = id,
                 .label = label,
                 .usedPercent = percent,
                 .resetsAt = minute + resetsIn,
                 .windowSeconds = windowSeconds,
                 .source = Source::ClaudeAi,
                 .observedAt = now};
  };

  Usage usage;
  usage.limits = {
      limit("five_hour", "Session (5h)", 38.0, 3h + 47min, kFiveHourSeconds),
      limit("seven_day", "Weekly (all models)", 74.0, 2 * 24h + 5h, kSevenDaySeconds),
      limit("seven_day_opus", "Weekly Opus", 93.0, 2 * 24h + 5h, kSevenDaySeconds),
  };
  usage.extra = ExtraUsage{.used = 15.38, .limit = 25.0, .currency = "EUR"};

  UsageSnapshot snapshot;
  snapshot.usage = std::move(usage);
  snapshot.organization =
      Organization{.uuid = "00000000-0000-4000-8000-000000000000", .name = "Demo organization"};
  snapshot.organizations = {*snapshot.organization};
  snapshot.lastSuccess = now;
  snapshot.lastAttempt = now;
  snapshot.demo = true;
  return snapshot;
}

}  // namespace cut::core
