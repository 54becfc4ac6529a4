#pragma once
// Text for people: countdowns, clock times, money, percentages. Shared by the widget, `status` and
// the status line so all three say the same thing the same way.

#include <chrono>
#include <optional>
#include <string>

#include "core/model/usage.h"

namespace cut::core {

/// "3h 47m", "2d 4h", "12m", "<1m" (whole units, rounded down; "3h", "2d" when the smaller unit is 0);
/// "now" for zero or less.
std::string formatDuration(std::chrono::seconds duration);

/// "resets in 3h 47m"; "window has reset" when the reset time has passed; when the reset time is
/// unknown, "no active session" for a 5-hour window and "reset time unknown" for any other.
std::string formatResetsIn(const Limit& limit, TimePoint now);

/// Local wall-clock time of `time`: "14:05" or "2:05 PM"; with the weekday ("Tue 14:05") when it is
/// not today but within the coming six days, with the date ("2 Dec 14:05") otherwise. English
/// names, whatever the locale.
std::string formatLocalTime(TimePoint time, TimePoint now, bool clock24h);

/// "$12.75", "€15.38", "£3.00", "¥1200", or "12.75 CHF" for currencies without a symbol; just
/// "12.75" when the currency is unknown (empty).
std::string formatMoney(double amount, const std::string& currency);

/// "38%", "38.5%" only when not whole.
std::string formatPercent(double percent);

/// "updated just now", "updated 2 min ago", "updated 3 h ago", "updated 2 d ago".
std::string formatAge(TimePoint since, TimePoint now);

}  // namespace cut::core
