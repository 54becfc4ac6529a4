#pragma once
// The two gauge shapes: a horizontal bar with the even-pace marker, and the ring of compact mode.

#include <imgui.h>

#include <optional>

namespace cut::ui {

class RingRenderer;

struct BarColors {
  ImU32 fill;
  ImU32 track;
  ImU32 marker;
};

/// Draws a rounded horizontal bar filling `fraction` (clamped to 0..1; over 100 % shows full) of the
/// rectangle [min, max], with a thin vertical marker at `paceFraction` (0..1) when known: where the
/// fill would be if the window's allowance were used evenly.
void drawGaugeBar(ImDrawList* drawList, ImVec2 min, ImVec2 max, double fraction,
                  std::optional<double> paceFraction, const BarColors& colors);

/// The bar as an ImGui item of `width` x `height` at the cursor (no ID, so it never takes input and
/// a drag that starts on it moves the window).
void gaugeBar(float width, float height, double fraction, std::optional<double> paceFraction,
              const BarColors& colors);

/// A ring arc from 12 o'clock clockwise over `fraction` of the circle, on a full-circle track,
/// with rounded caps. Uses `renderer` when given and it accepts the call, else ImDrawList paths.
/// Returns true when `renderer` drew it.
bool drawRing(ImDrawList* drawList, RingRenderer* renderer, ImVec2 center, float radius, float thickness,
              double fraction, ImU32 color, ImU32 track);

/// The ImDrawList fallback of drawRing: PathArcTo + a thick stroke, and a filled circle at each end
/// for the rounded caps.
void drawRingArcs(ImDrawList* drawList, ImVec2 center, float radius, float thickness, double fraction,
                  ImU32 color, ImU32 track);

}  // namespace cut::ui
