#pragma once
// `claude-usage-tracker history` output: the stored readings as a table for people, JSON or CSV for
// programs. Times are ISO-8601 UTC everywhere, so the output is the same on every machine.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/history/history_store.h"

namespace cut::core {

/// "7d", "12h", "30m": a span back from now, 1 minute to 366 days. Empty for anything else.
std::optional<std::chrono::seconds> parseHistorySpan(std::string_view text);

/// One line per limit: time, source, limit id, percent, reset time; a header line first.
std::string historyText(const std::vector<HistoryReading>& readings);

/// An array of {"time", "source", "limits": [{"id", "used_percent", "resets_at"}]}, one line.
std::string historyJson(const std::vector<HistoryReading>& readings);

/// The header `time,source,id,used_percent,resets_at`, then one row per limit.
std::string historyCsv(const std::vector<HistoryReading>& readings);

}  // namespace cut::core
