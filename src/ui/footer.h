#pragma once
// What the footer says: how old the numbers are and, while stale or failing, what is wrong and what
// to do. Pure functions of the snapshot, so each message is tested without drawing.

#include <string>
#include <vector>

#include "core/settings.h"
#include "core/snapshot.h"
#include "theme.h"

namespace cut::ui {

/// Numbers are stale when the last attempt failed, or when the last success is older than three
/// poll intervals (and at least five minutes): the poller has fallen behind, say, after a suspend.
bool isStale(const core::UsageSnapshot& snapshot, const core::Settings& settings, core::TimePoint now);

struct FooterLine {
  /// What clicking the line does.
  enum class Click { None, KeyEntry, Settings, Refresh };
  std::string text;
  Tone tone = Tone::Muted;
  Click click = Click::None;
  /// Shown on hover: the fetcher's full message, for people. Never holds the key.
  std::string detail;
};

/// The footer's lines, most important first. Always at least one line.
std::vector<FooterLine> footerLines(const core::UsageSnapshot& snapshot, const core::Settings& settings,
                                    bool hasKey, core::TimePoint now);

}  // namespace cut::ui
