// `status`: fetch once, print (a table, or one JSON object with --json), exit with the failure's code.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/commands.h"
#include "app/fetch_stack.h"
#include "core/model/format.h"
#include "core/files/key_file.h"
#include "core/files/settings.h"
#include "core/files/usage_cache.h"
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

json limitJson(const core::Limit& limit, core::TimePoint now) {
  return {{"id", limit.id},
          {"label", limit.label},
          {"used_percent", core::effectivePercent(limit, now)},
          {"resets_at", limit.resetsAt ? json(core::formatIsoTimeUtc(*limit.resetsAt)) : json(nullptr)},
          {"window_seconds", limit.windowSeconds},
          {"source", core::sourceName(limit.source)}};
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

void printTable(const core::FetchOutcome& outcome, const core::Settings& settings, core::TimePoint now) {
  std::size_t width = 0;
  for (const auto& limit : outcome.usage.limits) width = std::max(width, limit.label.size());
  for (const auto& limit : outcome.usage.limits) {
    const double percent = core::effectivePercent(limit, now);
    std::string line = limit.label + std::string(width - limit.label.size() + 2, ' ');
    std::string pct = core::formatPercent(percent);
    line += std::string(pct.size() < 6 ? 6 - pct.size() : 0, ' ') + pct + "  " + bar(percent, 20) + "  ";
    line += core::formatResetsIn(limit, now);
    if (limit.resetsAt && *limit.resetsAt > now) {
      line += " (" + core::formatLocalTime(*limit.resetsAt, now, settings.clock24h) + ")";
    }
    std::printf("%s\n", line.c_str());
  }
  if (const auto& extra = outcome.usage.extra) {
    std::string money = core::formatMoney(extra->used, extra->currency);
    if (extra->limit) money += " / " + core::formatMoney(*extra->limit, extra->currency);
    std::printf("Extra usage%s  %s\n", std::string(width > 11 ? width - 11 : 0, ' ').c_str(), money.c_str());
  }
  std::printf("Organization: %s\n", outcome.organization.name.c_str());
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
  if (!key) {
    const auto kind = key.error().noKey ? core::ErrorKind::NoKey : core::ErrorKind::InvalidKey;
    return report(core::FetchError{.kind = kind, .message = key.error().message});
  }
  if (key->permissionsTightened) {
    std::fprintf(stderr, "warning: %s was readable by other users; its mode is now 0600\n",
                 options.keyFile.c_str());
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
    printTable(*outcome, loaded.settings, now);
  }
  return 0;
}

}  // namespace cut::app
