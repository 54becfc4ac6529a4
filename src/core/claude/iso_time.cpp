// ISO-8601 timestamps as claude.ai sends them, and back to text for `status --json`.

#include <cstdio>

#include "core/claude/usage_parser.h"

namespace cut::core {
namespace {

// Years a TimePoint (nanoseconds since 1970 in an int64) holds with room to spare; anything
// outside is garbage for this API.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2200;

class Cursor {
 public:
  explicit Cursor(std::string_view text) : m_text(text) {}

  bool done() const { return m_pos == m_text.size(); }
  char peek() const { return done() ? '\0' : m_text[m_pos]; }

  bool take(char c) {
    if (peek() != c) return false;
    ++m_pos;
    return true;
  }

  /// Exactly `count` decimal digits.
  bool digits(int count, int& out) {
    out = 0;
    for (int i = 0; i < count; ++i) {
      const char c = peek();
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
      ++m_pos;
    }
    return true;
  }

  /// One to nine fraction digits, as nanoseconds.
  bool fraction(std::int64_t& nanos) {
    nanos = 0;
    int count = 0;
    while (peek() >= '0' && peek() <= '9') {
      if (++count > 9) return false;
      nanos = nanos * 10 + (peek() - '0');
      ++m_pos;
    }
    if (count == 0) return false;
    for (int i = count; i < 9; ++i) nanos *= 10;
    return true;
  }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
};

}  // namespace

std::optional<TimePoint> parseIsoTime(std::string_view text) {
  Cursor in(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!in.digits(4, year) || !in.take('-') || !in.digits(2, month) || !in.take('-') || !in.digits(2, day)) {
    return std::nullopt;
  }
  if (!in.take('T') && !in.take('t') && !in.take(' ')) return std::nullopt;
  if (!in.digits(2, hour) || !in.take(':') || !in.digits(2, minute) || !in.take(':') ||
      !in.digits(2, second)) {
    return std::nullopt;
  }
  std::int64_t nanos = 0;
  if (in.take('.') && !in.fraction(nanos)) return std::nullopt;

  int offsetMinutes = 0;
  if (in.take('Z') || in.take('z')) {
    // UTC
  } else if (in.peek() == '+' || in.peek() == '-') {
    const int sign = in.take('-') ? -1 : 1;
    in.take('+');
    int offsetHours = 0, offsetMins = 0;
    if (!in.digits(2, offsetHours) || !in.take(':') || !in.digits(2, offsetMins)) return std::nullopt;
    if (offsetHours > 23 || offsetMins > 59) return std::nullopt;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  } else {
    return std::nullopt;  // no zone: the instant would be a guess
  }
  if (!in.done()) return std::nullopt;

  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  // A leap second (:60) is accepted and lands on the next second.
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;

  using namespace std::chrono;
  const auto local = sys_days{date} + hours{hour} + minutes{minute} + seconds{second} + nanoseconds{nanos};
  const auto utc = local - minutes{offsetMinutes};
  return time_point_cast<Clock::duration>(utc);
}

std::string formatIsoTimeUtc(TimePoint time) {
  using namespace std::chrono;
  const auto whole = floor<seconds>(time);
  const auto dayStart = floor<days>(whole);
  const year_month_day date{dayStart};
  const hh_mm_ss clock{whole - dayStart};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return buffer;
}

}  // namespace cut::core
