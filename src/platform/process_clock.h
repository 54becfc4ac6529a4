#pragma once
// How long this process has existed, measured from the moment the kernel created it, so dynamic
// loading and everything before main() counts, and the CPU time it has used. Linux: /proc/self/stat
// against CLOCK_BOOTTIME (process_clock_linux.cpp); Windows: GetProcessTimes (process_clock_windows.cpp).

#include <optional>
#include <string_view>

namespace cut::platform {

/// Milliseconds since the kernel started this process, or nullopt where the OS will not say (Linux:
/// /proc is not readable). Linux keeps the start time in clock ticks (usually 10 ms) rounded down,
/// so there this is an upper bound, at most one tick above the true age.
std::optional<double> millisecondsSinceProcessStart();

/// User plus system CPU seconds this process has used so far, all threads.
double processCpuSeconds();

/// Linux only: the start time field (22nd, in clock ticks since boot) of a /proc/PID/stat line, or
/// nullopt when the line is malformed. The command name (2nd field) may itself hold spaces and parentheses.
std::optional<unsigned long long> parseStartTicks(std::string_view statLine);

}  // namespace cut::platform
