#pragma once
// The usage history: every reading the program sees (each fetch from claude.ai, each changed
// `rate_limits` Claude Code hands the status line), kept 35 days in `history.sqlite` in the state
// folder. Holds percentages and times only, never a key.
//
// Several processes write at once (the widget, `status`, any number of status lines). The file is a
// SQLite database in WAL mode with synchronous=NORMAL: a commit is one append to the -wal file with
// no fsync, so a status line's write costs well under a millisecond, readers never block the
// writer, and a process killed at any moment leaves every committed reading intact (the rollback
// journal would need two fsyncs per commit and block readers while a writer commits). Writers
// serialise on SQLite's lock with a busy timeout chosen by the caller: short for the status line
// (a busy lock costs that one reading, never the line), longer for the widget and `status`.
//
// Bounds: unchanged readings are not stored twice (per source and limit, the newest stored values
// are compared; an unchanged reading only extends `seenUntil`); detail older than a day is thinned
// to one sample per limit per 10 minutes; anything older than 35 days is dropped.
//
// A file that is not a readable database is set aside as `history.sqlite.bad-<UTC time>` (its -wal
// beside it), never deleted, and a new history is started.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/usage.h"
#include "core/result.h"

struct sqlite3;

namespace cut::core {

inline constexpr std::chrono::hours kHistoryKeepFor{35 * 24};
inline constexpr std::chrono::hours kHistoryFullDetailFor{24};
inline constexpr std::chrono::seconds kHistoryThinStep{10 * 60};

/// One limit in a stored reading.
struct HistoryLimit {
  std::string id;
  double usedPercent = 0.0;
  std::optional<TimePoint> resetsAt;
  /// The last time this same value was seen (readings that repeated it were not stored again).
  TimePoint seenUntil{};

  bool operator==(const HistoryLimit&) const = default;
};

/// What one source reported at one time. Holds only the limits that changed since that source's
/// previous stored reading.
struct HistoryReading {
  TimePoint time{};  ///< whole seconds
  Source source = Source::ClaudeAi;
  std::vector<HistoryLimit> limits;

  bool operator==(const HistoryReading&) const = default;
};

struct HistoryError {
  std::string message;   ///< names the file and what went wrong
  bool corrupt = false;  ///< the file is not a readable database (it should be set aside)
};

std::filesystem::path historyPath(const std::filesystem::path& stateDir);

class HistoryStore {
 public:
  struct OpenOptions {
    /// How long a writer waits for another one before giving up on this reading.
    std::chrono::milliseconds busyWait{2000};
    /// Also read every page once (`PRAGMA quick_check`): for the widget's start and `history`,
    /// which read the file anyway; too slow for the status line, which finds a bad file when a
    /// write fails on it instead.
    bool verify = false;
  };

  /// Opens the history in `stateDir`, creating the folder (0700) and the file (0600, from the
  /// moment it exists) when missing. The file is never followed through a symlink and must be a
  /// regular file owned by this user. A file that is not a readable database is set aside and a new
  /// one started (see setAsidePath()).
  static Result<HistoryStore, HistoryError> open(const std::filesystem::path& stateDir, OpenOptions options);

  HistoryStore(HistoryStore&& other) noexcept;
  HistoryStore& operator=(HistoryStore&& other) noexcept;
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;
  ~HistoryStore();

  /// Where an unreadable history was moved to while opening; empty when none was.
  const std::filesystem::path& setAsidePath() const { return m_setAside; }

  /// Stores the limits of one reading from `source` taken at `now` (whole seconds), in one
  /// transaction: a limit equal to that source's newest stored one (percent and reset time) only
  /// extends its seenUntil. Thins and trims old detail about once an hour. Returns how many limits
  /// were stored as new samples.
  Result<int, HistoryError> record(Source source, const std::vector<Limit>& limits, TimePoint now);

  /// The readings with time >= `since`, oldest first; with `limitId`, only that limit's samples
  /// (readings without it are left out).
  Result<std::vector<HistoryReading>, HistoryError> load(TimePoint since,
                                                         std::string_view limitId = {}) const;

  /// Bytes on disk: the database and its -wal file.
  std::uintmax_t sizeOnDisk() const;

 private:
  HistoryStore(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}
  Result<int, HistoryError> recordLocked(Source source, const std::vector<Limit>& limits, std::int64_t now);
  void thin(std::int64_t now);

  sqlite3* m_db = nullptr;
  std::filesystem::path m_path;
  std::filesystem::path m_setAside;
};

struct HistoryRecordOutcome {
  std::optional<std::string> error;  ///< what went wrong, for a warning; empty on success
  std::filesystem::path setAside;    ///< an unreadable history moved aside on the way, to name

  /// One line for stderr naming what went wrong and what was set aside; empty when all went well.
  std::string warning() const;
};

/// "the history could not be read; it was kept as PATH and a new one started".
std::string setAsideMessage(const std::filesystem::path& setAside);

/// The one call that records a reading: opens the history, stores `limits`, closes it. A history
/// found unreadable on the way is set aside and the reading goes into a new one. Prints nothing
/// (the status line may not) and never throws; the caller names what the outcome holds.
HistoryRecordOutcome recordHistory(const std::filesystem::path& stateDir, Source source,
                                   const std::vector<Limit>& limits, TimePoint now,
                                   std::chrono::milliseconds busyWait = std::chrono::milliseconds(2000));

}  // namespace cut::core
