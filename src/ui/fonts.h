#pragma once
// The widget's fonts: Inter Regular and SemiBold, embedded at build time (fonts/README.md).
//
// Scale: on X11 a GLFW window's coordinates are framebuffer pixels, so ImGui works in pixels
// (DisplayFramebufferScale 1). Crisp text at content scale 2 therefore comes from rasterising at
// pixel size x scale, not from ImGui's FontGlobalScale (which would stretch a scale-1 bitmap); the
// widget multiplies its own sizes by ViewModel::contentScale to match. FontGlobalScale stays 1.

#include <imgui.h>

namespace cut::ui {

/// Which face and size. The atlas holds the fonts in this order.
enum class FontRole {
  Body = 0,    ///< Inter Regular 14 px: labels, countdowns
  Strong = 1,  ///< Inter SemiBold 14 px: percentages, headings
  Small = 2,   ///< Inter Regular 12 px: footer, hints
  Big = 3,     ///< Inter SemiBold 17 px: the percent inside the compact ring
};

inline constexpr float kBodyFontPx = 14.0f;
inline constexpr float kSmallFontPx = 12.0f;
inline constexpr float kBigFontPx = 17.0f;

/// Rebuilds the current ImGui context's font atlas at `contentScale` (1 = 96 dpi). Call before the
/// first frame and whenever the content scale changes, then let the renderer re-upload the font
/// texture (ImGui_ImplOpenGL3_DestroyFontsTexture / CreateFontsTexture). Returns false when the
/// embedded fonts could not be used; the atlas then holds ImGui's built-in font in every role so
/// drawing still works.
bool buildFonts(float contentScale);

/// The font for `role`, or ImGui's current font when the atlas was not built by buildFonts().
ImFont* font(FontRole role);

/// The characters the widget draws: Latin-1 plus the dashes, ellipsis, currency signs, arrows,
/// comparison signs and dots used in its texts. Zero-terminated pairs, as ImGui expects.
const ImWchar* glyphRanges();

}  // namespace cut::ui
