#pragma once
// How long this process has existed, measured from the moment the kernel created it, so dynamic
// loading and everything before main() counts. Linux: /proc/self/stat against CLOCK_BOOTTIME.

#include <optional>
#include <string_view>

namespace cut::platform {

/// Milliseconds since the kernel started this process, or nullopt where /proc is not readable.
/// The kernel keeps the start time in clock ticks (usually 10 ms) rounded down, so this is an upper
/// bound, at most one tick above the true age.
std::optional<double> millisecondsSinceProcessStart();

/// The start time field (22nd, in clock ticks since boot) of a /proc/PID/stat line, or nullopt when
/// the line is malformed. The command name (2nd field) may itself hold spaces and parentheses.
std::optional<unsigned long long> parseStartTicks(std::string_view statLine);

}  // namespace cut::platform
