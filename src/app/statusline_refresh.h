#pragma once
// The status line's background refresh: one detached `claude-usage-tracker-full status` at a time,
// which fetches with the key and writes the usage cache, while the status line has long exited.

#include <chrono>
#include <filesystem>

#include "app/cli.h"

namespace cut::app {

/// No more than one refresh is started per this interval, even when each one fails.
inline constexpr std::chrono::seconds kRefreshAttemptInterval{60};

enum class RefreshStart {
  Started,         ///< a detached `status` now runs
  AlreadyRunning,  ///< another refresh holds the lock
  TooSoon,         ///< one was started less than kRefreshAttemptInterval ago
  Failed,          ///< the lock file or the process could not be made
};

/// Starts `claude-usage-tracker-full status` (the full program directly, beside this one) with
/// the same key file, folders and API options, detached
/// (setsid, stdin/stdout/stderr on /dev/null, no pipe of the caller kept open) so that Claude
/// Code never waits for it. The child holds the lock on `<state>/refresh.lock` until it exits
/// (platform/lock_file.h); the lock file's modification time records the last start. Never blocks.
RefreshStart startBackgroundRefresh(const Options& options);

}  // namespace cut::app
