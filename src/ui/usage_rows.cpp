// One row per limit: label and percent, the gauge with its even-pace marker, the countdown and,
// when it says something, when the limit is reached at the recent rate; the details (local reset
// time, the projection, source, organization) on hover. A click on a row opens or closes its chart.
// Then extra usage as money.

#include <algorithm>
#include <cstdio>

#include "core/model/format.h"
#include "gauges.h"
#include "usage_chart.h"
#include "widget_state.h"

namespace cut::ui::detail {

namespace {

bool hidden(const core::Settings& settings, const std::string& id) {
  return std::find(settings.hiddenRows.begin(), settings.hiddenRows.end(), id) != settings.hiddenRows.end();
}

std::string rowLabel(const core::Limit& limit) { return limit.label.empty() ? limit.id : limit.label; }

void tooltipLine(Frame& frame, const std::string& line) {
  ImGui::TextUnformatted(line.c_str(), line.c_str() + line.size());
  recordItem(frame, line, false);
}

std::span<const core::PaceSample> samplesOf(const Frame& frame, const std::string& id) {
  return frame.snapshot.history ? frame.snapshot.history->of(id) : std::span<const core::PaceSample>();
}

/// "At this rate: limit at 14:20"; empty when it lasts to the reset or nothing is known.
std::string limitAtText(const Frame& frame, const core::Pace& pace) {
  if (!pace.known() || !pace.limitAt) return {};
  return "at this rate: limit at " +
         core::formatLocalTime(*pace.limitAt, frame.view.now, frame.view.settings.clock24h);
}

void paceTooltip(Frame& frame, const core::Pace& pace) {
  if (!pace.known()) {
    tooltipLine(frame, "Projection: too early to tell");
    return;
  }
  char buf[96];
  std::snprintf(buf, sizeof buf, "Projected at the reset: %.0f%% (%s)", *pace.projectedPercent,
                std::string(core::paceTierName(*pace.tier)).c_str());
  std::string line = buf;
  for (char& c : line) c = c == '_' ? ' ' : c;
  tooltipLine(frame, line);
  const std::string limitAt = limitAtText(frame, pace);
  tooltipLine(frame, limitAt.empty() ? "At this rate it lasts to the reset" : "A" + limitAt.substr(1));
}

/// Whether `id`'s chart is shown: Settings::showCharts, flipped by a click on the row.
bool chartOpen(const Frame& frame, const std::string& id) {
  const auto& toggled = frame.state.chartToggled;
  const bool flipped = std::find(toggled.begin(), toggled.end(), id) != toggled.end();
  return frame.view.settings.showCharts != flipped;
}

/// A click (press and release without a drag) on the row's rectangle. The second click of a
/// double-click (and any later one of a run) toggles nothing: the run flips the chart once.
void toggleChartOnClick(Frame& frame, const std::string& id) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::IsWindowHovered()) return;
  if (io.MouseClickedLastCount[ImGuiMouseButton_Left] > 1) return;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const ImVec2 pressed = io.MouseClickedPos[ImGuiMouseButton_Left];
  const bool inside = pressed.x >= min.x && pressed.x < max.x && pressed.y >= min.y && pressed.y < max.y;
  const float threshold = io.MouseDragThreshold;
  if (!inside || !ImGui::IsMouseHoveringRect(min, max) ||
      io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] >= threshold * threshold)
    return;
  auto& toggled = frame.state.chartToggled;
  const auto found = std::find(toggled.begin(), toggled.end(), id);
  if (found == toggled.end()) {
    toggled.push_back(id);
  } else {
    toggled.erase(found);
  }
}

void chart(Frame& frame, const core::Limit& limit, const core::Pace& pace) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = px(frame, 64.0f);
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + height);
  ChartInput input{limit, samplesOf(frame, limit.id), pace, frame.view.now, frame.view.settings.clock24h};
  drawUsageChart(ImGui::GetWindowDrawList(), min, max, input, ImGui::GetIO().MousePos);
  ImGui::Dummy(ImVec2(width, height));
  frame.state.items.push_back(DrawnItem{"chart " + limit.id, min.x, min.y, max.x, max.y, false});
}

void limitTooltip(Frame& frame, const core::Limit& limit, const core::Pace& pace) {
  const core::Settings& settings = frame.view.settings;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(px(frame, 260.0f));
  ImGui::PushFont(font(FontRole::Strong));
  tooltipLine(frame, rowLabel(limit));
  ImGui::PopFont();
  if (limit.resetsAt) {
    tooltipLine(frame, "Resets " + core::formatLocalTime(*limit.resetsAt, frame.view.now, settings.clock24h));
  } else {
    tooltipLine(frame, "No active window: it starts with the next message");
  }
  if (const auto elapsed = core::elapsedFraction(limit, frame.view.now)) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "Even pace: %.0f%% of the window has passed (the marker)",
                  *elapsed * 100.0);
    tooltipLine(frame, buf);
  }
  paceTooltip(frame, pace);
  std::string source = limit.source == core::Source::ClaudeCode ? "Source: Claude Code" : "Source: claude.ai";
  if (limit.observedAt != core::TimePoint{}) {
    source += ", " + core::formatLocalTime(limit.observedAt, frame.view.now, settings.clock24h);
  }
  tooltipLine(frame, source);
  if (frame.snapshot.organization && !frame.snapshot.organization->name.empty()) {
    tooltipLine(frame, "Organization: " + frame.snapshot.organization->name);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

BarColors barColors(Band band, bool dimmed) {
  return {bandColor(band, dimmed), trackColor(dimmed), paceMarkerColor(dimmed)};
}

BarColors barColors(ImU32 fill, bool dimmed) { return {fill, trackColor(dimmed), paceMarkerColor(dimmed)}; }

void limitRow(Frame& frame, const core::Limit& limit) {
  const bool dim = frame.stale;
  const double percent = core::effectivePercent(limit, frame.view.now);
  const core::Pace pace = core::computePace(limit, samplesOf(frame, limit.id), frame.view.now);
  const ImU32 color = usageColor(percent, pace, frame.view.settings, dim);
  const float width = ImGui::GetContentRegionAvail().x;

  ImGui::BeginGroup();
  text(frame, FontRole::Body, toneColor(Tone::Text, dim), rowLabel(limit));
  ImGui::SameLine();
  textRight(frame, FontRole::Strong, color, core::formatPercent(percent));
  gaugeBar(width, px(frame, 6.0f), percent / 100.0, core::elapsedFraction(limit, frame.view.now),
           barColors(color, dim));
  text(frame, FontRole::Small, toneColor(Tone::Muted, dim), core::formatResetsIn(limit, frame.view.now));
  // On the countdown's line, so a row keeps its height: said only when it comes before the reset.
  if (const std::string limitAt = limitAtText(frame, pace); !limitAt.empty()) {
    ImGui::SameLine();
    textRight(frame, FontRole::Small, color, limitAt.substr(std::string("at this rate: ").size()));
  }
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) limitTooltip(frame, limit, pace);
  toggleChartOnClick(frame, limit.id);
  if (chartOpen(frame, limit.id)) chart(frame, limit, pace);
}

void extraRow(Frame& frame, const core::ExtraUsage& extra) {
  const bool dim = frame.stale;
  const float width = ImGui::GetContentRegionAvail().x;
  std::string amount = core::formatMoney(extra.used, extra.currency);
  const bool bounded = extra.limit && *extra.limit > 0.0;
  const double percent = bounded ? extra.used / *extra.limit * 100.0 : 0.0;
  if (extra.limit) amount += " / " + core::formatMoney(*extra.limit, extra.currency);
  const Band band = bandFor(percent, frame.view.settings);

  ImGui::BeginGroup();
  text(frame, FontRole::Body, toneColor(Tone::Text, dim), "Extra usage");
  ImGui::SameLine();
  textRight(frame, FontRole::Strong, bounded ? bandColor(band, dim) : toneColor(Tone::Text, dim), amount);
  if (bounded) {
    gaugeBar(width, px(frame, 6.0f), percent / 100.0, std::nullopt, barColors(band, dim));
  }
  text(frame, FontRole::Small, toneColor(Tone::Muted, dim),
       bounded ? "paid usage this month" : "no monthly limit");
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    tooltipLine(frame, "Paid usage beyond the plan, billed monthly");
    if (bounded) {
      tooltipLine(frame, core::formatPercent(percent) + " of the monthly limit");
    }
    if (frame.snapshot.organization && !frame.snapshot.organization->name.empty()) {
      tooltipLine(frame, "Organization: " + frame.snapshot.organization->name);
    }
    ImGui::EndTooltip();
  }
}

}  // namespace

void drawUsageRows(Frame& frame) {
  if (!frame.snapshot.usage) return;
  const core::Usage& usage = *frame.snapshot.usage;
  const core::Settings& settings = frame.view.settings;
  bool first = true;
  auto gap = [&] {
    if (!first) ImGui::Dummy(ImVec2(0.0f, px(frame, 4.0f)));
    first = false;
  };
  for (std::size_t i = 0; i < usage.limits.size(); ++i) {
    const core::Limit& limit = usage.limits[i];
    if (hidden(settings, limit.id)) continue;
    gap();
    ImGui::PushID(static_cast<int>(i));
    limitRow(frame, limit);
    ImGui::PopID();
  }
  if (usage.extra && !hidden(settings, "extra_usage")) {
    gap();
    extraRow(frame, *usage.extra);
  }
  if (first) {
    text(frame, FontRole::Small, toneColor(Tone::Muted),
         usage.limits.empty() && !usage.extra ? "No usage limits reported"
                                              : "All rows are hidden (Settings \u2192 Rows)");
  }
}

}  // namespace cut::ui::detail
