#pragma once
// Which desktop notifications a sequence of readings fires. Pure: the caller passes the readings
// and the record of what has fired already (AlertRecord, kept in the state folder by
// core/files/alert_ledger.h) and gets back the notifications to send and the updated record.
// Every alert fires at most once per window, so a restart, a second widget or a crash that replays
// the same readings fires nothing new.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/pace.h"
#include "core/model/usage.h"
#include "core/result.h"

namespace cut::core {

/// The `alerts` section of settings.json.
struct AlertSettings {
  /// Session (5-hour) percents that notify when crossed, ascending, each 1..100, at most 8.
  std::vector<double> sessionPercents = {75.0, 90.0, 95.0};
  /// Any weekly window crossing this percent, 1..100.
  double weeklyPercent = 90.0;
  bool session = true;              ///< notify on sessionPercents
  bool weekly = true;               ///< notify on weeklyPercent
  bool freshWindow = true;          ///< a window resetting after it reached kFreshWindowPeak
  bool keyExpired = true;           ///< the session key stopped working
  bool projectionCritical = false;  ///< the projection at the reset turning critical (≥ 100 %)

  bool operator==(const AlertSettings&) const = default;
};

/// At most this many session percents (AlertSettings::sessionPercents).
inline constexpr std::size_t kMaxSessionPercents = 8;

/// Why `percents` cannot be AlertSettings::sessionPercents (empty string: it can). The one rule for
/// the settings file and the settings panel: at most kMaxSessionPercents, each 1..100, rising.
std::string sessionPercentsProblem(const std::vector<double>& percents);

/// The percents as a person types them: "75, 90, 95" (spaces, commas and `%` signs are separators).
/// Text that is not such a list, or breaks sessionPercentsProblem, gives the reason for people.
Result<std::vector<double>, std::string> parseSessionPercents(std::string_view text);
/// "75, 90, 95": what parseSessionPercents reads back as the same list.
std::string formatSessionPercents(const std::vector<double>& percents);

/// A window that reached this percent notifies when it resets ("fresh 5-hour window").
inline constexpr double kFreshWindowPeak = 90.0;

/// What has fired in one limit's current window.
struct WindowRecord {
  std::optional<TimePoint> resetsAt;  ///< identifies the window
  double lastPercent = 0.0;           ///< the last reading taken as real (hiccups are not)
  double peakPercent = 0.0;
  std::vector<double> firedPercents;  ///< thresholds already notified in this window
  bool criticalFired = false;

  bool operator==(const WindowRecord&) const = default;
};

/// The whole record, per limit id.
struct AlertRecord {
  std::map<std::string, WindowRecord> windows;
  bool keyExpiredFired = false;  ///< cleared by the next reading that the key produced

  bool operator==(const AlertRecord&) const = default;
};

enum class AlertKind { Threshold, FreshWindow, KeyExpired, ProjectionCritical };

struct Notification {
  AlertKind kind = AlertKind::Threshold;
  std::string limitId;  ///< empty for KeyExpired
  std::string summary;  ///< names the limit by its label, and the percent
  std::string body;

  bool operator==(const Notification&) const = default;
};

/// One reading as the alert policy sees it.
struct AlertInput {
  TimePoint now{};
  /// The limits just read; empty when nothing was read (a failure).
  std::vector<Limit> limits;
  /// Pace per limit id (from computePace), for the projection alert; missing ids are unknown.
  std::map<std::string, Pace> pace;
  /// The key was refused as expired or revoked.
  bool keyExpired = false;
};

/// Whether `limit` counts as the session (the 5-hour window) or a weekly window.
bool isSessionLimit(const Limit& limit);
bool isWeeklyLimit(const Limit& limit);

/// Decides what `input` fires and updates `record`. Thresholds crossed since the last reading,
/// however many, fire one notification per limit naming the highest. A window that resets after
/// reaching kFreshWindowPeak fires once. A lone 0 % reading with an unchanged reset time (a phantom
/// reset) fires nothing and changes nothing. A reading at or after a window's reset time counts as
/// 0 % of a new window.
std::vector<Notification> evaluateAlerts(AlertRecord& record, const AlertInput& input,
                                         const AlertSettings& settings);

}  // namespace cut::core
