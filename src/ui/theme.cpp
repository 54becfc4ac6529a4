#include "theme.h"

#include <algorithm>

namespace cut::ui {

namespace {

struct Rgb {
  int r, g, b;
};

// Chosen for contrast on the near-black panel and to stay distinct for red-green colour blindness
// by lightness as well as hue (green is darker than amber, red is the most saturated).
constexpr Rgb kGreen{52, 199, 120};
constexpr Rgb kAmber{245, 176, 65};
constexpr Rgb kRed{240, 82, 82};
constexpr Rgb kText{236, 238, 242};
constexpr Rgb kMuted{150, 156, 168};
constexpr Rgb kAccent{120, 160, 255};
constexpr Rgb kPanel{20, 22, 27};
constexpr Rgb kGrey{128, 132, 140};

ImU32 pack(Rgb c, float alpha) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f));
}

Rgb mix(Rgb a, Rgb b, float t) {
  auto lerp = [t](int x, int y) {
    return static_cast<int>(static_cast<float>(x) + (static_cast<float>(y - x)) * t);
  };
  return {lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b)};
}

Rgb bandRgb(Band band) {
  switch (band) {
    case Band::Green: return kGreen;
    case Band::Amber: return kAmber;
    case Band::Red: return kRed;
  }
  return kGreen;
}

Rgb tierRgb(core::PaceTier tier) {
  switch (tier) {
    case core::PaceTier::Comfortable: return kGreen;
    case core::PaceTier::OnTrack: return {150, 200, 80};
    case core::PaceTier::Warming: return {225, 195, 60};
    case core::PaceTier::Pressing: return kAmber;
    case core::PaceTier::Critical: return {245, 125, 50};
    case core::PaceTier::Runaway: return kRed;
  }
  return kGreen;
}

Rgb toneRgb(Tone tone) {
  switch (tone) {
    case Tone::Text: return kText;
    case Tone::Muted: return kMuted;
    case Tone::Warning: return kAmber;
    case Tone::Error: return kRed;
    case Tone::Accent: return kAccent;
  }
  return kText;
}

ImVec4 vec(Rgb c, float alpha) {
  return {static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
          static_cast<float>(c.b) / 255.0f, alpha};
}

}  // namespace

ImU32 bandColor(Band band, bool dimmed) {
  const Rgb c = bandRgb(band);
  return dimmed ? pack(mix(c, kGrey, 0.55f), 0.55f) : pack(c, 1.0f);
}

ImU32 paceTierColor(core::PaceTier tier, bool dimmed) {
  const Rgb c = tierRgb(tier);
  return dimmed ? pack(mix(c, kGrey, 0.55f), 0.55f) : pack(c, 1.0f);
}

ImU32 usageColor(double percent, const core::Pace& pace, const core::Settings& settings, bool dimmed) {
  if (settings.colorByPace && pace.tier) return paceTierColor(*pace.tier, dimmed);
  return bandColor(bandFor(percent, settings), dimmed);
}

ImU32 toneColor(Tone tone, bool dimmed) {
  const Rgb c = toneRgb(tone);
  return dimmed ? pack(mix(c, kGrey, 0.4f), 0.6f) : pack(c, 1.0f);
}

ImVec4 toneColorVec(Tone tone, bool dimmed) {
  return ImGui::ColorConvertU32ToFloat4(toneColor(tone, dimmed));
}

ImU32 trackColor(bool dimmed) { return IM_COL32(255, 255, 255, dimmed ? 18 : 28); }

ImU32 paceMarkerColor(bool dimmed) { return IM_COL32(255, 255, 255, dimmed ? 90 : 200); }

void applyStyle(float scale, double opacity) {
  const float alpha = static_cast<float>(std::clamp(opacity, 0.3, 1.0));
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 12.0f;
  style.WindowBorderSize = 1.0f;
  style.WindowPadding = ImVec2(14.0f, 12.0f);
  style.ItemSpacing = ImVec2(8.0f, 5.0f);
  style.ItemInnerSpacing = ImVec2(6.0f, 4.0f);
  style.FramePadding = ImVec2(8.0f, 4.0f);
  style.FrameRounding = 6.0f;
  style.GrabRounding = 6.0f;
  style.GrabMinSize = 10.0f;
  style.PopupRounding = 8.0f;
  style.PopupBorderSize = 1.0f;
  style.ChildRounding = 8.0f;
  style.ScrollbarRounding = 6.0f;
  style.FrameBorderSize = 0.0f;
  style.DisabledAlpha = 0.4f;
  // The platform window is sized to the content, so the display is exactly as large as the panel;
  // ImGui's default 3 px safe-area (meant for TV overscan) would clamp the auto-fit 6 px short.
  style.DisplaySafeAreaPadding = ImVec2(0.0f, 0.0f);
  style.ScaleAllSizes(scale);

  ImVec4* colors = style.Colors;
  colors[ImGuiCol_WindowBg] = vec(kPanel, alpha);
  colors[ImGuiCol_PopupBg] = vec(mix(kPanel, kText, 0.06f), std::max(alpha, 0.97f));
  colors[ImGuiCol_Border] = ImVec4(1.0f, 1.0f, 1.0f, 0.10f);
  colors[ImGuiCol_Text] = vec(kText, 1.0f);
  colors[ImGuiCol_TextDisabled] = vec(kMuted, 1.0f);
  colors[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.07f);
  colors[ImGuiCol_FrameBgHovered] = ImVec4(1.0f, 1.0f, 1.0f, 0.11f);
  colors[ImGuiCol_FrameBgActive] = ImVec4(1.0f, 1.0f, 1.0f, 0.15f);
  colors[ImGuiCol_Button] = ImVec4(1.0f, 1.0f, 1.0f, 0.09f);
  colors[ImGuiCol_ButtonHovered] = ImVec4(1.0f, 1.0f, 1.0f, 0.16f);
  colors[ImGuiCol_ButtonActive] = ImVec4(1.0f, 1.0f, 1.0f, 0.22f);
  colors[ImGuiCol_Header] = ImVec4(1.0f, 1.0f, 1.0f, 0.08f);
  colors[ImGuiCol_HeaderHovered] = ImVec4(1.0f, 1.0f, 1.0f, 0.13f);
  colors[ImGuiCol_HeaderActive] = ImVec4(1.0f, 1.0f, 1.0f, 0.18f);
  colors[ImGuiCol_Tab] = ImVec4(1.0f, 1.0f, 1.0f, 0.05f);
  colors[ImGuiCol_TabHovered] = ImVec4(1.0f, 1.0f, 1.0f, 0.14f);
  colors[ImGuiCol_TabActive] = vec(kAccent, 0.40f);
  colors[ImGuiCol_TabUnfocused] = colors[ImGuiCol_Tab];
  colors[ImGuiCol_TabUnfocusedActive] = colors[ImGuiCol_TabActive];
  colors[ImGuiCol_CheckMark] = vec(kAccent, 1.0f);
  colors[ImGuiCol_SliderGrab] = vec(kAccent, 0.85f);
  colors[ImGuiCol_SliderGrabActive] = vec(kAccent, 1.0f);
  colors[ImGuiCol_Separator] = ImVec4(1.0f, 1.0f, 1.0f, 0.08f);
  colors[ImGuiCol_TextSelectedBg] = vec(kAccent, 0.35f);
  ImGui::GetStyle() = style;
}

}  // namespace cut::ui
