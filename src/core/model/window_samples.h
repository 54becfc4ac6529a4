#pragma once
// The samples of each limit's current window, as the widget draws them (pace, charts). Built off
// the main thread from the history (core/history/window_samples_load.h) and published beside the
// numbers in the snapshot, immutable.

#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/pace.h"

namespace cut::core {

struct WindowSamples {
  /// Per limit id: the samples of its current window, oldest first (core::currentWindowSamples).
  std::map<std::string, std::vector<PaceSample>, std::less<>> byLimit;
  /// For the footer: a history that could not be read and was set aside (see setAsideMessage),
  /// or why it could not be loaded. Empty when all went well.
  std::string notice;

  /// The samples of `limitId`; empty when none were recorded.
  std::span<const PaceSample> of(std::string_view limitId) const {
    const auto found = byLimit.find(limitId);
    return found == byLimit.end() ? std::span<const PaceSample>()
                                  : std::span<const PaceSample>(found->second);
  }

  bool operator==(const WindowSamples&) const = default;
};

}  // namespace cut::core
