#pragma once
// Loading what the widget draws from the history: the current window of every limit.

#include <filesystem>
#include <memory>

#include "core/model/usage.h"
#include "core/model/window_samples.h"

namespace cut::core {

/// The longest window the history is asked about (the weekly one); older readings are not read.
inline constexpr std::chrono::hours kWindowSamplesLookBack{7 * 24 + 1};

/// Opens the history in `stateDir` and loads the samples of each limit's current window as of
/// `now`. A stored value that repeated until `seenUntil` also yields a sample there, so an idle
/// stretch reads as flat. A history that cannot be read is set aside (named in `notice`) and the
/// result is empty; any other failure is named in `notice` too. With no history file yet the result
/// is empty and no file is created. Touches SQLite: never call it from
/// the UI thread. Never throws.
std::shared_ptr<const WindowSamples> loadWindowSamples(const std::filesystem::path& stateDir, TimePoint now);

}  // namespace cut::core
