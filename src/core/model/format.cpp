#include "core/model/format.h"

#include <array>
#include <charconv>
#include <cmath>
#include <ctime>

#include "core/model/terminal_text.h"

namespace cut::core {
namespace {

using namespace std::chrono;

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::tm localParts(TimePoint time) {
  const std::time_t seconds = Clock::to_time_t(floor<std::chrono::seconds>(time));
  std::tm parts{};
  localtime_r(&seconds, &parts);
  return parts;
}

bool sameLocalDay(const std::tm& a, const std::tm& b) {
  return a.tm_year == b.tm_year && a.tm_yday == b.tm_yday;
}

/// Fixed-point text without locale: std::to_chars never uses a decimal comma.
std::string fixed(double value, int decimals) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
  if (result.ec != std::errc()) return "?";
  return std::string(buffer, result.ptr);
}

std::string clockText(const std::tm& parts, bool clock24h) {
  char buffer[16];
  if (clock24h) {
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", parts.tm_hour, parts.tm_min);
  } else {
    const int hour12 = parts.tm_hour % 12 == 0 ? 12 : parts.tm_hour % 12;
    std::snprintf(buffer, sizeof buffer, "%d:%02d %s", hour12, parts.tm_min,
                  parts.tm_hour < 12 ? "AM" : "PM");
  }
  return buffer;
}

}  // namespace

std::string formatDuration(std::chrono::seconds duration) {
  if (duration <= seconds::zero()) return "now";
  if (duration < minutes{1}) return "<1m";
  const auto totalMinutes = duration_cast<minutes>(duration).count();
  const auto daysPart = totalMinutes / (24 * 60);
  const auto hoursPart = totalMinutes / 60 % 24;
  const auto minutesPart = totalMinutes % 60;
  if (daysPart > 0) {
    return std::to_string(daysPart) + "d" + (hoursPart > 0 ? " " + std::to_string(hoursPart) + "h" : "");
  }
  if (hoursPart > 0) {
    return std::to_string(hoursPart) + "h" + (minutesPart > 0 ? " " + std::to_string(minutesPart) + "m" : "");
  }
  return std::to_string(minutesPart) + "m";
}

std::string formatResetsIn(const Limit& limit, TimePoint now) {
  if (!limit.resetsAt) {
    return limit.windowSeconds == kFiveHourSeconds ? "no active session" : "reset time unknown";
  }
  if (*limit.resetsAt <= now) return "window has reset";
  return "resets in " + formatDuration(duration_cast<seconds>(*limit.resetsAt - now));
}

std::string formatLocalTime(TimePoint time, TimePoint now, bool clock24h) {
  const std::tm parts = localParts(time);
  const std::string clock = clockText(parts, clock24h);
  if (sameLocalDay(parts, localParts(now))) return clock;
  // Within the coming week a weekday is unambiguous; further out (or in the past) the date is.
  if (time > now && time - now < days{6})
    return std::string(kWeekdays.at(static_cast<std::size_t>(parts.tm_wday))) + " " + clock;
  return std::to_string(parts.tm_mday) + " " + kMonths.at(static_cast<std::size_t>(parts.tm_mon)) + " " +
         clock;
}

std::string formatMoney(double amount, const std::string& currency) {
  if (!std::isfinite(amount)) return currency.empty() ? "?" : "? " + terminalSafe(currency);
  const int decimals = currency == "JPY" ? 0 : 2;
  const bool roundsToZero = std::fabs(amount) < 0.5 * std::pow(10.0, -decimals);
  const std::string sign = amount < 0.0 && !roundsToZero ? "-" : "";
  const std::string number = fixed(std::fabs(amount), decimals);
  if (currency == "USD") return sign + "$" + number;
  if (currency == "EUR") return sign + "€" + number;
  if (currency == "GBP") return sign + "£" + number;
  if (currency == "JPY") return sign + "¥" + number;
  if (currency.empty()) return sign + number;
  return sign + number + " " + terminalSafe(currency);
}

std::string formatPercent(double percent) {
  if (!std::isfinite(percent)) return "?%";
  double tenths = std::round(percent * 10.0) / 10.0;
  if (tenths == 0.0) tenths = 0.0;  // no "-0%" for a tiny negative
  if (tenths == std::round(tenths)) return fixed(tenths, 0) + "%";
  return fixed(tenths, 1) + "%";
}

std::string formatAge(TimePoint since, TimePoint now) {
  const auto age = duration_cast<seconds>(now - since);
  if (age < minutes{1}) return "updated just now";
  if (age < hours{1}) return "updated " + std::to_string(duration_cast<minutes>(age).count()) + " min ago";
  if (age < days{1}) return "updated " + std::to_string(duration_cast<hours>(age).count()) + " h ago";
  return "updated " + std::to_string(duration_cast<days>(age).count()) + " d ago";
}

}  // namespace cut::core
