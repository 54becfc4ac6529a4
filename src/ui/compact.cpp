// Compact mode: the session as a ring with its percent inside and the weekly window as a thin arc
// around it. A small dot in the corner says the numbers are stale.

#include "core/model/format.h"
#include "gauges.h"
#include "widget_state.h"

namespace cut::ui::detail {

namespace {

constexpr float kBoxPx = 64.0f;
constexpr float kSessionRadiusPx = 23.0f;
constexpr float kSessionThicknessPx = 6.0f;
constexpr float kWeeklyRadiusPx = 30.0f;
constexpr float kWeeklyThicknessPx = 2.5f;

const core::Limit* findLimit(const core::UsageSnapshot& snapshot, const char* id) {
  return snapshot.usage ? snapshot.usage->find(id) : nullptr;
}

/// The ring's colour: the level band, or the pace tier with Settings::colorByPace.
ImU32 ringColor(const Frame& frame, const core::Limit& limit, double percent) {
  const auto samples =
      frame.snapshot.history ? frame.snapshot.history->of(limit.id) : std::span<const core::PaceSample>();
  const core::Pace pace =
      frame.view.settings.colorByPace ? core::computePace(limit, samples, frame.view.now) : core::Pace{};
  return usageColor(percent, pace, frame.view.settings, frame.stale);
}

}  // namespace

float compactBoxSize(const Frame& frame) { return px(frame, kBoxPx); }

void drawCompact(Frame& frame) {
  const float box = compactBoxSize(frame);
  const bool dim = frame.stale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 center(origin.x + box * 0.5f, origin.y + box * 0.5f);
  ImDrawList* drawList = ImGui::GetWindowDrawList();
  const core::Settings& settings = frame.view.settings;

  const core::Limit* session = findLimit(frame.snapshot, "five_hour");
  const core::Limit* weekly = findLimit(frame.snapshot, "seven_day");
  std::string label = "\u2013";
  ImU32 labelColor = toneColor(Tone::Muted, dim);
  if (weekly != nullptr) {
    const double percent = core::effectivePercent(*weekly, frame.view.now);
    drawRing(drawList, frame.view.ring, center, px(frame, kWeeklyRadiusPx), px(frame, kWeeklyThicknessPx),
             percent / 100.0, ringColor(frame, *weekly, percent), trackColor(dim));
  }
  const double sessionPercent = session != nullptr ? core::effectivePercent(*session, frame.view.now) : 0.0;
  const ImU32 sessionColor = session != nullptr ? ringColor(frame, *session, sessionPercent)
                                                : bandColor(bandFor(sessionPercent, settings), dim);
  drawRing(drawList, frame.view.ring, center, px(frame, kSessionRadiusPx), px(frame, kSessionThicknessPx),
           sessionPercent / 100.0, sessionColor, trackColor(dim));
  if (session != nullptr) {
    label = core::formatPercent(sessionPercent);
    labelColor = toneColor(Tone::Text, dim);
  }

  // In demo mode the percent moves up to make room for the DEMO mark inside the ring, where it
  // cannot collide with the arcs.
  ImGui::PushFont(font(FontRole::Small));
  const ImVec2 demoSize = ImGui::CalcTextSize("DEMO");
  ImGui::PopFont();
  const float lift = frame.snapshot.demo ? demoSize.y * 0.5f : 0.0f;
  ImGui::PushFont(font(FontRole::Big));
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  const float labelTop = center.y - size.y * 0.5f - lift;
  drawList->AddText(ImVec2(center.x - size.x * 0.5f, labelTop), labelColor, label.c_str());
  ImGui::PopFont();

  if (frame.snapshot.error || frame.stale) {
    const bool severe = frame.snapshot.error && core::pausesPolling(frame.snapshot.error->kind);
    const float r = px(frame, 4.0f);
    drawList->AddCircleFilled(ImVec2(origin.x + box - r, origin.y + r), r,
                              toneColor(severe ? Tone::Error : Tone::Warning), 12);
  }
  if (frame.snapshot.demo) {
    ImGui::PushFont(font(FontRole::Small));
    drawList->AddText(ImVec2(center.x - demoSize.x * 0.5f, labelTop + size.y - px(frame, 2.0f)),
                      toneColor(Tone::Accent), "DEMO");
    ImGui::PopFont();
  }

  ImGui::Dummy(ImVec2(box, box));
  frame.state.items.push_back(DrawnItem{label, origin.x, origin.y, origin.x + box, origin.y + box, false});
}

}  // namespace cut::ui::detail
