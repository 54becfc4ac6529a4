#include "core/files/alert_ledger.h"

#include <nlohmann/json.hpp>
#include <thread>

#include "core/files/file_lock.h"
#include "core/files/file_system.h"

namespace cut::core {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxLedgerBytes = 64 * 1024;

std::int64_t toMs(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}
TimePoint fromMs(std::int64_t ms) {
  return TimePoint(std::chrono::duration_cast<Clock::duration>(std::chrono::milliseconds(ms)));
}

}  // namespace

std::filesystem::path alertLedgerPath(const std::filesystem::path& stateDir) {
  return stateDir / "alerts.json";
}

std::string serializeAlertRecord(const AlertRecord& record) {
  json windows = json::object();
  for (const auto& [id, w] : record.windows) {
    windows[id] = {{"resets_at_ms", w.resetsAt ? json(toMs(*w.resetsAt)) : json(nullptr)},
                   {"last_percent", w.lastPercent},
                   {"peak_percent", w.peakPercent},
                   {"fired_percents", w.firedPercents},
                   {"critical_fired", w.criticalFired}};
  }
  const json root = {{"version", 1}, {"key_expired_fired", record.keyExpiredFired}, {"windows", windows}};
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<AlertRecord> parseAlertRecord(std::string_view text) {
  const json root = json::parse(text, nullptr, false);
  if (!root.is_object()) return std::nullopt;
  AlertRecord record;
  const auto key = root.find("key_expired_fired");
  if (key != root.end() && key->is_boolean()) record.keyExpiredFired = key->get<bool>();
  const auto windows = root.find("windows");
  if (windows == root.end() || !windows->is_object()) return std::nullopt;
  for (const auto& [id, w] : windows->items()) {
    if (!w.is_object()) return std::nullopt;
    WindowRecord window;
    const json resets = w.value("resets_at_ms", json(nullptr));
    if (resets.is_number_integer()) window.resetsAt = fromMs(resets.get<std::int64_t>());
    const json last = w.value("last_percent", json(0.0));
    const json peak = w.value("peak_percent", json(0.0));
    const json fired = w.value("fired_percents", json::array());
    const json critical = w.value("critical_fired", json(false));
    if (!last.is_number() || !peak.is_number() || !fired.is_array() || !critical.is_boolean())
      return std::nullopt;
    window.lastPercent = last.get<double>();
    window.peakPercent = peak.get<double>();
    for (const json& p : fired)
      if (p.is_number()) window.firedPercents.push_back(p.get<double>());
    window.criticalFired = critical.get<bool>();
    record.windows.emplace(id, std::move(window));
  }
  return record;
}

AlertRecord readAlertRecord(const std::filesystem::path& stateDir) {
  const auto text = readFile(alertLedgerPath(stateDir), kMaxLedgerBytes);
  if (!text) return {};
  return parseAlertRecord(text.value()).value_or(AlertRecord{});
}

Result<std::vector<Notification>, FileError> recordAlerts(const std::filesystem::path& stateDir,
                                                          const AlertInput& input,
                                                          const AlertSettings& settings,
                                                          std::chrono::milliseconds lockWait) {
  std::error_code ec;
  if (stateDir.has_parent_path()) std::filesystem::create_directories(stateDir.parent_path(), ec);
  // Private from the start; an existing folder is kept as it is.
  (void)detail::makePrivateDir(stateDir);
  const auto lockPath = stateDir / "alerts.lock";
  const FileLock lock(lockPath, lockWait);
  if (!lock.locked()) return fail(FileError{.message = "another process holds " + lockPath.string()});
  AlertRecord record = readAlertRecord(stateDir);
  const AlertRecord before = record;
  auto notifications = evaluateAlerts(record, input, settings);
  if (record != before) {
    if (auto written = writeFileAtomic(alertLedgerPath(stateDir), serializeAlertRecord(record), 0600);
        !written)
      return fail(written.error());
  }
  return notifications;
}

}  // namespace cut::core
