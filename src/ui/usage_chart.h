#pragma once
// A small chart of one usage window: usage since the window began, the even-pace diagonal, the
// projection from now to the reset, and the 100 % line; where the mouse is, a marker with the time
// and the value there. ImDrawList only, drawn from values passed in (no snapshot, no clock), so the
// widget can draw it from a published snapshot and tests can draw it headless.

#include <imgui.h>

#include <optional>
#include <span>

#include "core/model/pace.h"
#include "core/model/usage.h"

namespace cut::ui {

struct ChartColors {
  ImU32 background = IM_COL32(255, 255, 255, 18);
  ImU32 usage = IM_COL32(90, 170, 250, 255);
  ImU32 evenPace = IM_COL32(255, 255, 255, 90);
  ImU32 projection = IM_COL32(250, 170, 60, 255);
  ImU32 limitLine = IM_COL32(230, 70, 70, 200);
  ImU32 hover = IM_COL32(255, 255, 255, 220);
};

struct ChartInput {
  /// The current reading; its reset time and window length place the time axis.
  core::Limit limit;
  /// Earlier readings of the same limit, oldest first (the history store's samples); the chart
  /// keeps those of the current window (core::currentWindowSamples).
  std::span<const core::PaceSample> samples;
  /// computePace(limit, samples, now): the projection line needs its rate.
  core::Pace pace;
  core::TimePoint now{};
  bool clock24h = true;
};

/// What is under the mouse: a time in the window and the usage then (recorded, or projected after
/// `now`).
struct ChartHover {
  core::TimePoint time{};
  double percent = 0.0;
  bool projected = false;
};

/// Draws the chart into [min, max] of `drawList`, with a hover marker and its label ("14:05 42%")
/// when `mouse` is inside. A window without a reset time or length has no time axis: only the
/// background is drawn and the result is empty. The vertical scale is 0..max(100 %, highest
/// value drawn), capped at 200 %.
std::optional<ChartHover> drawUsageChart(ImDrawList* drawList, ImVec2 min, ImVec2 max,
                                         const ChartInput& input, ImVec2 mouse,
                                         const ChartColors& colors = {});

}  // namespace cut::ui
