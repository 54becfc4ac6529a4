// `Retry-After`: delta-seconds or an HTTP date (RFC 9110 §10.2.3), read leniently.

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "core/claude/fetch_policy.h"

namespace cut::core {
namespace {

/// A server asking for more than a day is treated as asking for a day.
constexpr std::int64_t kMaxRetryAfterSeconds = 24 * 3600;

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> toInt(std::string_view text) {
  if (!allDigits(text) || text.size() > 4) return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

/// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and
/// asctime ("Sun Nov  6 08:49:37 1994"): the same tokens in different orders.
std::optional<TimePoint> parseHttpDate(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == ',' || text[i] == '-') {
      if (i > start) tokens.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  std::optional<int> day, month, year, hour, minute, second;
  for (const std::string_view token : tokens) {
    const std::string word = lower(token);
    if (token.size() == 8 && token[2] == ':' && token[5] == ':') {
      hour = toInt(token.substr(0, 2));
      minute = toInt(token.substr(3, 2));
      second = toInt(token.substr(6, 2));
      if (!hour || !minute || !second) return std::nullopt;
    } else if (allDigits(token) && token.size() <= 2 && !day) {
      day = toInt(token);
    } else if (allDigits(token) && (token.size() == 4 || token.size() == 2)) {
      year = toInt(token);
      if (token.size() == 2) *year += *year >= 70 ? 1900 : 2000;
    } else if (const auto it = std::find(kMonths.begin(), kMonths.end(), word); it != kMonths.end()) {
      month = static_cast<int>(it - kMonths.begin()) + 1;
    } else if (word.size() < 3 || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) {
      return std::nullopt;  // weekday names and the zone pass; digits or symbols elsewhere do not
    }
  }
  if (!day || !month || !year || !hour) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok() || *year < 1970 || *year > 2200 || *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  using namespace std::chrono;
  return time_point_cast<Clock::duration>(sys_days{date} + hours{*hour} + minutes{*minute} +
                                          seconds{*second});
}

}  // namespace

std::optional<std::int64_t> parseRetryAfter(std::string_view value, TimePoint now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (allDigits(value)) {
    if (value.size() > 12) return kMaxRetryAfterSeconds;
    std::int64_t seconds = 0;
    std::from_chars(value.data(), value.data() + value.size(), seconds);
    return std::min(seconds, kMaxRetryAfterSeconds);
  }
  const auto date = parseHttpDate(value);
  if (!date) return std::nullopt;
  const auto delta = std::chrono::duration_cast<std::chrono::seconds>(*date - now).count();
  return std::clamp<std::int64_t>(delta, 0, kMaxRetryAfterSeconds);
}

}  // namespace cut::core
