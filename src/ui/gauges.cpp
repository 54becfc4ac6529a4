#include "gauges.h"

#include <algorithm>
#include <cmath>

#include "widget.h"

namespace cut::ui {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kTopAngle = -kPi / 2.0f;  // 12 o'clock; angles grow clockwise with y pointing down

float clamp01(double value) { return static_cast<float>(std::clamp(value, 0.0, 1.0)); }

int arcSegments(float radius, float sweep) {
  // About one segment per 3 px of arc, enough to look round at scale 2 without wasting vertices.
  const float length = radius * sweep;
  return std::clamp(static_cast<int>(length / 3.0f), 8, 128);
}

}  // namespace

void drawGaugeBar(ImDrawList* drawList, ImVec2 min, ImVec2 max, double fraction,
                  std::optional<double> paceFraction, const BarColors& colors) {
  const float height = max.y - min.y;
  const float width = max.x - min.x;
  const float rounding = height * 0.5f;
  drawList->AddRectFilled(min, max, colors.track, rounding);
  const float filled = width * clamp01(fraction);
  if (filled > 0.5f) {
    // Keep a sliver of fill round: never narrower than the bar is tall.
    const float w = std::max(filled, std::min(height, width));
    drawList->AddRectFilled(min, ImVec2(min.x + w, max.y), colors.fill, rounding);
  }
  if (paceFraction) {
    const float x = std::round(min.x + width * clamp01(*paceFraction));
    const float markerWidth = std::max(1.5f, height * 0.3f);
    const float overhang = std::max(2.0f, height * 0.45f);
    drawList->AddRectFilled(ImVec2(x - markerWidth * 0.5f, min.y - overhang),
                            ImVec2(x + markerWidth * 0.5f, max.y + overhang), colors.marker,
                            markerWidth * 0.5f);
  }
}

void gaugeBar(float width, float height, double fraction, std::optional<double> paceFraction,
              const BarColors& colors) {
  const float overhang = std::max(2.0f, height * 0.45f);
  const ImVec2 cursor = ImGui::GetCursorScreenPos();
  const ImVec2 min(cursor.x, cursor.y + overhang);
  drawGaugeBar(ImGui::GetWindowDrawList(), min, ImVec2(min.x + width, min.y + height), fraction, paceFraction,
               colors);
  ImGui::Dummy(ImVec2(width, height + 2.0f * overhang));
}

void drawRingArcs(ImDrawList* drawList, ImVec2 center, float radius, float thickness, double fraction,
                  ImU32 color, ImU32 track) {
  drawList->AddCircle(center, radius, track, arcSegments(radius, 2.0f * kPi), thickness);
  const float f = clamp01(fraction);
  if (f <= 0.0f) return;
  const float capRadius = thickness * 0.5f;
  const float sweep = 2.0f * kPi * f;
  if (f >= 0.999f) {
    drawList->AddCircle(center, radius, color, arcSegments(radius, sweep), thickness);
    return;
  }
  drawList->PathArcTo(center, radius, kTopAngle, kTopAngle + sweep, arcSegments(radius, sweep));
  drawList->PathStroke(color, ImDrawFlags_None, thickness);
  const float endAngle = kTopAngle + sweep;
  drawList->AddCircleFilled(ImVec2(center.x, center.y - radius), capRadius, color, 16);
  drawList->AddCircleFilled(
      ImVec2(center.x + radius * std::cos(endAngle), center.y + radius * std::sin(endAngle)), capRadius,
      color, 16);
}

bool drawRing(ImDrawList* drawList, RingRenderer* renderer, ImVec2 center, float radius, float thickness,
              double fraction, ImU32 color, ImU32 track) {
  if (renderer != nullptr &&
      renderer->addRing(drawList, center.x, center.y, radius, thickness, clamp01(fraction), color, track)) {
    return true;
  }
  drawRingArcs(drawList, center, radius, thickness, fraction, color, track);
  return false;
}

}  // namespace cut::ui
