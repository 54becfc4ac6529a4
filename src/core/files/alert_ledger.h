#pragma once
// The alert ledger: `alerts.json` in the state folder, the record of which alerts have fired in
// each limit's current window (core/model/alert_policy.h). Every process that may notify (the
// widget, a second widget, one started after a crash) decides under an flock on `alerts.lock`:
// read the record, evaluate, write it back atomically, then notify. So an alert fires once per
// window whichever process sees the reading first, and never again after a restart.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/files/atomic_file.h"
#include "core/model/alert_policy.h"
#include "core/result.h"

namespace cut::core {

std::filesystem::path alertLedgerPath(const std::filesystem::path& stateDir);

/// The record as text, and back. Parsing never throws; anything unusable gives an empty optional.
std::string serializeAlertRecord(const AlertRecord& record);
std::optional<AlertRecord> parseAlertRecord(std::string_view text);

/// Reads the record without the lock; empty record when missing or corrupt.
AlertRecord readAlertRecord(const std::filesystem::path& stateDir);

/// evaluateAlerts against the ledger, under its lock: returns what to send now. The ledger is
/// written (atomically, mode 0600) before returning, so a crash after it at worst loses a
/// notification, never repeats one. A corrupt ledger is replaced. Waits at most `lockWait` for
/// another process; then fails, firing nothing (that process is deciding on the same readings).
Result<std::vector<Notification>, FileError> recordAlerts(
    const std::filesystem::path& stateDir, const AlertInput& input, const AlertSettings& settings,
    std::chrono::milliseconds lockWait = std::chrono::milliseconds(2000));

}  // namespace cut::core
