#include "core/history/history_format.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>

#include "core/claude/usage_parser.h"

namespace cut::core {
namespace {

// Shortest exact text for a percent: 41 → "41", 41.5 → "41.5", never "41.000000".
std::string percentText(double percent) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, percent);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string resetText(const HistoryLimit& limit) {
  return limit.resetsAt ? formatIsoTimeUtc(*limit.resetsAt) : std::string();
}

// Limit ids come from the server (unknown buckets keep their key): keep a CSV cell one cell.
std::string csvCell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::optional<std::chrono::seconds> parseHistorySpan(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  long long count = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, count);
  if (ec != std::errc() || end != text.data() + text.size() - 1 || count < 1) return std::nullopt;
  long long unit = 0;
  switch (text.back()) {
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    default: return std::nullopt;
  }
  if (count > 366 * 86400 / unit) return std::nullopt;
  return std::chrono::seconds(count * unit);
}

std::string historyText(const std::vector<HistoryReading>& readings) {
  std::size_t idWidth = 5;
  for (const auto& reading : readings)
    for (const auto& limit : reading.limits) idWidth = std::max(idWidth, limit.id.size());
  std::string out;
  auto line = [&](std::string_view time, std::string_view source, const std::string& id,
                  std::string_view percent, std::string_view reset) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, "%-20.*s  %-11.*s  %-*s  %6.*s  %.*s", static_cast<int>(time.size()),
                  time.data(), static_cast<int>(source.size()), source.data(), static_cast<int>(idWidth),
                  id.c_str(), static_cast<int>(percent.size()), percent.data(),
                  static_cast<int>(reset.size()), reset.data());
    std::string text = buffer;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  line("time", "source", "limit", "used", "resets at");
  for (const auto& reading : readings) {
    const std::string time = formatIsoTimeUtc(reading.time);
    for (const auto& limit : reading.limits) {
      line(time, sourceName(reading.source), limit.id, percentText(limit.usedPercent) + " %",
           resetText(limit));
    }
  }
  return out;
}

std::string historyJson(const std::vector<HistoryReading>& readings) {
  using json = nlohmann::ordered_json;
  json array = json::array();
  for (const auto& reading : readings) {
    json limits = json::array();
    for (const auto& limit : reading.limits) {
      limits.push_back(
          {{"id", limit.id},
           {"used_percent", limit.usedPercent},
           {"resets_at", limit.resetsAt ? json(formatIsoTimeUtc(*limit.resetsAt)) : json(nullptr)}});
    }
    array.push_back({{"time", formatIsoTimeUtc(reading.time)},
                     {"source", sourceName(reading.source)},
                     {"limits", limits}});
  }
  return array.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string historyCsv(const std::vector<HistoryReading>& readings) {
  std::string out = "time,source,id,used_percent,resets_at\n";
  for (const auto& reading : readings) {
    const std::string prefix =
        formatIsoTimeUtc(reading.time) + "," + std::string(sourceName(reading.source)) + ",";
    for (const auto& limit : reading.limits) {
      out +=
          prefix + csvCell(limit.id) + "," + percentText(limit.usedPercent) + "," + resetText(limit) + "\n";
    }
  }
  return out;
}

}  // namespace cut::core
