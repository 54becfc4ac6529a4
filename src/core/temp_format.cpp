// temporary: replaced by format.cpp
#include "format.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace cut::core {

namespace {

std::tm localTm(TimePoint time) {
  const std::time_t t = Clock::to_time_t(time);
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

}  // namespace

std::string formatDuration(std::chrono::seconds duration) {
  const std::int64_t total = duration.count();
  if (total <= 0) return "now";
  if (total < 60) return "<1m";
  // Round up to the next minute so a countdown never shows "0m" while time remains.
  const std::int64_t minutes = (total + 59) / 60;
  const std::int64_t days = minutes / (24 * 60);
  const std::int64_t hours = (minutes / 60) % 24;
  const std::int64_t mins = minutes % 60;
  char buf[48];
  if (days > 0) {
    std::snprintf(buf, sizeof buf, "%lldd %lldh", static_cast<long long>(days),
                  static_cast<long long>(hours));
  } else if (hours > 0) {
    std::snprintf(buf, sizeof buf, "%lldh %lldm", static_cast<long long>(hours),
                  static_cast<long long>(mins));
  } else {
    std::snprintf(buf, sizeof buf, "%lldm", static_cast<long long>(mins));
  }
  return buf;
}

std::string formatResetsIn(const Limit& limit, TimePoint now) {
  if (!limit.resetsAt) return "no active session";
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(*limit.resetsAt - now);
  if (left.count() <= 0) return "resets now";
  return "resets in " + formatDuration(left);
}

std::string formatLocalTime(TimePoint time, TimePoint now, bool clock24h) {
  const std::tm tm = localTm(time);
  const std::tm today = localTm(now);
  const bool sameDay = tm.tm_year == today.tm_year && tm.tm_yday == today.tm_yday;
  char clock[32];
  if (clock24h) {
    std::snprintf(clock, sizeof clock, "%02d:%02d", tm.tm_hour, tm.tm_min);
  } else {
    const int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
    std::snprintf(clock, sizeof clock, "%d:%02d %s", hour12, tm.tm_min, tm.tm_hour < 12 ? "AM" : "PM");
  }
  if (sameDay) return clock;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return std::string(kDays[tm.tm_wday % 7]) + " " + clock;
}

std::string formatMoney(double amount, const std::string& currency) {
  struct Symbol {
    const char* code;
    const char* symbol;
    int decimals;
  };
  static constexpr Symbol kSymbols[] = {
      {"USD", "$", 2},   {"EUR", "\u20AC", 2}, {"GBP", "\u00A3", 2}, {"JPY", "\u00A5", 0},
      {"CAD", "CA$", 2}, {"AUD", "A$", 2},     {"INR", "\u20B9", 2},
  };
  for (const Symbol& s : kSymbols) {
    if (currency == s.code) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%.*f", s.symbol, s.decimals, amount);
      return buf;
    }
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  return currency.empty() ? std::string(buf) : std::string(buf) + " " + currency;
}

std::string formatPercent(double percent) {
  const double tenths = std::round(percent * 10.0) / 10.0;
  char buf[32];
  if (std::fabs(tenths - std::round(tenths)) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f%%", tenths);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f%%", tenths);
  }
  return buf;
}

std::string formatAge(TimePoint since, TimePoint now) {
  const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - since).count();
  if (age < 60) return "updated just now";
  char buf[48];
  if (age < 3600) {
    std::snprintf(buf, sizeof buf, "updated %lld min ago", static_cast<long long>(age / 60));
  } else if (age < 48 * 3600) {
    std::snprintf(buf, sizeof buf, "updated %lld h ago", static_cast<long long>(age / 3600));
  } else {
    std::snprintf(buf, sizeof buf, "updated %lld days ago", static_cast<long long>(age / 86400));
  }
  return buf;
}

}  // namespace cut::core
