#include "core/history/history_store.h"

#include <sqlite3.h>

#include <cmath>

#include "core/history/history_file.h"

namespace cut::core {
namespace {

constexpr int kSchemaVersion = 1;

// Times are whole seconds since the epoch, UTC.
std::int64_t toSeconds(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}
TimePoint fromSeconds(std::int64_t seconds) { return TimePoint(std::chrono::seconds(seconds)); }

bool isCorrupt(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

HistoryError dbError(sqlite3* db, const std::filesystem::path& path, int rc) {
  const char* text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  return HistoryError{.message = path.string() + ": " + text, .corrupt = isCorrupt(rc)};
}

/// A prepared statement finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(m_stmt); }

  int prepared() const { return m_rc; }
  sqlite3_stmt* get() const { return m_stmt; }
  void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }
  void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
  int step() { return sqlite3_step(m_stmt); }
  void reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
  }

 private:
  sqlite3_stmt* m_stmt = nullptr;
  int m_rc = SQLITE_OK;
};

int exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr); }

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sample(
  time INTEGER NOT NULL,
  source TEXT NOT NULL,
  limit_id TEXT NOT NULL,
  used_percent REAL NOT NULL,
  resets_at INTEGER,
  seen_until INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS sample_by_time ON sample(time);
CREATE TABLE IF NOT EXISTS latest(
  source TEXT NOT NULL,
  limit_id TEXT NOT NULL,
  sample INTEGER NOT NULL,
  PRIMARY KEY(source, limit_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
PRAGMA user_version = 1;
)sql";

int schemaVersion(sqlite3* db, int* version) {
  Statement query(db, "PRAGMA user_version");
  if (query.prepared() != SQLITE_OK) return query.prepared();
  const int rc = query.step();
  if (rc != SQLITE_ROW) return rc;
  *version = sqlite3_column_int(query.get(), 0);
  return SQLITE_OK;
}

// Creates the tables once; several processes may race here, BEGIN IMMEDIATE serialises them.
int ensureSchema(sqlite3* db) {
  int version = 0;
  if (const int rc = schemaVersion(db, &version); rc != SQLITE_OK) return rc;
  if (version == kSchemaVersion) return SQLITE_OK;
  if (version > kSchemaVersion) return SQLITE_MISMATCH;
  // journal_mode cannot change inside a transaction; WAL is remembered in the file from here on.
  if (const int rc = exec(db, "PRAGMA journal_mode=WAL"); rc != SQLITE_OK) return rc;
  if (const int rc = exec(db, "BEGIN IMMEDIATE"); rc != SQLITE_OK) return rc;
  int rc = schemaVersion(db, &version);
  if (rc == SQLITE_OK && version == 0) rc = exec(db, kSchema);
  if (rc == SQLITE_OK) return exec(db, "COMMIT");
  exec(db, "ROLLBACK");
  return rc;
}

int quickCheck(sqlite3* db) {
  Statement check(db, "PRAGMA quick_check(1)");
  if (check.prepared() != SQLITE_OK) return check.prepared();
  const int rc = check.step();
  if (rc != SQLITE_ROW) return rc;
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(check.get(), 0));
  return text != nullptr && std::string_view(text) == "ok" ? SQLITE_OK : SQLITE_CORRUPT;
}

struct Opened {
  sqlite3* db = nullptr;
  detail::FileIdentity identity;
};

Result<Opened, HistoryError> openOnce(const std::filesystem::path& path,
                                      const HistoryStore::OpenOptions& options) {
  auto identity = detail::prepareHistoryFile(path);
  if (!identity) return fail(identity.error());
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_busy_timeout(db, static_cast<int>(options.busyWait.count()));
    // Most connections live for one reading (a status line, `status`): a checkpoint when the last
    // one closes would cost every writer two fsyncs. The -wal is checkpointed by size instead.
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    rc = ensureSchema(db);
  }
  // The -wal file keeps the size it grew to: checkpointing every 250 pages (1 MiB, not the default
  // 4 MiB) and trimming it back to 1 MiB keeps it small next to a history of 1-2 MiB. Each
  // checkpoint costs two fsyncs, which is why it is not done more often.
  if (rc == SQLITE_OK) {
    rc = exec(db,
              "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=250; PRAGMA journal_size_limit=1048576");
  }
  if (rc == SQLITE_OK && options.verify) rc = quickCheck(db);
  if (rc != SQLITE_OK) {
    HistoryError error =
        rc == SQLITE_MISMATCH
            ? HistoryError{.message = path.string() + ": written by a newer version; left as it is"}
            : dbError(db, path, rc);
    sqlite3_close(db);
    return fail(std::move(error));
  }
  return Opened{db, *identity};
}

}  // namespace

std::filesystem::path historyPath(const std::filesystem::path& stateDir) {
  return stateDir / "history.sqlite";
}

Result<HistoryStore, HistoryError> HistoryStore::open(const std::filesystem::path& stateDir,
                                                      OpenOptions options) {
  const auto path = historyPath(stateDir);
  auto opened = openOnce(path, options);
  std::filesystem::path setAside;
  if (!opened && opened.error().corrupt) {
    auto identity = detail::prepareHistoryFile(path);
    if (identity) setAside = detail::setAsideHistory(path, *identity, Clock::now());
    opened = openOnce(path, options);
  }
  if (!opened) return fail(opened.error());
  HistoryStore store(opened->db, path);
  store.m_setAside = std::move(setAside);
  return store;
}

HistoryStore::HistoryStore(HistoryStore&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)),
      m_path(std::move(other.m_path)),
      m_setAside(std::move(other.m_setAside)) {}

HistoryStore& HistoryStore::operator=(HistoryStore&& other) noexcept {
  if (this != &other) {
    sqlite3_close(m_db);
    m_db = std::exchange(other.m_db, nullptr);
    m_path = std::move(other.m_path);
    m_setAside = std::move(other.m_setAside);
  }
  return *this;
}

HistoryStore::~HistoryStore() { sqlite3_close(m_db); }

Result<int, HistoryError> HistoryStore::record(Source source, const std::vector<Limit>& limits,
                                               TimePoint now) {
  if (limits.empty()) return 0;
  // IMMEDIATE takes the write lock up front: a deferred transaction that reads first and then
  // writes can fail with SQLITE_BUSY without ever waiting (another writer got in between).
  if (const int rc = exec(m_db, "BEGIN IMMEDIATE"); rc != SQLITE_OK) return fail(dbError(m_db, m_path, rc));
  auto stored = recordLocked(source, limits, toSeconds(now));
  if (!stored) {
    exec(m_db, "ROLLBACK");
    return stored;
  }
  if (const int rc = exec(m_db, "COMMIT"); rc != SQLITE_OK) {
    exec(m_db, "ROLLBACK");
    return fail(dbError(m_db, m_path, rc));
  }
  return stored;
}

Result<int, HistoryError> HistoryStore::recordLocked(Source source, const std::vector<Limit>& limits,
                                                     std::int64_t now) {
  const std::string_view sourceText = sourceName(source);
  Statement last(
      m_db,
      "SELECT s.rowid, s.used_percent, s.resets_at FROM latest l JOIN sample s ON s.rowid = l.sample "
      "WHERE l.source = ?1 AND l.limit_id = ?2");
  Statement extend(m_db, "UPDATE sample SET seen_until = max(seen_until, ?2) WHERE rowid = ?1");
  Statement insert(m_db,
                   "INSERT INTO sample(time, source, limit_id, used_percent, resets_at, seen_until) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?1)");
  Statement point(m_db, "INSERT OR REPLACE INTO latest(source, limit_id, sample) VALUES (?1, ?2, ?3)");
  for (const Statement* statement : {&last, &extend, &insert, &point}) {
    if (statement->prepared() != SQLITE_OK) return fail(dbError(m_db, m_path, statement->prepared()));
  }
  int stored = 0;
  for (const Limit& limit : limits) {
    if (!std::isfinite(limit.usedPercent)) continue;
    // No std::optional here: GCC 12 takes its payload for uninitialised (-Wmaybe-uninitialized).
    const bool resets = limit.resetsAt.has_value();
    const std::int64_t resetSeconds = resets ? toSeconds(*limit.resetsAt) : 0;
    last.reset();
    last.bind(1, sourceText);
    last.bind(2, std::string_view(limit.id));
    int rc = last.step();
    if (rc == SQLITE_ROW) {
      const std::int64_t rowid = sqlite3_column_int64(last.get(), 0);
      const double percent = sqlite3_column_double(last.get(), 1);
      const bool storedResets = sqlite3_column_type(last.get(), 2) != SQLITE_NULL;
      const bool sameReset =
          storedResets == resets && (!resets || sqlite3_column_int64(last.get(), 2) == resetSeconds);
      if (percent == limit.usedPercent && sameReset) {
        extend.reset();
        extend.bind(1, rowid);
        extend.bind(2, now);
        if (rc = extend.step(); rc != SQLITE_DONE) return fail(dbError(m_db, m_path, rc));
        continue;
      }
    } else if (rc != SQLITE_DONE) {
      return fail(dbError(m_db, m_path, rc));
    }
    insert.reset();
    insert.bind(1, now);
    insert.bind(2, sourceText);
    insert.bind(3, std::string_view(limit.id));
    insert.bind(4, limit.usedPercent);
    if (resets)
      insert.bind(5, resetSeconds);
    else
      insert.bindNull(5);
    if (rc = insert.step(); rc != SQLITE_DONE) return fail(dbError(m_db, m_path, rc));
    point.reset();
    point.bind(1, sourceText);
    point.bind(2, std::string_view(limit.id));
    point.bind(3, static_cast<std::int64_t>(sqlite3_last_insert_rowid(m_db)));
    if (rc = point.step(); rc != SQLITE_DONE) return fail(dbError(m_db, m_path, rc));
    ++stored;
  }
  thin(now);
  return stored;
}

// Runs inside record()'s transaction once an hour's worth of detail has aged past a day: keeps the
// newest sample per source, limit and 10-minute step, and each source's newest sample of a limit
// (what the next reading is compared with). A failure here only postpones the thinning.
void HistoryStore::thin(std::int64_t now) {
  const std::int64_t step = kHistoryThinStep.count();
  const std::int64_t detailFrom = (now - std::chrono::seconds(kHistoryFullDetailFor).count()) / step * step;
  std::int64_t thinnedTo = 0;
  {
    Statement query(m_db, "SELECT value FROM meta WHERE key = 'thinned_to'");
    if (query.prepared() == SQLITE_OK && query.step() == SQLITE_ROW)
      thinnedTo = sqlite3_column_int64(query.get(), 0);
  }
  if (detailFrom - thinnedTo < 3600) return;

  Statement thinOut(m_db,
                    "DELETE FROM sample WHERE time >= ?1 AND time < ?2 "
                    "AND rowid NOT IN (SELECT sample FROM latest) "
                    "AND rowid NOT IN (SELECT keep FROM (SELECT rowid AS keep, max(time) FROM sample "
                    "WHERE time >= ?1 AND time < ?2 GROUP BY source, limit_id, time / ?3))");
  thinOut.bind(1, thinnedTo);
  thinOut.bind(2, detailFrom);
  thinOut.bind(3, step);
  if (thinOut.step() != SQLITE_DONE) return;

  Statement trim(m_db, "DELETE FROM sample WHERE time < ?1");
  trim.bind(1, now - std::chrono::seconds(kHistoryKeepFor).count());
  if (trim.step() != SQLITE_DONE) return;
  if (exec(m_db, "DELETE FROM latest WHERE sample NOT IN (SELECT rowid FROM sample)") != SQLITE_OK) return;

  Statement mark(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES ('thinned_to', ?1)");
  mark.bind(1, detailFrom);
  (void)mark.step();
}

Result<std::vector<HistoryReading>, HistoryError> HistoryStore::load(TimePoint since,
                                                                     std::string_view limitId) const {
  Statement query(m_db,
                  "SELECT time, source, limit_id, used_percent, resets_at, seen_until FROM sample "
                  "WHERE time >= ?1 AND (?2 IS NULL OR limit_id = ?2) ORDER BY time, source, rowid");
  if (query.prepared() != SQLITE_OK) return fail(dbError(m_db, m_path, query.prepared()));
  query.bind(1, toSeconds(since));
  if (limitId.empty())
    query.bindNull(2);
  else
    query.bind(2, limitId);

  std::vector<HistoryReading> readings;
  int rc = SQLITE_OK;
  while ((rc = query.step()) == SQLITE_ROW) {
    sqlite3_stmt* row = query.get();
    const TimePoint time = fromSeconds(sqlite3_column_int64(row, 0));
    const std::string_view sourceText(reinterpret_cast<const char*>(sqlite3_column_text(row, 1)),
                                      static_cast<std::size_t>(sqlite3_column_bytes(row, 1)));
    const Source source =
        sourceText == sourceName(Source::ClaudeCode) ? Source::ClaudeCode : Source::ClaudeAi;
    if (readings.empty() || readings.back().time != time || readings.back().source != source) {
      readings.push_back(HistoryReading{.time = time, .source = source, .limits = {}});
    }
    HistoryLimit limit;
    limit.id.assign(reinterpret_cast<const char*>(sqlite3_column_text(row, 2)),
                    static_cast<std::size_t>(sqlite3_column_bytes(row, 2)));
    limit.usedPercent = sqlite3_column_double(row, 3);
    if (sqlite3_column_type(row, 4) != SQLITE_NULL)
      limit.resetsAt = fromSeconds(sqlite3_column_int64(row, 4));
    limit.seenUntil = fromSeconds(sqlite3_column_int64(row, 5));
    readings.back().limits.push_back(std::move(limit));
  }
  if (rc != SQLITE_DONE) return fail(dbError(m_db, m_path, rc));
  return readings;
}

std::uintmax_t HistoryStore::sizeOnDisk() const {
  std::uintmax_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(m_path.string() + suffix, ec);
    if (!ec) total += size;
  }
  return total;
}

std::string setAsideMessage(const std::filesystem::path& setAside) {
  return "the history could not be read; it was kept as " + setAside.string() + " and a new one started";
}

std::string HistoryRecordOutcome::warning() const {
  std::string text = setAside.empty() ? std::string() : setAsideMessage(setAside);
  if (error) text += (text.empty() ? "" : "; ") + *error;
  return text;
}

HistoryRecordOutcome recordHistory(const std::filesystem::path& stateDir, Source source,
                                   const std::vector<Limit>& limits, TimePoint now,
                                   std::chrono::milliseconds busyWait) {
  HistoryRecordOutcome outcome;
  const HistoryStore::OpenOptions options{.busyWait = busyWait, .verify = false};
  auto attempt = [&]() -> Result<int, HistoryError> {
    auto store = HistoryStore::open(stateDir, options);
    if (!store) return fail(store.error());
    if (!store->setAsidePath().empty()) outcome.setAside = store->setAsidePath();
    return store->record(source, limits, now);
  };
  try {
    auto stored = attempt();
    if (!stored && stored.error().corrupt) {
      // Damage found by the write itself (opening reads only the header): set it aside, start anew.
      const auto path = historyPath(stateDir);
      if (auto identity = detail::prepareHistoryFile(path)) {
        if (auto moved = detail::setAsideHistory(path, *identity, now); !moved.empty())
          outcome.setAside = moved;
      }
      stored = attempt();
    }
    if (!stored) outcome.error = "history: " + stored.error().message;
  } catch (const std::exception& e) {
    outcome.error = std::string("history: ") + e.what();
  }
  return outcome;
}

}  // namespace cut::core
