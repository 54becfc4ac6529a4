// `status`: fetch once, print (a table, or one JSON object with --json), exit with the failure's code.
// Without a key file, Claude Code's recent numbers from the usage cache are shown instead.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "app/commands.h"
#include "app/fetch_stack.h"
#include "core/claude/usage_parser.h"
#include "core/files/key_file.h"
#include "core/files/settings.h"
#include "core/files/usage_cache.h"
#include "core/model/format.h"
#include "core/model/pace.h"
#include "core/model/terminal_text.h"
#include "core/model/time_bounds.h"
#include "core/history/history_store.h"
#include "core/claude/usage_parser.h"

namespace cut::app {
namespace {

// Keys in the order the documented shape lists them (ok, source, fetched_at, ...), for people reading it.
using json = nlohmann::ordered_json;

json errorJson(const core::FetchError& error) {
  return {{"kind", core::errorKindName(error.kind)},
          {"message", error.message},
          {"http_status", error.httpStatus == 0 ? json(nullptr) : json(error.httpStatus)},
          {"retry_after_seconds", error.retryAfterSeconds ? json(*error.retryAfterSeconds) : json(nullptr)}};
}

// Every field null while it is too early to tell or the window has no reset time; `limit_at` also
// null when the window lasts to its reset. One fetch has no history, so the rate is the window
// average (computePace takes the recorded samples once there are some).
json paceJson(const core::Limit& limit, core::TimePoint now) {
  const core::Pace pace = core::computePace(limit, {}, now);
  return {{"tier", pace.tier ? json(core::paceTierName(*pace.tier)) : json(nullptr)},
          {"projected_percent", pace.projectedPercent ? json(*pace.projectedPercent) : json(nullptr)},
          {"limit_at", pace.limitAt ? json(core::formatIsoTimeUtc(*pace.limitAt)) : json(nullptr)}};
}

json limitJson(const core::Limit& limit, core::TimePoint now) {
  return {{"id", limit.id},
          {"label", limit.label},
          {"used_percent", core::effectivePercent(limit, now)},
          {"resets_at", limit.resetsAt ? json(core::formatIsoTimeUtc(*limit.resetsAt)) : json(nullptr)},
          {"window_seconds", limit.windowSeconds},
          {"source", core::sourceName(limit.source)},
          {"pace", paceJson(limit, now)}};
}

json outcomeJson(const core::FetchOutcome& outcome, core::TimePoint now) {
  json limits = json::array();
  for (const auto& limit : outcome.usage.limits) limits.push_back(limitJson(limit, now));
  json extra = nullptr;
  if (const auto& e = outcome.usage.extra) {
    extra = {
        {"used", e->used}, {"limit", e->limit ? json(*e->limit) : json(nullptr)}, {"currency", e->currency}};
  }
  return {{"ok", true},
          {"source", "claude.ai"},
          {"fetched_at", core::formatIsoTimeUtc(now)},
          {"organization", {{"uuid", outcome.organization.uuid}, {"name", outcome.organization.name}}},
          {"limits", std::move(limits)},
          {"extra_usage", std::move(extra)},
          {"error", nullptr}};
}

json failureJson(const core::FetchError& error, core::TimePoint now) {
  return {{"ok", false},
          {"source", "claude.ai"},
          {"fetched_at", core::formatIsoTimeUtc(now)},
          {"organization", nullptr},
          {"limits", json::array()},
          {"extra_usage", nullptr},
          {"error", errorJson(error)}};
}

/// One line of JSON. Text that is not valid UTF-8 (a name from the server) is replaced, never thrown
/// over: --json always prints exactly one object.
std::string dumpLine(const json& document) {
  return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string bar(double percent, int cells) {
  const double clamped = std::clamp(percent, 0.0, 100.0);
  const int filled = static_cast<int>(clamped / 100.0 * cells + 0.5);
  std::string out;
  for (int i = 0; i < cells; ++i) out += i < filled ? "\u2588" : "\u2591";
  return out;
}

void printTable(const core::Usage& usage, const core::Settings& settings, core::TimePoint now) {
  std::size_t width = 0;
  for (const auto& limit : usage.limits) width = std::max(width, core::terminalSafe(limit.label).size());
  for (const auto& limit : usage.limits) {
    const double percent = core::effectivePercent(limit, now);
    const std::string label = core::terminalSafe(limit.label);
    std::string line = label + std::string(width - label.size() + 2, ' ');
    std::string pct = core::formatPercent(percent);
    line += std::string(pct.size() < 6 ? 6 - pct.size() : 0, ' ') + pct + "  " + bar(percent, 20) + "  ";
    line += core::formatResetsIn(limit, now);
    if (limit.resetsAt && *limit.resetsAt > now) {
      line += " (" + core::formatLocalTime(*limit.resetsAt, now, settings.clock24h) + ")";
    }
    std::printf("%s\n", line.c_str());
  }
  if (const auto& extra = usage.extra) {
    std::string money = core::formatMoney(extra->used, extra->currency);
    if (extra->limit) money += " / " + core::formatMoney(*extra->limit, extra->currency);
    std::printf("Extra usage%s  %s\n", std::string(width > 11 ? width - 11 : 0, ' ').c_str(), money.c_str());
  }
}

// Without a key, what Claude Code last handed the status line (kept in the usage cache) is still
// worth showing while it describes the window running now: readings older than the 5-hour window,
// or dated after now, do not.
std::optional<core::Usage> recentClaudeCodeReadings(const Options& options, core::TimePoint now) {
  const auto cache = core::readCache(options.stateDir);
  if (!cache) return std::nullopt;
  core::Usage usage;
  for (const core::Limit& limit : cache->usage.limits) {
    if (limit.source != core::Source::ClaudeCode || core::datedAhead(limit.observedAt, now) ||
        now - limit.observedAt > std::chrono::seconds(core::kFiveHourSeconds))
      continue;
    usage.limits.push_back(limit);
  }
  if (usage.limits.empty()) return std::nullopt;
  return usage;
}

int printClaudeCodeReadings(const Options& options, const core::Usage& usage, const core::Settings& settings,
                            core::TimePoint now) {
  core::TimePoint newest{};
  for (const core::Limit& limit : usage.limits) newest = std::max(newest, limit.observedAt);
  if (options.json) {
    json limits = json::array();
    for (const auto& limit : usage.limits) limits.push_back(limitJson(limit, now));
    const json document = {{"ok", true},
                           {"source", "claude-code"},
                           {"fetched_at", core::formatIsoTimeUtc(newest)},
                           {"organization", nullptr},
                           {"limits", std::move(limits)},
                           {"extra_usage", nullptr},
                           {"error", nullptr}};
    std::printf("%s\n", dumpLine(document).c_str());
    return 0;
  }
  printTable(usage, settings, now);
  std::printf(
      "From Claude Code's status line, %s. A session key adds per-model and extra usage:\n"
      "claude-usage-tracker set-key\n",
      core::formatAge(newest, now).c_str());
  return 0;
}

}  // namespace

int runStatus(const Options& options) {
  const auto now = core::Clock::now();
  auto loaded = core::loadSettings(options.configDir);
  for (const auto& warning : loaded.warnings) std::fprintf(stderr, "warning: %s\n", warning.c_str());

  auto report = [&](const core::FetchError& error) {
    if (options.json) {
      std::printf("%s\n", dumpLine(failureJson(error, now)).c_str());
    } else {
      std::fprintf(stderr, "claude-usage-tracker: %s\n", error.message.c_str());
    }
    return core::exitCodeFor(error.kind);
  };

  auto key = core::readKeyFile(options.keyFile);
  if (!key && key.error().noKey) {
    if (const auto readings = recentClaudeCodeReadings(options, now))
      return printClaudeCodeReadings(options, *readings, loaded.settings, now);
  }
  if (!key) {
    const auto kind = key.error().noKey ? core::ErrorKind::NoKey : core::ErrorKind::InvalidKey;
    return report(core::FetchError{.kind = kind, .message = key.error().message});
  }
  if (key->permissionsTightened) {
    std::fprintf(stderr, "warning: %s\n", core::tightenedKeyFileWarning(options.keyFile).c_str());
  }

  FetchStack stack(options);
  auto outcome = stack.client.fetch(key->key, loaded.settings.organizationUuid, now);
  if (!outcome) return report(outcome.error());

  // Remember the organization that answered, so the next fetch needs no listing.
  if (outcome->organization.uuid != loaded.settings.organizationUuid) {
    core::Settings updated = loaded.settings;
    updated.organizationUuid = outcome->organization.uuid;
    if (auto saved = core::saveSettings(options.configDir, updated); !saved) {
      std::fprintf(stderr, "warning: %s\n", saved.error().message.c_str());
    }
  }

  // Share the numbers with the status line and the widget through the usage cache.
  if (auto recorded = core::recordUsage(options.stateDir, outcome->usage, outcome->organization.name, now);
      !recorded) {
    std::fprintf(stderr, "warning: %s\n", recorded.error().message.c_str());
  }
  if (const auto history = core::recordHistory(options.stateDir, core::Source::ClaudeAi, outcome->usage.limits, now);
      !history.warning().empty()) {
    std::fprintf(stderr, "warning: %s\n", history.warning().c_str());
  }

  if (options.json) {
    std::printf("%s\n", dumpLine(outcomeJson(*outcome, now)).c_str());
  } else {
    printTable(outcome->usage, loaded.settings, now);
    std::printf("Organization: %s\n", core::terminalSafe(outcome->organization.name).c_str());
  }
  return 0;
}

}  // namespace cut::app
