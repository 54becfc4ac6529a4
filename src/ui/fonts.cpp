#include "fonts.h"

#include <cstddef>

namespace cut::embedded {
extern const unsigned char fontInterRegular[];
extern const std::size_t fontInterRegularSize;
extern const unsigned char fontInterSemiBold[];
extern const std::size_t fontInterSemiBoldSize;
}  // namespace cut::embedded

namespace cut::ui {

namespace {

constexpr int kRoleCount = 4;

ImFont* addEmbedded(ImFontAtlas& atlas, const unsigned char* data, std::size_t size, float pixels) {
  ImFontConfig config;
  // The bytes live in the binary's read-only data: the atlas must not free them. (ImGui 1.86 then
  // keeps a copy of its own until ClearInputData().)
  config.FontDataOwnedByAtlas = false;
  config.OversampleH = 1;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), pixels, &config,
                                    glyphRanges());
}

bool buildEmbedded(ImFontAtlas& atlas, float scale) {
  using namespace cut::embedded;
  if (!addEmbedded(atlas, fontInterRegular, fontInterRegularSize, kBodyFontPx * scale)) return false;
  if (!addEmbedded(atlas, fontInterSemiBold, fontInterSemiBoldSize, kBodyFontPx * scale)) return false;
  if (!addEmbedded(atlas, fontInterRegular, fontInterRegularSize, kSmallFontPx * scale)) return false;
  if (!addEmbedded(atlas, fontInterSemiBold, fontInterSemiBoldSize, kBigFontPx * scale)) return false;
  if (!atlas.Build()) return false;
  // A font stb_truetype could not read builds "successfully" with no glyphs; insist on a real digit.
  for (int i = 0; i < kRoleCount; ++i) {
    const ImFontGlyph* glyph = atlas.Fonts[i]->FindGlyphNoFallback(static_cast<ImWchar>('0'));
    if (glyph == nullptr || glyph->AdvanceX <= 0.0f) return false;
  }
  return true;
}

}  // namespace

const ImWchar* glyphRanges() {
  static const ImWchar kRanges[] = {
      0x0020, 0x00FF,  // Basic Latin, Latin-1 (£ ¥ · ×)
      0x2013, 0x2014,  // – —
      0x2022, 0x2022,  // •
      0x2026, 0x2026,  // …
      0x20AC, 0x20AC,  // €
      0x20B9, 0x20B9,  // ₹
      0x2190, 0x2193,  // ← ↑ → ↓
      0x21BB, 0x21BB,  // ↻
      0x2212, 0x2212,  // −
      0x2264, 0x2265,  // ≤ ≥
      0x25CF, 0x25CF,  // ●
      0,
  };
  return kRanges;
}

bool buildFonts(float contentScale) {
  const float scale = contentScale > 0.0f ? contentScale : 1.0f;
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Clear();
  io.FontGlobalScale = 1.0f;
  if (buildEmbedded(atlas, scale)) {
    io.FontDefault = atlas.Fonts[static_cast<int>(FontRole::Body)];
    // The glyphs and the texture pixels are built; ImGui's own copies of the TTF data would
    // otherwise stay for the life of the widget. A new scale rebuilds from the embedded bytes.
    atlas.ClearInputData();
    return true;
  }
  atlas.Clear();
  ImFontConfig config;
  config.SizePixels = 13.0f * scale;
  for (int i = 0; i < kRoleCount; ++i) atlas.AddFontDefault(&config);
  atlas.Build();
  io.FontDefault = atlas.Fonts[0];
  return false;
}

ImFont* font(FontRole role) {
  const int index = static_cast<int>(role);
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (atlas.Fonts.Size == kRoleCount && atlas.Fonts[index]->IsLoaded()) return atlas.Fonts[index];
  return ImGui::GetFont();
}

}  // namespace cut::ui
