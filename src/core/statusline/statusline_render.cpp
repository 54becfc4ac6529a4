#include "core/statusline/statusline_render.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/model/format.h"
#include "core/model/terminal_text.h"
#include "core/model/time_bounds.h"
#include "core/statusline/statusline_fit.h"
#include "core/model/pace.h"

namespace cut::core {
namespace {

// 256-colour palette entries.
constexpr int kGreen = 71;
constexpr int kAmber = 214;
constexpr int kRed = 196;
constexpr int kDim = 244;
constexpr int kFaint = 238;
constexpr int kMarker = 252;
constexpr int kDir = 75;
constexpr int kBranch = 141;
constexpr int kModel = 180;

constexpr const char* kFilled = "\u25B0";  // ▰
constexpr const char* kEmpty = "\u25B1";   // ▱
constexpr const char* kPace = "\u2502";    // │
constexpr const char* kSeparator = " \u2502 ";
constexpr const char* kDash = "\u2013";  // –

class Painter {
 public:
  explicit Painter(bool color) : m_color(color) {}
  std::string paint(int color, const std::string& text) const {
    if (!m_color || text.empty()) return text;
    return "\x1b[38;5;" + std::to_string(color) + "m" + text + "\x1b[0m";
  }

 private:
  bool m_color;
};

// Pace tiers, comfortable to runaway: green, yellow-green, gold, amber, orange, red.
int tierColor(PaceTier tier) {
  switch (tier) {
    case PaceTier::Comfortable: return kGreen;
    case PaceTier::OnTrack: return 107;
    case PaceTier::Warming: return 178;
    case PaceTier::Pressing: return kAmber;
    case PaceTier::Critical: return 202;
    case PaceTier::Runaway: return kRed;
  }
  return kGreen;
}

int bandColor(double percent, const StatuslineStyle& style) {
  switch (bandFor(percent, style.amberPercent, style.redPercent)) {
    case Band::Red: return kRed;
    case Band::Amber: return kAmber;
    case Band::Green: return kGreen;
  }
  return kGreen;
}

std::string wholePercent(double percent) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", std::max(0.0, std::round(percent)));
  return buf;
}

int filledCells(double percent) {
  return static_cast<int>(std::clamp(std::round(percent / 10.0), 0.0, 10.0));
}

std::string bar(double percent, std::optional<double> elapsed, const Painter& painter, int fillColor) {
  const int filled = filledCells(percent);
  const int marker = elapsed ? static_cast<int>(std::clamp(std::round(*elapsed * 10.0), 0.0, 10.0)) : -1;
  std::string full, empty, out;
  auto flush = [&] {
    out += painter.paint(fillColor, full);
    out += painter.paint(kFaint, empty);
    full.clear();
    empty.clear();
  };
  for (int cell = 0; cell <= 10; ++cell) {
    if (cell == marker) {
      flush();
      out += painter.paint(kMarker, kPace);
    }
    if (cell == 10) break;
    if (cell < filled)
      full += kFilled;
    else
      empty += kEmpty;
    // Keep runs in order: a filled run never follows an empty one, so flushing at the marker and
    // the end is enough.
  }
  flush();
  return out;
}

// A usage number and where it came from.
struct Reading {
  const Limit* limit = nullptr;
  bool fromCache = false;
};

Reading pick(const StatuslineView& view, std::string_view id) {
  if (const Limit* limit = view.input.find(id)) return {limit, false};
  if (view.cache)
    if (const Limit* limit = view.cache->usage.find(id)) return {limit, true};
  return {};
}

std::string baseName(const std::string& dir) {
  std::string_view text = dir;
  while (text.size() > 1 && text.back() == '/') text.remove_suffix(1);
  const auto slash = text.rfind('/');
  if (slash == std::string_view::npos || text.size() == 1) return std::string(text);
  return std::string(text.substr(slash + 1));
}

// "Weekly Opus" -> "Opus"; other labels are kept.
std::string shortLabel(const Limit& limit) {
  constexpr std::string_view kWeekly = "Weekly ";
  if (limit.label.starts_with(kWeekly)) return limit.label.substr(kWeekly.size());
  return limit.label.empty() ? limit.id : limit.label;
}

class LineBuilder {
 public:
  LineBuilder(const StatuslineView& view, const StatuslineStyle& style, TimePoint now)
      : m_view(view), m_style(style), m_now(now), m_painter(style.color) {}

  std::string build() {
    for (const std::string& name : m_style.layout.segments) segment(name);
    if (m_oldest || m_datedAhead) {
      std::string text = "stale, dated ahead";
      if (m_oldest)
        text = "stale " + formatDuration(std::chrono::duration_cast<std::chrono::seconds>(m_now - *m_oldest));
      std::vector<std::string> forms;
      if (m_view.refreshing) forms.push_back(m_painter.paint(kDim, text + ", refreshing"));
      forms.push_back(m_painter.paint(kDim, text));
      m_parts.push_back({"stale", std::move(forms)});
    }
    return fitStatusline(std::move(m_parts), m_painter.paint(kFaint, kSeparator), m_style.maxColumns,
                         m_style.color);
  }

 private:
  void add(const std::string& segment, std::string text) { m_parts.push_back({segment, {std::move(text)}}); }
  // A name from outside (directory, branch, model): in full, and shortened for a narrow terminal.
  void addName(const std::string& segment, int color, const std::string& text) {
    m_parts.push_back({segment,
                       {m_painter.paint(color, text),
                        m_painter.paint(color, cutToColumns(text, kShortNameColumns, false))}});
  }

  void segment(const std::string& which) {
    const StatuslineInput& in = m_view.input;
    if (which == "dir") {
      if (const std::string base = terminalSafe(baseName(in.currentDir)); !base.empty())
        addName(which, kDir, base);
    } else if (which == "branch") {
      if (m_view.branch && !m_view.branch->empty())
        addName(which, kBranch, "\u2387 " + terminalSafe(*m_view.branch));
    } else if (which == "model") {
      if (!in.model.empty()) addName(which, kModel, terminalSafe(in.model));
    } else if (which == "context") {
      if (in.contextPercent)
        add(which, m_painter.paint(kDim, "ctx ") + m_painter.paint(bandColor(*in.contextPercent, m_style),
                                                                   wholePercent(*in.contextPercent)));
    } else if (which == "five_hour") {
      fiveHour();
    } else if (which == "weekly") {
      const Reading week = pick(m_view, "seven_day");
      if (week.limit) add(which, percentText("wk", week));
    } else if (which == "cost") {
      if (in.costUsd) add(which, m_painter.paint(kDim, formatMoney(*in.costUsd, "USD")));
    } else if (which == "per_model") {
      perModel();
    } else if (which == "extra") {
      extra();
    } else if (which == "limit_at") {
      limitAt();
    }
  }

  // A cache reading is fresh for kCacheFreshFor; one dated after now (a wrong clock, an edited
  // file) has no age anyone can trust and is stale too.
  void noteObserved(TimePoint observedAt) {
    if (datedAhead(observedAt, m_now)) {
      m_datedAhead = true;
    } else if (observedAt < m_now && m_now - observedAt > kCacheFreshFor &&
               (!m_oldest || observedAt < *m_oldest)) {
      m_oldest = observedAt;
    }
  }
  void noteCached(const Reading& reading) {
    if (reading.fromCache) noteObserved(reading.limit->observedAt);
  }

  // The level band, or with `color_by: pace` the pace tier once there is one. One reading has
  // no history here: the status line must stay within its few milliseconds.
  int usageColor(const Limit& limit) const {
    const double percent = effectivePercent(limit, m_now);
    if (m_style.layout.colorBy == "pace")
      if (const auto tier = computePace(limit, {}, m_now).tier) return tierColor(*tier);
    return bandColor(percent, m_style);
  }

  std::string percentText(const char* label, const Reading& reading) {
    noteCached(reading);
    const double percent = effectivePercent(*reading.limit, m_now);
    return m_painter.paint(kDim, std::string(label) + " ") +
           m_painter.paint(usageColor(*reading.limit), wholePercent(percent));
  }

  // "limit 14:20": when the session reaches 100 % at its rate, only when that comes before the reset.
  void limitAt() {
    const Reading five = pick(m_view, "five_hour");
    if (!five.limit) return;
    const Pace pace = computePace(*five.limit, {}, m_now);
    if (!pace.limitAt || !pace.tier) return;
    add("limit_at", m_painter.paint(kDim, "limit ") +
                        m_painter.paint(tierColor(*pace.tier),
                                        formatLocalTime(*pace.limitAt, m_now, m_style.layout.clock24h)));
  }

  void fiveHour() {
    const Reading five = pick(m_view, "five_hour");
    if (!five.limit) {
      add("five_hour", m_painter.paint(kDim, std::string("5h ") + kDash));
      return;
    }
    const Limit& limit = *five.limit;
    const double percent = effectivePercent(limit, m_now);
    const std::string figure = percentText("5h", five);
    const std::string withBar =
        figure + " " + bar(percent, elapsedFraction(limit, m_now), m_painter, usageColor(limit));
    std::string full = withBar;
    if (limit.resetsAt && *limit.resetsAt > m_now)
      full += m_painter.paint(kDim,
                              " resets " + formatLocalTime(*limit.resetsAt, m_now, m_style.layout.clock24h));
    m_parts.push_back({"five_hour", {full, withBar, figure}});
  }

  void perModel() {
    if (!m_view.cache) return;
    std::string text;
    for (const Limit& limit : m_view.cache->usage.limits) {
      if (limit.id == "five_hour" || limit.id == "seven_day" || limit.id.starts_with("five_hour")) continue;
      if (!text.empty()) text += m_painter.paint(kFaint, " \u00B7 ");
      text += percentText(terminalSafe(shortLabel(limit)).c_str(), Reading{&limit, true});
    }
    if (!text.empty()) add("per_model", std::move(text));
  }

  void extra() {
    if (!m_view.cache || !m_view.cache->usage.extra) return;
    const ExtraUsage& e = *m_view.cache->usage.extra;
    std::string amount = formatMoney(e.used, e.currency);
    int color = kDim;
    if (e.limit) {
      amount += "/" + formatMoney(*e.limit, e.currency);
      if (*e.limit > 0) color = bandColor(e.used * 100.0 / *e.limit, m_style);
    }
    if (m_view.cache->extraObservedAt) noteObserved(*m_view.cache->extraObservedAt);
    add("extra", m_painter.paint(kDim, "extra ") + m_painter.paint(color, amount));
  }

  const StatuslineView& m_view;
  const StatuslineStyle& m_style;
  TimePoint m_now;
  Painter m_painter;
  std::vector<StatuslinePart> m_parts;
  std::optional<TimePoint> m_oldest;  ///< the oldest stale cache reading drawn
  bool m_datedAhead = false;          ///< a cache reading drawn is dated after now
};

}  // namespace

bool statuslineUsesColor(const std::string& colorMode, const char* noColorEnv) {
  if (colorMode == "none") return false;
  if (colorMode == "256") return true;
  return noColorEnv == nullptr || noColorEnv[0] == '\0';
}

std::string renderStatusline(const StatuslineView& view, const StatuslineStyle& style, TimePoint now) {
  return LineBuilder(view, style, now).build();
}

std::string paceBar(double percent, std::optional<double> elapsed) {
  return bar(percent, elapsed, Painter(false), 0);
}

}  // namespace cut::core
