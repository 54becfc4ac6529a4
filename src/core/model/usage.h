#pragma once
// The usage model: what the widget, `status` and the status line show. Plain values, no JSON.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cut::core {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;

/// Where a reading came from.
enum class Source {
  ClaudeAi,    ///< fetched from claude.ai with the session key
  ClaudeCode,  ///< handed to the status line by Claude Code (`rate_limits` on its stdin)
};

/// "claude.ai" or "claude-code".
std::string_view sourceName(Source source);

inline constexpr std::int64_t kFiveHourSeconds = 5 * 3600;
inline constexpr std::int64_t kSevenDaySeconds = 7 * 24 * 3600;

/// One usage window (a "bucket"): the 5-hour session, the weekly window, a per-model weekly cap...
struct Limit {
  /// `five_hour`, `seven_day`, `seven_day_opus`, `seven_day_sonnet`, or `seven_day_<family>` in
  /// lower case for any other cap; unknown buckets keep their key.
  std::string id;
  /// For people: "Session (5h)", "Weekly (all models)", "Weekly Opus", "Weekly Claude Design"...
  std::string label;
  /// Percent used as the server reported it, 0..100, may exceed 100 when over the limit.
  double usedPercent = 0.0;
  /// When the window resets; empty when the server sent null (no session running).
  std::optional<TimePoint> resetsAt;
  /// Length of the window: kFiveHourSeconds, kSevenDaySeconds, or 0 when unknown.
  std::int64_t windowSeconds = 0;
  Source source = Source::ClaudeAi;
  /// When this reading was taken (fetch time, or when Claude Code handed it over).
  TimePoint observedAt{};

  bool operator==(const Limit&) const = default;
};

/// The percentage to show at `now`: a window whose reset time has passed counts as 0 % used.
double effectivePercent(const Limit& limit, TimePoint now);

/// How full a limit looks: green below amberPercent, amber from amberPercent up to (not including)
/// redPercent, red from redPercent up. The one rule behind the widget's colours and the status
/// line's (thresholds from Settings.amberPercent / redPercent).
enum class Band { Green, Amber, Red };
Band bandFor(double usedPercent, double amberPercent, double redPercent);

/// Fraction of the window that has elapsed at `now` (0..1): where the gauge's even-pace marker goes.
/// Empty when the reset time or window length is unknown, and once the reset time has passed (the
/// next window's start is not known until the server reports it).
std::optional<double> elapsedFraction(const Limit& limit, TimePoint now);

/// Paid usage beyond the plan, in major units (dollars, euros).
struct ExtraUsage {
  double used = 0.0;
  std::optional<double> limit;  ///< monthly limit; empty when unlimited or not reported
  std::string currency;         ///< ISO 4217, upper case ("USD")

  bool operator==(const ExtraUsage&) const = default;
};

struct Organization {
  std::string uuid;
  std::string name;
  std::vector<std::string> capabilities;

  bool operator==(const Organization&) const = default;
};

/// Everything one successful fetch produced.
struct Usage {
  /// In display order: session, weekly (all models), per-model weekly caps, then any others.
  std::vector<Limit> limits;
  /// Set only when extra usage is enabled for the account.
  std::optional<ExtraUsage> extra;

  const Limit* find(std::string_view id) const;
  bool operator==(const Usage&) const = default;
};

}  // namespace cut::core
