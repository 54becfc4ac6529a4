#pragma once
// Shared by the libFuzzer targets: the fuzzer's bytes as text, a fixed "now" (fuzzing must be
// reproducible: the same input, the same path), and a private folder for targets that read files.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/model/usage.h"

namespace cut::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// 2026-12-01T00:00:00Z.
inline const core::TimePoint kNow = core::Clock::from_time_t(1'796'083'200);

/// A folder of this process's own under the temporary folder, created on first use and emptied
/// of whatever the last input left there.
std::filesystem::path scratchDir();

/// Writes `content` to `path`, replacing it.
void writeFile(const std::filesystem::path& path, std::string_view content);

}  // namespace cut::fuzz
