// Process clock on Windows: GetProcessTimes' creation time against the system clock, both in
// 100 ns FILETIME steps, so the loader's work before main() counts as it does on Linux.
#include <windows.h>

#include "platform/process_clock.h"

namespace cut::platform {
namespace {

double fileTimeMs(const FILETIME& time) {
  const unsigned long long ticks =
      (static_cast<unsigned long long>(time.dwHighDateTime) << 32) | time.dwLowDateTime;
  return static_cast<double>(ticks) / 1e4;
}

}  // namespace

std::optional<double> millisecondsSinceProcessStart() {
  FILETIME created{}, exited{}, kernel{}, user{};
  if (!GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user)) return std::nullopt;
  FILETIME now{};
  GetSystemTimePreciseAsFileTime(&now);
  return fileTimeMs(now) - fileTimeMs(created);
}

double processCpuSeconds() {
  FILETIME created{}, exited{}, kernel{}, user{};
  if (!GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user)) return 0.0;
  return (fileTimeMs(kernel) + fileTimeMs(user)) / 1e3;
}

}  // namespace cut::platform
