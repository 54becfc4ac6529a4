#include "core/model/usage.h"

#include <algorithm>

#include "core/model/time_bounds.h"

namespace cut::core {

std::string_view sourceName(Source source) {
  switch (source) {
    case Source::ClaudeAi: return "claude.ai";
    case Source::ClaudeCode: return "claude-code";
  }
  return "claude.ai";
}

Band bandFor(double usedPercent, double amberPercent, double redPercent) {
  if (usedPercent >= redPercent) return Band::Red;
  if (usedPercent >= amberPercent) return Band::Amber;
  return Band::Green;
}

double effectivePercent(const Limit& limit, TimePoint now) {
  if (limit.resetsAt && *limit.resetsAt <= now) return 0.0;
  return limit.usedPercent;
}

std::optional<double> elapsedFraction(const Limit& limit, TimePoint now) {
  if (!limit.resetsAt || limit.windowSeconds <= 0 || limit.windowSeconds > kMaxWindowSeconds)
    return std::nullopt;
  // The window these numbers describe is over, and when the next one began is not known.
  if (*limit.resetsAt <= now) return std::nullopt;
  const auto window = std::chrono::seconds(limit.windowSeconds);
  const auto start = *limit.resetsAt - window;
  const double elapsed = std::chrono::duration<double>(now - start).count();
  return std::clamp(elapsed / std::chrono::duration<double>(window).count(), 0.0, 1.0);
}

const Limit* Usage::find(std::string_view id) const {
  const auto it = std::find_if(limits.begin(), limits.end(), [&](const Limit& l) { return l.id == id; });
  return it == limits.end() ? nullptr : &*it;
}

}  // namespace cut::core
