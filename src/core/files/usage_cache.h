#pragma once
// The shared usage cache: `usage-cache.json` in the state folder, holding the newest reading of
// each limit from either source (claude.ai through the key, or Claude Code's status-line input).
// The widget and `status` record after each successful fetch; the status line records the
// rate_limits it is handed; all of them read it. Any number of processes may write at once: each
// write is a read-merge-write under an flock on `usage-cache.lock`, replacing the file atomically.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/files/atomic_file.h"
#include "core/result.h"
#include "core/model/usage.h"

namespace cut::core {

/// A cache older than this is drawn as stale and, with a key, refreshed in the background.
inline constexpr std::chrono::seconds kCacheFreshFor{5 * 60};

struct CachedUsage {
  /// Limits in display order, each with its source and observedAt.
  Usage usage;
  /// When the extra-usage figure (or its absence) was last reported by claude.ai.
  std::optional<TimePoint> extraObservedAt;
  /// The organization of the last claude.ai reading; empty when only Claude Code wrote.
  std::string organizationName;

  /// The newest observedAt among the limits from `source`; empty when there are none.
  std::optional<TimePoint> newestFrom(Source source) const;
  bool operator==(const CachedUsage&) const = default;
};

std::filesystem::path usageCachePath(const std::filesystem::path& stateDir);

/// Per limit id, the reading with the later observedAt wins (`incoming` on a tie). Limits known to
/// only one side are kept. Display order: session, weekly, per-model weekly, then the rest; the first kMaxLimits kept.
Usage mergeUsage(const Usage& current, const Usage& incoming);

/// mergeUsage for the limits; extra usage and the organization follow the newer claude.ai reading.
CachedUsage mergeCache(const CachedUsage& current, const CachedUsage& incoming);

/// The cache as text, and back. Parsing never throws; anything unusable gives an empty optional.
std::string serializeCache(const CachedUsage& cache);
std::optional<CachedUsage> parseCache(std::string_view text);

/// Reads the cache without taking the lock (writers replace it by rename, so a reader sees a whole
/// file). Empty when missing, unreadable or corrupt.
std::optional<CachedUsage> readCache(const std::filesystem::path& stateDir);

/// `cache` without its readings dated ahead of `now` beyond kClockSkewAllowance (a clock that was
/// wrong, an edited file): such a reading would win every merge and freeze the numbers until that
/// date, so it counts as stale. recordUsage drops them from the file at its next write.
CachedUsage withoutFutureReadings(CachedUsage cache, TimePoint now);

/// One version of a file: every writer replaces the cache by rename, so a new version differs in
/// inode, and a rewrite in place in size or mtime. Empty (all -1/0) when the file is missing.
struct FileStamp {
  std::int64_t mtimeNs = -1;
  std::int64_t size = -1;
  std::uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
};
FileStamp fileStamp(const std::filesystem::path& path);

/// The cache as recordUsage left it, and the stamp of that version of the file: a reader that
/// already holds `cache` need not read the file again while its stamp is `stamp`.
struct RecordedCache {
  CachedUsage cache;
  FileStamp stamp;
};

/// Merges `usage` into the cache. Limits whose observedAt is unset are stamped `now`; stored
/// readings dated ahead of `now` (datedAhead) are dropped. A reading
/// with any claude.ai limit, or a non-empty `organizationName`, is a claude.ai reading: its extra
/// usage (present or not) and organization replace older ones. Waits at most `lockWait` for
/// other writers; a corrupt cache is replaced. Creates the state folder (0700) when missing.
Result<RecordedCache, FileError> recordUsage(const std::filesystem::path& stateDir, const Usage& usage,
                                    const std::string& organizationName, TimePoint now,
                                    std::chrono::milliseconds lockWait = std::chrono::milliseconds(2000));

}  // namespace cut::core
