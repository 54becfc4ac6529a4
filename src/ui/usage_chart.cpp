#include "ui/usage_chart.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/model/format.h"

namespace cut::ui {
namespace {

constexpr double kMaxScalePercent = 200.0;

using Seconds = std::chrono::duration<double>;

class Axes {
 public:
  Axes(ImVec2 min, ImVec2 max, core::TimePoint start, core::TimePoint end, double topPercent)
      : m_min(min), m_max(max), m_start(start), m_end(end), m_top(topPercent) {}

  ImVec2 at(core::TimePoint time, double percent) const {
    const double span = Seconds(m_end - m_start).count();
    const double fx = std::clamp(Seconds(time - m_start).count() / span, 0.0, 1.0);
    const double fy = std::clamp(percent / m_top, 0.0, 1.0);
    return ImVec2(m_min.x + static_cast<float>(fx) * (m_max.x - m_min.x),
                  m_max.y - static_cast<float>(fy) * (m_max.y - m_min.y));
  }

  core::TimePoint timeAt(float x) const {
    const double fx = std::clamp(static_cast<double>((x - m_min.x) / (m_max.x - m_min.x)), 0.0, 1.0);
    return m_start +
           std::chrono::duration_cast<core::Clock::duration>(Seconds(fx * Seconds(m_end - m_start).count()));
  }

 private:
  ImVec2 m_min, m_max;
  core::TimePoint m_start, m_end;
  double m_top;
};

// Usage at `time` along the recorded points (linear between them); empty before the first.
std::optional<double> recordedAt(const std::vector<core::PaceSample>& points, core::TimePoint time) {
  if (points.empty() || time < points.front().time) return std::nullopt;
  for (std::size_t i = 1; i < points.size(); ++i) {
    if (time > points[i].time) continue;
    const double span = Seconds(points[i].time - points[i - 1].time).count();
    const double f = span > 0.0 ? Seconds(time - points[i - 1].time).count() / span : 1.0;
    return points[i - 1].usedPercent + f * (points[i].usedPercent - points[i - 1].usedPercent);
  }
  return points.back().usedPercent;
}

}  // namespace

std::optional<ChartHover> drawUsageChart(ImDrawList* drawList, ImVec2 min, ImVec2 max,
                                         const ChartInput& input, ImVec2 mouse, const ChartColors& colors) {
  drawList->AddRectFilled(min, max, colors.background, 3.0f);
  const core::Limit& limit = input.limit;
  if (!limit.resetsAt || limit.windowSeconds <= 0 || *limit.resetsAt <= input.now) return std::nullopt;
  const core::TimePoint end = *limit.resetsAt;
  const core::TimePoint start = end - std::chrono::seconds(limit.windowSeconds);
  const double used = core::effectivePercent(limit, input.now);

  std::vector<core::PaceSample> all(input.samples.begin(), input.samples.end());
  const core::PaceSample current = core::sampleOf(limit, input.now);
  if (all.empty() || all.back().time < current.time) all.push_back(current);
  std::vector<core::PaceSample> points;
  for (const auto& s : core::currentWindowSamples(all))
    if (s.time >= start && s.time <= input.now) points.push_back(s);
  // Without history the line starts at the window's beginning, where every window starts: 0 %.
  if (points.empty() || points.front().time > start) points.insert(points.begin(), {start, 0.0, end});

  const double hoursLeft = Seconds(end - input.now).count() / 3600.0;
  const double projectedEnd = input.pace.known() ? used + input.pace.ratePercentPerHour * hoursLeft : used;
  double top = std::max(100.0, projectedEnd);
  for (const auto& p : points) top = std::max(top, p.usedPercent);
  top = std::min(top, kMaxScalePercent) * 1.05;
  const Axes axes(min, max, start, end, top);

  drawList->PushClipRect(min, max, true);
  drawList->AddLine(axes.at(start, 100.0), axes.at(end, 100.0), colors.limitLine, 1.0f);
  drawList->AddLine(axes.at(start, 0.0), axes.at(end, 100.0), colors.evenPace, 1.0f);
  std::vector<ImVec2> line;
  line.reserve(points.size());
  for (const auto& p : points) line.push_back(axes.at(p.time, p.usedPercent));
  drawList->AddPolyline(line.data(), static_cast<int>(line.size()), colors.usage, ImDrawFlags_None, 2.0f);
  if (input.pace.known())
    drawList->AddLine(axes.at(input.now, used), axes.at(end, projectedEnd), colors.projection, 1.5f);

  std::optional<ChartHover> hover;
  if (mouse.x >= min.x && mouse.x <= max.x && mouse.y >= min.y && mouse.y <= max.y) {
    const core::TimePoint time = axes.timeAt(mouse.x);
    if (time <= input.now) {
      if (const auto value = recordedAt(points, time)) hover = ChartHover{time, *value, false};
    } else if (input.pace.known()) {
      const double f = Seconds(time - input.now).count() / Seconds(end - input.now).count();
      hover = ChartHover{time, used + f * (projectedEnd - used), true};
    }
    if (hover) {
      const ImVec2 point = axes.at(hover->time, hover->percent);
      drawList->AddLine(ImVec2(point.x, min.y), ImVec2(point.x, max.y), colors.hover, 1.0f);
      drawList->AddCircleFilled(point, 3.0f, colors.hover);
      const std::string label = core::formatLocalTime(hover->time, input.now, input.clock24h) + "  " +
                                core::formatPercent(std::round(hover->percent));
      const ImVec2 size = ImGui::CalcTextSize(label.c_str());
      const float x = std::min(point.x + 4.0f, max.x - size.x - 2.0f);
      drawList->AddText(ImVec2(std::max(min.x + 2.0f, x), min.y + 2.0f), colors.hover, label.c_str());
    }
  }
  drawList->PopClipRect();
  return hover;
}

}  // namespace cut::ui
