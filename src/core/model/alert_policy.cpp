#include "core/model/alert_policy.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/model/format.h"

namespace cut::core {
namespace {

std::string labelOf(const Limit& limit) { return limit.label.empty() ? limit.id : limit.label; }

// "75%", "75% and 90%", "75%, 90% and 95%".
std::string percentList(const std::vector<double>& percents) {
  std::string out;
  for (std::size_t i = 0; i < percents.size(); ++i) {
    if (i > 0) out += i + 1 == percents.size() ? " and " : ", ";
    out += formatPercent(percents[i]);
  }
  return out;
}

std::vector<double> thresholdsFor(const Limit& limit, const AlertSettings& settings) {
  if (isSessionLimit(limit)) return settings.sessionPercents;
  if (isWeeklyLimit(limit)) return {settings.weeklyPercent};
  return {};
}

bool thresholdEnabled(const Limit& limit, const AlertSettings& settings) {
  return isSessionLimit(limit) ? settings.session : settings.weekly;
}

// Readings after the window's reset time belong to a window whose reset time is not known yet.
std::optional<TimePoint> liveResetsAt(const Limit& limit, TimePoint now) {
  if (limit.resetsAt && *limit.resetsAt <= now) return std::nullopt;
  return limit.resetsAt;
}

// Several thresholds found at once (after a restart, or several limits crossing together) make one
// notification, not a burst.
std::vector<Notification> combineThresholds(std::vector<Notification> fired) {
  std::vector<Notification> out;
  std::vector<Notification> thresholds;
  for (auto& n : fired) (n.kind == AlertKind::Threshold ? thresholds : out).push_back(std::move(n));
  if (thresholds.size() == 1) out.insert(out.begin(), std::move(thresholds.front()));
  if (thresholds.size() > 1) {
    Notification combined{.kind = AlertKind::Threshold, .limitId = thresholds.front().limitId};
    for (const auto& n : thresholds) {
      combined.summary += (combined.summary.empty() ? "" : ", ") + n.summary;
      combined.body += (combined.body.empty() ? "" : "\n") + n.body;
    }
    out.insert(out.begin(), std::move(combined));
  }
  return out;
}

}  // namespace

std::string sessionPercentsProblem(const std::vector<double>& percents) {
  if (percents.size() > kMaxSessionPercents)
    return "at most " + std::to_string(kMaxSessionPercents) + " percents";
  for (std::size_t i = 0; i < percents.size(); ++i) {
    if (!std::isfinite(percents[i]) || percents[i] < 1.0 || percents[i] > 100.0)
      return "each percent must be from 1 to 100";
    if (i > 0 && percents[i] <= percents[i - 1]) return "the percents must rise (75, 90, 95)";
  }
  return {};
}

Result<std::vector<double>, std::string> parseSessionPercents(std::string_view text) {
  std::vector<double> percents;
  std::size_t i = 0;
  const auto separator = [](char c) { return c == ',' || c == ' ' || c == '%' || c == '\t'; };
  while (i < text.size()) {
    if (separator(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !separator(text[end])) ++end;
    const std::string word(text.substr(i, end - i));
    // Digits with at most one decimal point: no signs, exponents, "nan" or "inf".
    const bool number =
        std::all_of(word.begin(), word.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) &&
        std::count(word.begin(), word.end(), '.') <= 1 && word != ".";
    if (!number) return fail("\"" + word + "\" is not a percent");
    percents.push_back(std::strtod(word.c_str(), nullptr));
    i = end;
  }
  if (std::string problem = sessionPercentsProblem(percents); !problem.empty())
    return fail(std::move(problem));
  return percents;
}

std::string formatSessionPercents(const std::vector<double>& percents) {
  std::string out;
  for (double percent : percents) {
    if (!out.empty()) out += ", ";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", percent);
    out += buf;
  }
  return out;
}

bool isSessionLimit(const Limit& limit) { return limit.id == "five_hour"; }

bool isWeeklyLimit(const Limit& limit) {
  return limit.windowSeconds == kSevenDaySeconds || limit.id.starts_with("seven_day");
}

std::vector<Notification> evaluateAlerts(AlertRecord& record, const AlertInput& input,
                                         const AlertSettings& settings) {
  std::vector<Notification> fired;
  for (const Limit& limit : input.limits) {
    const double percent = effectivePercent(limit, input.now);
    const auto resetsAt = liveResetsAt(limit, input.now);
    const std::string label = labelOf(limit);
    auto [it, fresh] = record.windows.try_emplace(limit.id, WindowRecord{.resetsAt = resetsAt});
    WindowRecord& window = it->second;
    if (!fresh) {
      const bool ended = window.resetsAt && input.now >= *window.resetsAt;
      const bool hiccup = !ended && percent == 0.0 && window.lastPercent > 0.0 &&
                          (!resetsAt || sameResetTime(resetsAt, window.resetsAt));
      if (hiccup) continue;
      const bool reset = ended || (percent < window.lastPercent && !sameResetTime(resetsAt, window.resetsAt));
      if (reset) {
        if (settings.freshWindow && window.peakPercent >= kFreshWindowPeak) {
          fired.push_back(
              {.kind = AlertKind::FreshWindow,
               .limitId = limit.id,
               .summary = "Fresh window: " + label + " at " + formatPercent(percent),
               .body = label + " has reset after reaching " + formatPercent(window.peakPercent) + "."});
        }
        window = WindowRecord{.resetsAt = resetsAt};
      } else if (resetsAt) {
        window.resetsAt = resetsAt;
      }
    }
    window.lastPercent = percent;
    window.peakPercent = std::max(window.peakPercent, percent);

    std::vector<double> crossed;
    for (double threshold : thresholdsFor(limit, settings)) {
      if (percent < threshold) continue;
      if (std::find(window.firedPercents.begin(), window.firedPercents.end(), threshold) !=
          window.firedPercents.end())
        continue;
      crossed.push_back(threshold);
      // Recorded even while this alert is off, so turning it on later does not replay the window.
      window.firedPercents.push_back(threshold);
    }
    if (!crossed.empty() && thresholdEnabled(limit, settings)) {
      std::string body = label + " passed " + percentList(crossed);
      body += resetsAt ? "; " + formatResetsIn(limit, input.now) + "." : ".";
      fired.push_back({.kind = AlertKind::Threshold,
                       .limitId = limit.id,
                       .summary = label + " at " + formatPercent(percent),
                       .body = std::move(body)});
    }

    const auto pace = input.pace.find(limit.id);
    if (pace != input.pace.end() && pace->second.tier && *pace->second.tier >= PaceTier::Critical &&
        !window.criticalFired) {
      window.criticalFired = true;
      if (settings.projectionCritical) {
        fired.push_back({.kind = AlertKind::ProjectionCritical,
                         .limitId = limit.id,
                         .summary = label + " at " + formatPercent(percent) + ": on course for the limit",
                         .body = "At this pace " + label + " reaches " +
                                 formatPercent(std::round(*pace->second.projectedPercent)) +
                                 " by its reset."});
      }
    }
  }

  if (input.keyExpired) {
    if (!record.keyExpiredFired && settings.keyExpired) {
      fired.push_back({.kind = AlertKind::KeyExpired,
                       .summary = "Claude session key expired",
                       .body = "Usage is no longer updated. Paste a new session key in the widget."});
    }
    record.keyExpiredFired = true;
  } else if (!input.limits.empty()) {
    record.keyExpiredFired = false;
  }
  return combineThresholds(std::move(fired));
}

}  // namespace cut::core
