#pragma once
// The look: a dark, translucent, rounded panel, and the colour of each usage band.

#include <imgui.h>

#include "core/files/settings.h"
#include "core/model/pace.h"
#include "core/model/usage.h"

namespace cut::ui {

using core::Band;

/// core::bandFor with the thresholds from settings.
inline Band bandFor(double percent, const core::Settings& settings) {
  return core::bandFor(percent, settings.amberPercent, settings.redPercent);
}

/// Colours (ImU32, ABGR as ImGui packs them). `dimmed` is for numbers that are no longer fresh: the
/// same hue, desaturated and faded, so the last good numbers stay readable but clearly old.
ImU32 bandColor(Band band, bool dimmed);
/// The colour of a pace tier, comfortable to runaway: green, yellow-green, gold, amber, orange, red
/// (the status line's order). Used instead of bandColor with Settings::colorByPace.
ImU32 paceTierColor(core::PaceTier tier, bool dimmed);
/// The gauge colour of a window: its pace tier's with Settings::colorByPace once the pace is
/// known, else its level band's.
ImU32 usageColor(double percent, const core::Pace& pace, const core::Settings& settings, bool dimmed);

enum class Tone {
  Text,     ///< primary text
  Muted,    ///< secondary text: countdowns, hints, the footer when all is well
  Warning,  ///< something needs attention but the numbers are still useful
  Error,    ///< something failed and needs the person
  Accent,   ///< the DEMO pill, links
};
ImU32 toneColor(Tone tone, bool dimmed = false);
ImVec4 toneColorVec(Tone tone, bool dimmed = false);

/// The gauge's empty part and the even-pace marker.
ImU32 trackColor(bool dimmed);
ImU32 paceMarkerColor(bool dimmed);

/// Sets the current context's ImGuiStyle: dark translucent rounded panel at `opacity` (0.3..1),
/// every size multiplied by `scale` (the content scale).
void applyStyle(float scale, double opacity);

}  // namespace cut::ui
