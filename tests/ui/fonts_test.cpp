#include "ui/fonts.h"

#include <doctest/doctest.h>

#include "headless.h"

using namespace cut::ui;

TEST_CASE("the embedded Inter fonts build an atlas with real glyphs for every character the widget uses") {
  test::Headless ui(1.0f);
  REQUIRE(ui.fontsLoaded());
  const ImWchar needed[] = {'0',    '9',    '%',    'A',    'z',    0x20AC, 0x00A3, 0x00A5,
                            0x2265, 0x2013, 0x2014, 0x2026, 0x21BB, 0x25CF, 0x2192, 0x00B7};
  for (FontRole role : {FontRole::Body, FontRole::Strong, FontRole::Small, FontRole::Big}) {
    ImFont* f = font(role);
    REQUIRE(f != nullptr);
    for (ImWchar c : needed) {
      const ImFontGlyph* glyph = f->FindGlyphNoFallback(c);
      CAPTURE(static_cast<int>(c));
      REQUIRE(glyph != nullptr);
      CHECK(glyph->AdvanceX > 0.0f);
    }
  }
  CHECK(font(FontRole::Body)->FontSize == doctest::Approx(kBodyFontPx));
  CHECK(font(FontRole::Big)->FontSize == doctest::Approx(kBigFontPx));
  // SemiBold is a different face from Regular: wider digits.
  CHECK(font(FontRole::Strong)->FindGlyph('0')->AdvanceX > font(FontRole::Body)->FindGlyph('0')->AdvanceX);
}

TEST_CASE("fonts are rasterised at the content scale, not stretched") {
  float advance1 = 0.0f;
  {
    test::Headless ui(1.0f);
    advance1 = font(FontRole::Body)->FindGlyph('0')->AdvanceX;
  }
  test::Headless ui(2.0f);
  REQUIRE(ui.fontsLoaded());
  CHECK(font(FontRole::Body)->FontSize == doctest::Approx(2.0f * kBodyFontPx));
  CHECK(ImGui::GetIO().FontGlobalScale == 1.0f);
  CHECK(font(FontRole::Body)->FindGlyph('0')->AdvanceX == doctest::Approx(2.0f * advance1).epsilon(0.05));
}
