#pragma once
// What the footer says: how old the numbers are and, while stale or failing, what is wrong and what
// to do. Pure functions of the snapshot, so each message is tested without drawing.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/files/settings.h"
#include "core/model/alert_policy.h"
#include "core/model/snapshot.h"
#include "theme.h"

namespace cut::ui {

/// Numbers are stale when the last attempt failed (other than for want of a key while Claude Code's
/// numbers are shown), or when the newest of the last success and Claude Code's readings is older
/// than three poll intervals (and at least five minutes): the poller has fallen behind, say, after a
/// suspend, or Claude Code has not been used for a while.
bool isStale(const core::UsageSnapshot& snapshot, const core::Settings& settings, core::TimePoint now);

struct FooterLine {
  /// What clicking the line does.
  enum class Click { None, KeyEntry, Settings, Refresh, DismissNotices, DismissAlerts };
  std::string text;
  Tone tone = Tone::Muted;
  Click click = Click::None;
  /// Shown on hover: the fetcher's full message, for people. Never holds the key.
  std::string detail;
};

/// Shown with no key while Claude Code's numbers are drawn; clicking it opens the key entry.
inline constexpr std::string_view kFromClaudeCodeLine =
    "From Claude Code \u2014 add a session key for per-model limits and extra usage";

/// The footer's lines, most important first. Always at least one line.
std::vector<FooterLine> footerLines(const core::UsageSnapshot& snapshot, const core::Settings& settings,
                                    bool hasKey, core::TimePoint now);

/// The line that stands for the widget's notices (ViewModel::notices): how many, with all of them
/// on hover; clicking it dismisses them. Empty notices give no line.
std::optional<FooterLine> noticesLine(const std::vector<std::string>& notices);

/// At most this many alerts get a line of their own; the rest are counted on one more line.
inline constexpr std::size_t kAlertLinesShown = 3;

/// The lines for alerts the notification service could not show, newest first: each names the
/// limit and the percent (the notification's summary) with its body on hover; clicking any of them
/// dismisses them all. No alerts give no lines.
std::vector<FooterLine> alertLines(const std::vector<core::Notification>& alerts);

}  // namespace cut::ui
