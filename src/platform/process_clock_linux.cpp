#include "platform/process_clock.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace cut::platform {

std::optional<unsigned long long> parseStartTicks(std::string_view statLine) {
  // "PID (COMM) STATE PPID ...": COMM ends at the last ')', the fields after it start at the 3rd.
  const std::size_t close = statLine.rfind(')');
  if (close == std::string_view::npos) return std::nullopt;
  std::string_view rest = statLine;
  rest.remove_prefix(close + 1);
  constexpr int kStartTimeField = 22;
  for (int field = 3;; ++field) {
    const std::size_t begin = rest.find_first_not_of(" \n");
    if (begin == std::string_view::npos) return std::nullopt;
    rest.remove_prefix(begin);
    const std::size_t end = std::min(rest.find_first_of(" \n"), rest.size());
    if (field == kStartTimeField) {
      unsigned long long ticks = 0;
      const auto [next, ec] = std::from_chars(rest.data(), rest.data() + end, ticks);
      if (ec != std::errc() || next != rest.data() + end) return std::nullopt;
      return ticks;
    }
    rest.remove_prefix(end);
  }
}

std::optional<double> millisecondsSinceProcessStart() {
  std::FILE* file = std::fopen("/proc/self/stat", "r");
  if (!file) return std::nullopt;
  std::array<char, 1024> buffer{};
  const std::size_t length = std::fread(buffer.data(), 1, buffer.size(), file);
  std::fclose(file);
  const auto ticks = parseStartTicks(std::string_view(buffer.data(), length));
  const long ticksPerSecond = sysconf(_SC_CLK_TCK);
  timespec now{};
  if (!ticks || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) return std::nullopt;
  const double nowMs = static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
  const double startMs = static_cast<double>(*ticks) * 1e3 / static_cast<double>(ticksPerSecond);
  return nowMs - startMs;
}

double processCpuSeconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0.0;
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace cut::platform
