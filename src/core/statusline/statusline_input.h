#pragma once
// What Claude Code hands the status line on stdin (claude-api.md §2.1), read tolerantly: every
// field is optional, numbers may be strings, and a truncated or garbage document still yields
// whatever was readable before the damage.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/usage.h"

namespace cut::core {

/// The most the status line reads from stdin; anything beyond is ignored.
inline constexpr std::size_t kMaxStatuslineInputBytes = 1 << 20;

struct StatuslineInput {
  /// `workspace.current_dir`, else `cwd`; empty when neither arrived.
  std::string currentDir;
  /// `model.display_name`, else `model.id`.
  std::string model;
  /// `context_window.used_percentage`, 0..100.
  std::optional<double> contextPercent;
  /// `cost.total_cost_usd`.
  std::optional<double> costUsd;
  /// `rate_limits.five_hour` and `rate_limits.seven_day` as limits with Source::ClaudeCode,
  /// stamped with the time they were read. Only readings with a percentage are kept.
  std::vector<Limit> rateLimits;
  /// False when the text was empty or not a JSON object at all.
  bool anyField = false;

  const Limit* find(std::string_view id) const;
};

/// Reads Claude Code's status-line JSON. Never fails: damage ends the read, keeping what came
/// before it. `now` stamps the rate-limit readings (their observedAt).
StatuslineInput parseStatuslineInput(std::string_view text, TimePoint now);

}  // namespace cut::core
