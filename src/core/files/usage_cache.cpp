#include "core/files/usage_cache.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/files/file_lock.h"
#include "core/files/file_system.h"
#include "core/model/time_bounds.h"

#include "core/files/json_document.h"
#include "core/files/private_dir.h"

namespace cut::core {
namespace {

using json = nlohmann::json;

// The cache holds a handful of limits; a bigger file is not ours to trust.
constexpr std::size_t kMaxCacheBytes = 256 * 1024;
constexpr int kCacheVersion = 1;

int displayRank(const std::string& id) {
  if (id == "five_hour") return 0;
  if (id == "seven_day") return 1;
  if (id == "seven_day_opus") return 2;
  if (id == "seven_day_sonnet") return 3;
  if (id.starts_with("seven_day_")) return 4;
  return 5;
}

std::int64_t toMs(TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

std::optional<std::int64_t> intField(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  const double value = it->get<double>();
  if (!std::isfinite(value) || std::fabs(value) > 9e15) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

std::optional<double> numberField(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  const double value = it->get<double>();
  return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// Epoch milliseconds within kMaxEpochSeconds; anything else (a negative, huge or fractional-garbage
// value) is no time at all.
std::optional<TimePoint> timeField(const json& object, const char* name) {
  const auto value = numberField(object, name);
  return value ? timeFromEpochMs(*value) : std::nullopt;
}

std::string textField(const json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<Limit> limitFromJson(const json& item) {
  if (!item.is_object()) return std::nullopt;
  Limit limit;
  limit.id = textField(item, "id");
  const auto percent = numberField(item, "used_percent");
  const auto observed = timeField(item, "observed_at_ms");
  if (limit.id.empty() || !percent || !observed) return std::nullopt;
  limit.label = textField(item, "label");
  if (limit.label.empty()) limit.label = limit.id;
  limit.usedPercent = *percent;
  limit.resetsAt = timeField(item, "resets_at_ms");
  limit.windowSeconds = boundedWindowSeconds(numberField(item, "window_seconds").value_or(0));
  limit.source =
      textField(item, "source") == sourceName(Source::ClaudeCode) ? Source::ClaudeCode : Source::ClaudeAi;
  limit.observedAt = *observed;
  return limit;
}

// Creates `dir` and its missing parents with mode 0700 (the state folder is private).
bool makePrivateDirs(const std::filesystem::path& dir) {
  std::error_code ec;
  const auto status = std::filesystem::status(dir, ec);
  if (std::filesystem::exists(status)) return std::filesystem::is_directory(status);
  if (dir.has_parent_path() && dir.parent_path() != dir) makePrivateDirs(dir.parent_path());
  return detail::makePrivateDir(dir).ok();
}

}  // namespace

CachedUsage withoutFutureReadings(CachedUsage cache, TimePoint now) {
  std::erase_if(cache.usage.limits, [&](const Limit& limit) { return datedAhead(limit.observedAt, now); });
  if (cache.extraObservedAt && datedAhead(*cache.extraObservedAt, now)) {
    cache.extraObservedAt.reset();
    cache.usage.extra.reset();
    cache.organizationName.clear();
  }
  return cache;
}

std::optional<TimePoint> CachedUsage::newestFrom(Source source) const {
  std::optional<TimePoint> newest;
  for (const Limit& limit : usage.limits)
    if (limit.source == source && (!newest || limit.observedAt > *newest)) newest = limit.observedAt;
  return newest;
}

std::filesystem::path usageCachePath(const std::filesystem::path& stateDir) {
  return stateDir / "usage-cache.json";
}

Usage mergeUsage(const Usage& current, const Usage& incoming) {
  Usage merged;
  merged.extra = incoming.extra ? incoming.extra : current.extra;
  // Linear in the number of limits, whatever either side holds: an index by id, not a search.
  std::unordered_map<std::string_view, std::size_t> index;
  merged.limits.reserve(current.limits.size() + incoming.limits.size());
  auto add = [&](const Limit& limit) {
    const auto [it, inserted] = index.try_emplace(limit.id, merged.limits.size());
    if (inserted)
      merged.limits.push_back(limit);
    else if (limit.observedAt >= merged.limits[it->second].observedAt)
      merged.limits[it->second] = limit;
  };
  for (const Limit& limit : current.limits) add(limit);
  for (const Limit& limit : incoming.limits) add(limit);
  std::stable_sort(merged.limits.begin(), merged.limits.end(),
                   [](const Limit& a, const Limit& b) { return displayRank(a.id) < displayRank(b.id); });
  if (merged.limits.size() > kMaxLimits) merged.limits.resize(kMaxLimits);
  return merged;
}

CachedUsage mergeCache(const CachedUsage& current, const CachedUsage& incoming) {
  CachedUsage merged;
  merged.usage = mergeUsage(current.usage, incoming.usage);
  const bool incomingNewer =
      incoming.extraObservedAt &&
      (!current.extraObservedAt || *incoming.extraObservedAt >= *current.extraObservedAt);
  const CachedUsage& account = incomingNewer ? incoming : current;
  merged.usage.extra = account.usage.extra;
  merged.extraObservedAt = account.extraObservedAt;
  merged.organizationName = account.organizationName;
  return merged;
}

std::string serializeCache(const CachedUsage& cache) {
  json limits = json::array();
  for (const Limit& limit : cache.usage.limits) {
    limits.push_back({{"id", limit.id},
                      {"label", limit.label},
                      {"source", sourceName(limit.source)},
                      {"used_percent", limit.usedPercent},
                      {"resets_at_ms", limit.resetsAt ? json(toMs(*limit.resetsAt)) : json(nullptr)},
                      {"window_seconds", limit.windowSeconds},
                      {"observed_at_ms", toMs(limit.observedAt)}});
  }
  json root = {{"version", kCacheVersion}, {"limits", std::move(limits)}};
  if (cache.extraObservedAt) {
    json extra = nullptr;
    if (const auto& e = cache.usage.extra)
      extra = {{"used", e->used},
               {"limit", e->limit ? json(*e->limit) : json(nullptr)},
               {"currency", e->currency}};
    root["extra_usage"] = std::move(extra);
    root["extra_observed_at_ms"] = toMs(*cache.extraObservedAt);
    root["organization"] = cache.organizationName;
  }
  return root.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<CachedUsage> parseCache(std::string_view text) {
  const auto parsed = detail::parseJson(text);
  if (!parsed) return std::nullopt;
  const json& root = parsed.value();
  if (!root.is_object() || intField(root, "version") != kCacheVersion) return std::nullopt;
  const auto limits = root.find("limits");
  if (limits == root.end() || !limits->is_array()) return std::nullopt;
  CachedUsage cache;
  std::unordered_set<std::string> seen;
  for (const json& item : *limits) {
    auto limit = limitFromJson(item);
    if (limit && seen.insert(limit->id).second) cache.usage.limits.push_back(std::move(*limit));
  }
  if (const auto observed = timeField(root, "extra_observed_at_ms")) {
    cache.extraObservedAt = *observed;
    cache.organizationName = textField(root, "organization");
    const auto extra = root.find("extra_usage");
    if (extra != root.end() && extra->is_object()) {
      if (const auto used = numberField(*extra, "used")) {
        cache.usage.extra = ExtraUsage{
            .used = *used, .limit = numberField(*extra, "limit"), .currency = textField(*extra, "currency")};
      }
    }
  }
  cache.usage = mergeUsage(Usage{}, cache.usage);  // display order, at most kMaxLimits
  return cache;
}

std::optional<CachedUsage> readCache(const std::filesystem::path& stateDir) {
  if (!checkPrivateDir(stateDir)) return std::nullopt;
  const auto text = readPrivateFile(usageCachePath(stateDir), kMaxCacheBytes);
  if (!text) return std::nullopt;
  return parseCache(text.value());
}

FileStamp fileStamp(const std::filesystem::path& path) {
  FileStamp stamp;
  const auto info = detail::fileInfo(path);
  if (!info) return stamp;
  stamp.mtimeNs = info->mtimeNs;
  stamp.size = info->size;
  stamp.inode = info->inode;
  return stamp;
}

Result<RecordedCache, FileError> recordUsage(const std::filesystem::path& stateDir, const Usage& usage,
                                             const std::string& organizationName, TimePoint now,
                                             std::chrono::milliseconds lockWait) {
  CachedUsage incoming;
  incoming.usage = usage;
  bool fromClaudeAi = !organizationName.empty();
  for (Limit& limit : incoming.usage.limits) {
    if (limit.observedAt == TimePoint{}) limit.observedAt = now;
    fromClaudeAi = fromClaudeAi || limit.source == Source::ClaudeAi;
  }
  if (fromClaudeAi) {
    incoming.extraObservedAt = now;
    incoming.organizationName = organizationName;
  } else {
    incoming.usage.extra.reset();
  }

  if (!makePrivateDirs(stateDir))
    return fail(FileError{.message = "cannot create the state folder " + stateDir.string()});
  if (auto trusted = checkPrivateDir(stateDir); !trusted) return fail(std::move(trusted.error()));
  const FileLock lock(stateDir / "usage-cache.lock", lockWait);
  if (!lock.locked())
    return fail(FileError{.message = "another process holds " + (stateDir / "usage-cache.lock").string()});
  const CachedUsage stored = readCache(stateDir).value_or(CachedUsage{});
  CachedUsage merged = mergeCache(withoutFutureReadings(stored, now), incoming);
  if (merged != stored) {
    auto written = writeFileAtomic(usageCachePath(stateDir), serializeCache(merged), 0600);
    if (!written) return fail(std::move(written.error()));
  }
  // Stamped under the lock, so no other writer's version can be mistaken for this one.
  return RecordedCache{.cache = std::move(merged), .stamp = fileStamp(usageCachePath(stateDir))};
}

}  // namespace cut::core
